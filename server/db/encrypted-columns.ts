import type { EncryptedColumn } from '../secrets/encrypted-column';
import { EcommerceStore, secretContext } from '../stores/ecommerce-store.entity';

/**
 * Every encrypted column, next to the list of every entity. Key rotation re-encrypts exactly
 * these: a new encrypted column must be listed here, or `npm run rotate-key` would leave it
 * under the old key.
 */
export const ENCRYPTED_COLUMNS: EncryptedColumn[] = [
  { name: 'ecommerce_stores.apiPasswordEncrypted', entity: EcommerceStore, property: 'apiPasswordEncrypted', context: secretContext },
];
