import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import { ConnectionStatus } from '../common/connection-outcome';
import { stringEnum, type EnumValue } from '../common/string-enum';
import type { StoreFilter } from '../stores/ecommerce-store.service';
import { ConnectionTestJobFilter } from './connection-test-job-filter.type';
import { IdColumn } from '../common/graphql/id-column';

export const ConnectionTestJobStatus = stringEnum(
  /** Stores are still being tested (or wait for their turn). */
  'RUNNING',
  /** Every store was tested. */
  'COMPLETED',
  /** Stopped on request: stores not yet tested were skipped. */
  'CANCELLED',
  /** Stopped because tests kept failing for a reason on our side (see `error`). */
  'FAILED',
);
export type ConnectionTestJobStatus = EnumValue<typeof ConnectionTestJobStatus>;

registerEnumType(ConnectionTestJobStatus, { name: 'ConnectionTestJobStatus', description: 'Where a bulk connection test stands.' });

/** The filter a job was started with, as stored: every StoreFilter field, each null when not given. */
export type StoredStoreFilter = { [Field in keyof StoreFilter]-?: NonNullable<StoreFilter[Field]> | null };

@ObjectType({ description: 'How many stores of a job ended with one connection status.' })
export class ConnectionStatusCount {
  @Field(() => ConnectionStatus)
  status!: ConnectionStatus;

  @Field(() => Int)
  count!: number;
}

/**
 * A bulk re-test of the saved credentials of every store that matched a filter. Progress is
 * counted from its items (connection_test_job_items), so it is the same on every instance.
 */
@Entity('connection_test_jobs')
@ObjectType({ description: 'A bulk connection test: every matching store tested once, results in each store\'s history.' })
export class ConnectionTestJob {
  @IdColumn()
  id!: string;

  @Column({ type: 'varchar', length: 16 })
  @Field(() => ConnectionTestJobStatus)
  status!: ConnectionTestJobStatus;

  @Column({ type: 'boolean', default: false })
  @Field({ description: 'true when started by the RETEST_INTERVAL_MINUTES schedule, false when started by someone.' })
  scheduled!: boolean;

  @Column({ type: 'simple-json', nullable: true })
  @Field(() => ConnectionTestJobFilter, { nullable: true, description: 'The stores it covers, as the filter it was started with; null: every store.' })
  filter!: StoredStoreFilter | null;

  @Column({ type: 'integer' })
  @Field(() => Int, { description: 'Stores in the job (a store deleted meanwhile leaves it).' })
  total!: number;

  /** "user:{id}" or "apiKey:{id}"; null for a scheduled job. */
  @Column({ type: 'varchar', length: 100, nullable: true })
  createdBy!: string | null;

  /** The starter's name as the audit trail gave it when the job started (an email, an API key's name and prefix). */
  @Column({ type: 'varchar', length: 320, nullable: true })
  @Field(() => String, {
    name: 'startedBy',
    nullable: true,
    description: "Who started the job: the user's email, or the API key's name and prefix; null when the schedule (RETEST_INTERVAL_MINUTES) started it.",
  })
  createdByName!: string | null;

  @Column({ type: Date })
  @Field()
  createdAt!: Date;

  @Column({ type: Date, nullable: true })
  @Field(() => Date, { nullable: true })
  finishedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Why the job FAILED.' })
  error!: string | null;
}

/** The counts of a job, computed from its items in one query (served as fields of ConnectionTestJob). */
export interface ConnectionTestJobProgress {
  done: number;
  ok: number;
  failed: number;
  running: number;
  pending: number;
  skipped: number;
  changed: number;
  byStatus: ConnectionStatusCount[];
}
