import type { CredentialField, CredentialFieldsOf } from '../credentialsForm';
import { SHOPIFY_LABELS as SHOPIFY } from '../labels';

/** Both ways in name the shop in any form a merchant pastes; the server normalises it to acme.myshopify.com. */
const SHOP: CredentialField = { source: 'shop', apiField: 'apiUrl', label: SHOPIFY.shop, helperText: SHOPIFY.shopHint, requiredMessage: 'Enter the shop, e.g. acme.myshopify.com.' };

/**
 * Shopify's two ways in, in the Shopify admin's and Dev Dashboard's words: a custom app's Admin
 * API access token, or a Dev Dashboard app's client ID and secret.
 */
export const SHOPIFY_FIELDS: CredentialFieldsOf<'SHOPIFY_ADMIN_TOKEN' | 'SHOPIFY_CLIENT_CREDENTIALS'> = {
  SHOPIFY_ADMIN_TOKEN: [
    SHOP,
    { source: 'shopifyAdminToken', apiField: 'apiPassword', label: SHOPIFY.adminToken, whatToPaste: 'Admin API access token of the custom app (it starts with shpat_)' },
  ],
  SHOPIFY_CLIENT_CREDENTIALS: [
    SHOP,
    { source: 'shopifyClientId', apiField: 'apiLogin', label: SHOPIFY.clientId, helperText: SHOPIFY.clientIdHint, requiredMessage: 'Paste the client ID of the Dev Dashboard app.' },
    { source: 'shopifyClientSecret', apiField: 'apiPassword', label: SHOPIFY.clientSecret, whatToPaste: 'client secret of the Dev Dashboard app (the app’s Settings > Client secret)', noun: 'secret' },
  ],
};
