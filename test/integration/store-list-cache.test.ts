import { useAdminServer, useFakeBigCommerce } from '../support/hooks';
import { createConnectedStore, waitForJobToFinish } from '../support/bigcommerce-stores';
import { TestServer } from '../support/test-server';

/**
 * A store list asked again unchanged is answered from the cache (its log line says
 * "cached"), and any change to the stores or their tests, however it is written, shows in the
 * very next list: on this instance, on another instance of the database, for every role.
 */

const fake = useFakeBigCommerce();
const admin = useAdminServer(() => ({ BIGCOMMERCE_API_URL: fake.url, OUTBOUND_ALLOW_PRIVATE: 'true' }));

const { server, gql } = admin;

const LIST = `query($filter: EcommerceStoreFilter) {
  allEcommerceStores(perPage: 50, filter: $filter) {
    id name apiVersion apiLogin apiPasswordSet apiPasswordLast4 needsMigration version
    lastConnectionTest { status success message testedAt }
  }
  _allEcommerceStoresMeta(filter: $filter) { count }
}`;
const FULL_TEST = `query($filter: EcommerceStoreFilter) { allEcommerceStores(filter: $filter) { id lastConnectionTest { id status durationMs scopes { scope ok } warnings } } }`;

let suiteRun = 0;
/** A filter only this test's stores match, so tests do not see each other's stores. */
const only = (prefix: string) => ({ filter: { q: prefix } });

/** The store list as `target` answers it, and whether that answer came from the cache (its log line). */
async function listed(target: TestServer, bearer: string, query: string, variables: Record<string, unknown>): Promise<{ data: any; cached: boolean }> {
  const before = target.logLines.length;
  const result = await target.graphql(query, variables, bearer);
  expect(result.errors).toBeUndefined();
  const lines = target.logLines.slice(before).map((line) => JSON.parse(line)).filter((line) => line.msg === 'graphql request');
  expect(lines).toHaveLength(1);
  return { data: result.data, cached: lines[0].cached === true };
}

/** Reads the list twice: the second answer must come from the cache (else the tests below would prove nothing). */
async function primed(target: TestServer, bearer: string, query: string, variables: Record<string, unknown>): Promise<any> {
  const first = await listed(target, bearer, query, variables);
  const second = await listed(target, bearer, query, variables);
  expect(second.cached).toBe(true);
  expect(second.data).toEqual(first.data);
  return second.data;
}

const newPrefix = () => `Cache${++suiteRun}x${Date.now().toString(36)} `;

async function newStore(name: string): Promise<string> {
  const created = await gql(`mutation($n: String!) { createEcommerceStore(name: $n) { id } }`, { n: name });
  expect(created.errors).toBeUndefined();
  return created.data.createEcommerceStore.id;
}

