import { CREATE_STORE, GET_STORE, UPDATE_CREDENTIALS } from '../support/store-operations';
import { useAdminServer } from '../support/hooks';
import { clientFor, TestServer } from '../support/test-server';

const { server, gql } = useAdminServer();

const TOKEN = 'c0nnect10ntok3nabcdefghijkk3x9';
const LEGACY_TOKEN = 'legacyapitokenabcdef0123456789';

async function newStore(): Promise<string> {
  return (await gql(CREATE_STORE, { name: 'Credentials test' })).data.createEcommerceStore.id;
}

const save = (id: string, credentials: Record<string, unknown>) => gql(UPDATE_CREDENTIALS, { id, credentials });

/** The whole stored row, ciphertext and timestamps included: a refused input must not change a byte of it. */
const rawRow = async (id: string) => (await server.dataSource.query('SELECT * FROM ecommerce_stores WHERE id = ?', [id]))[0];

async function oauthStore(): Promise<string> {
  const id = await newStore();
  const result = await save(id, { apiVersion: 'STORE_API_OAUTH', apiLogin: 'stores/abcd1234', apiPassword: TOKEN });
  expect(result.errors).toBeUndefined();
  return id;
}

describe('Store API (OAuth) credentials', () => {
  test.each([
    'stores/abcd1234',
    'STORES/ABCD1234',
    'abcd1234',
    '  abcd1234 ',
    'https://api.bigcommerce.com/stores/abcd1234/v3/',
    'https://api.bigcommerce.com/stores/abcd1234/v3',
    'https://api.bigcommerce.com/stores/abcd1234/v2/',
    'https://api.bigcommerce.com/stores/abcd1234/v2',
    'https://API.BigCommerce.com/stores/AbCd1234/',
    'api.bigcommerce.com/stores/abcd1234/v3/',
  ])('the API path %p is saved as stores/abcd1234', async (apiLogin) => {
    const id = await newStore();
    const store = (await save(id, { apiVersion: 'STORE_API_OAUTH', apiLogin, apiPassword: TOKEN })).data.updateApiCredentials;
    expect(store).toMatchObject({
      apiVersion: 'STORE_API_OAUTH',
      apiLogin: 'stores/abcd1234',
      storeHash: 'abcd1234',
      apiUrl: null,
      apiPasswordSet: true,
      apiPasswordLast4: 'k3x9',
      needsMigration: false,
    });
  });

  test.each([
    ['another host', 'https://api.example.com/stores/abcd1234/v3/'],
    ['plain http', 'http://api.bigcommerce.com/stores/abcd1234/v3/'],
    ['a resource path', 'https://api.bigcommerce.com/stores/abcd1234/v3/catalog/products'],
    ['extra segments', 'stores/abcd1234/extra'],
    ['a hyphen in the hash', 'stores/abcd-1234'],
    ['non-ASCII characters', 'stores/abcé1234'],
    ['a query string', 'https://api.bigcommerce.com/stores/abcd1234/v3/?x=1'],
    ['an empty value', '   '],
  ])('an API path with %s is BAD_USER_INPUT on apiLogin and changes nothing', async (_case, apiLogin) => {
    const id = await oauthStore();
    const before = await rawRow(id);
    const result = await save(id, { apiVersion: 'STORE_API_OAUTH', apiLogin, apiPassword: 'an0th3rtokenvalue123' });
    expect(result.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'apiLogin' });
    expect(result.errors![0].message).toMatch(/stores\/abcd1234/); // says what a valid value looks like
    expect(await rawRow(id)).toEqual(before);
  });

  test('an apiUrl on a Store API account is refused naming apiUrl', async () => {
    const id = await oauthStore();
    const before = await rawRow(id);
    const result = await save(id, { apiVersion: 'STORE_API_OAUTH', apiLogin: 'stores/abcd1234', apiUrl: 'https://store-x.mybigcommerce.com' });
    expect(result.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'apiUrl' });
    expect(await rawRow(id)).toEqual(before);
  });
});

