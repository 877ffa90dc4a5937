import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../common/request-context';
import { User } from './user.entity';
import { UserRole } from '../common/user-role';
import { UserService } from './user.service';

/** User administration: admins only. */
@Authorized(UserRole.ADMIN)
@Resolver(() => User)
export class UserResolver {
  constructor(private readonly service: UserService) {}

  @Query(() => [User])
  users(): Promise<User[]> {
    return this.service.list();
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
    return this.service.disable(id, context.caller?.kind === 'session' ? context.caller.user.id : null);
  }

  @Mutation(() => User)
  enableUser(@Arg('id', () => ID) id: string): Promise<User> {
    return this.service.enable(id);
  }
}
