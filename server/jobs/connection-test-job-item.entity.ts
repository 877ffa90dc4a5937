import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { ConnectionStatus } from '../common/connection-outcome';
import { stringEnum, type EnumValue } from '../common/string-enum';

export const JobItemStatus = stringEnum(
  'PENDING', 'RUNNING', 'DONE',
  /** Not tested: the job was cancelled or failed first. */
  'SKIPPED',
);
export type JobItemStatus = EnumValue<typeof JobItemStatus>;

registerEnumType(JobItemStatus, { name: 'ConnectionTestJobItemStatus' });

/**
 * One store of a bulk job: the unit of work instances claim. `claimToken` says which claim
 * owns a RUNNING item; `claimedAt` starts its lease (an instance that dies mid-test lets it
 * go back to PENDING when the lease runs out) and spaces tests of one store (`rateKey`).
 */
@Entity('connection_test_job_items')
@ObjectType({ description: 'One store of a bulk connection test.' })
export class ConnectionTestJobItem {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 36 })
  jobId!: string;

  @Column({ type: 'varchar', length: 36 })
  @Field(() => ID)
  storeId!: string;

  @Field({ description: 'The store\'s name now.' })
  storeName!: string;

  @Column({ type: 'integer' })
  seq!: number;

  /** Whose API quota a test spends: "bc:{hash}" or "legacy:{host}"; null when a test sends nothing. */
  @Column({ type: 'varchar', length: 300, nullable: true })
  rateKey!: string | null;

  @Column({ type: 'varchar', length: 16 })
  @Field(() => JobItemStatus)
  status!: JobItemStatus;

  @Column({ type: 'varchar', length: 36, nullable: true })
  claimToken!: string | null;

  @Column({ type: Date, nullable: true })
  claimedAt!: Date | null;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ type: Date, nullable: true })
  @Field(() => Date, { nullable: true })
  finishedAt!: Date | null;

  @Column({ type: 'boolean', nullable: true })
  @Field(() => Boolean, { nullable: true })
  success!: boolean | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  @Field(() => ConnectionStatus, { nullable: true, description: 'The status this test found.' })
  resultStatus!: ConnectionStatus | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  @Field(() => ConnectionStatus, { nullable: true, description: "The status of the store's test before this one (null if it had none)." })
  previousStatus!: ConnectionStatus | null;

  @Column({ type: 'boolean', default: false })
  @Field({ description: 'true when the store had a previous test and this one found a different status.' })
  statusChanged!: boolean;

  /** The connection_tests row this test added to the store's history. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  @Field(() => ID, { nullable: true, description: "The test's entry in the store's history (connectionTests)." })
  testId!: string | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'The result message, or why the store could not be tested.' })
  message!: string | null;
}
