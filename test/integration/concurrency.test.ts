import { randomBytes } from 'node:crypto';
import { useFakeBigCommerce } from '../support/hooks';
import { clientFor, TestServer } from '../support/test-server';
import { FULL_SCOPES } from '../support/bigcommerce-scopes';

/**
 * Concurrent writes to one store, on one server and on two servers sharing one database (two
 * connections to one SQLite file, or two pools on one PostgreSQL database): no write is lost,
 * none is mixed with another, none answers a 500, and a write based on a stale read is
 * refused with CONFLICT instead of silently overwriting.
 */

const WRITES = 50;

const STORE = `id name version apiVersion apiLogin apiPasswordLast4`;
const GET = `query($id: ID!) { EcommerceStore(id: $id) { ${STORE} lastConnectionTest { status } } }`;
const UPDATE = `mutation($id: ID!, $c: ApiCredentialsInput!, $verify: Boolean, $version: Int) {
  updateApiCredentials(id: $id, credentials: $c, verify: $verify, version: $version) { ${STORE} }
}`;
const CREATE = `mutation($name: String!) { createEcommerceStore(name: $name) { id version } }`;
const RENAME = `mutation($id: ID!, $name: String, $version: Int) { updateEcommerceStore(id: $id, name: $name, version: $version) { ${STORE} } }`;
const TEST_CONNECTION = `query($id: ID!) { testConnection(id: $id) { success status } }`;
const HISTORY = `query($id: ID!) { connectionTests(storeId: $id, perPage: 200) { total items { status success } } }`;

interface Write {
  hash: string;
  token: string;
  verify: boolean;
}

const fake = useFakeBigCommerce();
let first: TestServer;
let second: TestServer;
let token: string;

/** A POST as a client sends it, keeping the HTTP status. */
async function post(server: TestServer, query: string, variables: Record<string, unknown>) {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as { data?: any; errors?: Array<{ message: string; extensions?: any }> } };
}

const codes = (body: { errors?: Array<{ extensions?: any }> }) => (body.errors ?? []).map((error) => error.extensions?.code);
const pairOf = (store: { apiLogin: string | null; apiPasswordLast4: string | null }) => `${store.apiLogin}|${store.apiPasswordLast4}`;

beforeAll(async () => {
  const env = { BIGCOMMERCE_API_URL: fake.url, OUTBOUND_ALLOW_PRIVATE: 'true', HTTP_TIMEOUT_MS: '5000' };
  first = await TestServer.start(env);
  // A second instance on the same database (same data directory: same SQLite file or PostgreSQL database, same key).
  second = await TestServer.start(env, first.dataDir);
  token = await first.login();
});
afterAll(async () => {
  await second.stop();
  await first.destroy();
});

async function newStore(name: string): Promise<{ id: string; version: number }> {
  const created = await clientFor(first, token)(CREATE, { name });
  return created.data.createEcommerceStore;
}

/** A store hash of its own and a token the fake accepts for it only, whose last 4 characters name the write. */
function registerWrite(index: number, verify: boolean): Write {
  const hash = `cc${randomBytes(4).toString('hex')}${index}`;
  const token = `${randomBytes(14).toString('hex')}${String(index).padStart(4, '0')}`;
  fake.addStore({ hash, name: `Store ${index}` });
  fake.addToken({ hash, token, scopes: FULL_SCOPES });
  return { hash, token, verify };
}

test(`${WRITES} concurrent credential saves on one store, with reads, across two instances: no 500, nothing lost or mixed`, async () => {
  const { id, version: initialVersion } = await newStore('Contended store');
  const writes = Array.from({ length: WRITES }, (_, i) => registerWrite(i, i % 2 === 1));
  const allowedPairs = new Set(['null|null', ...writes.map((w) => `stores/${w.hash}|${w.token.slice(-4)}`)]);

  const writing = writes.map((w, i) =>
    post(i % 2 === 0 ? first : second, UPDATE, {
      id,
      c: { apiVersion: 'STORE_API_OAUTH', apiLogin: `stores/${w.hash}`, apiPassword: w.token },
      verify: w.verify,
    }),
  );
  const reading = Array.from({ length: WRITES }, (_, i) => post(i % 2 === 0 ? second : first, GET, { id }));
  const [written, read] = await Promise.all([Promise.all(writing), Promise.all(reading)]);

  // Every answer is HTTP 200; the only error is CONFLICT, and only for a verified save whose store changed during its test.
  for (const [i, { status, body }] of written.entries()) {
    expect(status).toBe(200);
    if (body.errors) {
      expect(writes[i].verify).toBe(true);
      expect(codes(body)).toEqual(['CONFLICT']);
    } else {
      expect(pairOf(body.data.updateApiCredentials)).toBe(`stores/${writes[i].hash}|${writes[i].token.slice(-4)}`);
    }
  }
  const saved = written.filter(({ body }) => !body.errors).length;
  const blindSaved = written.filter(({ body }, i) => !body.errors && !writes[i].verify).length;
  expect(blindSaved).toBe(WRITES / 2); // unverified saves queue up; none conflicts
  // Every read saw a whole write (or the state before any), never a hash from one and a token from another.
  for (const { status, body } of read) {
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(allowedPairs.has(pairOf(body.data.EcommerceStore))).toBe(true);
  }

  // The final state is one of the writes; the version counts every successful save (no lost update).
  const final = (await post(first, GET, { id })).body.data.EcommerceStore;
  expect(allowedPairs.has(pairOf(final))).toBe(true);
  expect(pairOf(final)).not.toBe('null|null');
  expect(final.version).toBe(initialVersion + saved);
  // The saved token belongs to the saved store hash: the fake accepts it.
  const test = await post(second, TEST_CONNECTION, { id });
  expect(test.body.data.testConnection).toEqual({ success: true, status: 'OK' });

  // History: one entry per successful verified save, plus the test just run; all of them passed.
  const verifiedSaved = saved - blindSaved;
  const history = (await post(first, HISTORY, { id })).body.data.connectionTests;
  expect(history.total).toBe(verifiedSaved + 1);
  expect(history.items.every((item: { success: boolean; status: string }) => item.success && item.status === 'OK')).toBe(true);
});

