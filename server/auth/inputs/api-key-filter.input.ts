import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { ListArgs } from '../../common/graphql/list-args';
import { UserRole } from '../../common/user-role';

@InputType()
export class ApiKeyFilter {
  @Field(() => [ID], { nullable: true })
  ids?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Case-insensitive search in the name and the prefix.' })
  q?: string | null;

  @Field(() => UserRole, { nullable: true })
  role?: UserRole | null;

  @Field(() => Boolean, { nullable: true })
  revoked?: boolean | null;
}

@ArgsType()
export class ApiKeyListArgs extends ListArgs(ApiKeyFilter) {}
