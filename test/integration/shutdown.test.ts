import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startFakeBigCommerce, type FakeBigCommerce } from '../fakes/bigcommerce';
import { ChildServer } from '../support/child-server';
import { PostgresTestDatabase, testDatabaseKind } from '../support/test-database';
import { FULL_SCOPES } from './bigcommerce-harness';

/**
 * SIGTERM to the real server (a separate process, as `npm start` runs it) in the middle of a
 * bulk job and of a request: /readyz stops answering 200, the request under way is answered,
 * the process exits 0 within 10 s, and after a restart the job finishes with every store
 * tested exactly once.
 */

const STORES = 8;
let fake: FakeBigCommerce;
let dataDir: string;
let postgres: PostgresTestDatabase | null = null;
const children: ChildServer[] = [];

beforeAll(async () => {
  fake = await startFakeBigCommerce();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'storelink-shutdown-'));
  if (testDatabaseKind() === 'postgres') {
    postgres = PostgresTestDatabase.forDataDir(dataDir);
    await postgres.create();
  }
});
afterAll(async () => {
  for (const child of children) await child.kill();
  await postgres?.drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
  await fake.stop();
});

async function start(): Promise<ChildServer> {
  const child = await ChildServer.start({
    STORELINK_DATA_DIR: dataDir,
    ...(postgres ? { DATABASE_URL: postgres.url } : {}),
    BIGCOMMERCE_API_URL: fake.url,
    OUTBOUND_ALLOW_PRIVATE: 'true',
    HTTP_TIMEOUT_MS: '3000',
    CONNECTION_TEST_CONCURRENCY: '2',
  });
  children.push(child);
  return child;
}

test('SIGTERM: not ready at once, the request under way is answered, exit 0 within 10 s, and the cut job resumes testing no store twice', async () => {
  let server = await start();
  let token = await server.login();
  const gql = (query: string, variables?: Record<string, unknown>) => server.graphql(query, variables, token);

  const storeIds: string[] = [];
  for (let i = 0; i < STORES; i++) {
    const hash = `sd${randomBytes(5).toString('hex')}`;
    const secret = randomBytes(16).toString('hex');
    fake.addStore({ hash });
    fake.addToken({ hash, token: secret, scopes: FULL_SCOPES });
    const { id } = (await gql(`mutation($n: String!) { createEcommerceStore(name: $n) { id } }`, { n: `Shutdown store ${i}` })).data.createEcommerceStore;
    await gql(`mutation($id: ID!, $c: ApiCredentialsInput!) { updateApiCredentials(id: $id, credentials: $c) { id } }`, {
      id,
      c: { apiVersion: 'STORE_API_OAUTH', apiLogin: hash, apiPassword: secret },
    });
    storeIds.push(id);
  }
  // Slow enough that the job (4 rounds of 2 tests, about 1.5 s each) is mid-way when the signal comes.
  fake.setBehaviour({ latencyMs: 700 });
  const job = (await gql(`mutation($ids: [ID!]) { testAllConnections(filter: { ids: $ids }) { id } }`, { ids: storeIds.slice(1) })).data.testAllConnections;
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const before = (await gql(`query($id: ID!) { connectionTestJob(id: $id) { status done } }`, { id: job.id })).data.connectionTestJob;
  expect(before.status).toBe('RUNNING');

  // A request under way when the signal comes.
  const inflight = gql('query($id: ID!) { testConnection(id: $id) { status } }', { id: storeIds[0] });
  await new Promise((resolve) => setTimeout(resolve, 100));
  const signalledAt = Date.now();
  server.signal('SIGTERM');
  // The signal takes a moment to arrive; from then on, never ready again.
  const readiness: Array<number | string> = [];
  for (let i = 0; i < 20; i++) {
    readiness.push(await fetch(`${server.url}/readyz`).then((response) => response.status, () => 'refused'));
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const firstNotReady = readiness.findIndex((status) => status !== 200);
  expect(firstNotReady).toBeGreaterThanOrEqual(0);
  expect(readiness.slice(firstNotReady).every((status) => status === 503 || status === 'refused')).toBe(true);

  expect((await inflight).data.testConnection.status).toBe('OK');
  const exit = await server.exited();
  expect(exit).toEqual({ code: 0, signal: null });
  expect(Date.now() - signalledAt).toBeLessThan(10_000);
  expect(server.output.join('')).toContain('Shutting down');

  fake.setBehaviour({});
  server = await start();
  token = await server.login();
  const deadline = Date.now() + 30_000;
  let progress;
  for (;;) {
    progress = (await gql(`query($id: ID!) { connectionTestJob(id: $id) { status total done ok running pending } }`, { id: job.id })).data.connectionTestJob;
    if (progress.status !== 'RUNNING' || Date.now() > deadline) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  expect(progress).toMatchObject({ status: 'COMPLETED', total: STORES - 1, done: STORES - 1, ok: STORES - 1 });
  for (const id of storeIds.slice(1)) {
    const history = (await gql(`query($id: ID!) { connectionTests(storeId: $id) { total } }`, { id })).data.connectionTests;
    expect({ id, tests: history.total }).toEqual({ id, tests: 1 });
  }
}, 120_000);
