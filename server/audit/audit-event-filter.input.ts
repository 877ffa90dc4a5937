import { Field, ID, InputType } from 'type-graphql';
import { AuditAction, AuditActorType, AuditTargetType } from './audit-action';

@InputType()
export class AuditEventFilter {
  @Field(() => [ID], { nullable: true })
  ids?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Case-insensitive search in the actor and target names.' })
  q?: string | null;

  @Field(() => [AuditAction], { nullable: true })
  actions?: AuditAction[] | null;

  @Field(() => AuditActorType, { nullable: true })
  actorType?: AuditActorType | null;

  @Field(() => String, { nullable: true })
  actorId?: string | null;

  @Field(() => AuditTargetType, { nullable: true })
  targetType?: AuditTargetType | null;

  @Field(() => String, { nullable: true })
  targetId?: string | null;

  @Field(() => Boolean, { nullable: true })
  success?: boolean | null;

  @Field(() => Date, { nullable: true, description: 'Events at or after this time.' })
  since?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Events before this time.' })
  until?: Date | null;
}
