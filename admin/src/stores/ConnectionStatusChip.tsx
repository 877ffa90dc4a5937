import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import ErrorIcon from '@mui/icons-material/Error';
import HelpOutlineIcon from '@mui/icons-material/HelpOutlineOutlined';
import { Chip, Tooltip } from '@mui/material';
import { useRecordContext } from 'react-admin';
import type { ConnectionTestResult, EcommerceStore } from '../types';
import { STATUS_SHORT_REASONS } from './labels';

interface Props {
  /** The test to show; the record's last connection test by default. */
  result?: Pick<ConnectionTestResult, 'success' | 'status' | 'message'> | null;
  /** "Connection OK" rather than "OK", where no column header says what the chip is about. */
  long?: boolean;
}

/** OK, failing (with the short reason) or untested, from the store's last connection test; the full sentence is in the tooltip. */
export const ConnectionStatusChip = ({ result, long = false }: Props) => {
  const store = useRecordContext<EcommerceStore>();
  const test = result === undefined ? store?.lastConnectionTest : result;
  if (!test) {
    // Credentials saved but no test of them: older tests in the history were of other credentials and no longer count.
    const saved = result === undefined && !!store?.apiVersion;
    const tooltip = saved
      ? 'The saved credentials have not been tested yet (older tests in the history were of other credentials). Click “Test API connection”.'
      : 'No connection test has run yet. Open the store and click “Test API connection”.';
    const label = saved ? (long ? 'Not tested since the credentials changed' : 'Not tested') : long ? 'Connection not tested yet' : 'Untested';
    return (
      <Tooltip title={tooltip}>
        <Chip icon={<HelpOutlineIcon />} label={label} size="small" variant="outlined" data-testid="connection-status" />
      </Tooltip>
    );
  }
  return (
    <Tooltip title={test.message}>
      {test.success ? (
        <Chip icon={<CheckCircleIcon />} label={long ? 'Connection OK' : 'OK'} color="success" size="small" data-testid="connection-status" />
      ) : (
        <Chip icon={<ErrorIcon />} label={`${long ? 'Connection failing' : 'Failing'}: ${STATUS_SHORT_REASONS[test.status]}`} color="error" size="small" data-testid="connection-status" />
      )}
    </Tooltip>
  );
};
