import { CLAIM_COMMENT } from '../../server/jobs/job-queue';
import { useAdminServer } from '../support/hooks';

/**
 * Lists cost a constant number of SQL statements, however many rows they show: the server
 * reports every statement it sends (TestServer.captureQueries), and a page of 50 stores with
 * their last connection test must cost what a page of 5 costs.
 */

const LIST = `query($perPage: Int) {
  allEcommerceStores(perPage: $perPage, sortField: "name") { id name apiLogin needsMigration lastConnectionTest { status success testedAt } }
  _allEcommerceStoresMeta { count }
}`;
const JOBS = `query($perPage: Int) { connectionTestJobs(perPage: $perPage) { total items { id status total done ok failed running pending changed progress } } }`;

const { server, gql } = useAdminServer();
beforeAll(async () => {
  const ids: string[] = [];
  for (let i = 0; i < 60; i++) {
    ids.push((await gql(`mutation($n: String!) { createEcommerceStore(name: $n) { id } }`, { n: `Store ${String(i).padStart(2, '0')}` })).data.createEcommerceStore.id);
  }
  // Two tests per store (no credentials: NOT_CONFIGURED, recorded without calling out), so "the latest" has to be chosen.
  for (const id of ids) {
    for (let round = 0; round < 2; round++) await gql(`query($id: ID!) { testConnection(id: $id) { status } }`, { id });
  }
  // A few bulk jobs of one store each, to list them.
  for (const id of ids.slice(0, 12)) await gql(`mutation($ids: [ID!]) { testAllConnections(filter: { ids: $ids }) { id } }`, { ids: [id] });
  // Let them finish, so no job is being worked on while statements are counted.
  for (let waited = 0; ; waited += 50) {
    const running = await gql(`{ connectionTestJobs(status: RUNNING) { total } }`);
    if (running.data.connectionTestJobs.total === 0) break;
    if (waited > 20_000) throw new Error('the set-up jobs did not finish');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  // Set-up of 60 stores, 120 tests and 12 jobs: on a busy machine (PostgreSQL, in CI beside other suites) it outlasts 30 s.
}, 120_000);

/**
 * The statements one request sent. The job runner polls in the background (an EXISTS check for
 * running jobs and expired leases, `row_exists`; every 5 s its sweep for jobs with nothing left
 * to test, the only statement with the alias `"open"`; and, when woken, its claim of pending
 * items: on PostgreSQL the claim lock, `pg_advisory_xact_lock`, then reads that carry the comment
 * CLAIM_COMMENT); its statements are left out, as are transaction brackets.
 */
async function statementsOf(query: string, variables: Record<string, unknown>): Promise<{ statements: string[]; data: any }> {
  let data: any;
  const captured = await server.captureQueries(async () => {
    const result = await gql(query, variables);
    expect(result.errors).toBeUndefined();
    data = result.data;
  });
  const statements = captured.filter(
    (sql) => !/^(BEGIN|COMMIT|ROLLBACK|START TRANSACTION)/i.test(sql) && !/row_exists|"open"\."jobId"|pg_advisory_xact_lock/.test(sql) && !sql.includes(`/* ${CLAIM_COMMENT} */`),
  );
  return { statements, data };
}

/** A statement's shape: numbers (SQLite writes LIMIT into the SQL) and lists of placeholders collapsed, so pages of any size compare. */
const shape = (sql: string) => sql.replace(/\d+/g, 'N').replace(/(\?|\$N)(, (\?|\$N))*/g, '…');

test('50 stores with their last connection test cost as many SQL statements as 5', async () => {
  const five = await statementsOf(LIST, { perPage: 5 });
  const fifty = await statementsOf(LIST, { perPage: 50 });
  expect(five.data.allEcommerceStores).toHaveLength(5);
  expect(fifty.data.allEcommerceStores).toHaveLength(50);
  expect(fifty.data.allEcommerceStores.every((store: any) => store.lastConnectionTest?.status === 'NOT_CONFIGURED')).toBe(true);
  // The same statements, whatever the page size.
  expect(fifty.statements.map(shape)).toEqual(five.statements.map(shape));
  // Sign-in check (its statement also reads the store list cache's count of changes), the page and
  // the count: the store row keeps a summary of its newest test.
  expect(fifty.statements.filter((sql) => /store_list_changes/.test(sql))).toHaveLength(1);
  expect(fifty.statements.length).toBeLessThanOrEqual(5);
  expect(fifty.statements.filter((sql) => /connection_tests/.test(sql))).toHaveLength(0);
});

test('asking for more of the last test than the row keeps costs one batched look-up, and answers the newest test in full', async () => {
  const full = LIST.replace('lastConnectionTest { status success testedAt }', 'lastConnectionTest { id status testedAt durationMs scopes { scope } warnings }');
  const five = await statementsOf(full, { perPage: 5 });
  const fifty = await statementsOf(full, { perPage: 50 });
  expect(fifty.data.allEcommerceStores).toHaveLength(50);
  expect(fifty.statements.map(shape)).toEqual(five.statements.map(shape));
  expect(fifty.statements.filter((sql) => /connection_tests/.test(sql))).toHaveLength(1);
  // The same test the summary names, the newer of each store's two.
  const summary = await statementsOf(LIST.replace('lastConnectionTest { status', 'lastConnectionTest { id status'), { perPage: 50 });
  for (const [i, store] of fifty.data.allEcommerceStores.entries()) {
    expect(store.lastConnectionTest).toEqual({ id: expect.any(String), status: 'NOT_CONFIGURED', testedAt: expect.any(String), durationMs: 0, scopes: [], warnings: [] });
    expect(store.lastConnectionTest.id).toBe(summary.data.allEcommerceStores[i].lastConnectionTest.id);
  }
});

test('a page of jobs with their progress costs as many SQL statements as a page of one', async () => {
  const one = await statementsOf(JOBS, { perPage: 1 });
  const ten = await statementsOf(JOBS, { perPage: 10 });
  expect(one.data.connectionTestJobs.items).toHaveLength(1);
  expect(ten.data.connectionTestJobs.items).toHaveLength(10);
  expect(ten.statements.map(shape)).toEqual(one.statements.map(shape));
  // The progress of all ten jobs comes from one grouped count.
  expect(ten.statements.filter((sql) => /connection_test_job_items/.test(sql))).toHaveLength(1);
});
