import { Arg, Authorized, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { UserRole } from '../common/user-role';
import { EcommerceStore } from '../stores/ecommerce-store.entity';
import { ApiCredentialsInput } from '../stores/inputs/api-credentials.input';
import { ConnectionTestPage } from '../connection-history/connection-test-page.type';
import { ConnectionTest } from '../connection-history/connection-test.entity';
import { ConnectionService } from './connection.service';

/** Any signed-in caller may test saved credentials and read history; only admins type or save credentials. */
@Authorized()
@Resolver(() => EcommerceStore)
export class ConnectionResolver {
  constructor(private readonly connections: ConnectionService) {}

  @Query(() => ConnectionTest, { description: "Tests the store's saved credentials against the platform and records the result." })
  testConnection(@Arg('id', () => ID) id: string): Promise<ConnectionTest> {
    return this.connections.testSavedCredentials(id);
  }

  @Authorized(UserRole.ADMIN)
  @Query(() => ConnectionTest, {
    description: 'A dry run: tests credentials as typed and saves nothing. With storeId, an omitted apiPassword means the saved one.',
  })
  testCredentials(
    @Arg('credentials', () => ApiCredentialsInput) credentials: ApiCredentialsInput,
    @Arg('storeId', () => ID, { nullable: true }) storeId?: string,
  ): Promise<ConnectionTest> {
    return this.connections.dryRun(credentials, storeId ?? null);
  }

  @Query(() => ConnectionTestPage, { description: "A store's connection tests, newest first." })
  connectionTests(
    @Arg('storeId', () => ID) storeId: string,
    @Arg('page', () => Int, { nullable: true }) page?: number,
    @Arg('perPage', () => Int, { nullable: true }) perPage?: number,
  ): Promise<ConnectionTestPage> {
    return this.connections.historyOf(storeId, page ?? undefined, perPage ?? undefined);
  }

  @Authorized(UserRole.ADMIN)
  @Mutation(() => EcommerceStore, {
    description:
      'Saves new API credentials; the secret is encrypted and never returned. With verify: true they are tested first and ' +
      'saved only if the test passes (else CONNECTION_TEST_FAILED with the result in extensions.result).',
  })
  updateApiCredentials(
    @Arg('id', () => ID) id: string,
    @Arg('credentials', () => ApiCredentialsInput) credentials: ApiCredentialsInput,
    @Arg('verify', () => Boolean, { nullable: true }) verify?: boolean,
    @Arg('version', () => Int, {
      nullable: true,
      description: 'The version of the store you read; if it has changed since, nothing is saved (CONFLICT). Omit to save regardless.',
    })
    version?: number,
  ): Promise<EcommerceStore> {
    return this.connections.updateApiCredentials(id, credentials, { verify: verify ?? false, expectedVersion: version });
  }
}
