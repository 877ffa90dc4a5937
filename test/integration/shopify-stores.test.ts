import { randomBytes } from 'node:crypto';
import { REQUIRED_HANDLES } from '../../server/platforms/shopify';
import { UPDATE_CREDENTIALS } from '../support/store-operations';
import { useAdminServer, useFakeShopify } from '../support/hooks';

/**
 * Shopify stores through the GraphQL API of a real server, against the fake Shopify on
 * 127.0.0.1: added, tested scope by scope, every failure classified with its status and one
 * sentence within HTTP_TIMEOUT_MS, and migrated from an admin-created app's token to a Dev
 * Dashboard app's client credentials without ever losing the working token.
 */

const hex = (bytes: number) => randomBytes(bytes).toString('hex');
const adminTokenValue = () => `shpat_${hex(16)}`;
const TIMEOUT_MS = 2500;

const RESULT = `success status message apiVersion storeName storeDomain warnings scopes { scope apiName required granted verified ok message }`;
const CREATE = `mutation($name: String!) { createEcommerceStore(name: $name, platform: SHOPIFY) { id } }`;
const TEST_CONNECTION = `query($id: ID!) { testConnection(id: $id) { ${RESULT} } }`;
const VERIFIED_UPDATE = `mutation($id: ID!, $c: ApiCredentialsInput!) {
  updateApiCredentials(id: $id, credentials: $c, verify: true) { apiVersion apiLogin apiUrl apiPasswordLast4 needsMigration lastConnectionTest { status } }
}`;
const STORE = `query($id: ID!) { EcommerceStore(id: $id) { apiVersion apiLogin apiUrl apiPasswordLast4 needsMigration } }`;
const COUNT = `query($filter: EcommerceStoreFilter) { _allEcommerceStoresMeta(filter: $filter) { count } }`;

const fake = useFakeShopify();
const { gql } = useAdminServer(() => ({ SHOPIFY_API_URL: fake.apiUrlTemplate, OUTBOUND_ALLOW_PRIVATE: 'true', HTTP_TIMEOUT_MS: String(TIMEOUT_MS) }));

beforeEach(() => fake.setBehaviour({}));

let shops = 0;
function newShop(): string {
  const shop = `shop-${++shops}-${hex(3)}`;
  fake.addShop({ shop, name: `Acme ${shops}` });
  return shop;
}

async function storeWithAdminToken(shop: string, scopes: readonly string[] = REQUIRED_HANDLES): Promise<{ id: string; token: string }> {
  const token = adminTokenValue();
  fake.addAdminToken({ shop, token, scopes: [...scopes] });
  const id = (await gql(CREATE, { name: `Store of ${shop}` })).data.createEcommerceStore.id;
  const saved = await gql(UPDATE_CREDENTIALS, { id, credentials: { apiVersion: 'SHOPIFY_ADMIN_TOKEN', apiUrl: shop, apiPassword: token } });
  expect(saved.errors).toBeUndefined();
  return { id, token };
}

function newApp(shop: string, options: { scopes?: readonly string[]; expiresInSeconds?: number } = {}) {
  const app = { clientId: hex(16), clientSecret: `shpss_${hex(16)}` };
  fake.addApp({ shop, ...app, scopes: [...(options.scopes ?? REQUIRED_HANDLES)], expiresInSeconds: options.expiresInSeconds });
  return app;
}

const clientCredentials = (shop: string, app: { clientId: string; clientSecret: string }) => ({
  apiVersion: 'SHOPIFY_CLIENT_CREDENTIALS',
  apiUrl: `https://${shop}.myshopify.com/admin/settings`,
  apiLogin: app.clientId,
  apiPassword: app.clientSecret,
});

async function testConnection(id: string) {
  const result = await gql(TEST_CONNECTION, { id });
  expect(result.errors).toBeUndefined();
  return result.data.testConnection;
}

/** One sentence an admin can act on: ends with a full stop, no second sentence after it. */
function expectOneSentence(message: string): void {
  expect(message).toMatch(/\.$/);
  expect(message).not.toMatch(/\.\s+[A-Z]/);
}

