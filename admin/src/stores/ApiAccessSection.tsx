import { Alert, Box, Stack, Typography } from '@mui/material';
import { useWatch } from 'react-hook-form';
import { SelectInput } from 'react-admin';
import type { EcommerceStore } from '../types';
import { ConnectionTestResultPanel } from './ConnectionTestResultPanel';
import { CredentialFields } from './CredentialFields';
import { credentialFieldsOf, hasSavedSecret, type StoreFormValues } from './credentialsForm';
import { API_VERSION_NAMES, apiVersionChoices, LABELS } from './labels';
import { TestBeforeSavingButton } from './TestBeforeSavingButton';
import { useLatestResult } from './LatestResult';

/**
 * "API access", with the labels of the migration guide: API Version, then the boxes that
 * version uses, as each platform declares them (bigcommerce/, shopify/, woocommerce/ fields.ts).
 * Only the store's own platform's versions are offered.
 */
export const ApiAccessSection = ({ store, readOnly = false }: { store: EcommerceStore; readOnly?: boolean }) => {
  const apiVersion = useWatch<StoreFormValues, 'apiVersion'>({ name: 'apiVersion' });
  const { latest, show } = useLatestResult();
  const savedLast4 = hasSavedSecret(store, apiVersion) ? store.apiPasswordLast4 : null;
  const switching = !!store.apiVersion && !!apiVersion && apiVersion !== store.apiVersion;

  return (
    <Box component="section" aria-labelledby="api-access-heading">
      <Typography variant="h6" id="api-access-heading" gutterBottom>
        {LABELS.apiAccess}
      </Typography>
      <SelectInput
        source="apiVersion"
        label={LABELS.apiVersion}
        choices={apiVersionChoices(store.platform)}
        emptyText="Choose…"
        fullWidth
        // Long names (Shopify's) wrap on a phone instead of widening the page.
        sx={{ '& .MuiSelect-select.MuiSelect-select': { whiteSpace: 'normal' } }}
      />

      {switching && (
        <Alert severity="info" sx={{ mb: 2 }}>
          Until you save, this store keeps using its {API_VERSION_NAMES[store.apiVersion!]}.
        </Alert>
      )}

      <CredentialFields fields={credentialFieldsOf(apiVersion)} savedLast4={savedLast4} readOnly={readOnly} />

      {apiVersion && !readOnly && (
        <Stack spacing={2} sx={{ mt: 1 }}>
          <Box>
            <TestBeforeSavingButton store={store} onResult={(tested) => show(tested && { origin: 'typed', ...tested })} />
            <Typography variant="caption" color="text.secondary" sx={{ display: 'block', mt: 0.5 }}>
              Tests what is typed above without saving it.
            </Typography>
          </Box>
          {latest?.origin === 'typed' && (
            <Box data-testid="dry-run">
              <ConnectionTestResultPanel result={latest.result} caption="Test of the values above (not saved)" />
            </Box>
          )}
        </Stack>
      )}
    </Box>
  );
};
