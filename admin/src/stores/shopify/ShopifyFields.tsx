import { CredentialTextInput } from '../CredentialTextInput';
import { SHOPIFY_LABELS as SHOPIFY } from '../labels';
import { SecretInput } from '../SecretInput';

/**
 * Shopify's two ways in, in the Shopify admin's and Dev Dashboard's words: the shop (any form a
 * merchant pastes; the server normalises it to acme.myshopify.com), then a custom app's Admin API
 * access token, or a Dev Dashboard app's client ID and secret.
 */
export const ShopifyFields = ({
  apiVersion,
  savedLast4,
  readOnly,
}: {
  apiVersion: 'SHOPIFY_ADMIN_TOKEN' | 'SHOPIFY_CLIENT_CREDENTIALS';
  savedLast4: string | null;
  readOnly: boolean;
}) => (
  <>
    <CredentialTextInput source="shop" label={SHOPIFY.shop} helperText={SHOPIFY.shopHint} requiredMessage="Enter the shop, e.g. acme.myshopify.com." />
    {apiVersion === 'SHOPIFY_ADMIN_TOKEN' ? (
      <SecretInput
        source="shopifyAdminToken"
        label={SHOPIFY.adminToken}
        savedLast4={savedLast4}
        whatToPaste="Admin API access token of the custom app (it starts with shpat_)"
        readOnly={readOnly}
      />
    ) : (
      <>
        <CredentialTextInput source="shopifyClientId" label={SHOPIFY.clientId} helperText={SHOPIFY.clientIdHint} requiredMessage="Paste the client ID of the Dev Dashboard app." />
        <SecretInput
          source="shopifyClientSecret"
          label={SHOPIFY.clientSecret}
          savedLast4={savedLast4}
          whatToPaste="client secret of the Dev Dashboard app (Settings > Secret)"
          readOnly={readOnly}
          noun="secret"
        />
      </>
    )}
  </>
);
