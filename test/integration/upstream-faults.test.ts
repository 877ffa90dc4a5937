import { randomBytes } from 'node:crypto';
import type { FakeFault } from '../fakes/bigcommerce';
import { useAdminServer, useFakeBigCommerce } from '../support/hooks';
import { FULL_SCOPES } from '../support/bigcommerce-scopes';
import { createConnectedStore } from '../support/bigcommerce-stores';

/**
 * A misbehaving BigCommerce, seen through the GraphQL API: connections reset, a 10 MB body,
 * a server that sends one byte per second. Every test ends with a classified result an admin
 * can act on, within HTTP_TIMEOUT_MS (plus a little), in a single test, a verified save and a
 * bulk job alike, and the server's memory stays bounded (nothing reads a 10 MB body whole).
 * (The connector's own tests cover each fault in detail; this is the whole path.)
 */

// Ten 1 MiB reads at once, beside other suites on a 2-core CI machine, must fit in it with room
// to spare (at 2 s, three of ten once ran out of time there); the slow-body cases wait it out.
const TIMEOUT_MS = 4000;
const RESULT = `success status message durationMs`;

const fake = useFakeBigCommerce();
const { gql } = useAdminServer(() => ({
  BIGCOMMERCE_API_URL: fake.url,
  OUTBOUND_ALLOW_PRIVATE: 'true',
  HTTP_TIMEOUT_MS: String(TIMEOUT_MS),
  CONNECTION_TEST_CONCURRENCY: '10',
  LOG_LEVEL: 'warn',
}));
afterEach(() => fake.reset());

const storeWithCredentials = (name: string) => createConnectedStore(fake, gql, name);

/**
 * Runs `action` while sampling this process's buffer memory (the server runs in it); answers the
 * peak growth in MB. Response bodies arrive as buffers, so a body read whole shows up here in full;
 * the JavaScript heap is left out because its garbage alone varies by tens of MB between runtimes
 * (Node 24's young generation holds far more before it is collected than Node 20's).
 */
async function peakMemoryGrowth(action: () => Promise<void>): Promise<number> {
  global.gc?.();
  const used = () => process.memoryUsage().arrayBuffers;
  const baseline = used();
  let peak = baseline;
  const sampler = setInterval(() => (peak = Math.max(peak, used())), 5);
  try {
    await action();
  } finally {
    clearInterval(sampler);
  }
  peak = Math.max(peak, used());
  return (peak - baseline) / 1024 / 1024;
}

const FAULTS: Array<[string, FakeFault, string[]]> = [
  ['every connection reset', { type: 'reset' }, ['NETWORK_ERROR']],
  ['a 10 MB body without length', { path: '/v2/store', type: 'large-body', bytes: 10 * 1024 * 1024 }, ['UPSTREAM_ERROR']],
  ['a 10 MB body with Content-Length', { path: '/v2/store', type: 'large-body', bytes: 10 * 1024 * 1024, declareLength: true }, ['UPSTREAM_ERROR']],
  ['one byte per second', { path: '/v2/store', type: 'slow-body', bytesPerSecond: 1 }, ['TIMEOUT']],
];

