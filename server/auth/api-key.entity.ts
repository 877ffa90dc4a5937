import { Field, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index } from 'typeorm';
import { UserRole } from '../common/user-role';
import { IdColumn } from '../common/graphql/id-column';

/**
 * A key for programs (scripts, CI jobs, other services). Only a SHA-256 hash of the key is
 * stored: the key itself is shown once, when it is created. It acts with its own role,
 * independent of the admin who created it, so it survives that admin leaving.
 */
@Entity('api_keys')
@ObjectType({ description: 'A key for programs. The key itself is shown once, when it is created; storelink keeps only its hash.' })
export class ApiKey {
  @IdColumn()
  id!: string;

  @Column({ type: 'varchar', length: 100 })
  @Field()
  name!: string;

  @Column({ type: 'varchar', length: 16 })
  @Field({ description: 'The first characters of the key, to recognise it, e.g. "sl_Ab3dEf9h".' })
  prefix!: string;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64 })
  keyHash!: string;

  @Column({ type: 'varchar', length: 16 })
  @Field(() => UserRole)
  role!: UserRole;

  @Column({ type: 'varchar', length: 36, nullable: true })
  createdById!: string | null;

  @CreateDateColumn()
  @Field()
  createdAt!: Date;

  @Column({ type: Date, nullable: true })
  @Field(() => Date, { nullable: true, description: 'Approximate (updated at most once a minute).' })
  lastUsedAt!: Date | null;

  @Column({ type: Date, nullable: true })
  @Field(() => Date, { nullable: true })
  revokedAt!: Date | null;

  @Field()
  get revoked(): boolean {
    return this.revokedAt !== null;
  }
}
