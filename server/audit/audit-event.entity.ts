import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { ApiVersion } from '../common/api-version';
import { AuditAction, AuditActorType, AuditTargetType } from './audit-action';
import { IdColumn } from '../common/graphql/id-column';

/**
 * One entry of the audit trail: who, when, what. It never holds a secret: a credential
 * change is described by the names of the fields that changed, the old and new API
 * version and the old and new last 4 characters (which the API shows anyway).
 */
@Entity('audit_events')
@Index('IDX_audit_events_occurredAt', ['occurredAt'])
@Index('IDX_audit_events_target', ['targetType', 'targetId'])
@ObjectType({ description: 'Who did what, when. Never a secret: field names, API versions and last 4 characters only.' })
export class AuditEvent {
  @IdColumn()
  id!: string;

  @Column({ type: Date })
  @Field()
  occurredAt!: Date;

  @Column({ type: 'varchar', length: 40 })
  @Field(() => AuditAction)
  action!: AuditAction;

  @Column({ type: 'boolean' })
  @Field({ description: 'false for a refused or failed attempt (a wrong password, a failed connection test).' })
  success!: boolean;

  @Column({ type: 'varchar', length: 16 })
  @Field(() => AuditActorType)
  actorType!: AuditActorType;

  @Column({ type: 'varchar', length: 36, nullable: true })
  @Field(() => String, { nullable: true, description: 'The user or API key id.' })
  actorId!: string | null;

  @Column({ type: 'varchar', length: 320, nullable: true })
  @Field(() => String, { nullable: true, description: "The user's email, or the API key's name and prefix." })
  actorName!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  @Field(() => String, { nullable: true, description: 'The client address the request came from.' })
  ip!: string | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  @Field(() => AuditTargetType, { nullable: true })
  targetType!: AuditTargetType | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  @Field(() => String, { nullable: true })
  targetId!: string | null;

  @Column({ type: 'varchar', length: 320, nullable: true })
  @Field(() => String, { nullable: true, description: "The target's name or email when the event happened." })
  targetName!: string | null;

  @Column({ type: 'simple-json' })
  @Field(() => [String], { description: 'Names of the fields that changed, e.g. ["apiVersion", "apiLogin", "apiPassword"].' })
  changedFields!: string[];

  @Column({ type: 'varchar', length: 32, nullable: true })
  @Field(() => ApiVersion, { nullable: true })
  oldApiVersion!: ApiVersion | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  @Field(() => ApiVersion, { nullable: true })
  newApiVersion!: ApiVersion | null;

  @Column({ type: 'varchar', length: 4, nullable: true })
  @Field(() => String, { nullable: true, description: 'Last 4 characters of the secret before the change.' })
  oldLast4!: string | null;

  @Column({ type: 'varchar', length: 4, nullable: true })
  @Field(() => String, { nullable: true, description: 'Last 4 characters of the secret after the change.' })
  newLast4!: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  @Field(() => String, { nullable: true, description: 'A short, non-secret detail, e.g. a connection status or a role.' })
  detail!: string | null;
}