describe.each(FAULTS)('%s', (_title, fault, statuses) => {
  test('testConnection answers a classified failure within the deadline, and records it', async () => {
    const store = await storeWithCredentials('Faulty');
    fake.setBehaviour({ faults: [fault] });
    const started = Date.now();
    const result = await gql(`query($id: ID!) { testConnection(id: $id) { ${RESULT} } }`, { id: store.id });
    expect(Date.now() - started).toBeLessThan(TIMEOUT_MS + 1000);
    expect(result.errors).toBeUndefined();
    const test = result.data.testConnection;
    expect(test.success).toBe(false);
    expect(statuses).toContain(test.status);
    expect(test.message.length).toBeGreaterThan(20);
    expect(test.message).not.toContain(store.token);
    const history = await gql(`query($id: ID!) { connectionTests(storeId: $id) { items { status } } }`, { id: store.id });
    expect(history.data.connectionTests.items[0].status).toBe(test.status);
  });

  test('a verified save is refused with the classified result, and nothing is saved', async () => {
    const store = await storeWithCredentials('Faulty verify');
    const other = randomBytes(16).toString('hex');
    fake.addToken({ hash: store.hash, token: other, scopes: FULL_SCOPES });
    fake.setBehaviour({ faults: [fault] });
    const result = await gql(`mutation($id: ID!, $c: ApiCredentialsInput!) { updateApiCredentials(id: $id, credentials: $c, verify: true) { id } }`, {
      id: store.id,
      c: { apiVersion: 'STORE_API_OAUTH', apiLogin: store.hash, apiPassword: other },
    });
    expect(result.errors![0].extensions!.code).toBe('CONNECTION_TEST_FAILED');
    expect(statuses).toContain((result.errors![0].extensions!.result as { status: string }).status);
    const read = await gql(`query($id: ID!) { EcommerceStore(id: $id) { apiPasswordLast4 } }`, { id: store.id });
    expect(read.data.EcommerceStore.apiPasswordLast4).toBe(store.token.slice(-4));
  });
});

async function runJob(q: string): Promise<any> {
  const { id } = (await gql(`mutation($q: String) { testAllConnections(filter: { q: $q }) { id } }`, { q })).data.testAllConnections;
  for (;;) {
    const job = (await gql(`query($id: ID!) { connectionTestJob(id: $id) { status total done ok failed running byStatus { status count } } }`, { id })).data
      .connectionTestJob;
    if (job.status !== 'RUNNING') return job;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

test('a bulk job over 10 stores behind these faults ends in time with every store classified', async () => {
  const stores = [];
  for (let i = 0; i < 10; i++) stores.push(await storeWithCredentials(`Faulty bulk ${i}`));
  // Different faults on different stores: three reset, four send 10 MB, three trickle.
  const faults: FakeFault[] = stores.map((store, i) => {
    if (i < 3) return { path: new RegExp(`/stores/${store.hash}/`), type: 'reset' };
    if (i < 7) return { path: new RegExp(`/stores/${store.hash}/v2/store`), type: 'large-body', bytes: 10 * 1024 * 1024 };
    return { path: new RegExp(`/stores/${store.hash}/v2/store`), type: 'slow-body', bytesPerSecond: 1 };
  });
  fake.setBehaviour({ faults });

  const started = Date.now();
  const job = await runJob('faulty bulk');
  // All ten ran at once (concurrency 10), so the job takes about one deadline, not ten.
  expect(Date.now() - started).toBeLessThan(TIMEOUT_MS * 2 + 1000);
  expect(job).toMatchObject({ status: 'COMPLETED', total: 10, done: 10, ok: 0, failed: 10, running: 0 });
  expect(job.byStatus).toEqual(
    expect.arrayContaining([
      { status: 'NETWORK_ERROR', count: 3 },
      { status: 'UPSTREAM_ERROR', count: 4 },
      { status: 'TIMEOUT', count: 3 },
    ]),
  );
}, 30_000);

test('ten 10 MB bodies at once do not take 100 MB: memory stays bounded', async () => {
  const stores = [];
  for (let i = 0; i < 10; i++) stores.push(await storeWithCredentials(`Huge body ${i}`));
  fake.setBehaviour({
    faults: stores.map((store, i) => ({ path: new RegExp(`/stores/${store.hash}/v2/store`), type: 'large-body' as const, bytes: 10 * 1024 * 1024, declareLength: i % 2 === 0 })),
  });
  let job: any;
  const growthMb = await peakMemoryGrowth(async () => {
    job = await runJob('huge body');
  });
  expect(job).toMatchObject({ status: 'COMPLETED', done: 10, failed: 10 });
  expect(job.byStatus).toEqual([{ status: 'UPSTREAM_ERROR', count: 10 }]);
  // Reading the bodies whole would hold 100 MB (twice that as strings); what is left is GC noise.
  expect(growthMb).toBeLessThan(50);
}, 30_000);
