import { Field, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity } from 'typeorm';
import { UserRole } from '../common/user-role';
import { IdColumn } from '../common/graphql/id-column';

@Entity('users')
@ObjectType()
export class User {
  @IdColumn()
  id!: string;

  /** Stored lower-cased, so sign-in is case-insensitive. */
  @Column({ type: 'varchar', length: 320, unique: true })
  @Field()
  email!: string;

  /** argon2id encoded hash (algorithm, parameters and salt included). */
  @Column({ type: 'varchar', length: 255 })
  passwordHash!: string;

  @Column({ type: 'varchar', length: 16 })
  @Field(() => UserRole)
  role!: UserRole;

  @Column({ type: Date, nullable: true })
  @Field(() => Date, { nullable: true, description: 'Set while the user is disabled: they cannot sign in and their sessions are ended.' })
  disabledAt!: Date | null;

  @CreateDateColumn()
  @Field()
  createdAt!: Date;

  @Field({ description: 'True while the user is disabled (disabledAt is set).' })
  get disabled(): boolean {
    return this.disabledAt !== null;
  }
}
