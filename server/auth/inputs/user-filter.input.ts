import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { ListArgs } from '../../common/graphql/list-args';
import { UserRole } from '../../common/user-role';

@InputType()
export class UserFilter {
  @Field(() => [ID], { nullable: true })
  ids?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Case-insensitive search in the email.' })
  q?: string | null;

  @Field(() => UserRole, { nullable: true })
  role?: UserRole | null;

  @Field(() => Boolean, { nullable: true })
  disabled?: boolean | null;
}

@ArgsType()
export class UserListArgs extends ListArgs(UserFilter) {}
