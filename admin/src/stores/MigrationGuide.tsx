import SwapHorizIcon from '@mui/icons-material/SwapHoriz';
import { Box, Button, Paper, Typography } from '@mui/material';
import { useFormContext } from 'react-hook-form';
import { useIsViewer } from '../useIsViewer';
import type { StoreFormValues } from './credentialsForm';
import { GuideChecklist } from './GuideChecklist';
import { API_VERSION_NAMES, LABELS, REQUIRED_SCOPES, SCOPE_LEVEL_NAMES } from './labels';

/**
 * The merchant guide's steps for a store still on a Legacy API account, beside the fields they
 * refer to. The Legacy account keeps working until a Store API account that passes its test is saved.
 */
export const MigrationGuide = () => {
  const { setValue } = useFormContext<StoreFormValues>();
  const viewer = useIsViewer();
  const switchToStoreApi = () => setValue('apiVersion', 'STORE_API_OAUTH', { shouldDirty: true });

  return (
    <Paper
      variant="outlined"
      component="section"
      aria-labelledby="migration-heading"
      sx={{ p: 2, width: '100%', borderColor: 'warning.main', bgcolor: 'rgba(237, 108, 2, 0.04)' }}
      data-testid="migration-guide"
    >
      <Typography variant="h6" id="migration-heading" gutterBottom>
        Migrate to a Store API account
      </Typography>
      <Typography variant="body2" sx={{ mb: 2 }}>
        BigCommerce deprecated Legacy API accounts in July 2018. This store still connects with one; it keeps working until you
        save a Store API account that passes the connection test.
      </Typography>

      <Box component="ol" sx={{ m: 0, pl: 2.5, '& > li': { mb: 1.5 } }}>
        <li>
          <Typography variant="body2">
            In the BigCommerce control panel, go to <strong>Settings &gt; Store-level API accounts</strong> (older control panels:{' '}
            <strong>Advanced Settings &gt; API Accounts</strong>) and create an API account of type <strong>“V2/V3 API token”</strong>{' '}
            with exactly these OAuth scopes:
          </Typography>
          <GuideChecklist
            label="OAuth scopes to set"
            testId="required-scopes"
            items={REQUIRED_SCOPES.map(({ scope, level }) => `${scope} = ${SCOPE_LEVEL_NAMES[level]}`)}
          />
          <Typography variant="body2" color="text.secondary">
            Leave every other scope at None. Save, and keep the credentials BigCommerce shows you: it shows the Access Token only once.
          </Typography>
        </li>
        <li>
          <Typography variant="body2" sx={{ mb: 1 }}>
            Under <strong>{LABELS.apiAccess}</strong>, set <strong>{LABELS.apiVersion}</strong> to “{API_VERSION_NAMES.STORE_API_OAUTH}”, then paste the API path into{' '}
            <strong>{LABELS.apiPath}</strong> (it looks like stores/abcd1234) and the Access Token into <strong>{LABELS.accessToken}</strong>.
          </Typography>
          <Button size="small" variant="outlined" startIcon={<SwapHorizIcon />} onClick={switchToStoreApi} disabled={viewer}>
            Switch to {API_VERSION_NAMES.STORE_API_OAUTH}
          </Button>
        </li>
        <li>
          <Typography variant="body2">
            Click <strong>{LABELS.testBeforeSaving}</strong>: every scope should show ✓.
          </Typography>
        </li>
        <li>
          <Typography variant="body2">
            Click <strong>Save</strong>. storelink tests the new account first and keeps the Legacy one if the test fails.
          </Typography>
        </li>
      </Box>
    </Paper>
  );
};