describe('the API password (access token)', () => {
  test('is required when none is saved yet', async () => {
    const id = await newStore();
    const before = await rawRow(id);
    const result = await save(id, { apiVersion: 'STORE_API_OAUTH', apiLogin: 'stores/abcd1234' });
    expect(result.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'apiPassword' });
    expect(await rawRow(id)).toEqual(before);
  });

  test('omitted, keeps the saved one when the API version stays the same', async () => {
    const id = await oauthStore();
    const before = await rawRow(id);
    const store = (await save(id, { apiVersion: 'STORE_API_OAUTH', apiLogin: 'stores/newhash99' })).data.updateApiCredentials;
    expect(store).toMatchObject({ apiLogin: 'stores/newhash99', apiPasswordSet: true, apiPasswordLast4: 'k3x9' });
    expect((await rawRow(id)).apiPasswordEncrypted).toBe(before.apiPasswordEncrypted);
  });

  test('typed anew, replaces the saved one', async () => {
    const id = await oauthStore();
    const before = await rawRow(id);
    const store = (await save(id, { apiVersion: 'STORE_API_OAUTH', apiLogin: 'stores/abcd1234', apiPassword: 'zzzzzzzzzzzzzzzzzzzzzzzzzzzwxyz' }))
      .data.updateApiCredentials;
    expect(store.apiPasswordLast4).toBe('wxyz');
    expect((await rawRow(id)).apiPasswordEncrypted).not.toBe(before.apiPasswordEncrypted);
  });

  test('is required when the API version changes', async () => {
    const id = await oauthStore();
    const before = await rawRow(id);
    const result = await save(id, { apiVersion: 'LEGACY', apiLogin: 'admin', apiUrl: 'https://store-abcd1234.mybigcommerce.com/' });
    expect(result.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'apiPassword' });
    expect(await rawRow(id)).toEqual(before);
  });

  test.each([
    ['empty', ''],
    ['containing a space', 'abc def ghi jkl mno'],
    ['containing a line break', 'abcdefghij\nklmnop'],
    ['containing a tab', '\tabcdefghijklmnop'],
    ['absurdly long', 'a'.repeat(1025)],
  ])('%s is BAD_USER_INPUT on apiPassword, not echoed, and changes nothing', async (_case, apiPassword) => {
    const id = await oauthStore();
    const before = await rawRow(id);
    const result = await save(id, { apiVersion: 'STORE_API_OAUTH', apiLogin: 'stores/abcd1234', apiPassword });
    expect(result.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'apiPassword' });
    if (apiPassword.trim()) expect(JSON.stringify(result)).not.toContain(apiPassword.trim().slice(0, 10));
    expect(await rawRow(id)).toEqual(before);
  });

  test('of the wrong GraphQL type is BAD_USER_INPUT naming apiPassword, without echoing the value', async () => {
    const id = await oauthStore();
    const result = await save(id, { apiVersion: 'STORE_API_OAUTH', apiLogin: 'stores/abcd1234', apiPassword: 98765432109876 });
    expect(result.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'apiPassword' });
    expect(JSON.stringify(result)).not.toContain('98765432109876');
  });

  test('in a query literal of the wrong type is refused without echoing the value', async () => {
    const id = await oauthStore();
    const result = await gql(
      `mutation { updateApiCredentials(id: "${id}", credentials: { apiVersion: STORE_API_OAUTH, apiLogin: "abc", apiPassword: 98765432109876 }) { id } }`,
    );
    expect(result.errors![0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(JSON.stringify(result)).not.toContain('98765432109876');
  });
});

