import { CREATE_STORE, GET_STORE, UPDATE_CREDENTIALS } from '../support/store-operations';
import { useAdminServer, useFakeBigCommerce } from '../support/hooks';
import { MigratingStore } from '../support/bigcommerce-migrating-store';

/**
 * Connection testing through the GraphQL API, against the fake BigCommerce over real HTTP:
 * saved credentials are tested and recorded, dry runs save nothing, and credentials saved
 * with verify replace the old ones only when they pass.
 */

const STORE = new MigratingStore('conn42abcd');
const { hash: HASH, fullToken: FULL_TOKEN, ordersReadOnlyToken: ORDERS_READ_ONLY_TOKEN, wrongToken: WRONG_TOKEN, legacyUsername: LEGACY_USER, legacyToken: LEGACY_TOKEN } = STORE;
const ALL_TOKENS = STORE.secrets;

const RESULT_FIELDS = `id success status message apiVersion storeName storeDomain warnings durationMs testedAt
  scopes { scope apiName required granted verified ok message }`;
const TEST_CONNECTION = `query($id: ID!) { testConnection(id: $id) { ${RESULT_FIELDS} } }`;
const TEST_CREDENTIALS = `query($c: ApiCredentialsInput!, $storeId: ID) { testCredentials(credentials: $c, storeId: $storeId) { ${RESULT_FIELDS} } }`;
const VERIFIED_UPDATE = `mutation($id: ID!, $c: ApiCredentialsInput!) {
  updateApiCredentials(id: $id, credentials: $c, verify: true) { id apiVersion apiLogin apiPasswordLast4 needsMigration lastConnectionTest { status } }
}`;
const HISTORY = `query($id: ID!, $page: Int, $perPage: Int) { connectionTests(storeId: $id, page: $page, perPage: $perPage) { total items { id status testedAt } } }`;

const oauth = (apiPassword?: string, apiLogin = `stores/${HASH}`) => ({ apiVersion: 'STORE_API_OAUTH', apiLogin, ...(apiPassword ? { apiPassword } : {}) });
const legacy = () => ({ apiVersion: 'LEGACY', apiLogin: LEGACY_USER, apiPassword: LEGACY_TOKEN, apiUrl: fake.legacyApiUrl });

const fake = useFakeBigCommerce((fake) => STORE.addTo(fake));
const { server, gql } = useAdminServer(() => ({ BIGCOMMERCE_API_URL: fake.url, OUTBOUND_ALLOW_PRIVATE: 'true', HTTP_TIMEOUT_MS: '3000' }));
/** Every write any test sent, gathered before each reset clears the fake's log. */
const unsafeWrites: unknown[] = [];
afterEach(() => {
  unsafeWrites.push(...fake.unsafeWrites);
  fake.reset();
});

async function storeWith(credentials: Record<string, unknown> | null): Promise<string> {
  const id = (await gql(CREATE_STORE, { name: 'Acme Outdoor' })).data.createEcommerceStore.id;
  if (credentials) expect((await gql(UPDATE_CREDENTIALS, { id, credentials })).errors).toBeUndefined();
  return id;
}

const rawRow = async (id: string) => (await server.dataSource.query('SELECT * FROM ecommerce_stores WHERE id = ?', [id]))[0];
const historyOf = async (id: string) => (await gql(HISTORY, { id })).data.connectionTests;