test('an unchanged list is answered from the cache, still with Cache-Control: no-store, and only to a signed-in caller', async () => {
  const prefix = newPrefix();
  await newStore(`${prefix}Alpha`);
  const data = await primed(server, admin.token, LIST, only(prefix));
  expect(data._allEcommerceStoresMeta.count).toBe(1);

  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${admin.token}` },
    body: JSON.stringify({ query: LIST, variables: only(prefix) }),
  });
  expect(response.headers.get('cache-control')).toBe('no-store');
  expect(response.headers.get('etag')).toBeNull();
  expect(response.headers.get('x-powered-by')).toBeNull();
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  expect(await response.json()).toEqual({ data });

  const anonymous = await server.graphql(LIST, only(prefix));
  expect(anonymous.data).toBeNull();
  expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
});

test('a created, renamed or deleted store shows in the next list', async () => {
  const prefix = newPrefix();
  const id = await newStore(`${prefix}Alpha`);
  await primed(server, admin.token, LIST, only(prefix));

  const second = await newStore(`${prefix}Bravo`);
  let next = await listed(server, admin.token, LIST, only(prefix));
  expect(next.cached).toBe(false);
  expect(next.data.allEcommerceStores.map((store: any) => store.name)).toEqual([`${prefix}Alpha`, `${prefix}Bravo`]);
  expect(next.data._allEcommerceStoresMeta.count).toBe(2);

  await primed(server, admin.token, LIST, only(prefix));
  expect((await gql(`mutation($id: ID!, $n: String) { updateEcommerceStore(id: $id, name: $n) { id } }`, { id, n: `${prefix}Charlie` })).errors).toBeUndefined();
  next = await listed(server, admin.token, LIST, only(prefix));
  expect(next.data.allEcommerceStores.map((store: any) => [store.name, store.version])).toEqual([
    [`${prefix}Bravo`, 1],
    [`${prefix}Charlie`, 2],
  ]);

  await primed(server, admin.token, LIST, only(prefix));
  expect((await gql(`mutation($id: ID!) { deleteEcommerceStore(id: $id) { id } }`, { id: second })).errors).toBeUndefined();
  next = await listed(server, admin.token, LIST, only(prefix));
  expect(next.data.allEcommerceStores.map((store: any) => store.name)).toEqual([`${prefix}Charlie`]);
  expect(next.data._allEcommerceStoresMeta.count).toBe(1);
});

test('saved credentials, a connection test and a bulk job\'s test show in the next list, the full last test too', async () => {
  const prefix = newPrefix();
  const id = await newStore(`${prefix}Alpha`);
  const before = await primed(server, admin.token, LIST, only(prefix));
  expect(before.allEcommerceStores[0]).toMatchObject({ apiVersion: null, apiPasswordSet: false, lastConnectionTest: null });
  await primed(server, admin.token, FULL_TEST, only(prefix));

  // Credentials the fake knows, saved without a test.
  const connected = await createConnectedStore(fake, gql, `${prefix}Bravo`);
  const saved = await gql(`mutation($id: ID!, $c: ApiCredentialsInput!) { updateApiCredentials(id: $id, credentials: $c) { id } }`, {
    id,
    c: { apiVersion: 'STORE_API_OAUTH', apiLogin: connected.hash, apiPassword: connected.token },
  });
  expect(saved.errors).toBeUndefined();
  let next = await listed(server, admin.token, LIST, only(`${prefix}Alpha`));
  expect(next.cached).toBe(false);
  expect(next.data.allEcommerceStores[0]).toMatchObject({
    apiVersion: 'STORE_API_OAUTH',
    apiLogin: `stores/${connected.hash}`,
    apiPasswordSet: true,
    apiPasswordLast4: connected.token.slice(-4),
    lastConnectionTest: null,
  });

  // A connection test: its summary on the store row, and the full test.
  await primed(server, admin.token, LIST, only(`${prefix}Alpha`));
  await primed(server, admin.token, FULL_TEST, only(`${prefix}Alpha`));
  const tested = await gql(`query($id: ID!) { testConnection(id: $id) { id status testedAt } }`, { id });
  expect(tested.data.testConnection.status).toBe('OK');
  next = await listed(server, admin.token, LIST, only(`${prefix}Alpha`));
  expect(next.data.allEcommerceStores[0].lastConnectionTest).toEqual({ status: 'OK', success: true, message: expect.any(String), testedAt: tested.data.testConnection.testedAt });
  const full = await listed(server, admin.token, FULL_TEST, only(`${prefix}Alpha`));
  expect(full.cached).toBe(false);
  expect(full.data.allEcommerceStores[0].lastConnectionTest).toMatchObject({ id: tested.data.testConnection.id, status: 'OK', scopes: expect.arrayContaining([expect.objectContaining({ ok: true })]) });

  // A bulk job's test.
  await primed(server, admin.token, LIST, only(`${prefix}Alpha`));
  const job = await gql(`mutation($ids: [ID!]) { testAllConnections(filter: { ids: $ids }) { id } }`, { ids: [id] });
  expect(job.errors).toBeUndefined();
  expect((await waitForJobToFinish(gql, job.data.testAllConnections.id, 20_000)).ok).toBe(1);
  next = await listed(server, admin.token, LIST, only(`${prefix}Alpha`));
  expect(next.data.allEcommerceStores[0].lastConnectionTest.testedAt).not.toBe(tested.data.testConnection.testedAt);
});

test('a change written straight to the database (another program, an operator\'s SQL) shows in the next list', async () => {
  const prefix = newPrefix();
  const id = await newStore(`${prefix}Alpha`);
  await primed(server, admin.token, LIST, only(prefix));
  await server.dataSource.query(`UPDATE ecommerce_stores SET name = ? WHERE id = ?`, [`${prefix}Written by SQL`, id]);
  const next = await listed(server, admin.token, LIST, only(prefix));
  expect(next.data.allEcommerceStores.map((store: any) => store.name)).toEqual([`${prefix}Written by SQL`]);
});

test('without the row of its count (deleted by hand, a partial restore) nothing is kept, so every change still shows', async () => {
  const prefix = newPrefix();
  const id = await newStore(`${prefix}Alpha`);
  await primed(server, admin.token, LIST, only(prefix));
  const [{ changes }] = await server.dataSource.query(`SELECT changes FROM store_list_changes WHERE id = 1`);
  await server.dataSource.query(`DELETE FROM store_list_changes`);
  try {
    // The triggers update no row now: the count stands still whatever is written.
    await server.dataSource.query(`UPDATE ecommerce_stores SET name = ? WHERE id = ?`, [`${prefix}Written without a count`, id]);
    const first = await listed(server, admin.token, LIST, only(prefix));
    expect(first.data.allEcommerceStores.map((store: any) => store.name)).toEqual([`${prefix}Written without a count`]);
    const second = await listed(server, admin.token, LIST, only(prefix));
    expect(second.cached).toBe(false);
    await server.dataSource.query(`UPDATE ecommerce_stores SET name = ? WHERE id = ?`, [`${prefix}Written again`, id]);
    const third = await listed(server, admin.token, LIST, only(prefix));
    expect(third.data.allEcommerceStores.map((store: any) => store.name)).toEqual([`${prefix}Written again`]);
  } finally {
    await server.dataSource.query(`INSERT INTO store_list_changes (id, changes) VALUES (1, ?)`, [Number(changes) + 1]);
  }
});

test('a change made through one instance shows in the next list of another instance on the same database', async () => {
  const second = await TestServer.start({ BIGCOMMERCE_API_URL: fake.url, OUTBOUND_ALLOW_PRIVATE: 'true' }, server.dataDir);
  try {
    const prefix = newPrefix();
    const id = await newStore(`${prefix}Alpha`);
    const secondToken = await second.login();
    await primed(second, secondToken, LIST, only(prefix));
    await primed(server, admin.token, LIST, only(prefix));

    expect((await gql(`mutation($id: ID!, $n: String) { updateEcommerceStore(id: $id, name: $n) { id } }`, { id, n: `${prefix}Renamed` })).errors).toBeUndefined();
    const onSecond = await listed(second, secondToken, LIST, only(prefix));
    expect(onSecond.data.allEcommerceStores.map((store: any) => store.name)).toEqual([`${prefix}Renamed`]);

    // And the other way round: a test recorded through the second instance.
    await primed(server, admin.token, LIST, only(prefix));
    const tested = await second.graphql(`query($id: ID!) { testConnection(id: $id) { status testedAt } }`, { id }, secondToken);
    expect(tested.data.testConnection.status).toBe('NOT_CONFIGURED');
    const onFirst = await listed(server, admin.token, LIST, only(prefix));
    expect(onFirst.data.allEcommerceStores[0].lastConnectionTest).toMatchObject({ status: 'NOT_CONFIGURED', testedAt: tested.data.testConnection.testedAt });
  } finally {
    await second.stop();
  }
});

test('a viewer and an admin do not share a kept answer', async () => {
  const prefix = newPrefix();
  await newStore(`${prefix}Alpha`);
  const created = await gql('mutation($e: String!, $p: String!) { createUser(email: $e, password: $p, role: VIEWER) { id } }', {
    e: `viewer-${suiteRun}@example.com`,
    p: 'a viewer password of some length',
  });
  expect(created.errors).toBeUndefined();
  const viewer = await server.login(`viewer-${suiteRun}@example.com`, 'a viewer password of some length');

  const asAdmin = await primed(server, admin.token, LIST, only(prefix));
  const asViewer = await listed(server, viewer, LIST, only(prefix));
  expect(asViewer.cached).toBe(false);
  expect(asViewer.data).toEqual(asAdmin);
  expect((await listed(server, viewer, LIST, only(prefix))).cached).toBe(true);
});

test('a program\'s list (API key) is kept and changes with the stores too; a revoked key gets nothing', async () => {
  const prefix = newPrefix();
  const id = await newStore(`${prefix}Alpha`);
  const created = await gql('mutation { createApiKey(name: "List reader", role: VIEWER) { key apiKey { id } } }');
  expect(created.errors).toBeUndefined();
  const { key, apiKey } = created.data.createApiKey;
  await primed(server, key, LIST, only(prefix));
  expect((await gql(`mutation($id: ID!, $n: String) { updateEcommerceStore(id: $id, name: $n) { id } }`, { id, n: `${prefix}Renamed` })).errors).toBeUndefined();
  const next = await listed(server, key, LIST, only(prefix));
  expect(next.data.allEcommerceStores.map((store: any) => store.name)).toEqual([`${prefix}Renamed`]);

  expect((await gql('mutation($id: ID!) { revokeApiKey(id: $id) { id } }', { id: apiKey.id })).errors).toBeUndefined();
  const refused = await server.graphql(LIST, only(prefix), key);
  expect(refused.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
});

test('operations that do more than read stores are never answered from the cache', async () => {
  const prefix = newPrefix();
  const id = await newStore(`${prefix}Alpha`);
  const withMe = `query($filter: EcommerceStoreFilter) { allEcommerceStores(filter: $filter) { id } me { email } }`;
  await listed(server, admin.token, withMe, only(prefix));
  expect((await listed(server, admin.token, withMe, only(prefix))).cached).toBe(false);

  // A query that records a test each time it runs.
  // Nothing to keep: it reads no store.
  await listed(server, admin.token, '{ __typename }', {});
  expect((await listed(server, admin.token, '{ __typename }', {})).cached).toBe(false);

  const testQuery = `query($id: ID!) { testConnection(id: $id) { id } }`;
  const first = await listed(server, admin.token, testQuery, { id });
  const again = await listed(server, admin.token, testQuery, { id });
  expect(again.cached).toBe(false);
  expect(again.data.testConnection.id).not.toBe(first.data.testConnection.id);
});

describe('with a cache of a few kilobytes', () => {
  const small = useAdminServer({ STORE_LIST_CACHE_MB: '0.01' });
  const PAGE = `query($page: Int) { allEcommerceStores(page: $page, perPage: 5) { id name platform apiVersion createdAt updatedAt version } }`;

  test('the least recently used answers make room: what is kept stays within the bound', async () => {
    for (let i = 0; i < 100; i++) expect((await small.gql(`mutation($n: String!) { createEcommerceStore(name: $n) { id } }`, { n: `Store ${String(i).padStart(2, '0')}` })).errors).toBeUndefined();
    await primed(small.server, small.token, PAGE, { page: 0 });
    // 20 pages of about 1 KB each: twice the bound.
    for (let page = 1; page < 20; page++) await listed(small.server, small.token, PAGE, { page });
    expect((await listed(small.server, small.token, PAGE, { page: 0 })).cached).toBe(false);
    expect((await listed(small.server, small.token, PAGE, { page: 19 })).cached).toBe(true);
  });
});

describe('with STORE_LIST_CACHE_MB=0', () => {
  const off = useAdminServer({ STORE_LIST_CACHE_MB: '0' });

  test('every list is computed afresh', async () => {
    await off.gql(`mutation { createEcommerceStore(name: "Alpha") { id } }`);
    for (let i = 0; i < 3; i++) expect((await listed(off.server, off.token, LIST, {})).cached).toBe(false);
  });
});

describe('when a table has lost its triggers (a SQLite table rebuilt by a later migration, say)', () => {
  const rebuilt = useAdminServer();

  test('storelink says so at start and computes every list afresh', async () => {
    const dropped =
      rebuilt.server.databaseKind === 'postgres'
        ? 'DROP TRIGGER connection_tests_store_list_changed ON connection_tests'
        : 'DROP TRIGGER connection_tests_store_list_changed_insert';
    await rebuilt.server.dataSource.query(dropped);
    await rebuilt.server.restart();
    const error = rebuilt.server.logLines.map((line) => JSON.parse(line)).find((line) => line.level === 50 && /not cached/.test(line.msg));
    expect(error).toMatchObject({ tables: ['connection_tests'] });
    for (let i = 0; i < 3; i++) expect((await listed(rebuilt.server, rebuilt.token, LIST, {})).cached).toBe(false);
  });
});

describe('when the stores and their tests are emptied at once (TRUNCATE on PostgreSQL, a DELETE without WHERE on SQLite)', () => {
  const emptied = useAdminServer();

  test('the next list shows none of them', async () => {
    for (const name of ['Alpha', 'Bravo']) {
      const created = await emptied.gql(`mutation($n: String!) { createEcommerceStore(name: $n) { id } }`, { n: name });
      // A test in each store's history, so its tests are emptied too.
      expect((await emptied.gql(`query($id: ID!) { testConnection(id: $id) { status } }`, { id: created.data.createEcommerceStore.id })).errors).toBeUndefined();
    }
    const data = await primed(emptied.server, emptied.token, LIST, {});
    expect(data._allEcommerceStoresMeta.count).toBe(2);
    // Row triggers do not fire on TRUNCATE; SQLite has no TRUNCATE, and keeps its row triggers for a DELETE of every row.
    if (emptied.server.databaseKind === 'postgres') await emptied.server.dataSource.query('TRUNCATE ecommerce_stores, connection_tests CASCADE');
    else for (const table of ['connection_tests', 'ecommerce_stores']) await emptied.server.dataSource.query(`DELETE FROM ${table}`);
    const next = await listed(emptied.server, emptied.token, LIST, {});
    expect(next.data._allEcommerceStoresMeta.count).toBe(0);
    expect(next.data.allEcommerceStores).toEqual([]);
  });
});
