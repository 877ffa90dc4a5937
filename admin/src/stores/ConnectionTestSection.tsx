import { Alert, Box, LinearProgress, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { useFormState } from 'react-hook-form';
import type { EcommerceStore } from '../types';
import { ConnectionTestResultPanel } from './ConnectionTestResultPanel';
import { LABELS } from './labels';
import { useLatestResult } from './LatestResult';
import { TestConnectionButton } from './TestConnectionButton';

/**
 * The bottom of the store page, where the guide sends the merchant to confirm the connection:
 * "Test API connection" and its result, or the last test's result until it is clicked.
 */
export const ConnectionTestSection = ({ store }: { store: EcommerceStore }) => {
  const { latest, show } = useLatestResult();
  const [testing, setTesting] = useState(false);
  const { isDirty } = useFormState();
  const fresh = latest?.origin === 'saved' ? latest.result : null;
  // A newer result about the values in the form is shown beside them; this section does not repeat an older one.
  const newerAbove = latest !== null && latest.origin !== 'saved';
  const shown = fresh ?? store.lastConnectionTest;

  return (
    <Box component="section" aria-labelledby="connection-test-heading" sx={{ width: '100%', maxWidth: 640 }} data-testid="connection-test-section">
      <Typography variant="h6" id="connection-test-heading" gutterBottom>
        Confirm the connection
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        Tests the saved API access against the store. Nothing in the store is changed: it reads, and proves a right to change things only with requests the store must refuse.
      </Typography>
      {isDirty && (
        <Alert severity="info" sx={{ mb: 2 }}>
          You have unsaved changes. “{LABELS.testConnection}” tests the saved settings; to test what you typed, use “{LABELS.testBeforeSaving}”.
        </Alert>
      )}
      <Stack spacing={2}>
        <Box>
          <TestConnectionButton
            store={store}
            onStart={() => setTesting(true)}
            onResult={(result) => {
              setTesting(false);
              if (result) show({ origin: 'saved', result });
            }}
          />
        </Box>
        {testing ? (
          <Box role="status">
            <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
              Testing the connection to the store: a few requests that change nothing, usually done in seconds…
            </Typography>
            <LinearProgress />
          </Box>
        ) : newerAbove ? (
          <Typography variant="body2" color="text.secondary" data-testid="newer-result-above">
            {latest.origin === 'refused'
              ? 'The newest result is above: the values you tried to save failed their test, so the saved API access is unchanged.'
              : 'The newest result is above: a test of the values in the form, which are not saved yet.'}
          </Typography>
        ) : shown ? (
          <ConnectionTestResultPanel result={shown} caption={fresh ? undefined : 'Last test'} />
        ) : (
          <Typography variant="body2" color="text.secondary">
            No test has run yet.
          </Typography>
        )}
      </Stack>
    </Box>
  );
};
