import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { SIGNED_IN_USER } from './auth-checker';
import { AuthPayload } from './auth-payload.type';
import { AuthService } from './auth.service';
import type { AuthContext } from './caller';
import { User } from './user.entity';

@Resolver()
export class AuthResolver {
  constructor(private readonly auth: AuthService) {}

  @Mutation(() => AuthPayload, {
    description: 'The only operation that needs no token. Repeated failures are throttled per email and address (LOGIN_THROTTLED).',
  })
  login(@Arg('email') email: string, @Arg('password') password: string, @Ctx() context: AuthContext): Promise<AuthPayload> {
    return this.auth.login(email, password, { ip: context.clientIp });
  }

  @Authorized(SIGNED_IN_USER)
  @Query(() => User, { description: 'The signed-in user.' })
  me(@Ctx() context: AuthContext): User {
    return sessionOf(context).user;
  }

  @Authorized(SIGNED_IN_USER)
  @Mutation(() => Boolean, { description: 'Ends the session whose token made this request.' })
  logout(@Ctx() context: AuthContext): Promise<boolean> {
    return this.auth.logout(sessionOf(context));
  }

  @Authorized(SIGNED_IN_USER)
  @Mutation(() => User, { description: "Changes the signed-in user's password; every other session of the user is ended." })
  changePassword(
    @Arg('currentPassword') currentPassword: string,
    @Arg('newPassword') newPassword: string,
    @Ctx() context: AuthContext,
  ): Promise<User> {
    return this.auth.changePassword(sessionOf(context), currentPassword, newPassword, { ip: context.clientIp });
  }
}

/** The session caller; @Authorized(SIGNED_IN_USER) has made sure there is one. */
function sessionOf(context: AuthContext) {
  const caller = context.caller;
  if (caller?.kind !== 'session') throw new Error('@Authorized(SIGNED_IN_USER) should have refused this caller.');
  return caller;
}
