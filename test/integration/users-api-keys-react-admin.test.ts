import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client/core';
import buildGraphQLProvider from 'ra-data-graphql-simple';
import { useAdminServer } from '../support/hooks';

/** Users and API keys follow ra-data-graphql-simple's conventions, so react-admin lists them as the resources "User" and "ApiKey" with no custom code. */

const signedIn = useAdminServer();
const admin = signedIn.gql;
let provider: Awaited<ReturnType<typeof buildGraphQLProvider>>;
beforeAll(async () => {
  const client = new ApolloClient({
    link: new HttpLink({ uri: `${signedIn.server.url}/graphql`, headers: { authorization: `Bearer ${signedIn.token}` }, fetch }),
    cache: new InMemoryCache(),
  });
  provider = await buildGraphQLProvider({ client: client as never });
});

test('ra-data-graphql-simple lists, filters, sorts, counts and reads User, with its disabled flag', async () => {
  const ids: Record<string, string> = {};
  for (const [email, role] of [['carol@example.com', 'VIEWER'], ['bob@example.com', 'ADMIN'], ['dave@example.com', 'VIEWER']] as const) {
    const created = await admin('mutation($e: String!, $r: UserRole!) { createUser(email: $e, password: "a long enough password", role: $r) { id } }', { e: email, r: role });
    ids[email] = created.data.createUser.id;
  }
  await admin('mutation($id: ID!) { disableUser(id: $id) { id } }', { id: ids['dave@example.com'] });

  const all = await provider.getList('User', { pagination: { page: 1, perPage: 10 }, sort: { field: 'email', order: 'DESC' }, filter: {} });
  expect(all.total).toBe(4);
  expect(all.data.map((user: { email: string }) => user.email)).toEqual(['dave@example.com', 'carol@example.com', 'bob@example.com', 'admin@example.com']);
  expect(all.data[0]).toMatchObject({ email: 'dave@example.com', disabled: true, role: 'VIEWER' });
  expect(all.data[0].disabledAt).toEqual(expect.any(String));
  expect(all.data[1]).toMatchObject({ email: 'carol@example.com', disabled: false });
  expect(all.data[1].disabledAt ?? null).toBeNull();

  const secondPage = await provider.getList('User', { pagination: { page: 2, perPage: 3 }, sort: { field: 'email', order: 'ASC' }, filter: {} });
  expect(secondPage).toMatchObject({ total: 4, data: [expect.objectContaining({ email: 'dave@example.com' })] });

  const viewers = await provider.getList('User', { pagination: { page: 1, perPage: 10 }, sort: { field: 'email', order: 'ASC' }, filter: { role: 'VIEWER', disabled: false } });
  expect(viewers.data.map((user: { email: string }) => user.email)).toEqual(['carol@example.com']);
  expect(viewers.total).toBe(1);
  const search = await provider.getList('User', { pagination: { page: 1, perPage: 10 }, sort: { field: 'email', order: 'ASC' }, filter: { q: 'BO' } });
  expect(search.data.map((user: { email: string }) => user.email)).toEqual(['bob@example.com']);

  const one = await provider.getOne('User', { id: ids['bob@example.com'] });
  expect(one.data).toMatchObject({ id: ids['bob@example.com'], email: 'bob@example.com', role: 'ADMIN', disabled: false });
  const many = await provider.getMany('User', { ids: [ids['carol@example.com'], ids['dave@example.com']] });
  expect(many.data.map((user: { email: string }) => user.email).sort()).toEqual(['carol@example.com', 'dave@example.com']);
  expect(JSON.stringify(all)).not.toMatch(/passwordHash|argon2/);
});

test('ra-data-graphql-simple lists, filters, sorts, counts and reads ApiKey, never the key itself', async () => {
  const created: Record<string, { id: string; key: string }> = {};
  for (const [name, role] of [['Nightly export', 'VIEWER'], ['Deploy bot', 'ADMIN'], ['Old script', 'VIEWER']] as const) {
    const result = await admin('mutation($n: String!, $r: UserRole!) { createApiKey(name: $n, role: $r) { key apiKey { id } } }', { n: name, r: role });
    created[name] = { id: result.data.createApiKey.apiKey.id, key: result.data.createApiKey.key };
  }
  await admin('mutation($id: ID!) { revokeApiKey(id: $id) { id } }', { id: created['Old script'].id });

  const byName = await provider.getList('ApiKey', { pagination: { page: 1, perPage: 10 }, sort: { field: 'name', order: 'ASC' }, filter: {} });
  expect(byName.total).toBe(3);
  expect(byName.data.map((key: { name: string }) => key.name)).toEqual(['Deploy bot', 'Nightly export', 'Old script']);
  expect(byName.data[2]).toMatchObject({ name: 'Old script', revoked: true });

  const working = await provider.getList('ApiKey', { pagination: { page: 1, perPage: 10 }, sort: { field: 'name', order: 'DESC' }, filter: { revoked: false, role: 'VIEWER' } });
  expect(working).toMatchObject({ total: 1, data: [expect.objectContaining({ name: 'Nightly export', revoked: false })] });
  const prefix = created['Deploy bot'].key.slice(0, 11);
  const search = await provider.getList('ApiKey', { pagination: { page: 1, perPage: 10 }, sort: { field: 'name', order: 'ASC' }, filter: { q: prefix } });
  expect(search.data.map((key: { name: string }) => key.name)).toEqual(['Deploy bot']);

  const one = await provider.getOne('ApiKey', { id: created['Deploy bot'].id });
  expect(one.data).toMatchObject({ id: created['Deploy bot'].id, name: 'Deploy bot', role: 'ADMIN', prefix, revoked: false });
  const many = await provider.getMany('ApiKey', { ids: [created['Old script'].id] });
  expect(many.data).toEqual([expect.objectContaining({ name: 'Old script' })]);
  for (const { key } of Object.values(created)) expect(JSON.stringify([byName, one, many])).not.toContain(key);
});

test('the old list queries still answer', async () => {
  const result = await admin('{ users { email disabled } apiKeys { name revoked } }');
  expect(result.errors).toBeUndefined();
  expect(result.data.users.map((user: { email: string }) => user.email)).toEqual(['admin@example.com', 'bob@example.com', 'carol@example.com', 'dave@example.com']);
  expect(result.data.apiKeys).toHaveLength(3);
});

test('paging and sorting arguments are checked like every list: BAD_USER_INPUT naming the argument', async () => {
  const bad = await admin('{ allUsers(sortField: "passwordHash") { id } }');
  expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'sortField' });
  const badPage = await admin('{ allApiKeys(perPage: 0) { id } }');
  expect(badPage.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'perPage' });
  const missing = await admin('{ ApiKey(id: "no-such-key") { id } }');
  expect(missing.errors?.[0].extensions?.code).toBe('NOT_FOUND');
});
