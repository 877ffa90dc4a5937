import { CredentialTextInput } from '../CredentialTextInput';
import { WOOCOMMERCE_LABELS as WOO } from '../labels';
import { SecretInput } from '../SecretInput';

/**
 * A WooCommerce REST API key, in the words of WooCommerce > Settings > Advanced > REST API:
 * the site it was made on, then the consumer key and secret it showed. The server normalises
 * whatever address is pasted (wp-admin, a /wp-json/ URL, no https://) to the site root.
 */
export const WooCommerceFields = ({ savedLast4, readOnly }: { savedLast4: string | null; readOnly: boolean }) => (
  <>
    <CredentialTextInput source="siteUrl" label={WOO.siteUrl} helperText={WOO.siteUrlHint} requiredMessage="Enter the address of the WordPress site the key was made on." />
    <CredentialTextInput
      source="consumerKey"
      label={WOO.consumerKey}
      helperText={WOO.consumerKeyHint}
      requiredMessage={`Paste the consumer key that ${WOO.keysPage} showed for the key.`}
    />
    <SecretInput
      source="consumerSecret"
      label={WOO.consumerSecret}
      savedLast4={savedLast4}
      whatToPaste="consumer secret (starts with cs_) that WooCommerce showed with the key"
      readOnly={readOnly}
      noun="secret"
    />
  </>
);
