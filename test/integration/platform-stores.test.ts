import { randomBytes } from 'node:crypto';
import { REQUIRED_HANDLES } from '../../server/platforms/shopify';
import { LIST_STORES, STORE_FIELDS, UPDATE_CREDENTIALS } from '../support/store-operations';
import { useAdminServer, useFakeShopify } from '../support/hooks';

/**
 * Stores of every registered platform through the same API: created with their platform,
 * their credentials checked by that platform's connector (another platform's API version is
 * refused on apiVersion), needsMigration from the connector, and the access token Shopify
 * issues for client credentials kept encrypted, reused, and dropped when the credentials change.
 */

const hex = (bytes: number) => randomBytes(bytes).toString('hex');
const SHOP = 'wired-acme';
const ADMIN_TOKEN = `shpat_${hex(16)}`;
const CLIENT_ID = hex(16);
const CLIENT_SECRET = `shpss_${hex(16)}`;
const OTHER_CLIENT_ID = hex(16);
const OTHER_CLIENT_SECRET = `shpss_${hex(16)}`;

const CREATE = `mutation($name: String!, $platform: Platform) { createEcommerceStore(name: $name, platform: $platform) { ${STORE_FIELDS} } }`;
const TEST_CONNECTION = `query($id: ID!) { testConnection(id: $id) { success status message storeName } }`;
const TEST_CREDENTIALS = `query($c: ApiCredentialsInput!, $storeId: ID) { testCredentials(credentials: $c, storeId: $storeId) { success status } }`;
const COUNT = `query($filter: EcommerceStoreFilter) { _allEcommerceStoresMeta(filter: $filter) { count } }`;

const adminToken = () => ({ apiVersion: 'SHOPIFY_ADMIN_TOKEN', apiUrl: `https://${SHOP}.myshopify.com/admin`, apiPassword: ADMIN_TOKEN });
const clientCredentials = (clientId = CLIENT_ID, clientSecret: string | null = CLIENT_SECRET) => ({
  apiVersion: 'SHOPIFY_CLIENT_CREDENTIALS',
  apiUrl: SHOP,
  apiLogin: clientId,
  ...(clientSecret ? { apiPassword: clientSecret } : {}),
});

const fake = useFakeShopify((fake) => {
  fake.addShop({ shop: SHOP, name: 'Acme Outdoor' });
  fake.addAdminToken({ shop: SHOP, token: ADMIN_TOKEN, scopes: [...REQUIRED_HANDLES] });
  fake.addApp({ shop: SHOP, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, scopes: [...REQUIRED_HANDLES] });
  fake.addApp({ shop: SHOP, clientId: OTHER_CLIENT_ID, clientSecret: OTHER_CLIENT_SECRET, scopes: [...REQUIRED_HANDLES] });
});
const { server, gql } = useAdminServer(() => ({ SHOPIFY_API_URL: fake.apiUrlTemplate, OUTBOUND_ALLOW_PRIVATE: 'true' }));

const issuedTokenRows = async (id: string) => server.dataSource.query('SELECT * FROM issued_access_tokens WHERE id = ?', [id]);

async function shopifyStore(credentials?: Record<string, unknown>): Promise<string> {
  const created = await gql(CREATE, { name: 'Acme on Shopify', platform: 'SHOPIFY' });
  expect(created.errors).toBeUndefined();
  const id = created.data.createEcommerceStore.id;
  if (credentials) expect((await gql(UPDATE_CREDENTIALS, { id, credentials })).errors).toBeUndefined();
  return id;
}

test('a Shopify store is created with its platform, and its admin token normalises the shop and needs migration', async () => {
  const id = await shopifyStore();
  const saved = await gql(UPDATE_CREDENTIALS, { id, credentials: adminToken() });
  expect(saved.errors).toBeUndefined();
  expect(saved.data.updateApiCredentials).toMatchObject({
    platform: 'SHOPIFY',
    apiVersion: 'SHOPIFY_ADMIN_TOKEN',
    apiUrl: `${SHOP}.myshopify.com`,
    apiLogin: null,
    storeHash: null,
    apiPasswordSet: true,
    apiPasswordLast4: ADMIN_TOKEN.slice(-4),
    needsMigration: true,
  });
  expect((await gql(COUNT, { filter: { needsMigration: true, ids: [id] } })).data._allEcommerceStoresMeta.count).toBe(1);
  expect((await gql(COUNT, { filter: { platform: 'SHOPIFY', ids: [id] } })).data._allEcommerceStoresMeta.count).toBe(1);
  expect((await gql(COUNT, { filter: { platform: 'BIGCOMMERCE', ids: [id] } })).data._allEcommerceStoresMeta.count).toBe(0);
  const listed = await gql(LIST_STORES, { filter: { platform: 'SHOPIFY', needsMigration: true } });
  expect(listed.data.allEcommerceStores.map((s: { id: string }) => s.id)).toContain(id);

  const tested = await gql(TEST_CONNECTION, { id });
  expect(tested.data.testConnection).toMatchObject({ success: true, status: 'OK', storeName: 'Acme Outdoor' });
});

