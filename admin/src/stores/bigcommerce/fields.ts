import type { CredentialFieldsOf } from '../credentialsForm';
import { LABELS } from '../labels';

/** A Store API account's API path and access token; a Legacy API account's API URL, username and API token. */
export const BIGCOMMERCE_FIELDS: CredentialFieldsOf<'STORE_API_OAUTH' | 'LEGACY'> = {
  STORE_API_OAUTH: [
    { source: 'apiPath', apiField: 'apiLogin', label: LABELS.apiPath, helperText: LABELS.apiPathHint, requiredMessage: 'Paste the API path BigCommerce showed for the API account.' },
    { source: 'accessToken', apiField: 'apiPassword', label: LABELS.accessToken, whatToPaste: "Access Token of the store's API account" },
  ],
  LEGACY: [
    {
      source: 'apiUrl',
      apiField: 'apiUrl',
      label: LABELS.legacyApiUrl,
      helperText: 'The API path of the Legacy API account, e.g. https://store-abcd1234.mybigcommerce.com/api/v2/',
      requiredMessage: 'Enter the API URL of the Legacy API account.',
    },
    { source: 'legacyUsername', apiField: 'apiLogin', label: LABELS.legacyUsername, helperText: 'The username of the Legacy API account', requiredMessage: 'Enter the username of the Legacy API account.' },
    { source: 'legacyApiToken', apiField: 'apiPassword', label: LABELS.legacyApiToken, whatToPaste: 'API token of the Legacy API account' },
  ],
};
