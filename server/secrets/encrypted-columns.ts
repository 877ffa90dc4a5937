import type { EntityTarget, ObjectLiteral } from 'typeorm';
import { EcommerceStore } from '../stores/ecommerce-store.entity';
import { secretContext } from '../stores/ecommerce-store.service';

/** A column that holds SecretCipher output, and the context (AAD) each row's value is bound to. */
export interface EncryptedColumn {
  /** For messages: "ecommerce_stores.apiPasswordEncrypted". */
  name: string;
  entity: EntityTarget<ObjectLiteral>;
  property: string;
  context: (id: string) => string;
}

/**
 * Every encrypted column. Key rotation re-encrypts exactly these: a new encrypted column
 * must be listed here, or `npm run rotate-key` would leave it under the old key.
 */
export const ENCRYPTED_COLUMNS: EncryptedColumn[] = [
  { name: 'ecommerce_stores.apiPasswordEncrypted', entity: EcommerceStore, property: 'apiPasswordEncrypted', context: secretContext },
];
