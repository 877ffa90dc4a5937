import { useFakeBigCommerce } from '../support/hooks';
import { createConnectedStore, waitForJobToFinish } from '../support/bigcommerce-stores';
import { useChildServers } from '../support/child-server';

/**
 * SIGTERM to the real server (a separate process, as `npm start` runs it) in the middle of a
 * bulk job and of a request: /readyz stops answering 200, the request under way is answered,
 * the process exits 0 within 10 s, and after a restart the job finishes with every store
 * tested exactly once.
 */

const STORES = 8;
const fake = useFakeBigCommerce();
const servers = useChildServers('shutdown', () => ({
  BIGCOMMERCE_API_URL: fake.url,
  OUTBOUND_ALLOW_PRIVATE: 'true',
  HTTP_TIMEOUT_MS: '3000',
  CONNECTION_TEST_CONCURRENCY: '2',
}));
const { gql } = servers;

test('SIGTERM: not ready at once, the request under way is answered, exit 0 within 10 s, and the cut job resumes testing no store twice', async () => {
  const server = await servers.start();
  const storeIds: string[] = [];
  for (let i = 0; i < STORES; i++) storeIds.push((await createConnectedStore(fake, gql, `Shutdown store ${i}`)).id);
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
  await servers.start();
  const progress = await waitForJobToFinish(gql, job.id, 30_000);
  expect(progress).toMatchObject({ status: 'COMPLETED', total: STORES - 1, done: STORES - 1, ok: STORES - 1 });
  for (const id of storeIds.slice(1)) {
    const history = (await gql(`query($id: ID!) { connectionTests(storeId: $id) { total } }`, { id })).data.connectionTests;
    expect({ id, tests: history.total }).toEqual({ id, tests: 1 });
  }
}, 120_000);
