import { Alert, Box, Stack, Typography } from '@mui/material';
import { useWatch } from 'react-hook-form';
import { SelectInput } from 'react-admin';
import type { EcommerceStore } from '../types';
import { ConnectionTestResultPanel } from './ConnectionTestResultPanel';
import { CredentialTextInput } from './CredentialTextInput';
import { hasSavedSecret, type StoreFormValues } from './credentialsForm';
import { API_VERSION_NAMES, apiVersionChoices, LABELS } from './labels';
import { SecretInput } from './SecretInput';
import { TestBeforeSavingButton } from './TestBeforeSavingButton';
import { useLatestResult } from './LatestResult';
import { ShopifyFields } from './shopify/ShopifyFields';
import { WooCommerceFields } from './woocommerce/WooCommerceFields';

/**
 * "API access", with the labels of the migration guide: API Version, then the fields that
 * version uses. A Store API account needs the API path and access token; a Legacy API account
 * its API URL, username and API token; a WooCommerce REST API key its site URL, consumer key and
 * consumer secret. Only the store's own platform's versions are offered.
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

      {apiVersion === 'STORE_API_OAUTH' && (
        <>
          <CredentialTextInput
            source="apiPath"
            label={LABELS.apiPath}
            helperText={LABELS.apiPathHint}
            requiredMessage="Paste the API path BigCommerce showed for the API account."
          />
          <SecretInput
            source="accessToken"
            label={LABELS.accessToken}
            savedLast4={savedLast4}
            whatToPaste="Access Token of the store's API account"
            readOnly={readOnly}
          />
        </>
      )}

      {apiVersion === 'LEGACY' && (
        <>
          <CredentialTextInput
            source="apiUrl"
            label={LABELS.legacyApiUrl}
            helperText="The API path of the Legacy API account, e.g. https://store-abcd1234.mybigcommerce.com/api/v2/"
            requiredMessage="Enter the API URL of the Legacy API account."
          />
          <CredentialTextInput
            source="legacyUsername"
            label={LABELS.legacyUsername}
            helperText="The username of the Legacy API account"
            requiredMessage="Enter the username of the Legacy API account."
          />
          <SecretInput
            source="legacyApiToken"
            label={LABELS.legacyApiToken}
            savedLast4={savedLast4}
            whatToPaste="API token of the Legacy API account"
            readOnly={readOnly}
          />
        </>
      )}

      {apiVersion === 'WOOCOMMERCE_REST' && <WooCommerceFields savedLast4={savedLast4} readOnly={readOnly} />}

      {(apiVersion === 'SHOPIFY_ADMIN_TOKEN' || apiVersion === 'SHOPIFY_CLIENT_CREDENTIALS') && (
        <ShopifyFields apiVersion={apiVersion} savedLast4={savedLast4} readOnly={readOnly} />
      )}

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
