import { randomBytes } from 'node:crypto';
import { REQUIRED_HANDLES } from '../../server/platforms/shopify';
import { FULL_SCOPES } from '../support/bigcommerce-scopes';
import { useAdminServer, useFakeBigCommerce, useFakeShopify } from '../support/hooks';

/**
 * The dashboard's counts, per platform: each platform's stores split into legacy, failing,
 * healthy and untested, each store in exactly one count of its own platform, and the totals the
 * sums of the platforms'. The dashboard asks for them with its two short lists in one request.
 */

const hex = (bytes: number) => randomBytes(bytes).toString('hex');
const HASH = 'countsbc01';
const BC_TOKEN = 'countsgood000000000000000000000c1';

const bigcommerce = useFakeBigCommerce((fake) => {
  fake.addStore({ hash: HASH, name: 'Counted Cameras', domain: 'counted.example' });
  fake.addToken({ hash: HASH, token: BC_TOKEN, scopes: FULL_SCOPES });
});
const shopify = useFakeShopify();
const { gql } = useAdminServer(() => ({
  BIGCOMMERCE_API_URL: bigcommerce.url,
  SHOPIFY_API_URL: shopify.apiUrlTemplate,
  OUTBOUND_ALLOW_PRIVATE: 'true',
}));

const COUNTS = `{ ecommerceStoreCounts { total legacy failing healthy untested byPlatform { platform total legacy failing healthy untested } } }`;

async function store(name: string, platform: string, credentials?: object, test = false): Promise<string> {
  const id = (await gql('mutation($n: String!, $p: Platform) { createEcommerceStore(name: $n, platform: $p) { id } }', { n: name, p: platform })).data
    .createEcommerceStore.id;
  if (credentials) {
    const saved = await gql('mutation($id: ID!, $c: ApiCredentialsInput!) { updateApiCredentials(id: $id, credentials: $c) { id } }', { id, c: credentials });
    expect(saved.errors).toBeUndefined();
  }
  if (test) expect((await gql('query($id: ID!) { testConnection(id: $id) { status } }', { id })).errors).toBeUndefined();
  return id;
}

function shopifyApp(secretWorks: boolean) {
  const shop = `counts-${hex(3)}`;
  shopify.addShop({ shop, name: `Shop ${shop}` });
  const app = { clientId: hex(16), clientSecret: `shpss_${hex(16)}` };
  shopify.addApp({ shop, ...app, scopes: [...REQUIRED_HANDLES] });
  return { apiVersion: 'SHOPIFY_CLIENT_CREDENTIALS', apiUrl: shop, apiLogin: app.clientId, apiPassword: secretWorks ? app.clientSecret : `shpss_${hex(16)}` };
}

test('each platform splits its stores into legacy, failing, healthy and untested, and the totals add them up', async () => {
  await store('BC legacy', 'BIGCOMMERCE', { apiVersion: 'LEGACY', apiLogin: 'admin', apiPassword: 'legacytoken0000000000000000000000', apiUrl: bigcommerce.legacyApiUrl });
  await store('BC healthy', 'BIGCOMMERCE', { apiVersion: 'STORE_API_OAUTH', apiLogin: `stores/${HASH}`, apiPassword: BC_TOKEN }, true);
  await store('BC not set up', 'BIGCOMMERCE');
  const adminShop = `counts-${hex(3)}`;
  shopify.addShop({ shop: adminShop, name: 'Admin-made app shop' });
  await store('Shopify admin app', 'SHOPIFY', { apiVersion: 'SHOPIFY_ADMIN_TOKEN', apiUrl: adminShop, apiPassword: `shpat_${hex(16)}` });
  await store('Shopify healthy', 'SHOPIFY', shopifyApp(true), true);
  await store('Shopify failing', 'SHOPIFY', shopifyApp(false), true);
  await store('Shopify saved untested', 'SHOPIFY', shopifyApp(true));
  await store('Woo not set up', 'WOOCOMMERCE');

  const counts = (await gql(COUNTS)).data.ecommerceStoreCounts;
  expect(counts.byPlatform).toEqual([
    { platform: 'BIGCOMMERCE', total: 3, legacy: 1, failing: 0, healthy: 1, untested: 1 },
    { platform: 'SHOPIFY', total: 4, legacy: 1, failing: 1, healthy: 1, untested: 1 },
    { platform: 'WOOCOMMERCE', total: 1, legacy: 0, failing: 0, healthy: 0, untested: 1 },
  ]);
  expect(counts).toMatchObject({ total: 8, legacy: 2, failing: 1, healthy: 2, untested: 3 });

  // Each platform's counts are the list's answers for that platform (the dashboard's links open these lists).
  const LIST_COUNT = 'query($f: EcommerceStoreFilter) { _allEcommerceStoresMeta(filter: $f) { count } }';
  for (const row of counts.byPlatform) {
    const count = async (filter: object) => (await gql(LIST_COUNT, { f: { platform: row.platform, ...filter } })).data._allEcommerceStoresMeta.count;
    expect({
      platform: row.platform,
      total: await count({}),
      legacy: await count({ needsMigration: true }),
      failing: await count({ needsMigration: false, connectionHealth: 'FAILING' }),
      healthy: await count({ needsMigration: false, connectionHealth: 'HEALTHY' }),
      untested: await count({ needsMigration: false, connectionHealth: 'UNTESTED' }),
    }).toEqual(row);
  }
});

test("the dashboard's counts and its two short lists, for one platform, come in one request", async () => {
  const DASHBOARD = `query Dashboard($toMigrate: EcommerceStoreFilter, $failing: EcommerceStoreFilter) {
    ecommerceStoreCounts { total legacy failing healthy untested byPlatform { platform total legacy failing healthy untested } }
    toMigrate: allEcommerceStores(filter: $toMigrate, perPage: 10, sortField: "name", sortOrder: "ASC") { id name platform apiVersion lastConnectionTest { success status message } }
    failing: allEcommerceStores(filter: $failing, perPage: 10, sortField: "name", sortOrder: "ASC") { id name platform apiVersion lastConnectionTest { success status message } }
  }`;
  const answer = await gql(DASHBOARD, {
    toMigrate: { platform: 'SHOPIFY', needsMigration: true },
    failing: { platform: 'SHOPIFY', needsMigration: false, connectionHealth: 'FAILING' },
  });
  expect(answer.errors).toBeUndefined();
  expect(answer.data.toMigrate.map((s: { name: string }) => s.name)).toEqual(['Shopify admin app']);
  expect(answer.data.failing.map((s: { name: string; lastConnectionTest: { success: boolean } }) => [s.name, s.lastConnectionTest.success])).toEqual([['Shopify failing', false]]);
});
