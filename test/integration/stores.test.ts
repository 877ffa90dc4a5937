import { useAdminServer } from '../support/hooks';
import { clientFor, TestServer } from '../support/test-server';
import { CREATE_STORE, GET_STORE, LIST_STORES, STORE_FIELDS } from '../support/store-operations';

const { gql } = useAdminServer();

async function createStore(name: string): Promise<string> {
  const result = await gql(CREATE_STORE, { name });
  return result.data.createEcommerceStore.id;
}

describe('EcommerceStore CRUD', () => {
  test('a created store starts on BigCommerce with no credentials and can be read back', async () => {
    const created = (await gql(CREATE_STORE, { name: '  Acme Outdoor  ' })).data.createEcommerceStore;
    expect(created).toMatchObject({
      name: 'Acme Outdoor',
      platform: 'BIGCOMMERCE',
      apiVersion: null,
      apiLogin: null,
      apiPasswordSet: false,
      apiPasswordLast4: null,
      needsMigration: false,
    });
    expect(new Date(created.createdAt).getTime()).not.toBeNaN();

    const read = await gql(GET_STORE, { id: created.id });
    expect(read.data.EcommerceStore).toEqual(created);
  });

  test('renaming changes the name and keeps everything else', async () => {
    const id = await createStore('Old name');
    const renamed = await gql(`mutation($id: ID!) { updateEcommerceStore(id: $id, name: "New name") { ${STORE_FIELDS} } }`, { id });
    expect(renamed.data.updateEcommerceStore).toMatchObject({ id, name: 'New name', platform: 'BIGCOMMERCE' });
  });

  test('deleting returns the deleted store, after which it is gone', async () => {
    const id = await createStore('To delete');
    const deleted = await gql(`mutation($id: ID!) { deleteEcommerceStore(id: $id) { id name } }`, { id });
    expect(deleted.data.deleteEcommerceStore).toEqual({ id, name: 'To delete' });
    const read = await gql(GET_STORE, { id });
    expect(read.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  test.each([
    ['EcommerceStore', `query { EcommerceStore(id: "missing") { id } }`],
    ['updateEcommerceStore', `mutation { updateEcommerceStore(id: "missing", name: "x") { id } }`],
    ['deleteEcommerceStore', `mutation { deleteEcommerceStore(id: "missing") { id } }`],
    [
      'updateApiCredentials',
      `mutation { updateApiCredentials(id: "missing", credentials: { apiVersion: STORE_API_OAUTH, apiLogin: "stores/abc", apiPassword: "t0ken" }) { id } }`,
    ],
  ])('%s with an unknown id answers NOT_FOUND', async (_operation, query) => {
    const result = await gql(query);
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0].extensions?.code).toBe('NOT_FOUND');
    expect(result.errors![0].message).toContain('missing');
  });

  test.each([
    ['an empty name', '   '],
    ['a name over 200 characters', 'x'.repeat(201)],
  ])('creating with %s is refused naming the field', async (_case, name) => {
    const before = (await gql(LIST_STORES, { perPage: 1000 })).data._allEcommerceStoresMeta.count;
    const result = await gql(CREATE_STORE, { name });
    expect(result.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
    expect((await gql(LIST_STORES, { perPage: 1000 })).data._allEcommerceStoresMeta.count).toBe(before);
  });

  test('renaming to an empty name is refused and the name stays', async () => {
    const id = await createStore('Keeps its name');
    const result = await gql(`mutation($id: ID!) { updateEcommerceStore(id: $id, name: "") { id } }`, { id });
    expect(result.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
    expect((await gql(GET_STORE, { id })).data.EcommerceStore.name).toBe('Keeps its name');
  });
});

describe('listing stores', () => {
  let list: TestServer;
  let listGql: ReturnType<typeof clientFor>;
  const names = ['Delta', 'alpha', 'Charlie', 'bravo', 'Echo'];

  beforeAll(async () => {
    list = await TestServer.start();
    listGql = clientFor(list, await list.login());
    for (const name of names) await listGql(CREATE_STORE, { name });
  });
  afterAll(() => list.destroy());

  const page = async (variables: Record<string, unknown>) => {
    const result = await listGql(LIST_STORES, variables);
    expect(result.errors).toBeUndefined();
    return { names: result.data.allEcommerceStores.map((s: { name: string }) => s.name), count: result.data._allEcommerceStoresMeta.count };
  };

  test('pages are 0-based and the count is the total, not the page size', async () => {
    expect(await page({ page: 0, perPage: 2, sortField: 'name', sortOrder: 'ASC' })).toEqual({ names: ['alpha', 'bravo'], count: 5 });
    expect(await page({ page: 1, perPage: 2, sortField: 'name', sortOrder: 'ASC' })).toEqual({ names: ['Charlie', 'Delta'], count: 5 });
    expect(await page({ page: 2, perPage: 2, sortField: 'name', sortOrder: 'ASC' })).toEqual({ names: ['Echo'], count: 5 });
  });

  test('sorts names case-insensitively, in either direction', async () => {
    expect((await page({ sortField: 'name', sortOrder: 'DESC' })).names).toEqual(['Echo', 'Delta', 'Charlie', 'bravo', 'alpha']);
    expect((await page({ sortField: 'name', sortOrder: 'asc' })).names).toEqual(['alpha', 'bravo', 'Charlie', 'Delta', 'Echo']);
  });

  test('searches names case-insensitively, treating % and _ literally', async () => {
    expect(await page({ filter: { q: 'ALP' } })).toEqual({ names: ['alpha'], count: 1 });
    expect(await page({ filter: { q: '%' } })).toEqual({ names: [], count: 0 });
    expect(await page({ filter: { q: '_' } })).toEqual({ names: [], count: 0 });
  });

  test('filters by ids (an empty list matches nothing)', async () => {
    const all = (await listGql(LIST_STORES, { sortField: 'name' })).data.allEcommerceStores;
    const ids = [all[0].id, all[2].id];
    expect(await page({ filter: { ids }, sortField: 'name' })).toEqual({ names: [all[0].name, all[2].name], count: 2 });
    expect(await page({ filter: { ids: [] } })).toEqual({ names: [], count: 0 });
  });

  test('filters by apiVersion and needsMigration', async () => {
    const all = (await listGql(LIST_STORES, { sortField: 'name' })).data.allEcommerceStores;
    const legacy = all.find((s: { name: string }) => s.name === 'alpha').id;
    const oauth = all.find((s: { name: string }) => s.name === 'bravo').id;
    const save = (id: string, credentials: object) =>
      listGql(`mutation($id: ID!, $c: ApiCredentialsInput!) { updateApiCredentials(id: $id, credentials: $c) { id } }`, { id, c: credentials });
    await save(legacy, { apiVersion: 'LEGACY', apiLogin: 'admin', apiPassword: 'legacy-token-0001', apiUrl: 'https://store-x1.mybigcommerce.com' });
    await save(oauth, { apiVersion: 'STORE_API_OAUTH', apiLogin: 'stores/x1', apiPassword: 'oauth-token-0001' });

    expect(await page({ filter: { needsMigration: true } })).toEqual({ names: ['alpha'], count: 1 });
    expect((await page({ filter: { needsMigration: false }, sortField: 'name' })).names).toEqual(['bravo', 'Charlie', 'Delta', 'Echo']);
    expect(await page({ filter: { apiVersion: 'STORE_API_OAUTH' } })).toEqual({ names: ['bravo'], count: 1 });
    expect(await page({ filter: { apiVersion: 'LEGACY', q: 'alp' } })).toEqual({ names: ['alpha'], count: 1 });
  });

  test.each([
    ['perPage', { perPage: 0 }],
    ['perPage', { perPage: 100000 }],
    ['page', { page: -1 }],
    ['sortField', { sortField: 'apiPasswordEncrypted' }],
    ['sortOrder', { sortOrder: 'sideways' }],
  ])('an invalid %s is BAD_USER_INPUT naming it', async (field, variables) => {
    const result = await listGql(LIST_STORES, variables);
    expect(result.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });
});