describe('Legacy API account credentials', () => {
  const legacy = (extra: Record<string, unknown> = {}) => ({
    apiVersion: 'LEGACY',
    apiLogin: 'storeadmin',
    apiPassword: LEGACY_TOKEN,
    apiUrl: 'https://store-abcd1234.mybigcommerce.com/api/v2/',
    ...extra,
  });

  test.each([
    'https://store-abcd1234.mybigcommerce.com',
    'https://store-abcd1234.mybigcommerce.com/',
    'https://store-abcd1234.mybigcommerce.com/api',
    'https://store-abcd1234.mybigcommerce.com/api/v2',
    'https://store-abcd1234.mybigcommerce.com/api/v2/',
  ])('the API URL %p is saved ending in /api/v2/', async (apiUrl) => {
    const id = await newStore();
    const store = (await save(id, legacy({ apiUrl }))).data.updateApiCredentials;
    expect(store).toMatchObject({
      apiVersion: 'LEGACY',
      apiLogin: 'storeadmin',
      storeHash: null,
      apiUrl: 'https://store-abcd1234.mybigcommerce.com/api/v2/',
      apiPasswordSet: true,
      apiPasswordLast4: '6789',
      needsMigration: true,
    });
  });

  test.each([
    ['plain http', { apiUrl: 'http://store-abcd1234.mybigcommerce.com/api/v2/' }, 'apiUrl'],
    ['a relative URL', { apiUrl: 'store-abcd1234.mybigcommerce.com/api/v2/' }, 'apiUrl'],
    ['a resource path', { apiUrl: 'https://store-abcd1234.mybigcommerce.com/api/v2/orders' }, 'apiUrl'],
    ['credentials in the URL', { apiUrl: 'https://user:pass@store-abcd1234.mybigcommerce.com/api/v2/' }, 'apiUrl'],
    ['no URL', { apiUrl: null }, 'apiUrl'],
    ['an empty username', { apiLogin: '  ' }, 'apiLogin'],
    ['a colon in the username', { apiLogin: 'admin:x' }, 'apiLogin'],
  ])('%s is BAD_USER_INPUT naming the field and changes nothing', async (_case, override, field) => {
    const id = await newStore();
    await save(id, legacy());
    const before = await rawRow(id);
    const result = await save(id, legacy({ apiPassword: 'anotherlegacytoken0000', ...override }));
    expect(result.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await rawRow(id)).toEqual(before);
  });

  test('plain http is accepted only when OUTBOUND_ALLOW_PRIVATE is set', async () => {
    const permissive = await TestServer.start({ OUTBOUND_ALLOW_PRIVATE: 'true' });
    try {
      const client = clientFor(permissive, await permissive.login());
      const id = (await client(CREATE_STORE, { name: 'Local fake' })).data.createEcommerceStore.id;
      const result = await client(UPDATE_CREDENTIALS, { id, credentials: legacy({ apiUrl: 'http://127.0.0.1:4010/legacy' }) });
      expect(result.errors![0].extensions?.field).toBe('apiUrl'); // still not an API root
      const ok = await client(UPDATE_CREDENTIALS, { id, credentials: legacy({ apiUrl: 'http://127.0.0.1:4010/api/v2' }) });
      expect(ok.data.updateApiCredentials.apiUrl).toBe('http://127.0.0.1:4010/api/v2/');
    } finally {
      await permissive.destroy();
    }
  });

  test('migrating to a Store API account clears the legacy fields, and back again clears the hash', async () => {
    const id = await newStore();
    await save(id, legacy());
    const migrated = (await save(id, { apiVersion: 'STORE_API_OAUTH', apiLogin: 'stores/abcd1234', apiPassword: TOKEN })).data.updateApiCredentials;
    expect(migrated).toMatchObject({ apiVersion: 'STORE_API_OAUTH', apiLogin: 'stores/abcd1234', apiUrl: null, needsMigration: false });
    expect(await rawRow(id)).toMatchObject({ apiLogin: 'stores/abcd1234', apiUrl: null });

    const back = (await save(id, legacy())).data.updateApiCredentials;
    expect(back).toMatchObject({ apiVersion: 'LEGACY', storeHash: null, apiLogin: 'storeadmin', needsMigration: true });
  });
});

test('a short secret is saved but its last four are not shown, as they would give away too much of it', async () => {
  const id = await newStore();
  const store = (await save(id, { apiVersion: 'STORE_API_OAUTH', apiLogin: 'stores/abc', apiPassword: 'short1' })).data.updateApiCredentials;
  expect(store).toMatchObject({ apiPasswordSet: true, apiPasswordLast4: null });
  expect((await gql(GET_STORE, { id })).data.EcommerceStore.apiPasswordSet).toBe(true);
});

describe('an API version of another platform', () => {
  test.each(['SHOPIFY_ADMIN_TOKEN', 'SHOPIFY_CLIENT_CREDENTIALS'])('%s on a BigCommerce store is BAD_USER_INPUT on apiVersion and changes nothing', async (apiVersion) => {
    const id = await oauthStore();
    const before = await rawRow(id);
    const result = await save(id, { apiVersion, apiLogin: 'client-id', apiUrl: 'acme.myshopify.com', apiPassword: 'shpat_0123456789abcdef0123456789abcdef' });
    expect(result.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'apiVersion' });
    expect(result.errors![0].message).toMatch(/belongs to Shopify, and this is a BigCommerce store/);
    expect(JSON.stringify(result)).not.toContain('shpat_');
    expect(await rawRow(id)).toEqual(before);
  });

  test('WOOCOMMERCE_REST on a BigCommerce store is BAD_USER_INPUT on apiVersion, naming WooCommerce, and never echoes the consumer secret', async () => {
    const id = await oauthStore();
    const before = await rawRow(id);
    const secret = `cs_${'7'.repeat(40)}`;
    const result = await save(id, { apiVersion: 'WOOCOMMERCE_REST', apiLogin: `ck_${'6'.repeat(40)}`, apiUrl: 'https://shop.example.com', apiPassword: secret });
    expect(result.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'apiVersion' });
    expect(result.errors![0].message).toMatch(/belongs to WooCommerce, and this is a BigCommerce store/);
    expect(JSON.stringify(result)).not.toContain(secret);
    expect(await rawRow(id)).toEqual(before);
  });
});

test('a store of every registered platform can be created, with its platform and no credentials yet', async () => {
  for (const platform of ['BIGCOMMERCE', 'SHOPIFY', 'WOOCOMMERCE']) {
    const result = await gql('mutation ($platform: Platform) { createEcommerceStore(name: "X", platform: $platform) { platform apiVersion needsMigration } }', { platform });
    expect(result.data.createEcommerceStore).toEqual({ platform, apiVersion: null, needsMigration: false });
  }
});
