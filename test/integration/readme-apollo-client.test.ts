import fs from 'node:fs';
import path from 'node:path';
import { ApolloClient, gql, HttpLink, InMemoryCache, type FetchPolicy } from '@apollo/client/core';
import { CREATE_STORE } from '../support/store-operations';
import { useAdminServer } from '../support/hooks';

/**
 * testConnection is a query whose answer changes every time it runs. Apollo Client's default
 * cache answers a repeated query itself, without sending it: README's "Calling the API" names
 * the fetch policy that makes every call a real test, and this checks that advice against a
 * real Apollo Client and server.
 */

const TEST_CONNECTION = gql`
  query TestConnection($id: ID!) {
    testConnection(id: $id) { id status testedAt }
  }
`;

const admin = useAdminServer();
const { server, gql: call } = admin;
let storeId: string;
beforeAll(async () => {
  storeId = (await call(CREATE_STORE, { name: 'Cache check' })).data.createEcommerceStore.id;
});

function callingTheApi(): string {
  const readme = fs.readFileSync(path.join(__dirname, '../../README.md'), 'utf8');
  const start = readme.indexOf('## Calling the API');
  const end = readme.indexOf('\n## ', start + 1);
  return readme.slice(start, end);
}

async function testsRecordedBy(fetchPolicy: FetchPolicy | undefined): Promise<number> {
  const client = new ApolloClient({
    link: new HttpLink({ uri: `${server.url}/graphql`, headers: { authorization: `Bearer ${admin.token}` }, fetch }),
    cache: new InMemoryCache(),
  });
  const history = async () => (await call('query($id: ID!) { connectionTests(storeId: $id) { total } }', { id: storeId })).data.connectionTests.total as number;
  const before = await history();
  await client.query({ query: TEST_CONNECTION, variables: { id: storeId }, ...(fetchPolicy ? { fetchPolicy } : {}) });
  await client.query({ query: TEST_CONNECTION, variables: { id: storeId }, ...(fetchPolicy ? { fetchPolicy } : {}) });
  return (await history()) - before;
}

test("with Apollo Client's default cache, a second testConnection is answered from the cache and never tested", async () => {
  expect(await testsRecordedBy(undefined)).toBe(1);
});

test('README tells Apollo Client users which fetch policy to use, and with it every testConnection is a real test', async () => {
  const section = callingTheApi();
  expect(section).toMatch(/testConnection/);
  expect(section).toMatch(/connectionTestJob/);
  const policies = [...section.matchAll(/fetchPolicy: ["']([a-z-]+)["']/g)].map((match) => match[1] as FetchPolicy);
  expect(policies).toEqual(expect.arrayContaining(['network-only']));
  for (const policy of new Set(policies)) expect(await testsRecordedBy(policy)).toBe(2);
});
