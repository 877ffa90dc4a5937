import { GET_STORE, STORE_FIELDS, UPDATE_CREDENTIALS } from '../support/store-operations';
import { useAdminServer, useFakeWooCommerce } from '../support/hooks';
import { addKeyedSite, randomKeyHalf, type KeyedSite } from './woocommerce-harness';

/**
 * WooCommerce stores through the GraphQL API, against the fake WooCommerce on 127.0.0.1: a
 * store is created with its platform, its REST API key saved (site URL normalised, key and
 * secret shapes checked before anything is sent), tested (a good key, a Read-only key, a key
 * the site does not know), and a verified save of a failing key keeps the working one. Across
 * all of it the fake records no write, and no response carries a consumer secret.
 */

const KEYS_PAGE = 'WooCommerce > Settings > Advanced > REST API';
const CREATE = `mutation($name: String!, $platform: Platform) { createEcommerceStore(name: $name, platform: $platform) { ${STORE_FIELDS} version } }`;
const GET_WITH_VERSION = GET_STORE.replace('updatedAt', 'updatedAt version');
const TEST_CONNECTION = `query($id: ID!) { testConnection(id: $id) { success status message apiVersion storeName scopes { scope required granted ok } } }`;
const VERIFIED_UPDATE = `mutation($id: ID!, $c: ApiCredentialsInput!) { updateApiCredentials(id: $id, credentials: $c, verify: true) { id apiLogin apiPasswordLast4 } }`;

const fake = useFakeWooCommerce();
const { server, gql } = useAdminServer(() => ({ OUTBOUND_ALLOW_PRIVATE: 'true' }));

/** Every site and key the suite made, so the last test can look for any secret in every response. */
const sites: KeyedSite[] = [];
function keyedSite(options: Parameters<typeof addKeyedSite>[1] = {}): KeyedSite {
  const site = addKeyedSite(fake, options);
  sites.push(site);
  return site;
}

const wooCredentials = ({ credentials }: KeyedSite, apiUrl = credentials.siteUrl) => ({
  apiVersion: 'WOOCOMMERCE_REST',
  apiUrl,
  apiLogin: credentials.consumerKey,
  apiPassword: credentials.consumerSecret,
});

async function wooStore(site?: KeyedSite): Promise<string> {
  const created = await gql(CREATE, { name: 'Acme on WooCommerce', platform: 'WOOCOMMERCE' });
  expect(created.errors).toBeUndefined();
  const id = created.data.createEcommerceStore.id;
  if (site) expect((await gql(UPDATE_CREDENTIALS, { id, credentials: wooCredentials(site) })).errors).toBeUndefined();
  return id;
}

const storeRow = async (id: string) => (await gql(GET_WITH_VERSION, { id })).data.EcommerceStore;

describe('a WooCommerce store', () => {
  it('is created with its platform and no credentials', async () => {
    const created = await gql(CREATE, { name: 'Acme on WooCommerce', platform: 'WOOCOMMERCE' });
    expect(created.errors).toBeUndefined();
    expect(created.data.createEcommerceStore).toMatchObject({ platform: 'WOOCOMMERCE', apiVersion: null, apiPasswordSet: false, needsMigration: false });

    const untested = await gql(TEST_CONNECTION, { id: created.data.createEcommerceStore.id });
    expect(untested.data.testConnection).toMatchObject({ success: false, status: 'NOT_CONFIGURED' });
  });

  it.each([
    ['the address bar of wp-admin', (site: string) => `${site}/wp-admin/admin.php?page=wc-settings&tab=advanced&section=keys`],
    ['a REST API URL with a trailing slash', (site: string) => `${site}/wp-json/wc/v3/`],
    ['the site with a trailing slash', (site: string) => `${site}/`],
  ])('saves its key with the site URL pasted as %s, normalised to the site root (subfolder kept)', async (_form, pasted) => {
    const site = keyedSite();
    const id = await wooStore();
    const saved = await gql(UPDATE_CREDENTIALS, { id, credentials: wooCredentials(site, pasted(site.credentials.siteUrl)) });
    expect(saved.errors).toBeUndefined();
    expect(saved.data.updateApiCredentials).toMatchObject({
      platform: 'WOOCOMMERCE',
      apiVersion: 'WOOCOMMERCE_REST',
      apiUrl: site.credentials.siteUrl,
      apiLogin: site.credentials.consumerKey,
      storeHash: null,
      apiPasswordSet: true,
      apiPasswordLast4: site.credentials.consumerSecret.slice(-4),
      needsMigration: false,
    });
    expect(site.credentials.siteUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/site-/);
  });

  it('takes a site URL typed without a scheme as https', async () => {
    const site = keyedSite();
    const id = await wooStore();
    const typed = `${site.credentials.siteUrl.replace(/^http:\/\//, '')}/wp-json/`;
    const saved = await gql(UPDATE_CREDENTIALS, { id, credentials: wooCredentials(site, typed) });
    expect(saved.errors).toBeUndefined();
    expect(saved.data.updateApiCredentials.apiUrl).toBe(site.credentials.siteUrl.replace(/^http:/, 'https:'));
  });
});