describe('testConnection (saved credentials)', () => {
  test('a correctly scoped token is OK: store name and domain, all five scopes, and a recorded history row', async () => {
    const id = await storeWith(oauth(FULL_TOKEN));
    const result = (await gql(TEST_CONNECTION, { id })).data.testConnection;
    expect(result).toMatchObject({
      success: true,
      status: 'OK',
      apiVersion: 'STORE_API_OAUTH',
      storeName: 'Acme Outdoor',
      storeDomain: 'acme-outdoor.example',
    });
    expect(result.id).toEqual(expect.any(String));
    expect(result.scopes.map((s: { scope: string }) => s.scope)).toEqual([
      'Customers',
      'Information & Settings',
      'Orders',
      'Order Transactions',
      'Products',
    ]);
    expect(result.scopes.filter((s: { ok: boolean }) => !s.ok)).toEqual([]);
    const transactions = result.scopes.find((s: { scope: string }) => s.scope === 'Order Transactions');
    expect(transactions).toMatchObject({ required: 'MODIFY', verified: false });
    expect(transactions.message).toMatch(/control panel/i);

    const history = await historyOf(id);
    expect(history.total).toBe(1);
    expect(history.items[0]).toMatchObject({ id: result.id, status: 'OK' });
    const store = (await gql(`query($id: ID!) { EcommerceStore(id: $id) { lastConnectionTest { id status message } } }`, { id })).data.EcommerceStore;
    expect(store.lastConnectionTest).toEqual({ id: result.id, status: 'OK', message: result.message });
  });

  test('a test is not a change of the store: its version and updatedAt stay, and the next test replaces the last one', async () => {
    const id = await storeWith(oauth(FULL_TOKEN));
    const READ = `query($id: ID!) { EcommerceStore(id: $id) { version updatedAt lastConnectionTest { id status testedAt } } }`;
    const before = (await gql(READ, { id })).data.EcommerceStore;
    expect(before.lastConnectionTest).toBeNull();
    const first = (await gql(TEST_CONNECTION, { id })).data.testConnection;
    const second = (await gql(TEST_CONNECTION, { id })).data.testConnection;
    const after = (await gql(READ, { id })).data.EcommerceStore;
    expect(after).toMatchObject({ version: before.version, updatedAt: before.updatedAt, lastConnectionTest: { id: second.id, status: 'OK' } });
    expect(second.id).not.toBe(first.id);
  });

  test('a store without credentials is NOT_CONFIGURED, telling the admin what to enter, and contacts nobody', async () => {
    const id = await storeWith(null);
    const result = (await gql(TEST_CONNECTION, { id })).data.testConnection;
    expect(result).toMatchObject({ success: false, status: 'NOT_CONFIGURED' });
    expect(result.message).toMatch(/enter them in the API access section/);
    expect(fake.requests).toHaveLength(0);
  });

  test('a token BigCommerce does not know is INVALID_CREDENTIALS, naming the access token', async () => {
    const id = await storeWith(oauth(WRONG_TOKEN));
    const result = (await gql(TEST_CONNECTION, { id })).data.testConnection;
    expect(result).toMatchObject({ success: false, status: 'INVALID_CREDENTIALS' });
    expect(result.message).toMatch(/access token/i);
  });

  test('an unknown store hash is STORE_NOT_FOUND, naming the API path', async () => {
    const id = await storeWith(oauth(FULL_TOKEN, 'stores/nosuchstore1'));
    const result = (await gql(TEST_CONNECTION, { id })).data.testConnection;
    expect(result).toMatchObject({ success: false, status: 'STORE_NOT_FOUND' });
    expect(result.message).toMatch(/API path/i);
  });

  test('an Orders read-only token is MISSING_SCOPES: Orders needs Modify, and a new API account is the fix', async () => {
    const id = await storeWith(oauth(ORDERS_READ_ONLY_TOKEN));
    const result = (await gql(TEST_CONNECTION, { id })).data.testConnection;
    expect(result).toMatchObject({ success: false, status: 'MISSING_SCOPES' });
    expect(result.message).toMatch(/Orders/);
    expect(result.message).toMatch(/new API account|create a new/i);
    const orders = result.scopes.find((s: { scope: string }) => s.scope === 'Orders');
    expect(orders).toMatchObject({ required: 'MODIFY', granted: 'READ_ONLY', ok: false, verified: true });
    expect(result.scopes.filter((s: { ok: boolean }) => !s.ok).map((s: { scope: string }) => s.scope)).toEqual(['Orders']);
  });

  test('a working Legacy API account passes with a warning that it is deprecated and how to migrate', async () => {
    const id = await storeWith(legacy());
    const result = (await gql(TEST_CONNECTION, { id })).data.testConnection;
    expect(result).toMatchObject({ success: true, status: 'OK', apiVersion: 'LEGACY', storeName: 'Acme Outdoor' });
    expect(result.warnings.join(' ')).toMatch(/deprecated/i);
    expect(result.warnings.join(' ')).toMatch(/Store API/);
  });

  test('a store that never answers is TIMEOUT within the configured deadline', async () => {
    const id = await storeWith(oauth(FULL_TOKEN));
    fake.setBehaviour({ faults: [{ type: 'hang' }] });
    const result = (await gql(TEST_CONNECTION, { id })).data.testConnection;
    expect(result).toMatchObject({ success: false, status: 'TIMEOUT' });
    expect(result.durationMs).toBeLessThanOrEqual(3000 + 1000);
  });

  test('history is newest first and paged', async () => {
    const id = await storeWith(oauth(FULL_TOKEN));
    await gql(TEST_CONNECTION, { id });
    fake.setBehaviour({ faults: [{ type: 'status', status: 401, body: 'Unauthorized' }] });
    await gql(TEST_CONNECTION, { id });
    const first = (await gql(HISTORY, { id, page: 0, perPage: 1 })).data.connectionTests;
    const second = (await gql(HISTORY, { id, page: 1, perPage: 1 })).data.connectionTests;
    expect(first.total).toBe(2);
    expect(first.items.map((t: { status: string }) => t.status)).toEqual(['INVALID_CREDENTIALS']);
    expect(second.items.map((t: { status: string }) => t.status)).toEqual(['OK']);
  });

  test('an unknown store is NOT_FOUND', async () => {
    expect((await gql(TEST_CONNECTION, { id: 'missing' })).errors![0].extensions?.code).toBe('NOT_FOUND');
    expect((await gql(HISTORY, { id: 'missing' })).errors![0].extensions?.code).toBe('NOT_FOUND');
  });
});

