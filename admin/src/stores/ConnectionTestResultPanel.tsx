import { Alert, AlertTitle, Box, Stack, Typography } from '@mui/material';
import { formatDateTime, formatDuration } from '../format';
import type { ConnectionTestResult } from '../types';
import { API_VERSION_NAMES, PLATFORM_OF_API_VERSION } from './labels';
import { ScopeChecklist } from './ScopeChecklist';

interface Props {
  result: ConnectionTestResult;
  /** e.g. "Test of the values in the form (not saved)". */
  caption?: string;
}

/** One connection test as an admin needs it: the verdict in one sentence, which store answered, every scope, the warnings, and how long it took. */
export const ConnectionTestResultPanel = ({ result, caption }: Props) => (
  <Stack
    spacing={1.5}
    data-testid="connection-test-result"
    data-result-id={result.id ?? 'dry-run'}
    data-success={result.success}
    data-status={result.status}
  >
    <Alert severity={result.success ? 'success' : 'error'} variant="outlined">
      <AlertTitle>{result.success ? 'Connection successful' : 'Connection failed'}</AlertTitle>
      <Typography variant="body2" data-testid="connection-test-message">
        {result.message}
      </Typography>
      {(result.storeName || result.storeDomain) && (
        <Typography variant="body2" sx={{ mt: 1 }} data-testid="connection-test-store">
          Store: <strong>{result.storeName ?? 'unnamed'}</strong>
          {result.storeDomain && <> ({result.storeDomain})</>}
        </Typography>
      )}
    </Alert>

    {result.warnings.length > 0 && (
      <Alert severity="warning" data-testid="connection-test-warnings">
        <AlertTitle>{result.warnings.length === 1 ? 'Warning' : 'Warnings'}</AlertTitle>
        <Box component="ul" sx={{ m: 0, pl: 2 }}>
          {result.warnings.map((warning) => (
            <li key={warning}>
              <Typography variant="body2">{warning}</Typography>
            </li>
          ))}
        </Box>
      </Alert>
    )}

    {/* Scopes are worth showing only once the store answered: when the connection itself failed, every row would say "could not verify". */}
    {result.scopes.length > 0 && (result.status === 'OK' || result.status === 'MISSING_SCOPES') && (
      <ScopeChecklist scopes={result.scopes} platform={result.apiVersion ? PLATFORM_OF_API_VERSION[result.apiVersion] : undefined} />
    )}

    <Typography variant="caption" color="text.secondary">
      {[
        caption,
        result.apiVersion && API_VERSION_NAMES[result.apiVersion],
        `tested ${formatDateTime(result.testedAt)}`,
        `took ${formatDuration(result.durationMs)}`,
      ]
        .filter(Boolean)
        .join(' · ')}
    </Typography>
  </Stack>
);
