import { randomBytes } from 'node:crypto';
import { useFakeBigCommerce } from '../support/hooks';
import { createConnectedStore, waitForJobToFinish } from '../support/bigcommerce-stores';
import { useChildServers } from '../support/child-server';
import { FULL_SCOPES } from '../support/bigcommerce-scopes';

/**
 * kill -9 of the real server (a separate process) while it writes, then a restart on the
 * same data: the database is intact (SQLite: PRAGMA integrity_check), every write that was
 * acknowledged before the kill is there, every stored secret still decrypts to the token it
 * was saved with (the fake accepts it), and a bulk job cut off mid-way is finished.
 */

const WORKERS = 8;

const fake = useFakeBigCommerce();
const servers = useChildServers('crash', () => ({
  BIGCOMMERCE_API_URL: fake.url,
  OUTBOUND_ALLOW_PRIVATE: 'true',
  // Short, so that the tests the kill cut off are taken over soon (lease = 3 x timeout + 5 s).
  HTTP_TIMEOUT_MS: '1000',
  CONNECTION_TEST_CONCURRENCY: '4',
}));
const { gql } = servers;

interface Acknowledged {
  id: string;
  /** The last acknowledged state, and the version it had. */
  version: number;
  name: string;
  hash: string | null;
}

test('after kill -9 during a write loop and a bulk job, the restarted server has every acknowledged write, intact and decryptable', async () => {
  const server = await servers.start();

  // A bulk job that is still running when the server dies.
  const jobStores: string[] = [];
  for (let i = 0; i < 12; i++) jobStores.push((await createConnectedStore(fake, gql, `Job store ${i}`)).id);
  fake.setBehaviour({ latencyMs: 250 });
  const job = (await gql(`mutation($ids: [ID!]) { testAllConnections(filter: { ids: $ids }) { id } }`, { ids: jobStores })).data.testAllConnections;

  // Writers: each creates stores and saves credentials and names on them, one request at a time.
  const acknowledged = new Map<string, Acknowledged>();
  let stop = false;
  const writer = async (worker: number) => {
    for (let round = 0; !stop; round++) {
      try {
        const name = `W${worker} R${round}`;
        const created = await gql(`mutation($n: String!) { createEcommerceStore(name: $n) { id version name } }`, { n: name });
        if (!created.data) continue;
        const store = created.data.createEcommerceStore;
        acknowledged.set(store.id, { id: store.id, version: store.version, name: store.name, hash: null });
        for (let change = 0; change < 3 && !stop; change++) {
          const hash = `w${worker}r${round}c${change}${randomBytes(3).toString('hex')}`;
          const secret = randomBytes(16).toString('hex');
          fake.addStore({ hash });
          fake.addToken({ hash, token: secret, scopes: FULL_SCOPES });
          const saved = await gql(`mutation($id: ID!, $c: ApiCredentialsInput!) { updateApiCredentials(id: $id, credentials: $c) { id version name } }`, {
            id: store.id,
            c: { apiVersion: 'STORE_API_OAUTH', apiLogin: hash, apiPassword: secret },
          });
          if (saved.data) acknowledged.set(store.id, { ...saved.data.updateApiCredentials, hash });
          const renamed = await gql(`mutation($id: ID!, $n: String!) { updateEcommerceStore(id: $id, name: $n) { id version name } }`, {
            id: store.id,
            n: `${name} C${change}`,
          });
          if (renamed.data) acknowledged.set(store.id, { ...acknowledged.get(store.id)!, ...renamed.data.updateEcommerceStore });
        }
      } catch {
        // The server died mid-request: this write was not acknowledged.
        return;
      }
    }
  };
  const writers = Array.from({ length: WORKERS }, (_, worker) => writer(worker));
  // Killed mid-stream, once the writers have had some writes acknowledged (a busy machine takes longer to get there).
  const writing = Date.now();
  while (Date.now() - writing < 1500 || (acknowledged.size <= WORKERS && Date.now() - writing < 30_000)) await new Promise((resolve) => setTimeout(resolve, 50));
  await server.kill('SIGKILL');
  stop = true;
  await Promise.all(writers);
  expect(acknowledged.size).toBeGreaterThan(WORKERS);

  if (servers.sqliteFile) {
    // The file as the killed process left it (WAL included): intact.
    const sqlite3 = require('sqlite3') as typeof import('sqlite3');
    const db = new sqlite3.Database(servers.sqliteFile);
    const check = await new Promise<Array<{ integrity_check: string }>>((resolve, reject) =>
      db.all('PRAGMA integrity_check', (err: Error | null, rows: Array<{ integrity_check: string }>) => (err ? reject(err) : resolve(rows))),
    );
    await new Promise<void>((resolve) => db.close(() => resolve()));
    expect(check).toEqual([{ integrity_check: 'ok' }]);
  }

  fake.reset();
  await servers.start();

  // Every acknowledged write is there, at the acknowledged version or a later (unacknowledged) one.
  for (const expected of acknowledged.values()) {
    const { data } = await gql(`query($id: ID!) { EcommerceStore(id: $id) { id version name apiLogin } }`, { id: expected.id });
    expect(data.EcommerceStore).not.toBeNull();
    expect(data.EcommerceStore.version).toBeGreaterThanOrEqual(expected.version);
    if (data.EcommerceStore.version === expected.version) {
      expect(data.EcommerceStore.name).toBe(expected.name);
      if (expected.hash) expect(data.EcommerceStore.apiLogin).toBe(`stores/${expected.hash}`);
    }
  }

  // The job cut off by the kill finishes (its lost tests are taken over once their lease runs out).
  const finished = await waitForJobToFinish(gql, job.id, 40_000);
  expect(finished).toMatchObject({ status: 'COMPLETED', total: 12, done: 12, ok: 12, running: 0, pending: 0 });

  // Every row decrypts to the token it was saved with: a re-test of every store with credentials passes.
  const all = (await gql(`mutation { testAllConnections(filter: { needsMigration: false }) { id total } }`)).data.testAllConnections;
  const retest = await waitForJobToFinish(gql, all.id, 60_000);
  const unconfigured = retest.byStatus.find((entry: { status: string }) => entry.status === 'NOT_CONFIGURED')?.count ?? 0;
  expect(retest.ok + unconfigured).toBe(retest.total);
  expect(retest.ok).toBeGreaterThanOrEqual(12);
}, 120_000);
