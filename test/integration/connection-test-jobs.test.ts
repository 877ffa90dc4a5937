import { randomBytes } from 'node:crypto';
import { useFakeBigCommerce } from '../support/hooks';
import { ConnectionTestJob } from '../../server/jobs/connection-test-job.entity';
import { ADMIN, clientFor, TestServer } from '../support/test-server';
import { FULL_SCOPES } from '../support/bigcommerce-scopes';

/**
 * Bulk re-tests through the GraphQL API, against the fake BigCommerce over real HTTP: a job
 * tests every matching store once and records each result in the store's history; its
 * progress is read back at any time (a page reload, a restart); it can be cancelled; two
 * instances on one database share the work without testing a store twice; tests of one
 * store's quota are spaced; a scheduled re-test flags stores whose status changed.
 */

const JOB_FIELDS = `id status scheduled total done ok failed running pending skipped changed progress error createdAt finishedAt byStatus { status count }`;
const START = `mutation($filter: EcommerceStoreFilter) { testAllConnections(filter: $filter) { ${JOB_FIELDS} } }`;
const JOB = `query($id: ID!) { connectionTestJob(id: $id) { ${JOB_FIELDS} } }`;
const CANCEL = `mutation($id: ID!) { cancelConnectionTestJob(id: $id) { ${JOB_FIELDS} } }`;
const ITEMS = `query($id: ID!, $onlyChanged: Boolean, $onlyFailed: Boolean) {
  connectionTestJob(id: $id) { items(perPage: 500, onlyChanged: $onlyChanged, onlyFailed: $onlyFailed) { total items { storeId storeName status success resultStatus previousStatus statusChanged testId message } } }
}`;
const HISTORY = `query($id: ID!) { connectionTests(storeId: $id, perPage: 200) { total items { id status } } }`;

const fake = useFakeBigCommerce();
const servers: TestServer[] = [];
afterEach(() => fake.reset());
afterAll(async () => {
  for (const server of servers.splice(0)) await server.destroy().catch(() => undefined);
});

async function startServer(env: Record<string, string> = {}, dataDir?: string) {
  const server = await TestServer.start({ BIGCOMMERCE_API_URL: fake.url, OUTBOUND_ALLOW_PRIVATE: 'true', HTTP_TIMEOUT_MS: '5000', ...env }, dataDir);
  if (!dataDir) servers.push(server);
  const gql = clientFor(server, await server.login());
  return { server, gql };
}

type Gql = Awaited<ReturnType<typeof startServer>>['gql'];
type Kind = 'ok' | 'wrong-token' | 'unconfigured';

interface SeededStore {
  id: string;
  name: string;
  hash: string | null;
}

/** Stores named `${prefix} n`, with credentials of the given kind; the fake knows their hashes and tokens. */
async function seed(gql: Gql, prefix: string, kinds: Kind[], sharedHash?: string): Promise<SeededStore[]> {
  const stores: SeededStore[] = [];
  for (const [index, kind] of kinds.entries()) {
    const name = `${prefix} ${String(index).padStart(3, '0')}`;
    const { id } = (await gql(`mutation($n: String!) { createEcommerceStore(name: $n) { id } }`, { n: name })).data.createEcommerceStore;
    if (kind === 'unconfigured') {
      stores.push({ id, name, hash: null });
      continue;
    }
    const hash = sharedHash ?? `j${randomBytes(5).toString('hex')}`;
    const token = randomBytes(16).toString('hex');
    if (!sharedHash || index === 0) fake.addStore({ hash, name });
    if (kind === 'ok') fake.addToken({ hash, token, scopes: FULL_SCOPES });
    const saved = await gql(`mutation($id: ID!, $c: ApiCredentialsInput!) { updateApiCredentials(id: $id, credentials: $c) { id } }`, {
      id,
      c: { apiVersion: 'STORE_API_OAUTH', apiLogin: `stores/${hash}`, apiPassword: token },
    });
    expect(saved.errors).toBeUndefined();
    stores.push({ id, name, hash });
  }
  return stores;
}

