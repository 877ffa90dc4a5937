import { randomBytes } from 'node:crypto';
import { AuditService } from '../../server/audit/audit.service';
import { ConnectionTest } from '../../server/connection-history/connection-test.entity';
import { summaryColumnsOf } from '../../server/connections/latest-test-summary';
import { PlatformRegistry } from '../../server/platforms/registry';
import { SecretCipher } from '../../server/secrets/secret-cipher';
import { EcommerceStoreService } from '../../server/stores/ecommerce-store.service';
import { useAdminServer } from '../support/hooks';
import { CREATE_STORE } from '../support/store-operations';

/**
 * "The newest test of a store" means one test everywhere it is shown, even when two tests
 * were recorded at the same instant: the store's lastConnectionTest, the top of its history,
 * the connectionHealth filter and a bulk job's previousStatus all name the same one.
 */

const { server, gql } = useAdminServer();

const SAME_INSTANT = new Date('2026-06-01T12:00:00.000Z');

/**
 * Records a test the way the server does (the history row, then the summary on the store row, in
 * one transaction), but with a chosen id and instant: two real tests cannot be made to share one.
 */
async function recordTest(storeId: string, id: string, success: boolean): Promise<void> {
  const stores = new EcommerceStoreService(server.dataSource, new SecretCipher(randomBytes(32)), { allowPrivateTargets: false }, new AuditService(server.dataSource), new PlatformRegistry([]));
  await server.dataSource.transaction(async (manager) => {
    const test = manager.getRepository(ConnectionTest).create({
      id,
      storeId,
      success,
      status: success ? 'OK' : 'INVALID_CREDENTIALS',
      message: success ? 'Works.' : 'The access token was refused.',
      apiVersion: null,
      storeName: null,
      storeDomain: null,
      scopes: [],
      warnings: [],
      durationMs: 5,
      testedAt: SAME_INSTANT,
    } as ConnectionTest);
    await manager.getRepository(ConnectionTest).insert(test);
    await stores.noteNewestTest(storeId, summaryColumnsOf(test), manager);
  });
}

async function newestEverywhere(storeId: string) {
  const listed = (await gql(`query($ids: [ID!]) { allEcommerceStores(filter: { ids: $ids }) { lastConnectionTest { id status } } }`, { ids: [storeId] }))
    .data.allEcommerceStores[0].lastConnectionTest;
  // Asking for more than the row's summary (durationMs) goes through the batched look-up of full tests instead.
  const full = (await gql(`query($id: ID!) { EcommerceStore(id: $id) { lastConnectionTest { id status durationMs } } }`, { id: storeId })).data.EcommerceStore
    .lastConnectionTest;
  const single = full && { id: full.id, status: full.status };
  const history = (await gql(`query($id: ID!) { connectionTests(storeId: $id) { items { id status } } }`, { id: storeId })).data.connectionTests.items[0];
  const healthOf = async (health: string) =>
    (await gql(`query($f: EcommerceStoreFilter) { _allEcommerceStoresMeta(filter: $f) { count } }`, { f: { ids: [storeId], connectionHealth: health } })).data
      ._allEcommerceStoresMeta.count;
  const health = (await healthOf('HEALTHY')) === 1 ? 'HEALTHY' : (await healthOf('FAILING')) === 1 ? 'FAILING' : 'neither';
  return { listed, single, history, health };
}

test('two tests recorded at the same instant: every view names the same newest one (the greater id)', async () => {
  const failingNewest = (await gql(CREATE_STORE, { name: 'Tie failing' })).data.createEcommerceStore.id;
  const passingNewest = (await gql(CREATE_STORE, { name: 'Tie passing' })).data.createEcommerceStore.id;
  // Inserted in both orders, so neither the insertion order nor the row order can stand in for the rule.
  await recordTest(failingNewest, 'af000000-0000-4000-8000-000000000000', false);
  await recordTest(failingNewest, 'a0000000-0000-4000-8000-000000000000', true);
  await recordTest(passingNewest, 'b0000000-0000-4000-8000-000000000000', false);
  await recordTest(passingNewest, 'bf000000-0000-4000-8000-000000000000', true);

  const failing = await newestEverywhere(failingNewest);
  expect(failing.listed).toEqual({ id: 'af000000-0000-4000-8000-000000000000', status: 'INVALID_CREDENTIALS' });
  expect(failing.single).toEqual(failing.listed);
  expect(failing.history).toEqual(failing.listed);
  expect(failing.health).toBe('FAILING');

  const passing = await newestEverywhere(passingNewest);
  expect(passing.listed).toEqual({ id: 'bf000000-0000-4000-8000-000000000000', status: 'OK' });
  expect(passing.single).toEqual(passing.listed);
  expect(passing.history).toEqual(passing.listed);
  expect(passing.health).toBe('HEALTHY');

  // A bulk job compares each new result with the same newest test.
  const job = (await gql(`mutation($ids: [ID!]) { testAllConnections(filter: { ids: $ids }) { id } }`, { ids: [failingNewest, passingNewest] })).data
    .testAllConnections;
  let items: Array<{ storeId: string; previousStatus: string | null }> = [];
  for (let i = 0; i < 200; i++) {
    const read = (await gql(`query($id: ID!) { connectionTestJob(id: $id) { status items { items { storeId previousStatus } } } }`, { id: job.id })).data
      .connectionTestJob;
    items = read.items.items;
    if (read.status !== 'RUNNING') break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  expect(Object.fromEntries(items.map((item) => [item.storeId, item.previousStatus]))).toEqual({
    [failingNewest]: 'INVALID_CREDENTIALS',
    [passingNewest]: 'OK',
  });
});
