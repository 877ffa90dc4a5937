import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../graphql/context';
import { AuthPayload } from './auth-payload.type';
import { AuthService } from './auth.service';
import { User } from './user.entity';

@Resolver()
export class AuthResolver {
  constructor(private readonly auth: AuthService) {}

  @Mutation(() => AuthPayload, { description: 'The only operation that needs no token.' })
  login(@Arg('email') email: string, @Arg('password') password: string): Promise<AuthPayload> {
    return this.auth.login(email, password);
  }

  @Authorized()
  @Query(() => User, { description: 'The signed-in user.' })
  me(@Ctx() context: RequestContext): User {
    return context.user!;
  }
}
