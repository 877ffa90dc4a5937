import { Field, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, UpdateDateColumn } from 'typeorm';
import { WebhookEventType } from './webhook-event-type';
import { IdColumn } from '../common/graphql/id-column';

/**
 * Where storelink sends signed alerts. The signing secret is encrypted at rest (SecretCipher,
 * bound to the row); after a rotation the previous secret signs too, for a day, so receivers
 * can switch without losing a delivery (Standard Webhooks: several signatures in one header).
 */
@Entity('webhook_endpoints')
@ObjectType({ description: 'A receiver of signed webhooks (Standard Webhooks 1.0).' })
export class WebhookEndpoint {
  @IdColumn()
  id!: string;

  @Column({ type: 'varchar', length: 2048 })
  @Field()
  url!: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  @Field(() => String, { nullable: true })
  description!: string | null;

  @Column({ type: 'simple-json' })
  @Field(() => [WebhookEventType])
  events!: WebhookEventType[];

  @Column({ type: 'boolean' })
  @Field()
  enabled!: boolean;

  @Column({ type: 'varchar', length: 500, nullable: true })
  @Field(() => String, { nullable: true, description: 'Why storelink disabled it (410 Gone, or deliveries failing for more than a day).' })
  disabledReason!: string | null;

  @Column({ type: 'text' })
  secretEncrypted!: string;

  @Column({ type: 'varchar', length: 4 })
  @Field({ description: 'The last 4 characters of the signing secret, to recognise it.' })
  secretLast4!: string;

  @Column({ type: 'text', nullable: true })
  previousSecretEncrypted!: string | null;

  @Column({ type: Date, nullable: true })
  previousSecretExpiresAt!: Date | null;

  @CreateDateColumn()
  @Field()
  createdAt!: Date;

  @UpdateDateColumn()
  @Field()
  updatedAt!: Date;
}
