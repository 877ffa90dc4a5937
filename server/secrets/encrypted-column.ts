import type { EntityTarget, ObjectLiteral } from 'typeorm';

/** A column that holds SecretCipher output, and the context (AAD) each row's value is bound to. */
export interface EncryptedColumn {
  /** For messages: "ecommerce_stores.apiPasswordEncrypted". */
  name: string;
  entity: EntityTarget<ObjectLiteral>;
  property: string;
  context: (id: string) => string;
}
