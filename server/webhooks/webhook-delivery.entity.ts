import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { WebhookDeliveryStatus } from './webhook-delivery-status';
import { WebhookEventType } from './webhook-event-type';
import { IdColumn } from '../common/graphql/id-column';

/**
 * One event for one endpoint: the outbox row, written in the transaction that caused the
 * event, and the delivery log entry. `payload` is the exact body sent on every attempt, so the
 * signature a receiver checks and the `webhook-id` (= eventId) stay the same across retries.
 * `claimToken`/`claimedAt` are the lease of the instance sending it (see WebhookDeliveryQueue).
 */
@Entity('webhook_deliveries')
@Index('IDX_webhook_deliveries_due', ['status', 'nextAttemptAt'])
@Index('IDX_webhook_deliveries_endpoint', ['endpointId', 'createdAt'])
@ObjectType({ description: 'One event sent (or to be sent) to one endpoint.' })
export class WebhookDelivery {
  @IdColumn()
  id!: string;

  @Column({ type: 'varchar', length: 36 })
  @Field(() => ID)
  endpointId!: string;

  @Column({ type: 'varchar', length: 64 })
  @Field({ description: 'The webhook-id header: the same on every attempt and redelivery of this event.' })
  eventId!: string;

  @Column({ type: 'varchar', length: 40 })
  @Field(() => WebhookEventType)
  eventType!: WebhookEventType;

  @Column({ type: 'text' })
  payload!: string;

  @Column({ type: 'varchar', length: 16 })
  @Field(() => WebhookDeliveryStatus)
  status!: WebhookDeliveryStatus;

  @Column({ type: 'integer' })
  @Field(() => Int)
  attempts!: number;

  @Column({ type: 'integer', nullable: true })
  @Field(() => Int, { nullable: true, description: 'The HTTP status of the last answer; null when there was none.' })
  responseStatus!: number | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  @Field(() => String, { nullable: true })
  lastError!: string | null;

  @Column({ type: Date, nullable: true })
  @Field(() => Date, { nullable: true })
  nextAttemptAt!: Date | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  claimToken!: string | null;

  @Column({ type: Date, nullable: true })
  claimedAt!: Date | null;

  @Column({ type: Date })
  @Field()
  createdAt!: Date;

  @Column({ type: Date, nullable: true })
  @Field(() => Date, { nullable: true })
  deliveredAt!: Date | null;
}
