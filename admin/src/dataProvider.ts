import { gql } from '@apollo/client';
import { buildSchema, introspectionFromSchema } from 'graphql';
import type { DataProvider, GetManyReferenceParams, GetListParams, Identifier } from 'react-admin';
import buildGraphQLProvider from 'ra-data-graphql-simple';
// The contract the server was built with (a test keeps it equal to the server's code).
import schemaSdl from '../../schema.graphql?raw';
import { toStorelinkError } from './errors';
import { graphqlClient } from './graphqlClient';
import type { ApiCredentialsInput, ConnectionTestResult, EcommerceStore, RecordedConnectionTest } from './types';

/**
 * The data provider: ra-data-graphql-simple for the EcommerceStore resource (its names follow
 * the GraphQL contract), a "ConnectionTest" resource backed by `connectionTests` so the history
 * tab can use react-admin's own list components, and the connection methods no CRUD verb covers.
 *
 * ra-data-graphql-simple needs the schema. Rather than introspect the server, which may allow it
 * only to signed-in users or to no one (GRAPHQL_INTROSPECTION), it is given schema.graphql, which
 * is built into the admin with the server it is served by. The provider is built on first use.
 */

const RESULT_FIELDS = `
  id success status message apiVersion storeName storeDomain
  scopes { scope apiName required granted verified ok message }
  warnings durationMs testedAt
`;

const STORE_FIELDS = `
  id name platform apiVersion apiLogin storeHash apiUrl apiPasswordSet apiPasswordLast4 needsMigration
  lastConnectionTest { ${RESULT_FIELDS} } version createdAt updatedAt
`;

const TEST_CONNECTION = gql`query TestConnection($id: ID!) { testConnection(id: $id) { ${RESULT_FIELDS} } }`;

const TEST_CREDENTIALS = gql`
  query TestCredentials($credentials: ApiCredentialsInput!, $storeId: ID) {
    testCredentials(credentials: $credentials, storeId: $storeId) { ${RESULT_FIELDS} }
  }
`;

const UPDATE_API_CREDENTIALS = gql`
  mutation UpdateApiCredentials($id: ID!, $credentials: ApiCredentialsInput!, $verify: Boolean, $version: Int) {
    updateApiCredentials(id: $id, credentials: $credentials, verify: $verify, version: $version) { ${STORE_FIELDS} }
  }
`;

const CONNECTION_TESTS = gql`
  query ConnectionTests($storeId: ID!, $page: Int, $perPage: Int) {
    connectionTests(storeId: $storeId, page: $page, perPage: $perPage) { items { ${RESULT_FIELDS} } total }
  }
`;

export interface StorelinkDataProvider extends DataProvider {
  /** Tests the store's saved credentials; the result goes into its history. */
  testConnection(storeId: Identifier): Promise<ConnectionTestResult>;
  /** Tests credentials as typed without saving them; with storeId, an omitted apiPassword means the saved one. */
  testCredentials(credentials: ApiCredentialsInput, storeId?: Identifier): Promise<ConnectionTestResult>;
  /**
   * Saves credentials; with verify, only if they pass a connection test (else a CONNECTION_TEST_FAILED error);
   * with version, only if the store is still at that version (else a CONFLICT error).
   */
  updateApiCredentials(storeId: Identifier, credentials: ApiCredentialsInput, options: { verify: boolean; version?: number }): Promise<EcommerceStore>;
  /** Starts afresh on the next request, e.g. when another user signs in. */
  reset(): void;
}

let storesProvider: Promise<DataProvider> | null = null;

function graphQLProvider(): Promise<DataProvider> {
  if (!storesProvider) {
    const schema = introspectionFromSchema(buildSchema(schemaSdl)).__schema;
    const provider = buildGraphQLProvider({ client: graphqlClient as never, introspection: { schema } as never }) as DataProvider & {
      getIntrospection(): Promise<unknown>;
    };
    storesProvider = provider.getIntrospection().then(
      () => provider,
      (error: unknown) => {
        storesProvider = null;
        throw error;
      },
    );
  }
  return storesProvider;
}

async function run<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    throw toStorelinkError(error);
  }
}

/** ra-data-graphql-simple's methods, each waiting for the provider and reporting errors as StorelinkError. */
const delegate =
  <M extends keyof DataProvider>(method: M) =>
  (resource: string, params: unknown) =>
    run(async () => ((await graphQLProvider())[method] as (resource: string, params: unknown) => Promise<unknown>)(resource, params));

async function connectionTestPage(storeId: Identifier, params: GetListParams | GetManyReferenceParams) {
  const { page, perPage } = params.pagination ?? { page: 1, perPage: 25 };
  const { data } = await graphqlClient.query<{ connectionTests: { items: ConnectionTestResult[]; total: number } }>({
    query: CONNECTION_TESTS,
    variables: { storeId, page: page - 1, perPage },
  });
  return { data: data.connectionTests.items as RecordedConnectionTest[], total: data.connectionTests.total };
}

const CONNECTION_TEST = 'ConnectionTest';

export const dataProvider: StorelinkDataProvider = {
  getList: (resource, params) => {
    if (resource === CONNECTION_TEST) return run(() => connectionTestPage(params.filter?.storeId, params)) as never;
    return delegate('getList')(resource, params) as never;
  },
  getManyReference: (resource, params) => {
    if (resource === CONNECTION_TEST) return run(() => connectionTestPage(params.id, params)) as never;
    return delegate('getManyReference')(resource, params) as never;
  },
  getOne: (resource, params) => delegate('getOne')(resource, params) as never,
  getMany: (resource, params) => delegate('getMany')(resource, params) as never,
  create: (resource, params) => delegate('create')(resource, params) as never,
  update: (resource, params) => delegate('update')(resource, params) as never,
  updateMany: (resource, params) => delegate('updateMany')(resource, params) as never,
  delete: (resource, params) => delegate('delete')(resource, params) as never,
  deleteMany: (resource, params) => delegate('deleteMany')(resource, params) as never,

  testConnection: (storeId) =>
    run(async () => {
      const { data } = await graphqlClient.query<{ testConnection: ConnectionTestResult }>({ query: TEST_CONNECTION, variables: { id: storeId } });
      return data.testConnection;
    }),

  testCredentials: (credentials, storeId) =>
    run(async () => {
      const { data } = await graphqlClient.query<{ testCredentials: ConnectionTestResult }>({
        query: TEST_CREDENTIALS,
        variables: { credentials, storeId: storeId ?? null },
      });
      return data.testCredentials;
    }),

  updateApiCredentials: (storeId, credentials, { verify, version }) =>
    run(async () => {
      const { data } = await graphqlClient.mutate<{ updateApiCredentials: EcommerceStore }>({
        mutation: UPDATE_API_CREDENTIALS,
        variables: { id: storeId, credentials, verify, version },
      });
      return data!.updateApiCredentials;
    }),

  reset: () => {
    storesProvider = null;
  },
};
