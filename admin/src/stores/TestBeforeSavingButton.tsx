import FactCheckIcon from '@mui/icons-material/FactCheck';
import { Button, CircularProgress } from '@mui/material';
import { useState } from 'react';
import { useFormContext } from 'react-hook-form';
import { useDataProvider, useNotify } from 'react-admin';
import type { StorelinkDataProvider } from '../dataProvider';
import { toStorelinkError } from '../errors';
import type { ConnectionTestResult, EcommerceStore } from '../types';
import { formFieldFor, toCredentialsInput, type StoreFormValues } from './credentialsForm';
import { LABELS } from './labels';
import { credentialsKey } from './useTypedCredentials';

interface Props {
  store: EcommerceStore;
  /** The result, with the key (credentialsKey) of the values it tested; null when a new test starts. */
  onResult(tested: { result: ConnectionTestResult; credentials: string } | null): void;
}

/** Tests the credentials as they are in the form, saving nothing; an empty secret box means the saved secret. */
export const TestBeforeSavingButton = ({ store, onResult }: Props) => {
  const dataProvider = useDataProvider<StorelinkDataProvider>();
  const notify = useNotify();
  const { getValues, setError, clearErrors } = useFormContext<StoreFormValues>();
  const [testing, setTesting] = useState(false);

  const test = async () => {
    const values = getValues();
    const credentials = toCredentialsInput(values);
    if (!credentials) {
      notify(`Choose an ${LABELS.apiVersion} first.`, { type: 'warning' });
      return;
    }
    setTesting(true);
    onResult(null);
    clearErrors();
    try {
      onResult({ result: await dataProvider.testCredentials(credentials, store.id), credentials: credentialsKey(values) });
    } catch (error) {
      const problem = toStorelinkError(error);
      const field = formFieldFor(problem.field, values.apiVersion);
      if (problem.code === 'BAD_USER_INPUT' && field) setError(field, { type: 'server', message: problem.message }, { shouldFocus: true });
      else notify(problem.message, { type: 'error' });
    } finally {
      setTesting(false);
    }
  };

  return (
    <Button
      variant="outlined"
      onClick={test}
      disabled={testing}
      startIcon={testing ? <CircularProgress size={18} /> : <FactCheckIcon />}
      data-testid="test-before-saving"
    >
      {testing ? 'Testing…' : LABELS.testBeforeSaving}
    </Button>
  );
};
