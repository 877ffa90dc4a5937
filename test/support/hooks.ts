import { FakeBigCommerce } from '../fakes/bigcommerce';
import { FakeShopify } from '../fakes/shopify';
import { FakeWooCommerce } from '../fakes/woocommerce';
import { ADMIN, clientFor, TestServer, type GraphQLClient, type TestServerEnv } from './test-server';

/**
 * What most suites start before their tests and tear down after them. Each helper registers
 * beforeAll/afterAll in the file (or describe block) that calls it and returns the object at
 * once, so a suite can name it at the top; it is live from the first test on.
 *
 *   const fake = useFakeBigCommerce((fake) => fake.addStore({ hash: 'abc123' }));
 *   const { server, gql } = useAdminServer(() => ({ BIGCOMMERCE_API_URL: fake.url, OUTBOUND_ALLOW_PRIVATE: 'true' }));
 */

/** A fake platform listening on a free port of 127.0.0.1 from beforeAll to afterAll; `setup` adds its stores and secrets once. */
function useListeningFake<Fake extends { listen(port: number): Promise<void>; stop(): Promise<void> }>(fake: Fake, setup?: (fake: Fake) => void): Fake {
  beforeAll(async () => {
    await fake.listen(0);
    setup?.(fake);
  });
  afterAll(() => fake.stop());
  return fake;
}

/** The fake BigCommerce (BIGCOMMERCE_API_URL = fake.url). */
export const useFakeBigCommerce = (setup?: (fake: FakeBigCommerce) => void) => useListeningFake(new FakeBigCommerce(), setup);

/** The fake Shopify (SHOPIFY_API_URL = fake.apiUrlTemplate). */
export const useFakeShopify = (setup?: (fake: FakeShopify) => void) => useListeningFake(new FakeShopify(), setup);

/** The fake WooCommerce (sites are typed URLs, fake.siteUrl(path); storelink needs OUTBOUND_ALLOW_PRIVATE=true to reach them). */
export const useFakeWooCommerce = (setup?: (fake: FakeWooCommerce) => void) => useListeningFake(new FakeWooCommerce(), setup);

/** A real storelink server with its own data directory (and database), destroyed after the last test. */
export function useTestServer(env: TestServerEnv = {}): TestServer {
  const server = TestServer.unstarted(env);
  beforeAll(() => server.boot());
  afterAll(() => server.destroy());
  return server;
}

export interface AdminServer {
  server: TestServer;
  /** GraphQL as the admin of the server. */
  gql: GraphQLClient;
  /** The admin's session token. */
  readonly token: string;
}

/** useTestServer, signed in once as the first admin (ADMIN) before the first test. */
export function useAdminServer(env: TestServerEnv = {}): AdminServer {
  const server = useTestServer(env);
  let token: string | undefined;
  let gql: GraphQLClient | undefined;
  beforeAll(async () => {
    token = await server.login(ADMIN.email, ADMIN.password);
    gql = clientFor(server, token);
  });
  const signedIn = () => {
    if (!token || !gql) throw new Error('the admin signs in in beforeAll: use the server inside a test or hook');
    return { token, gql };
  };
  return {
    server,
    gql: (query, variables) => signedIn().gql(query, variables),
    get token() {
      return signedIn().token;
    },
  };
}