describe('filtering stores by connection health', () => {
  test('follows each store\'s newest test, and counts every store', async () => {
    const create = async (name: string, credentials: Record<string, unknown>) => {
      const id = (await gql(CREATE_STORE, { name })).data.createEcommerceStore.id;
      await gql(UPDATE_CREDENTIALS, { id, credentials });
      return id;
    };
    const healthy = await create('Health healthy', oauth(FULL_TOKEN));
    const failing = await create('Health failing', oauth(WRONG_TOKEN));
    await create('Health untested', oauth(FULL_TOKEN));
    const recovered = await create('Health recovered', oauth(WRONG_TOKEN));
    for (const id of [healthy, failing, recovered]) await gql(TEST_CONNECTION, { id });
    await gql(UPDATE_CREDENTIALS, { id: recovered, credentials: oauth(FULL_TOKEN) });
    await gql(TEST_CONNECTION, { id: recovered });

    const names = async (connectionHealth: string) => {
      const result = await gql(
        `query($filter: EcommerceStoreFilter) { allEcommerceStores(filter: $filter, sortField: "name") { name } _allEcommerceStoresMeta(filter: $filter) { count } }`,
        { filter: { q: 'Health ', connectionHealth } },
      );
      expect(result.data._allEcommerceStoresMeta.count).toBe(result.data.allEcommerceStores.length);
      return result.data.allEcommerceStores.map((store: { name: string }) => store.name);
    };
    expect(await names('HEALTHY')).toEqual(['Health healthy', 'Health recovered']);
    expect(await names('FAILING')).toEqual(['Health failing']);
    expect(await names('UNTESTED')).toEqual(['Health untested']);
  });
});

