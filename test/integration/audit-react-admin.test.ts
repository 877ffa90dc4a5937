import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client/core';
import buildGraphQLProvider from 'ra-data-graphql-simple';
import { useTestServer } from '../support/hooks';

/** The audit trail follows ra-data-graphql-simple's conventions, so the admin UI lists it as the resource "AuditEvent" with no custom code. */

const server = useTestServer();

test('ra-data-graphql-simple lists, filters, sorts, counts and reads AuditEvent', async () => {
  const token = await server.login();
  await server.graphql('mutation { login(email: "admin@example.com", password: "not the password") { token } }');
  const client = new ApolloClient({
    link: new HttpLink({ uri: `${server.url}/graphql`, headers: { authorization: `Bearer ${token}` }, fetch }),
    cache: new InMemoryCache(),
  });
  const provider = await buildGraphQLProvider({ client: client as never });
  const list = await provider.getList('AuditEvent', {
    pagination: { page: 1, perPage: 10 },
    sort: { field: 'occurredAt', order: 'DESC' },
    filter: { q: 'admin@', actions: ['LOGIN_SUCCEEDED', 'LOGIN_FAILED'] },
  });
  expect(list.total).toBe(2);
  expect(list.data.map((event: { action: string }) => event.action)).toEqual(['LOGIN_FAILED', 'LOGIN_SUCCEEDED']);
  const failed = await provider.getList('AuditEvent', { pagination: { page: 1, perPage: 10 }, sort: { field: 'occurredAt', order: 'DESC' }, filter: { success: false } });
  expect(failed.data).toEqual([expect.objectContaining({ action: 'LOGIN_FAILED', success: false, detail: 'wrong password' })]);
  const one = await provider.getOne('AuditEvent', { id: list.data[0].id });
  expect(one.data).toMatchObject({ id: list.data[0].id, action: 'LOGIN_FAILED' });
});
