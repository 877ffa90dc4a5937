import { Alert, AlertTitle, Stack, Typography } from '@mui/material';
import type { ConnectionTestResult, EcommerceStore } from '../types';
import { ConnectionTestResultPanel } from './ConnectionTestResultPanel';
import { API_VERSION_NAMES } from './labels';
import { useLatestResult } from './LatestResult';

interface Props {
  store: EcommerceStore;
}

/**
 * Shown when Save refused new credentials because they failed their test, for as long as those
 * are the credentials in the form. The point to get across: nothing changed, and the store still
 * uses what worked before.
 */
export const SaveRefusedPanel = ({ store }: Props) => {
  const { latest } = useLatestResult();
  return latest?.origin === 'refused' ? <Refusal result={latest.result} store={store} /> : null;
};

const Refusal = ({ result, store }: { result: ConnectionTestResult; store: EcommerceStore }) => (
  <Stack spacing={1.5} data-testid="save-refused" role="alert">
    <Alert severity="error" variant="filled">
      <AlertTitle>Not saved: the new credentials failed the connection test</AlertTitle>
      <Typography variant="body2">
        {store.apiVersion
          ? `Nothing was changed: this store still uses its saved ${API_VERSION_NAMES[store.apiVersion]}.`
          : 'Nothing was saved.'}{' '}
        Fix what the test found below, then save again.
      </Typography>
    </Alert>
    <ConnectionTestResultPanel result={result} caption="Test of the values you tried to save" />
  </Stack>
);