describe('an admin-created custom app (SHOPIFY_ADMIN_TOKEN)', () => {
  test('is added, tested scope by scope, named, and flagged for migration', async () => {
    const shop = newShop();
    const { id } = await storeWithAdminToken(shop);
    expect((await gql(STORE, { id })).data.EcommerceStore).toMatchObject({ apiUrl: `${shop}.myshopify.com`, needsMigration: true });
    const result = await testConnection(id);
    expect(result).toMatchObject({ success: true, status: 'OK', apiVersion: 'SHOPIFY_ADMIN_TOKEN', storeName: `Acme ${shops}` });
    expect(result.scopes.map((s: { apiName: string }) => s.apiName)).toEqual([
      'write_orders',
      'write_merchant_managed_fulfillment_orders',
      'read_products',
      'read_inventory',
      'read_locations',
      'read_customers',
    ]);
    expect(result.scopes.every((s: { verified: boolean; ok: boolean }) => s.verified && s.ok)).toBe(true);
    expect(result.warnings.join(' ')).toMatch(/legacy custom app/i);
    expectOneSentence(result.message);
  });

  test('a missing scope is MISSING_SCOPES on its own row, saying how to add it and that the app must be reinstalled', async () => {
    const shop = newShop();
    const scopes = REQUIRED_HANDLES.filter((h) => h !== 'read_inventory').map((h) => (h === 'write_orders' ? 'read_orders' : h));
    const { id } = await storeWithAdminToken(shop, scopes);
    const result = await testConnection(id);
    expect(result).toMatchObject({ success: false, status: 'MISSING_SCOPES' });
    const rows = Object.fromEntries(result.scopes.map((s: { apiName: string }) => [s.apiName, s]));
    expect(rows.read_inventory).toMatchObject({ required: 'READ_ONLY', granted: 'NONE', verified: true, ok: false });
    expect(rows.write_orders).toMatchObject({ required: 'MODIFY', granted: 'READ_ONLY', verified: true, ok: false });
    expect(rows.read_products).toMatchObject({ ok: true, verified: true });
    expect(result.message).toMatch(/reinstall the app and copy the new/);
    expectOneSentence(result.message);
  });

  test('scopes beyond the required ones are a least-privilege warning, not a failure', async () => {
    const { id } = await storeWithAdminToken(newShop(), [...REQUIRED_HANDLES, 'write_products', 'read_analytics']);
    const result = await testConnection(id);
    expect(result).toMatchObject({ success: true, status: 'OK' });
    expect(result.warnings.join(' ')).toMatch(/read_analytics/);
  });
});

describe('failures: the status and one sentence, within HTTP_TIMEOUT_MS', () => {
  test('an unknown shop is STORE_NOT_FOUND', async () => {
    const id = (await gql(CREATE, { name: 'Nowhere' })).data.createEcommerceStore.id;
    await gql(UPDATE_CREDENTIALS, { id, credentials: { apiVersion: 'SHOPIFY_ADMIN_TOKEN', apiUrl: 'no-such-shop-here', apiPassword: adminTokenValue() } });
    const result = await testConnection(id);
    expect(result).toMatchObject({ success: false, status: 'STORE_NOT_FOUND' });
    expect(result.message).toMatch(/no-such-shop-here\.myshopify\.com/);
    expectOneSentence(result.message);
  });

  test('an unknown shop that redirects to a marketing page is STORE_NOT_FOUND, the redirect not followed', async () => {
    fake.setBehaviour({ unknownShop: 'redirect' });
    const id = (await gql(CREATE, { name: 'Nowhere' })).data.createEcommerceStore.id;
    await gql(UPDATE_CREDENTIALS, { id, credentials: { apiVersion: 'SHOPIFY_ADMIN_TOKEN', apiUrl: 'another-missing-shop', apiPassword: adminTokenValue() } });
    expect(await testConnection(id)).toMatchObject({ success: false, status: 'STORE_NOT_FOUND' });
  });

  test('a revoked token is INVALID_CREDENTIALS, saying where to get a new one', async () => {
    const { id, token } = await storeWithAdminToken(newShop());
    fake.revokeToken(token);
    const result = await testConnection(id);
    expect(result).toMatchObject({ success: false, status: 'INVALID_CREDENTIALS' });
    expect(result.message).toMatch(/Develop apps/);
    expectOneSentence(result.message);
  });

  test('a wrong client secret is INVALID_CREDENTIALS naming the Dev Dashboard', async () => {
    const shop = newShop();
    const app = newApp(shop);
    const id = (await gql(CREATE, { name: 'Wrong secret' })).data.createEcommerceStore.id;
    await gql(UPDATE_CREDENTIALS, { id, credentials: { ...clientCredentials(shop, app), apiPassword: `shpss_${hex(16)}` } });
    const result = await testConnection(id);
    expect(result).toMatchObject({ success: false, status: 'INVALID_CREDENTIALS' });
    expect(result.message).toMatch(/Dev Dashboard/);
    expectOneSentence(result.message);
  });

  test('a 429 with a short Retry-After is waited out; one longer than the deadline is RATE_LIMITED naming the wait', async () => {
    const { id } = await storeWithAdminToken(newShop());
    fake.setBehaviour({ faults: [{ path: '/admin/oauth/access_scopes.json', type: 'rate-limit', retryAfterSeconds: 1, times: 1 }] });
    expect(await testConnection(id)).toMatchObject({ success: true, status: 'OK' });

    fake.setBehaviour({ faults: [{ path: '/admin/oauth/access_scopes.json', type: 'rate-limit', retryAfterSeconds: 30 }] });
    const started = Date.now();
    const limited = await testConnection(id);
    expect(Date.now() - started).toBeLessThan(TIMEOUT_MS + 1500);
    expect(limited).toMatchObject({ success: false, status: 'RATE_LIMITED' });
    expect(limited.message).toMatch(/about 30 seconds/);
    expectOneSentence(limited.message);
  });

  test('an HTML page instead of JSON is UPSTREAM_ERROR', async () => {
    const { id } = await storeWithAdminToken(newShop());
    fake.setBehaviour({ faults: [{ path: /shop\.json/, type: 'html', status: 200 }] });
    const result = await testConnection(id);
    expect(result).toMatchObject({ success: false, status: 'UPSTREAM_ERROR' });
    expectOneSentence(result.message);
  });

  test('a hang is TIMEOUT within the deadline', async () => {
    const { id } = await storeWithAdminToken(newShop());
    fake.setBehaviour({ faults: [{ path: /shop\.json/, type: 'hang' }] });
    const started = Date.now();
    const result = await testConnection(id);
    expect(Date.now() - started).toBeLessThan(TIMEOUT_MS + 1500);
    expect(result).toMatchObject({ success: false, status: 'TIMEOUT' });
    expectOneSentence(result.message);
  });
});

