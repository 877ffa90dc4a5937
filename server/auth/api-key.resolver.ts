import { Arg, Args, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { ListMetadata } from '../common/graphql/list-metadata.type';
import type { RequestContext } from '../common/request-context';
import { ApiKey } from './api-key.entity';
import { ApiKeyService } from './api-key.service';
import { CreatedApiKey } from './created-api-key.type';
import { ApiKeyListArgs } from './inputs/api-key-filter.input';
import { UserRole } from '../common/user-role';

/** API keys for programs: admins only. `ApiKey`, `allApiKeys` and `_allApiKeysMeta` follow ra-data-graphql-simple's names. */
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
    return this.keys.listAll();
  }

  @Query(() => ApiKey, { nullable: true })
  ApiKey(@Arg('id', () => ID) id: string): Promise<ApiKey> {
    return this.keys.findById(id);
  }

  @Query(() => [ApiKey], { description: 'Newest first unless sortField/sortOrder say otherwise; page is 0-based. Never the keys themselves.' })
  allApiKeys(@Args() { page, perPage, sortField, sortOrder, filter }: ApiKeyListArgs): Promise<ApiKey[]> {
    return this.keys.list({ page, perPage, sortField, sortOrder, filter });
  }

  @Query(() => ListMetadata, { nullable: true })
  async _allApiKeysMeta(@Args() { filter }: ApiKeyListArgs): Promise<ListMetadata> {
    return { count: await this.keys.count(filter) };
  }

  @Mutation(() => ApiKey, { description: 'The key stops working at once, for good.' })
  revokeApiKey(@Arg('id', () => ID) id: string): Promise<ApiKey> {
    return this.keys.revoke(id);
  }
}
