import { Alert, Box, LinearProgress, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { useFormState } from 'react-hook-form';
import type { ConnectionTestResult, EcommerceStore } from '../types';
import { ConnectionTestResultPanel } from './ConnectionTestResultPanel';
import { LABELS } from './labels';
import { TestConnectionButton } from './TestConnectionButton';

/**
 * The bottom of the store page, where the guide sends the merchant to confirm the connection:
 * "Test API connection" and its result, or the last test's result until it is clicked.
 */
export const ConnectionTestSection = ({ store }: { store: EcommerceStore }) => {
  const [fresh, setFresh] = useState<ConnectionTestResult | null>(null);
  const [testing, setTesting] = useState(false);
  const { isDirty } = useFormState();
  const shown = fresh ?? store.lastConnectionTest;

  return (
    <Box component="section" aria-labelledby="connection-test-heading" sx={{ width: '100%', maxWidth: 640 }} data-testid="connection-test-section">
      <Typography variant="h6" id="connection-test-heading" gutterBottom>
        Confirm the connection
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        Tests the saved API access against the store. It only reads: nothing in the store is changed.
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
              if (result) setFresh(result);
            }}
          />
        </Box>
        {testing ? (
          <Box role="status">
            <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
              Testing the connection to the store: a few read-only requests, usually done in seconds…
            </Typography>
            <LinearProgress />
          </Box>
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