describe('a key that does not look like one is BAD_USER_INPUT naming the field, and changes nothing', () => {
  const ck = randomKeyHalf('ck_');
  const cs = randomKeyHalf('cs_');
  it.each([
    ['a consumer key without ck_', { apiLogin: ck.slice(3) }, 'apiLogin', /"ck_" followed by 40/],
    ['a consumer key cut short', { apiLogin: ck.slice(0, 20) }, 'apiLogin', /"ck_" followed by 40/],
    ['the secret pasted as the key', { apiLogin: cs }, 'apiLogin', /This is a consumer secret/],
    ['no consumer key', { apiLogin: null }, 'apiLogin', /Enter the consumer key/],
    ['a consumer secret without cs_', { apiPassword: cs.slice(3) }, 'apiPassword', /"cs_" followed by 40/],
    ['a consumer secret with a character that is not hexadecimal', { apiPassword: `${cs.slice(0, -1)}z` }, 'apiPassword', /"cs_" followed by 40/],
    ['the key pasted as the secret', { apiPassword: ck }, 'apiPassword', /This is a consumer key/],
    ['the legacy API (/wc-api/)', { apiUrl: 'https://shop.example.com/wc-api/v3/' }, 'apiUrl', /legacy WooCommerce API .*REST API/],
    ['a site URL that is not https', { apiUrl: 'ftp://shop.example.com' }, 'apiUrl', /must start with https:\/\//],
  ])('%s', async (_case, change, field, message) => {
    const site = keyedSite();
    const id = await wooStore(site);
    const before = await storeRow(id);

    const refused = await gql(UPDATE_CREDENTIALS, { id, credentials: { ...wooCredentials(site), ...change } });
    expect(refused.data).toBeNull();
    expect(refused.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(refused.errors![0].message).toMatch(message);
    for (const value of Object.values(change)) if (value) expect(JSON.stringify(refused)).not.toContain(value);
    expect(await storeRow(id)).toEqual(before);
  });
});

describe('testConnection', () => {
  it('a Read/Write key of a Shop manager: OK, every row ok', async () => {
    const id = await wooStore(keyedSite());
    const tested = await gql(TEST_CONNECTION, { id });
    expect(tested.errors).toBeUndefined();
    expect(tested.data.testConnection).toMatchObject({ success: true, status: 'OK', apiVersion: 'WOOCOMMERCE_REST' });
    expect(tested.data.testConnection.message).toMatch(/^Connected to .*: the key's permission is Read\/Write and its user may read orders, products and customers and change orders\.$/);
    expect(tested.data.testConnection.scopes).toEqual([
      { scope: 'Orders', required: 'MODIFY', granted: 'MODIFY', ok: true },
      { scope: 'Products', required: 'READ_ONLY', granted: null, ok: true },
      { scope: 'Customers', required: 'READ_ONLY', granted: null, ok: true },
    ]);
    const store = await gql(`query($id: ID!) { EcommerceStore(id: $id) { lastConnectionTest { status success } } }`, { id });
    expect(store.data.EcommerceStore.lastConnectionTest).toEqual({ status: 'OK', success: true });
  });

  it('a key with "Permissions: Read": MISSING_SCOPES, and how to set Read/Write in WooCommerce', async () => {
    const id = await wooStore(keyedSite({ permission: 'read' }));
    const tested = await gql(TEST_CONNECTION, { id });
    expect(tested.data.testConnection).toMatchObject({ success: false, status: 'MISSING_SCOPES' });
    expect(tested.data.testConnection.message).toBe(
      `The key's permission is Read, and storelink needs Read/Write: in ${KEYS_PAGE}, edit the key and set "Permissions: Read/Write" (the consumer key and secret stay the same).`,
    );
    expect(tested.data.testConnection.scopes.find((row: { scope: string }) => row.scope === 'Orders')).toEqual({
      scope: 'Orders',
      required: 'MODIFY',
      granted: 'READ_ONLY',
      ok: false,
    });
  });

  it('a consumer key the site does not know: INVALID_CREDENTIALS, where to check the key', async () => {
    const site = keyedSite();
    const unknown: KeyedSite = { ...site, credentials: { ...site.credentials, consumerKey: randomKeyHalf('ck_'), consumerSecret: randomKeyHalf('cs_') } };
    sites.push(unknown);
    const id = await wooStore(unknown);
    const tested = await gql(TEST_CONNECTION, { id });
    expect(tested.data.testConnection).toMatchObject({ success: false, status: 'INVALID_CREDENTIALS', scopes: [] });
    expect(tested.data.testConnection.message).toMatch(/^WooCommerce does not know this consumer key/);
    expect(tested.data.testConnection.message).toContain(KEYS_PAGE);
  });
});

describe('verify-on-save', () => {
  it.each([
    ['a Read-only key of the same site', 'read', 'MISSING_SCOPES'],
    ['a key the site does not know', 'unknown', 'INVALID_CREDENTIALS'],
  ] as const)('keeps the working key when %s fails: CONNECTION_TEST_FAILED, and the old key still tests OK', async (_case, newKey, status) => {
    const working = keyedSite();
    const id = await wooStore(working);
    expect((await gql(TEST_CONNECTION, { id })).data.testConnection.status).toBe('OK');
    const before = await storeRow(id);

    const failing = { consumerKey: randomKeyHalf('ck_'), consumerSecret: randomKeyHalf('cs_') };
    // A Read-only key of the same site, or one the site never made.
    if (newKey === 'read') fake.addKey({ site: working.path, ...failing, permission: 'read', user: { login: 'manager', role: 'shop_manager' } });
    sites.push({ path: working.path, credentials: { ...working.credentials, ...failing } });

    const refused = await gql(VERIFIED_UPDATE, { id, c: { ...wooCredentials(working), apiLogin: failing.consumerKey, apiPassword: failing.consumerSecret } });
    expect(refused.data).toBeNull();
    expect(refused.errors![0].extensions).toMatchObject({ code: 'CONNECTION_TEST_FAILED', result: { success: false, status } });
    expect(await storeRow(id)).toEqual(before);
    expect((await gql(TEST_CONNECTION, { id })).data.testConnection).toMatchObject({ success: true, status: 'OK' });
  });

  it('saves a new key that passes its test', async () => {
    const working = keyedSite();
    const id = await wooStore(working);
    const next = keyedSite();
    const saved = await gql(VERIFIED_UPDATE, { id, c: wooCredentials(next) });
    expect(saved.errors).toBeUndefined();
    expect(saved.data.updateApiCredentials).toMatchObject({ apiLogin: next.credentials.consumerKey, apiPasswordLast4: next.credentials.consumerSecret.slice(-4) });
  });
});

describe('across every test above', () => {
  it('the fake recorded no write, and the key went only in the Authorization header', () => {
    expect(fake.requests.length).toBeGreaterThan(20);
    expect(fake.writes).toEqual([]);
    expect(fake.unsafeWrites).toEqual([]);
    for (const request of fake.requests) {
      expect(request.credentialsInQuery).toBe(false);
      expect(request.headers.authorization).toBe('[redacted]');
    }
  });

  it('no response and no log line carries a consumer secret', () => {
    const secrets = sites.map((site) => site.credentials.consumerSecret);
    expect(secrets.length).toBeGreaterThan(10);
    const text = [...server.responseBodies, ...server.logLines].join('\n');
    for (const secret of secrets) expect(text).not.toContain(secret);
  });
});
