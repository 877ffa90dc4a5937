import type { EncryptedColumn } from '../secrets/encrypted-column';
import { EcommerceStore, secretContext } from '../stores/ecommerce-store.entity';
import { WebhookEndpoint } from '../webhooks/webhook-endpoint.entity';
import { webhookSecretContext } from '../webhooks/webhook-secret-context';
import { IssuedAccessToken, issuedTokenContext } from '../stores/issued-access-token.entity';

/**
 * Every encrypted column, next to the list of every entity. Key rotation re-encrypts exactly
 * these: a new encrypted column must be listed here, or `npm run rotate-key` would leave it
 * under the old key.
 */
export const ENCRYPTED_COLUMNS: EncryptedColumn[] = [
  { name: 'ecommerce_stores.apiPasswordEncrypted', entity: EcommerceStore, property: 'apiPasswordEncrypted', context: secretContext },
  { name: 'webhook_endpoints.secretEncrypted', entity: WebhookEndpoint, property: 'secretEncrypted', context: webhookSecretContext },
  { name: 'webhook_endpoints.previousSecretEncrypted', entity: WebhookEndpoint, property: 'previousSecretEncrypted', context: webhookSecretContext },
  { name: 'issued_access_tokens.tokenEncrypted', entity: IssuedAccessToken, property: 'tokenEncrypted', context: issuedTokenContext },
];