test('a rename based on a stale version is refused with CONFLICT and changes nothing', async () => {
  const { id, version } = await newStore('Before');
  const renamed = await post(first, RENAME, { id, name: 'After', version });
  expect(renamed.body.data.updateEcommerceStore).toMatchObject({ name: 'After', version: version + 1 });

  const stale = await post(second, RENAME, { id, name: 'Stale', version });
  expect(stale.status).toBe(200);
  expect(stale.body.errors).toHaveLength(1);
  expect(stale.body.errors![0].extensions).toEqual({ code: 'CONFLICT', currentVersion: version + 1 });
  expect(stale.body.errors![0].message).toMatch(/changed since you read it/);
  expect((await post(first, GET, { id })).body.data.EcommerceStore).toMatchObject({ name: 'After', version: version + 1 });
});

test('credentials saved with a stale version are refused with CONFLICT and the saved ones stay', async () => {
  const { id, version } = await newStore('Stale credentials');
  const a = registerWrite(900, false);
  const b = registerWrite(901, false);
  const saved = await post(first, UPDATE, { id, c: { apiVersion: 'STORE_API_OAUTH', apiLogin: a.hash, apiPassword: a.token }, version });
  expect(saved.body.errors).toBeUndefined();

  for (const verify of [false, true]) {
    const stale = await post(second, UPDATE, { id, c: { apiVersion: 'STORE_API_OAUTH', apiLogin: b.hash, apiPassword: b.token }, version, verify });
    expect(codes(stale.body)).toEqual(['CONFLICT']);
  }
  const after = (await post(first, GET, { id })).body.data.EcommerceStore;
  expect(pairOf(after)).toBe(`stores/${a.hash}|${a.token.slice(-4)}`);
  expect(after.version).toBe(version + 1);
});

test('of 20 concurrent renames based on the same version, on two instances, exactly one wins', async () => {
  const { id, version } = await newStore('Race');
  const results = await Promise.all(
    Array.from({ length: 20 }, (_, i) => post(i % 2 === 0 ? first : second, RENAME, { id, name: `Winner ${i}`, version })),
  );
  const winners = results.filter(({ body }) => !body.errors);
  expect(winners).toHaveLength(1);
  for (const { status, body } of results.filter(({ body }) => body.errors)) {
    expect(status).toBe(200);
    expect(codes(body)).toEqual(['CONFLICT']);
  }
  const final = (await post(first, GET, { id })).body.data.EcommerceStore;
  expect(final).toMatchObject({ name: winners[0].body.data.updateEcommerceStore.name, version: version + 1 });
});

test('a verified save whose store was changed while its test ran is refused, and the other save stands', async () => {
  const { id } = await newStore('Changed during test');
  const slow = registerWrite(902, true);
  const quick = registerWrite(903, false);
  fake.setBehaviour({ latencyMs: 600 });
  try {
    const verifying = post(first, UPDATE, { id, c: { apiVersion: 'STORE_API_OAUTH', apiLogin: slow.hash, apiPassword: slow.token }, verify: true });
    await new Promise((resolve) => setTimeout(resolve, 150));
    const blind = await post(second, UPDATE, { id, c: { apiVersion: 'STORE_API_OAUTH', apiLogin: quick.hash, apiPassword: quick.token } });
    expect(blind.body.errors).toBeUndefined();
    const verified = await verifying;
    expect(codes(verified.body)).toEqual(['CONFLICT']);
  } finally {
    fake.reset();
  }
  const final = (await post(first, GET, { id })).body.data.EcommerceStore;
  expect(pairOf(final)).toBe(`stores/${quick.hash}|${quick.token.slice(-4)}`);
  // Nothing was recorded for the refused save.
  expect((await post(first, HISTORY, { id })).body.data.connectionTests.total).toBe(0);
});

test('SQLite serialises concurrent transactions: interleaved writes of many requests all land', async () => {
  // Independent creates and renames, many at once on both instances: each must be there afterwards.
  const created = await Promise.all(
    Array.from({ length: 40 }, (_, i) => post(i % 2 === 0 ? first : second, CREATE, { name: `Parallel ${i}` })),
  );
  const ids = created.map(({ body }) => body.data.createEcommerceStore.id as string);
  const renamed = await Promise.all(ids.map((id, i) => post(i % 2 === 0 ? second : first, RENAME, { id, name: `Renamed ${i}` })));
  for (const { body } of renamed) expect(body.errors).toBeUndefined();
  const read = await Promise.all(ids.map((id) => post(first, GET, { id })));
  expect(read.map(({ body }) => body.data.EcommerceStore.name)).toEqual(ids.map((_, i) => `Renamed ${i}`));
});