async function waitFor(gql: Gql, id: string, done: (job: any) => boolean, timeoutMs = 30_000): Promise<any> {
  const started = Date.now();
  for (;;) {
    const result = await gql(JOB, { id });
    expect(result.errors).toBeUndefined();
    const job = result.data.connectionTestJob;
    if (done(job)) return job;
    if (Date.now() - started > timeoutMs) throw new Error(`job ${id} did not get there in time: ${JSON.stringify(job)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
const finished = (job: any) => job.status !== 'RUNNING' && job.running === 0;

const requestsFor = (hash: string) => fake.requests.filter((request) => request.storeHash === hash);

test('a job tests every matching store once, records each result in its history, and counts the outcomes', async () => {
  const { gql } = await startServer();
  const kinds: Kind[] = [...Array(20).fill('ok'), ...Array(5).fill('wrong-token'), ...Array(5).fill('unconfigured')];
  const stores = await seed(gql, 'Bulk', kinds);
  const outside = await seed(gql, 'Elsewhere', ['ok']);

  const started = await gql(START, { filter: { q: 'bulk' } });
  expect(started.errors).toBeUndefined();
  expect(started.data.testAllConnections).toMatchObject({ status: 'RUNNING', scheduled: false, total: 30 });
  const job = await waitFor(gql, started.data.testAllConnections.id, finished);

  expect(job).toMatchObject({ status: 'COMPLETED', total: 30, done: 30, ok: 20, failed: 10, running: 0, pending: 0, skipped: 0, progress: 1 });
  expect(job.byStatus).toEqual([
    { status: 'OK', count: 20 },
    { status: 'INVALID_CREDENTIALS', count: 5 },
    { status: 'NOT_CONFIGURED', count: 5 },
  ]);
  expect(new Date(job.finishedAt).getTime()).toBeGreaterThanOrEqual(new Date(job.createdAt).getTime());

  // Each store: one entry in its history, the one the job item points to; at most one test's worth of requests.
  const items = (await gql(ITEMS, { id: job.id })).data.connectionTestJob.items;
  expect(items.total).toBe(30);
  for (const store of stores) {
    const history = (await gql(HISTORY, { id: store.id })).data.connectionTests;
    expect(history.total).toBe(1);
    const item = items.items.find((candidate: any) => candidate.storeId === store.id);
    expect(item).toMatchObject({ storeName: store.name, status: 'DONE', testId: history.items[0].id, resultStatus: history.items[0].status });
    if (store.hash) expect(requestsFor(store.hash).length).toBeLessThanOrEqual(8);
  }
  // The store outside the filter was not tested.
  expect((await gql(HISTORY, { id: outside[0].id })).data.connectionTests.total).toBe(0);
  expect(requestsFor(outside[0].hash!)).toHaveLength(0);
  expect(fake.unsafeWrites).toEqual([]);

  const failed = (await gql(ITEMS, { id: job.id, onlyFailed: true })).data.connectionTestJob.items;
  expect(failed.total).toBe(10);
});

test('a second run flags the stores whose status changed since the first', async () => {
  const { gql } = await startServer();
  const stores = await seed(gql, 'Drift', Array(6).fill('ok'));
  const first = (await gql(START, { filter: { q: 'drift' } })).data.testAllConnections;
  expect(await waitFor(gql, first.id, finished)).toMatchObject({ ok: 6, changed: 0 });

  // Two stores' tokens stop working.
  const broken = stores.slice(0, 2);
  fake.setBehaviour({ faults: broken.map((store) => ({ path: new RegExp(`/stores/${store.hash}/`), type: 'status' as const, status: 401, body: '' })) });
  const second = (await gql(START, { filter: { q: 'drift' } })).data.testAllConnections;
  const job = await waitFor(gql, second.id, finished);
  expect(job).toMatchObject({ status: 'COMPLETED', ok: 4, failed: 2, changed: 2 });

  const changed = (await gql(ITEMS, { id: job.id, onlyChanged: true })).data.connectionTestJob.items;
  expect(changed.total).toBe(2);
  expect(changed.items.map((item: any) => item.storeId).sort()).toEqual(broken.map((store) => store.id).sort());
  for (const item of changed.items) {
    expect(item).toMatchObject({ statusChanged: true, previousStatus: 'OK', resultStatus: 'INVALID_CREDENTIALS', success: false });
  }
});

test('cancelling skips the stores not yet tested; tests under way finish and are recorded', async () => {
  const { gql } = await startServer({ CONNECTION_TEST_CONCURRENCY: '2' });
  const stores = await seed(gql, 'Cancel', Array(12).fill('ok'));
  fake.setBehaviour({ latencyMs: 400 });
  const started = (await gql(START, { filter: { q: 'cancel' } })).data.testAllConnections;
  await waitFor(gql, started.id, (job) => job.running > 0);

  const cancelled = await gql(CANCEL, { id: started.id });
  expect(cancelled.data.cancelConnectionTestJob.status).toBe('CANCELLED');
  const job = await waitFor(gql, started.id, finished);
  expect(job.status).toBe('CANCELLED');
  expect(job.done + job.skipped).toBe(12);
  expect(job.done).toBeGreaterThanOrEqual(1);
  expect(job.done).toBeLessThanOrEqual(4);
  expect(job.pending).toBe(0);
  // The bar counts tested stores only: skipped ones are not progress ("4 of 12 tested" is not a full bar).
  expect(job.progress).toBeCloseTo(job.done / 12, 6);

  // Exactly the stores the job counts as done have a result in their history; nothing is tested after.
  const tested = [];
  for (const store of stores) tested.push((await gql(HISTORY, { id: store.id })).data.connectionTests.total);
  expect(tested.reduce((a, b) => a + b, 0)).toBe(job.done);
  const requests = fake.requests.length;
  await new Promise((resolve) => setTimeout(resolve, 1500));
  expect(fake.requests.length).toBe(requests);

  // Cancelling again, or a finished job, changes nothing.
  expect((await gql(CANCEL, { id: started.id })).data.cancelConnectionTestJob).toMatchObject({ status: 'CANCELLED', done: job.done });
});

test('a job survives a restart of the server and every store is still tested once', async () => {
  const { server, gql } = await startServer({ CONNECTION_TEST_CONCURRENCY: '2' });
  const stores = await seed(gql, 'Restart', Array(8).fill('ok'));
  fake.setBehaviour({ latencyMs: 300 });
  const started = (await gql(START, { filter: { q: 'restart' } })).data.testAllConnections;
  await waitFor(gql, started.id, (job) => job.done >= 2);

  await server.restart();
  const again = clientFor(server, await server.login());
  // What a reloaded page sees: the same job, still running or already done.
  const job = await waitFor(again, started.id, finished);
  expect(job).toMatchObject({ status: 'COMPLETED', total: 8, done: 8, ok: 8 });
  for (const store of stores) expect((await again(HISTORY, { id: store.id })).data.connectionTests.total).toBe(1);
});

test('two instances on one database share a job, and no store is tested twice', async () => {
  const { server: first, gql } = await startServer({ CONNECTION_TEST_CONCURRENCY: '3' });
  const second = await startServer({ CONNECTION_TEST_CONCURRENCY: '3' }, first.dataDir);
  try {
    const stores = await seed(gql, 'Shared', Array(30).fill('ok'));
    fake.setBehaviour({ latencyMs: 100 });
    const started = (await gql(START, { filter: { q: 'shared' } })).data.testAllConnections;
    // Progress reads the same from either instance.
    const job = await waitFor(second.gql, started.id, finished);
    expect(job).toMatchObject({ status: 'COMPLETED', done: 30, ok: 30 });

    for (const store of stores) expect((await gql(HISTORY, { id: store.id })).data.connectionTests.total).toBe(1);
    const testedBy = (server: TestServer) => server.logLines.filter((line) => line.includes('"msg":"bigcommerce connection tested"')).length;
    expect(testedBy(first) + testedBy(second.server)).toBe(30);
    // Both took part.
    expect(testedBy(first)).toBeGreaterThan(0);
    expect(testedBy(second.server)).toBeGreaterThan(0);
  } finally {
    await second.server.stop();
  }
});

test('two jobs running at once: every store of the older one is tested first', async () => {
  const { gql } = await startServer({ CONNECTION_TEST_CONCURRENCY: '1' });
  const older = await seed(gql, 'Older', ['ok', 'ok', 'ok']);
  const newer = await seed(gql, 'Newer', ['ok', 'ok', 'ok']);
  const first = (await gql(START, { filter: { q: 'older' } })).data.testAllConnections;
  const second = (await gql(START, { filter: { q: 'newer' } })).data.testAllConnections;
  expect((await waitFor(gql, first.id, finished)).ok).toBe(3);
  expect((await waitFor(gql, second.id, finished)).ok).toBe(3);

  const firstRequestAt = (store: SeededStore) => Math.min(...requestsFor(store.hash!).map((request) => request.receivedAt));
  const testedInOrder = [...older, ...newer].sort((a, b) => firstRequestAt(a) - firstRequestAt(b)).map((store) => store.name);
  expect(testedInOrder.slice(0, 3).sort()).toEqual(['Older 000', 'Older 001', 'Older 002']);
  expect(testedInOrder.slice(3).sort()).toEqual(['Newer 000', 'Newer 001', 'Newer 002']);
});

test("tests that spend one store's quota are spaced, whatever the concurrency", async () => {
  const { gql } = await startServer({ CONNECTION_TEST_CONCURRENCY: '8' });
  // Three stores saved with the same store hash: one BigCommerce store, one quota.
  const hash = `q${randomBytes(5).toString('hex')}`;
  await seed(gql, 'Quota', ['ok', 'ok', 'ok'], hash);
  const started = (await gql(START, { filter: { q: 'quota' } })).data.testAllConnections;
  const job = await waitFor(gql, started.id, finished, 40_000);
  expect(job).toMatchObject({ status: 'COMPLETED', done: 3 });

  // The requests come in three bursts (one test each), at least ~5 s apart: ≤ 8 per 5 s, ≤ 48 per 30 s.
  const times = requestsFor(hash).map((request) => request.receivedAt).sort((a, b) => a - b);
  const bursts: number[][] = [];
  for (const time of times) {
    const last = bursts.at(-1);
    if (last && time - last[0] < 2000) last.push(time);
    else bursts.push([time]);
  }
  expect(bursts).toHaveLength(3);
  for (const burst of bursts) expect(burst.length).toBeLessThanOrEqual(8);
  for (let i = 1; i < bursts.length; i++) expect(bursts[i][0] - bursts[i - 1][0]).toBeGreaterThanOrEqual(4900);
}, 60_000);

test('a job whose tests cannot run because of a fault on our side ends FAILED, saying so without details', async () => {
  const { server, gql } = await startServer({ CONNECTION_TEST_CONCURRENCY: '1' });
  const stores = await seed(gql, 'Broken', Array(8).fill('ok'));
  // The stored ciphertexts are damaged: no test can read its secret.
  for (const store of stores) {
    await server.dataSource.query('UPDATE ecommerce_stores SET apiPasswordEncrypted = ? WHERE id = ?', ['v1.k000000000000.damaged', store.id]);
  }
  const started = (await gql(START, { filter: { q: 'broken' } })).data.testAllConnections;
  const job = await waitFor(gql, started.id, finished);
  expect(job.status).toBe('FAILED');
  expect(job.error).toMatch(/could not run because of an error on our side/);
  expect(job.done).toBe(5);
  expect(job.failed).toBe(5);
  expect(job.skipped).toBe(3);
  const items = (await gql(ITEMS, { id: job.id, onlyFailed: true })).data.connectionTestJob.items;
  for (const item of items.items) expect(item.message).toBe('The test could not run because of an error on our side; it has been logged.');
  expect(JSON.stringify(items)).not.toMatch(/damaged|SELECT|stack/i);
});

test('RETEST_INTERVAL_MINUTES re-tests all stores on a schedule, once per interval across instances', async () => {
  const env = { RETEST_INTERVAL_MINUTES: '0.05' }; // 3 s
  const { server: first, gql } = await startServer(env);
  await seed(gql, 'Scheduled', ['ok', 'ok']);
  const second = await startServer(env, first.dataDir);
  try {
    await new Promise((resolve) => setTimeout(resolve, 7000));
    const jobs = (await gql(`{ connectionTestJobs(perPage: 100) { total items { ${JOB_FIELDS} } } }`)).data.connectionTestJobs.items;
    const scheduled = jobs.filter((job: any) => job.scheduled).sort((a: any, b: any) => a.createdAt.localeCompare(b.createdAt));
    expect(scheduled.length).toBeGreaterThanOrEqual(1);
    expect(scheduled.length).toBeLessThanOrEqual(3);
    for (let i = 1; i < scheduled.length; i++) {
      expect(new Date(scheduled[i].createdAt).getTime() - new Date(scheduled[i - 1].createdAt).getTime()).toBeGreaterThanOrEqual(2900);
    }
    // The first may have run before the stores existed (it starts with the server); a later one tested both.
    expect(scheduled.some((job: any) => job.status === 'COMPLETED' && job.total === 2 && job.ok === 2)).toBe(true);
  } finally {
    await second.server.stop();
  }
}, 30_000);

test('cancelling jobs while their stores are being claimed never fails (no deadlock between the two)', async () => {
  const { server, gql } = await startServer({ CONNECTION_TEST_CONCURRENCY: '16' });
  // No credentials: tests are instant, so claims come as fast as they can.
  await seed(gql, 'Churn', Array(40).fill('unconfigured'));
  const second = await startServer({ CONNECTION_TEST_CONCURRENCY: '16' }, server.dataDir);
  try {
    for (let round = 0; round < 8; round++) {
      const started = await Promise.all(Array.from({ length: 6 }, () => gql(START, { filter: { q: 'churn' } })));
      const cancelled = await Promise.all(
        started.map(({ data }, i) => (i % 2 ? second.gql : gql)(CANCEL, { id: data.testAllConnections.id })),
      );
      for (const result of cancelled) {
        expect(result.errors).toBeUndefined();
        expect(['CANCELLED', 'COMPLETED']).toContain(result.data.cancelConnectionTestJob.status);
      }
    }
  } finally {
    await second.server.stop();
  }
});

test('asking for a job that does not exist, or a page out of range, is a typed error', async () => {
  const { gql } = await startServer();
  expect((await gql(JOB, { id: 'no-such-job' })).errors![0].extensions).toMatchObject({ code: 'NOT_FOUND' });
  expect((await gql(CANCEL, { id: 'no-such-job' })).errors![0].extensions).toMatchObject({ code: 'NOT_FOUND' });
  expect((await gql(`{ connectionTestJobs(perPage: 0) { total } }`)).errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'perPage' });
  const empty = (await gql(START, { filter: { ids: [] } })).data.testAllConnections;
  expect(empty).toMatchObject({ status: 'COMPLETED', total: 0, done: 0, progress: 1 });
});

test('a job keeps the whole filter it was started with, connectionHealth included', async () => {
  const { server, gql } = await startServer();
  await seed(gql, 'Health', ['ok', 'wrong-token']);
  await waitFor(gql, (await gql(START, { filter: { q: 'health' } })).data.testAllConnections.id, finished);

  const filter = { q: 'health', connectionHealth: 'FAILING' };
  const job = (await gql(START, { filter })).data.testAllConnections;
  expect(job.total).toBe(1);
  const stored = await server.dataSource.getRepository(ConnectionTestJob).findOneByOrFail({ id: job.id });
  expect(stored.filter).toMatchObject(filter);
  // Clients read it back, to say which stores the job covers; a job over every store has none.
  const FILTER = 'query($id: ID!) { connectionTestJob(id: $id) { filter { ids q platform apiVersion needsMigration connectionHealth } } }';
  expect((await gql(FILTER, { id: job.id })).data.connectionTestJob.filter).toEqual({
    ids: null, q: 'health', platform: null, apiVersion: null, needsMigration: null, connectionHealth: 'FAILING',
  });
  const all = (await gql(START, {})).data.testAllConnections;
  expect((await gql(FILTER, { id: all.id })).data.connectionTestJob.filter).toBeNull();
});

test("a job started with an API key names the key, and its tests are audited as the key", async () => {
  const { server, gql } = await startServer();
  const [store] = await seed(gql, 'Keyed', ['ok']);
  const key = (await gql('mutation { createApiKey(name: "Nightly check", role: VIEWER) { key apiKey { id prefix } } }')).data.createApiKey;
  const viaKey = clientFor(server, key.key);
  const job = (await viaKey('mutation($ids: [ID!]) { testAllConnections(filter: { ids: $ids }) { id startedBy } }', { ids: [store.id] })).data.testAllConnections;
  expect(job.startedBy).toBe(`Nightly check (${key.apiKey.prefix}…)`);
  await waitFor(gql, job.id, finished);
  const events = (
    await gql(`query($f: AuditEventFilter) { allAuditEvents(filter: $f) { actorType actorId actorName } }`, { f: { actions: ['CONNECTION_TESTED'], targetId: store.id } })
  ).data.allAuditEvents;
  expect(events).toEqual([{ actorType: 'API_KEY', actorId: key.apiKey.id, actorName: `Nightly check (${key.apiKey.prefix}…)` }]);
});

test("the audit trail names who started the job: the user for a request's job, storelink for the schedule's", async () => {
  const { gql } = await startServer({ RETEST_INTERVAL_MINUTES: '0.05' }); // 3 s
  const [store] = await seed(gql, 'Actor', ['ok']);
  const requested = (await gql(START, { filter: { ids: [store.id] } })).data.testAllConnections.id;
  await waitFor(gql, requested, finished);
  const scheduledTestedIt = async () =>
    (await gql(`{ connectionTestJobs(perPage: 100) { items { scheduled status total } } }`)).data.connectionTestJobs.items.some(
      (job: any) => job.scheduled && job.status === 'COMPLETED' && job.total > 0,
    );
  for (let i = 0; i < 300 && !(await scheduledTestedIt()); i++) await new Promise((resolve) => setTimeout(resolve, 50));

  const jobs = (await gql(`{ connectionTestJobs(perPage: 100) { items { id scheduled startedBy } } }`)).data.connectionTestJobs.items;
  expect(jobs.find((job: any) => job.id === requested)).toEqual({ id: requested, scheduled: false, startedBy: ADMIN.email });
  expect(jobs.filter((job: any) => job.scheduled).every((job: any) => job.startedBy === null)).toBe(true);
  const events = (
    await gql(`query($f: AuditEventFilter) { allAuditEvents(filter: $f, perPage: 100) { actorType actorName } }`, {
      f: { actions: ['CONNECTION_TESTED'], targetId: store.id },
    })
  ).data.allAuditEvents;
  expect(events.length).toBeGreaterThanOrEqual(2);
  expect(new Set(events.map((event: any) => `${event.actorType} ${event.actorName}`))).toEqual(new Set([`USER ${ADMIN.email}`, 'SYSTEM connection-test-jobs']));
}, 30_000);
