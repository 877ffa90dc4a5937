import { Field, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, UpdateDateColumn, VersionColumn } from 'typeorm';
import { ApiVersion } from '../common/api-version';
import { Platform } from '../common/platform';
import { IdColumn } from '../common/graphql/id-column';

/** The context a store's secret is bound to, so its ciphertext only decrypts in its own row. */
export const secretContext = (storeId: string) => `ecommerce_stores:${storeId}:apiPassword`;

/**
 * A merchant's store and the credentials storelink uses to reach it.
 * The encrypted secret has no @Field: the API can say that a secret is set and how it
 * ends, never what it is.
 */
@Entity('ecommerce_stores')
// Simple resolvers: its fields are properties or getters and need no middleware (type-graphql's wrapper cost a call and an object per field).
@ObjectType({ simpleResolvers: true })
export class EcommerceStore {
  @IdColumn()
  id!: string;

  @Column({ type: 'varchar', length: 200 })
  @Field()
  name!: string;

  @Column({ type: 'varchar', length: 32 })
  @Field(() => Platform)
  platform!: Platform;

  @Column({ type: 'varchar', length: 32, nullable: true })
  @Field(() => ApiVersion, { nullable: true })
  apiVersion!: ApiVersion | null;

  /** Who storelink logs in as, as the platform's connector normalised it (see ApiCredentialsInput). */
  @Column({ type: 'varchar', length: 255, nullable: true })
  @Field(() => String, {
    nullable: true,
    description: 'BigCommerce Store API: the API path "stores/{hash}". Legacy: the username. Shopify client credentials: the client ID. WooCommerce: the consumer key.',
  })
  apiLogin!: string | null;

  /** BigCommerce Store API only, lower-case. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  @Field(() => String, { nullable: true })
  storeHash!: string | null;

  /** Where the store's API is, normalised by the platform's connector. */
  @Column({ type: 'varchar', length: 2048, nullable: true })
  @Field(() => String, {
    nullable: true,
    description: 'BigCommerce Legacy: the API path URL. Shopify: the shop, "acme.myshopify.com". WooCommerce: the site URL.',
  })
  apiUrl!: string | null;

  /** The access token or legacy API token, encrypted (see SecretCipher). */
  @Column({ type: 'text', nullable: true })
  apiPasswordEncrypted!: string | null;

  @Column({ type: 'varchar', length: 4, nullable: true })
  @Field(() => String, { nullable: true, description: 'The last 4 characters of the saved secret, to recognise it.' })
  apiPasswordLast4!: string | null;

  @CreateDateColumn()
  @Field()
  createdAt!: Date;

  @UpdateDateColumn()
  @Field()
  updatedAt!: Date;

  /** Bumped on every update, so a stale concurrent write can be detected. */
  @VersionColumn({ default: 1 })
  @Field(() => Int, {
    description: 'Goes up by one on every change. Send it back as `version` with an update to have the update refused (CONFLICT) if the store changed meanwhile.',
  })
  version!: number;

  /**
   * The store's newest connection test in brief, written with the test in its transaction, so a
   * page of stores shows it without reading the history (see connections/latest-test-summary.ts).
   */
  @Column({ type: 'varchar', length: 36, nullable: true })
  lastTestId!: string | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  lastTestStatus!: string | null;

  @Column({ type: 'boolean', nullable: true })
  lastTestSuccess!: boolean | null;

  @Column({ type: 'text', nullable: true })
  lastTestMessage!: string | null;

  @Column({ type: Date, nullable: true })
  lastTestedAt!: Date | null;

  @Field({ description: 'Whether a secret is saved. The secret itself is never returned.' })
  get apiPasswordSet(): boolean {
    return this.apiPasswordEncrypted !== null;
  }
}

/** What a store row keeps of its newest connection test. */
export type NewestTestSummary = Pick<EcommerceStore, 'lastTestId' | 'lastTestStatus' | 'lastTestSuccess' | 'lastTestMessage' | 'lastTestedAt'>;
