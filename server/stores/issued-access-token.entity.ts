import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The context an issued token is bound to, so its ciphertext only decrypts in its own row. */
export const issuedTokenContext = (storeId: string) => `issued_access_tokens:${storeId}:token`;

/**
 * An access token a platform issued to storelink for a store's saved credentials (Shopify's
 * client-credentials grant), kept encrypted until it nearly expires. Deleted whenever the
 * store's credentials change. No GraphQL type: it is never shown.
 */
@Entity('issued_access_tokens')
export class IssuedAccessToken {
  /** The store's id. */
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'text' })
  tokenEncrypted!: string;

  @Column({ type: Date })
  expiresAt!: Date;
}
