import type { CredentialFieldsOf } from '../credentialsForm';
import { WOOCOMMERCE_LABELS as WOO } from '../labels';

/**
 * A WooCommerce REST API key, in the words of WooCommerce > Settings > Advanced > REST API:
 * the site it was made on, then the consumer key and secret it showed. The server normalises
 * whatever address is pasted (wp-admin, a /wp-json/ URL, no https://) to the site root.
 */
export const WOOCOMMERCE_FIELDS: CredentialFieldsOf<'WOOCOMMERCE_REST'> = {
  WOOCOMMERCE_REST: [
    { source: 'siteUrl', apiField: 'apiUrl', label: WOO.siteUrl, helperText: WOO.siteUrlHint, requiredMessage: 'Enter the address of the WordPress site the key was made on.' },
    { source: 'consumerKey', apiField: 'apiLogin', label: WOO.consumerKey, helperText: WOO.consumerKeyHint, requiredMessage: `Paste the consumer key that ${WOO.keysPage} showed for the key.` },
    { source: 'consumerSecret', apiField: 'apiPassword', label: WOO.consumerSecret, whatToPaste: 'consumer secret (starts with cs_) that WooCommerce showed with the key', noun: 'secret' },
  ],
};