describe('testCredentials (dry run)', () => {
  test('tests the values as typed and saves nothing', async () => {
    const id = await storeWith(legacy());
    const before = await rawRow(id);
    const result = (await gql(TEST_CREDENTIALS, { c: oauth(FULL_TOKEN), storeId: id })).data.testCredentials;
    expect(result).toMatchObject({ id: null, success: true, status: 'OK', apiVersion: 'STORE_API_OAUTH' });
    expect(await rawRow(id)).toEqual(before);
    expect((await historyOf(id)).total).toBe(0);
  });

  test('with a store and no token typed, uses the saved token', async () => {
    const id = await storeWith(oauth(ORDERS_READ_ONLY_TOKEN));
    const result = (await gql(TEST_CREDENTIALS, { c: oauth(), storeId: id })).data.testCredentials;
    expect(result.status).toBe('MISSING_SCOPES');
    const sent = fake.requests.filter((r) => r.storeHash === HASH);
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.every((r) => r.authenticated)).toBe(true);
  });

  test('without a store, a token is required', async () => {
    const result = await gql(TEST_CREDENTIALS, { c: oauth() });
    expect(result.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'apiPassword' });
  });

  test('bad input is BAD_USER_INPUT naming the field, before anything is sent', async () => {
    const result = await gql(TEST_CREDENTIALS, { c: oauth(FULL_TOKEN, 'https://evil.example/stores/abc') });
    expect(result.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'apiLogin' });
    expect(fake.requests).toHaveLength(0);
  });
});

describe('updateApiCredentials with verify: a failed migration never breaks a working connection', () => {
  test('a wrong token is refused with CONNECTION_TEST_FAILED and the result; Legacy stays saved and still passes', async () => {
    const id = await storeWith(legacy());
    const before = await rawRow(id);

    const refused = await gql(VERIFIED_UPDATE, { id, c: oauth(WRONG_TOKEN) });
    expect(refused.errors![0].extensions).toMatchObject({ code: 'CONNECTION_TEST_FAILED', result: { status: 'INVALID_CREDENTIALS', success: false } });
    expect(refused.errors![0].message).toMatch(/not saved/);
    expect(await rawRow(id)).toEqual(before);

    const stillWorking = (await gql(TEST_CONNECTION, { id })).data.testConnection;
    expect(stillWorking).toMatchObject({ success: true, status: 'OK', apiVersion: 'LEGACY' });
  });

  test('an under-scoped token is refused, with the scope checklist in the result', async () => {
    const id = await storeWith(legacy());
    const refused = await gql(VERIFIED_UPDATE, { id, c: oauth(ORDERS_READ_ONLY_TOKEN) });
    const result = refused.errors![0].extensions!.result as { status: string; scopes: Array<{ scope: string; ok: boolean }> };
    expect(result.status).toBe('MISSING_SCOPES');
    expect(result.scopes.find((s) => s.scope === 'Orders')!.ok).toBe(false);
    expect((await gql(GET_STORE, { id })).data.EcommerceStore).toMatchObject({ apiVersion: 'LEGACY', needsMigration: true });
  });

  test('the right token is saved, the store no longer needs migration, and the passing test is recorded', async () => {
    const id = await storeWith(legacy());
    const saved = (await gql(VERIFIED_UPDATE, { id, c: oauth(FULL_TOKEN) })).data.updateApiCredentials;
    expect(saved).toMatchObject({
      apiVersion: 'STORE_API_OAUTH',
      apiLogin: `stores/${HASH}`,
      apiPasswordLast4: FULL_TOKEN.slice(-4),
      needsMigration: false,
      lastConnectionTest: { status: 'OK' },
    });
    expect((await historyOf(id)).total).toBe(1);
  });
});

test('no test ever sends a write with a non-empty body, while write probes were sent', () => {
  expect(unsafeWrites).toEqual([]);
});

test('no token appears in any response, history row or log line', async () => {
  const rows = JSON.stringify(await server.dataSource.query('SELECT * FROM connection_tests'));
  const everything = [...server.responseBodies, ...server.logLines, rows].join('\n');
  for (const token of ALL_TOKENS) expect(everything).not.toContain(token);
});
