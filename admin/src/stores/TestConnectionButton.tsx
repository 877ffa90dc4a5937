import NetworkCheckIcon from '@mui/icons-material/NetworkCheck';
import { Button, CircularProgress } from '@mui/material';
import { useState } from 'react';
import { useDataProvider, useNotify, useRefresh } from 'react-admin';
import type { StorelinkDataProvider } from '../dataProvider';
import { toStorelinkError } from '../errors';
import type { ConnectionTestResult, EcommerceStore } from '../types';
import { LABELS } from './labels';

/** "Test API connection": tests the saved credentials; the result goes into the store's history and status. */
interface Props {
  store: EcommerceStore;
  onStart(): void;
  onResult(result: ConnectionTestResult | null): void;
}

export const TestConnectionButton = ({ store, onStart, onResult }: Props) => {
  const dataProvider = useDataProvider<StorelinkDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [testing, setTesting] = useState(false);

  const test = async () => {
    setTesting(true);
    onStart();
    try {
      onResult(await dataProvider.testConnection(store.id));
      // The store's status and "last tested" changed.
      refresh();
    } catch (error) {
      onResult(null);
      notify(toStorelinkError(error).message, { type: 'error' });
    } finally {
      setTesting(false);
    }
  };

  return (
    <Button
      variant="contained"
      onClick={test}
      disabled={testing}
      startIcon={testing ? <CircularProgress size={18} color="inherit" /> : <NetworkCheckIcon />}
      data-testid="test-api-connection"
    >
      {testing ? 'Testing…' : LABELS.testConnection}
    </Button>
  );
};