test("another platform's API version is BAD_USER_INPUT on apiVersion, and nothing changes", async () => {
  const shopify = await shopifyStore(adminToken());
  const refused = await gql(UPDATE_CREDENTIALS, { id: shopify, credentials: { apiVersion: 'STORE_API_OAUTH', apiLogin: 'stores/abcd1234', apiPassword: 'a'.repeat(30) } });
  expect(refused.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'apiVersion' });
  expect(refused.errors![0].message).toMatch(/BigCommerce/);
  const dry = await gql(TEST_CREDENTIALS, { storeId: shopify, c: { apiVersion: 'LEGACY', apiLogin: 'admin', apiUrl: 'https://store-abc.mybigcommerce.com/api/v2/', apiPassword: 'a'.repeat(30) } });
  expect(dry.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'apiVersion' });

  const bigcommerce = (await gql(CREATE, { name: 'Acme on BigCommerce', platform: 'BIGCOMMERCE' })).data.createEcommerceStore.id;
  const wrong = await gql(UPDATE_CREDENTIALS, { id: bigcommerce, credentials: adminToken() });
  expect(wrong.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'apiVersion' });
  const store = await gql(`query($id: ID!) { EcommerceStore(id: $id) { apiVersion apiPasswordSet version } }`, { id: bigcommerce });
  expect(store.data.EcommerceStore).toEqual({ apiVersion: null, apiPasswordSet: false, version: 1 });
});

test('client credentials: the issued token is kept encrypted, reused by the next test, and dropped when the credentials change', async () => {
  const id = await shopifyStore(clientCredentials());
  expect((await gql(`query($id: ID!) { EcommerceStore(id: $id) { apiLogin needsMigration } }`, { id })).data.EcommerceStore).toEqual({
    apiLogin: CLIENT_ID,
    needsMigration: false,
  });
  const grantsBefore = fake.grants.length;
  expect((await gql(TEST_CONNECTION, { id })).data.testConnection.status).toBe('OK');
  expect(fake.grants.length).toBe(grantsBefore + 1);
  const [row] = await issuedTokenRows(id);
  expect(row.tokenEncrypted).toMatch(/^v1\./);
  expect(new Date(row.expiresAt).getTime()).toBeGreaterThan(Date.now() + 23 * 3600_000);

  expect((await gql(TEST_CONNECTION, { id })).data.testConnection.status).toBe('OK');
  expect(fake.grants.length).toBe(grantsBefore + 1); // the saved credentials' token, reused
  expect((await gql(TEST_CREDENTIALS, { storeId: id, c: clientCredentials(CLIENT_ID, null) })).data.testCredentials.status).toBe('OK');
  expect(fake.grants.length).toBe(grantsBefore + 1);

  // A dry run of other credentials never uses the saved store's token, and keeps nothing.
  expect((await gql(TEST_CREDENTIALS, { storeId: id, c: clientCredentials(OTHER_CLIENT_ID, OTHER_CLIENT_SECRET) })).data.testCredentials.status).toBe('OK');
  expect(fake.grants.length).toBe(grantsBefore + 2);
  expect(fake.grants.at(-1)!.clientId).toBe(OTHER_CLIENT_ID);
  expect((await issuedTokenRows(id))[0].tokenEncrypted).toBe(row.tokenEncrypted);

  // New credentials: the old token goes with the old credentials.
  expect((await gql(UPDATE_CREDENTIALS, { id, credentials: clientCredentials(OTHER_CLIENT_ID, OTHER_CLIENT_SECRET) })).errors).toBeUndefined();
  expect(await issuedTokenRows(id)).toHaveLength(0);
  expect((await gql(TEST_CONNECTION, { id })).data.testConnection.status).toBe('OK');
  expect(fake.grants.at(-1)!.clientId).toBe(OTHER_CLIENT_ID);
  expect(fake.grants.length).toBe(grantsBefore + 3);
});
