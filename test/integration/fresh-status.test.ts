import { useAdminServer, useFakeBigCommerce } from '../support/hooks';

/**
 * A store's status speaks for the credentials saved now: saving new credentials without a test
 * clears lastConnectionTest (the history keeps the older tests), and the dashboard's counts put
 * each store in exactly one of legacy, failing, healthy and untested.
 */

const HASH = 'fresh00001';
const GOOD = 'freshgood0000000000000000000000f1';
const BAD = 'freshbad00000000000000000000000f2';
const LEGACY_TOKEN = 'freshlegacy00000000000000000000000f3';
const FULL_SCOPES = { customers: 'READ_ONLY', information: 'READ_ONLY', orders: 'MODIFY', transactions: 'MODIFY', products: 'MODIFY' } as const;

const fake = useFakeBigCommerce((fake) => {
  fake.addStore({ hash: HASH, name: 'Fresh Foods', domain: 'fresh.example' });
  fake.addToken({ hash: HASH, token: GOOD, scopes: FULL_SCOPES });
  fake.addLegacyUser({ hash: HASH, username: 'legacy-admin', apiToken: LEGACY_TOKEN });
});
const { gql, server } = useAdminServer(() => ({ BIGCOMMERCE_API_URL: fake.url, OUTBOUND_ALLOW_PRIVATE: 'true' }));

const SAVE = 'mutation($id: ID!, $c: ApiCredentialsInput!, $verify: Boolean) { updateApiCredentials(id: $id, credentials: $c, verify: $verify) { id } }';
const TEST = 'query($id: ID!) { testConnection(id: $id) { status } }';
const STATUS = 'query($id: ID!) { EcommerceStore(id: $id) { lastConnectionTest { status success } } connectionTests(storeId: $id) { total } }';
const COUNTS = '{ ecommerceStoreCounts { total legacy failing healthy untested } }';
const oauth = (token: string) => ({ apiVersion: 'STORE_API_OAUTH', apiLogin: `stores/${HASH}`, apiPassword: token });

async function createStore(name: string, credentials?: object, test = false): Promise<string> {
  const id = (await gql('mutation($n: String!) { createEcommerceStore(name: $n) { id } }', { n: name })).data.createEcommerceStore.id;
  if (credentials) expect((await gql(SAVE, { id, c: credentials, verify: false })).errors).toBeUndefined();
  if (test) await gql(TEST, { id });
  return id;
}

async function healthOf(health: string): Promise<string[]> {
  const { data } = await gql('query($f: EcommerceStoreFilter) { allEcommerceStores(filter: $f, perPage: 100) { id } }', { f: { connectionHealth: health, needsMigration: false } });
  return data.allEcommerceStores.map((store: { id: string }) => store.id).sort();
}

describe('fresh connection status', () => {
  test('saving new credentials without a test clears the last test; the history keeps it', async () => {
    const id = await createStore('Fresh Foods', oauth(GOOD), true);
    expect((await gql(STATUS, { id })).data).toMatchObject({ EcommerceStore: { lastConnectionTest: { status: 'OK', success: true } }, connectionTests: { total: 1 } });
    expect(await healthOf('HEALTHY')).toContain(id);

    expect((await gql(SAVE, { id, c: oauth(BAD), verify: false })).errors).toBeUndefined();
    expect((await gql(STATUS, { id })).data).toMatchObject({ EcommerceStore: { lastConnectionTest: null }, connectionTests: { total: 1 } });
    expect(await healthOf('HEALTHY')).not.toContain(id);
    expect(await healthOf('UNTESTED')).toContain(id);

    // The next test is of the new credentials, and speaks for them.
    await gql(TEST, { id });
    expect((await gql(STATUS, { id })).data).toMatchObject({ EcommerceStore: { lastConnectionTest: { status: 'INVALID_CREDENTIALS', success: false } }, connectionTests: { total: 2 } });
    expect(await healthOf('FAILING')).toContain(id);

    // A verified save records its test: the store is tested, not cleared.
    expect((await gql(SAVE, { id, c: oauth(GOOD), verify: true })).errors).toBeUndefined();
    expect((await gql(STATUS, { id })).data).toMatchObject({ EcommerceStore: { lastConnectionTest: { status: 'OK' } }, connectionTests: { total: 3 } });
  });

  test('the dashboard counts partition the stores, in one query', async () => {
    await createStore('Never Set Up');
    await createStore('Saved Not Tested', oauth(GOOD));
    await createStore('Failing One', oauth(BAD), true);
    await createStore('Legacy Failing', { apiVersion: 'LEGACY', apiLogin: 'legacy-admin', apiPassword: 'wrong-legacy-token-000000000000', apiUrl: fake.legacyApiUrl }, true);
    await createStore('Legacy OK', { apiVersion: 'LEGACY', apiLogin: 'legacy-admin', apiPassword: LEGACY_TOKEN, apiUrl: fake.legacyApiUrl }, true);

    let counts: Record<string, number> = {};
    const queries = await server.captureQueries(async () => {
      counts = (await gql(COUNTS)).data.ecommerceStoreCounts;
    });
    const all = (await gql('{ allEcommerceStores(perPage: 100) { id needsMigration lastConnectionTest { success } } }')).data.allEcommerceStores as Array<{
      needsMigration: boolean;
      lastConnectionTest: { success: boolean } | null;
    }>;
    const expected = {
      total: all.length,
      legacy: all.filter((store) => store.needsMigration).length,
      failing: all.filter((store) => !store.needsMigration && store.lastConnectionTest?.success === false).length,
      healthy: all.filter((store) => !store.needsMigration && store.lastConnectionTest?.success === true).length,
      untested: all.filter((store) => !store.needsMigration && !store.lastConnectionTest).length,
    };
    expect(counts).toEqual(expected);
    expect(counts.legacy + counts.failing + counts.healthy + counts.untested).toBe(counts.total);
    expect(counts.legacy).toBe(2);
    expect(counts.untested).toBeGreaterThanOrEqual(2);
    // One statement on the stores table, however many stores.
    expect(queries.filter((sql) => /from "?ecommerce_stores?"?/i.test(sql) && /count/i.test(sql))).toHaveLength(1);
  });
});
