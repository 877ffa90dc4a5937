import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { ApiVersion } from '../common/api-version';
import { ConnectionStatus, type ConnectionOutcome } from '../common/connection-outcome';
import { ScopeCheck } from './scope-check.type';

/**
 * One connection test: a row of a store's history, or (unsaved, id null) a dry run.
 * It holds what the admin was told, never anything that was sent.
 */
@Entity('connection_tests')
@Index('IDX_connection_tests_store_testedAt', ['storeId', 'testedAt'])
// Simple resolvers: its fields are properties and need no middleware (type-graphql's wrapper cost a call and an object per field).
@ObjectType('ConnectionTestResult', { simpleResolvers: true })
export class ConnectionTest implements ConnectionOutcome {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  @Field(() => ID, { nullable: true, description: 'null for a dry run (testCredentials), which is not recorded.' })
  id!: string | null;

  @Column({ type: 'varchar', length: 36 })
  storeId!: string | null;

  @Column({ type: 'boolean' })
  @Field()
  success!: boolean;

  @Column({ type: 'varchar', length: 32 })
  @Field(() => ConnectionStatus)
  status!: ConnectionStatus;

  @Column({ type: 'text' })
  @Field({ description: 'One sentence an admin can act on.' })
  message!: string;

  @Column({ type: 'varchar', length: 32, nullable: true })
  @Field(() => ApiVersion, { nullable: true })
  apiVersion!: ApiVersion | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  @Field(() => String, { nullable: true })
  storeName!: string | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  @Field(() => String, { nullable: true })
  storeDomain!: string | null;

  @Column({ type: 'simple-json' })
  @Field(() => [ScopeCheck])
  scopes!: ScopeCheck[];

  @Column({ type: 'simple-json' })
  @Field(() => [String])
  warnings!: string[];

  @Column({ type: 'integer' })
  @Field(() => Int)
  durationMs!: number;

  @Column({ type: Date })
  @Field()
  testedAt!: Date;
}
