import { Arg, Args, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { ListMetadata } from '../common/graphql/list-metadata.type';
import type { RequestContext } from '../common/request-context';
import { UserListArgs } from './inputs/user-filter.input';
import { User } from './user.entity';
import { UserRole } from '../common/user-role';
import { UserService } from './user.service';

/** User administration: admins only. `User`, `allUsers` and `_allUsersMeta` follow ra-data-graphql-simple's names. */
@Authorized(UserRole.ADMIN)
@Resolver(() => User)
export class UserResolver {
  constructor(private readonly service: UserService) {}

  @Query(() => [User], { description: 'Every user, by email. allUsers pages, sorts and filters.' })
  users(): Promise<User[]> {
    return this.service.listAll();
  }

  @Query(() => User, { nullable: true })
  User(@Arg('id', () => ID) id: string): Promise<User> {
    return this.service.findById(id);
  }

  @Query(() => [User], { description: 'By email unless sortField/sortOrder say otherwise; page is 0-based.' })
  allUsers(@Args() { page, perPage, sortField, sortOrder, filter }: UserListArgs): Promise<User[]> {
    return this.service.list({ page, perPage, sortField, sortOrder, filter });
  }

  @Query(() => ListMetadata, { nullable: true })
  async _allUsersMeta(@Args() { filter }: UserListArgs): Promise<ListMetadata> {
    return { count: await this.service.count(filter) };
  }

  @Mutation(() => User, { description: 'Passwords are at least 12 characters; only an argon2id hash is stored.' })
  createUser(
    @Arg('email') email: string,
    @Arg('password') password: string,
    @Arg('role', () => UserRole) role: UserRole,
  ): Promise<User> {
    return this.service.createUser({ email, password, role });
  }

  @Mutation(() => User, { description: 'The user can no longer sign in, and their sessions end at once. Not your own account.' })
  disableUser(@Arg('id', () => ID) id: string, @Ctx() context: RequestContext): Promise<User> {
    return this.service.disable(id, actingUserId(context));
  }

  @Mutation(() => User, { description: 'Makes the user an ADMIN or a VIEWER. Not your own role, and never the last enabled admin.' })
  updateUser(@Arg('id', () => ID) id: string, @Arg('role', () => UserRole) role: UserRole, @Ctx() context: RequestContext): Promise<User> {
    return this.service.changeRole(id, role, actingUserId(context));
  }

  @Mutation(() => User)
  enableUser(@Arg('id', () => ID) id: string): Promise<User> {
    return this.service.enable(id);
  }
}

const actingUserId = (context: RequestContext): string | null => (context.caller?.kind === 'session' ? context.caller.user.id : null);