describe('client credentials (SHOPIFY_CLIENT_CREDENTIALS)', () => {
  test('the issued token is reused across tests and renewed by storelink shortly before it expires', async () => {
    const shop = newShop();
    const app = newApp(shop, { expiresInSeconds: 120 }); // less than the renewal margin: every test renews
    const id = (await gql(CREATE, { name: 'Short tokens' })).data.createEcommerceStore.id;
    await gql(UPDATE_CREDENTIALS, { id, credentials: clientCredentials(shop, app) });
    const grants = () => fake.grants.filter((g) => g.clientId === app.clientId).length;
    expect((await testConnection(id)).status).toBe('OK');
    expect((await testConnection(id)).status).toBe('OK');
    expect(grants()).toBe(2);

    const lasting = newApp(shop);
    await gql(UPDATE_CREDENTIALS, { id, credentials: clientCredentials(shop, lasting) });
    for (let i = 0; i < 3; i++) expect((await testConnection(id)).status).toBe('OK');
    expect(fake.grants.filter((g) => g.clientId === lasting.clientId)).toHaveLength(1);

    // Shopify revoked the issued token (401): storelink fetches a new one, once.
    fake.revokeIssuedTokens(shop);
    expect((await testConnection(id)).status).toBe('OK');
    expect(fake.grants.filter((g) => g.clientId === lasting.clientId)).toHaveLength(2);
  });
});

describe('migrating from an admin token to client credentials (updateApiCredentials, verify: true)', () => {
  test('a failing app keeps the old token; a working one replaces it, ends the migration, and its token is reused', async () => {
    const shop = newShop();
    const { id, token } = await storeWithAdminToken(shop);
    const countsBefore = {
      shopify: (await gql(COUNT, { filter: { platform: 'SHOPIFY', needsMigration: true } })).data._allEcommerceStoresMeta.count,
    };

    const wrong = await gql(VERIFIED_UPDATE, { id, c: { ...clientCredentials(shop, newApp(shop)), apiPassword: `shpss_${hex(16)}` } });
    expect(wrong.errors![0].extensions).toMatchObject({ code: 'CONNECTION_TEST_FAILED', result: { status: 'INVALID_CREDENTIALS' } });
    expect((await gql(STORE, { id })).data.EcommerceStore).toMatchObject({ apiVersion: 'SHOPIFY_ADMIN_TOKEN', apiPasswordLast4: token.slice(-4), needsMigration: true });
    expect((await testConnection(id)).status).toBe('OK');

    const narrow = newApp(shop, { scopes: ['read_orders'] });
    const missing = await gql(VERIFIED_UPDATE, { id, c: clientCredentials(shop, narrow) });
    expect(missing.errors![0].extensions).toMatchObject({ code: 'CONNECTION_TEST_FAILED', result: { status: 'MISSING_SCOPES' } });
    expect((await gql(STORE, { id })).data.EcommerceStore.apiVersion).toBe('SHOPIFY_ADMIN_TOKEN');

    const app = newApp(shop);
    const migrated = await gql(VERIFIED_UPDATE, { id, c: clientCredentials(shop, app) });
    expect(migrated.errors).toBeUndefined();
    expect(migrated.data.updateApiCredentials).toMatchObject({
      apiVersion: 'SHOPIFY_CLIENT_CREDENTIALS',
      apiLogin: app.clientId,
      apiUrl: `${shop}.myshopify.com`,
      apiPasswordLast4: app.clientSecret.slice(-4),
      needsMigration: false,
      lastConnectionTest: { status: 'OK' },
    });
    expect((await gql(COUNT, { filter: { platform: 'SHOPIFY', needsMigration: true } })).data._allEcommerceStoresMeta.count).toBe(countsBefore.shopify - 1);
    expect((await testConnection(id)).status).toBe('OK');
    expect(fake.grants.filter((g) => g.clientId === app.clientId)).toHaveLength(1); // the verify test's token, kept
    expect(JSON.stringify(migrated)).not.toContain(app.clientSecret);
  });
});
