import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../common/request-context';
import { ApiKey } from './api-key.entity';
import { ApiKeyService } from './api-key.service';
import { CreatedApiKey } from './created-api-key.type';
import { UserRole } from '../common/user-role';

/** API keys for programs: admins only. */
@Authorized(UserRole.ADMIN)
@Resolver(() => ApiKey)
export class ApiKeyResolver {
  constructor(private readonly keys: ApiKeyService) {}

  @Mutation(() => CreatedApiKey, { description: 'The key acts with the given role. It is returned this once and never again.' })
  createApiKey(
    @Arg('name') name: string,
    @Arg('role', () => UserRole) role: UserRole,
    @Ctx() context: RequestContext,
  ): Promise<CreatedApiKey> {
    return this.keys.create({ name, role }, context.caller?.kind === 'session' ? context.caller.user.id : null);
  }

  @Query(() => [ApiKey], { description: 'Every key, revoked ones included, newest first. Never the keys themselves.' })
  apiKeys(): Promise<ApiKey[]> {
    return this.keys.list();
  }

  @Mutation(() => ApiKey, { description: 'The key stops working at once, for good.' })
  revokeApiKey(@Arg('id', () => ID) id: string): Promise<ApiKey> {
    return this.keys.revoke(id);
  }
}
