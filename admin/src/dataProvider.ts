import { gql, type TypedDocumentNode } from '@apollo/client';
import { buildSchema, introspectionFromSchema } from 'graphql';
import type { DataProvider, GetManyReferenceParams, GetListParams, Identifier, RaRecord } from 'react-admin';
import buildGraphQLProvider from 'ra-data-graphql-simple';
// The contract the server was built with (a test keeps it equal to the server's code).
import schemaSdl from '../../schema.graphql?raw';
import { toStorelinkError } from './errors';
import { graphqlClient } from './graphqlClient';
import type {
  ConnectionTestsQuery,
  ConnectionTestsQueryVariables,
  TestConnectionQuery,
  TestConnectionQueryVariables,
  TestCredentialsQuery,
  TestCredentialsQueryVariables,
  UpdateApiCredentialsMutation,
  UpdateApiCredentialsMutationVariables,
} from './generated/graphql';
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

const CONNECTION_TEST_RESULT_FIELDS = gql`
  fragment ConnectionTestResultFields on ConnectionTestResult {
    id success status message apiVersion storeName storeDomain
    scopes { scope apiName required granted verified ok message }
    warnings durationMs testedAt
  }
`;

const STORE_FIELDS = gql`
  fragment EcommerceStoreFields on EcommerceStore {
    id name platform apiVersion apiLogin storeHash apiUrl apiPasswordSet apiPasswordLast4 needsMigration
    lastConnectionTest { ...ConnectionTestResultFields } version createdAt updatedAt
  }
  ${CONNECTION_TEST_RESULT_FIELDS}
`;

const TEST_CONNECTION: TypedDocumentNode<TestConnectionQuery, TestConnectionQueryVariables> = gql`
  query TestConnection($id: ID!) { testConnection(id: $id) { ...ConnectionTestResultFields } }
  ${CONNECTION_TEST_RESULT_FIELDS}
`;

const TEST_CREDENTIALS: TypedDocumentNode<TestCredentialsQuery, TestCredentialsQueryVariables> = gql`
  query TestCredentials($credentials: ApiCredentialsInput!, $storeId: ID) {
    testCredentials(credentials: $credentials, storeId: $storeId) { ...ConnectionTestResultFields }
  }
  ${CONNECTION_TEST_RESULT_FIELDS}
`;

const UPDATE_API_CREDENTIALS: TypedDocumentNode<UpdateApiCredentialsMutation, UpdateApiCredentialsMutationVariables> = gql`
  mutation UpdateApiCredentials($id: ID!, $credentials: ApiCredentialsInput!, $verify: Boolean, $version: Int) {
    updateApiCredentials(id: $id, credentials: $credentials, verify: $verify, version: $version) { ...EcommerceStoreFields }
  }
  ${STORE_FIELDS}
`;

const CONNECTION_TESTS: TypedDocumentNode<ConnectionTestsQuery, ConnectionTestsQueryVariables> = gql`
  query ConnectionTests($storeId: ID!, $page: Int, $perPage: Int) {
    connectionTests(storeId: $storeId, page: $page, perPage: $perPage) { items { ...ConnectionTestResultFields } total }
  }
  ${CONNECTION_TEST_RESULT_FIELDS}
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

let storesProvider: DataProvider | null = null;

function graphQLProvider(): DataProvider {
  storesProvider ??= buildGraphQLProvider({
    client: graphqlClient,
    introspection: { schema: introspectionFromSchema(buildSchema(schemaSdl)).__schema },
  });
  return storesProvider;
}

async function run<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    throw toStorelinkError(error);
  }
}

async function connectionTestPage<RecordType extends RaRecord>(storeId: Identifier, params: GetListParams | GetManyReferenceParams) {
  const { page, perPage } = params.pagination ?? { page: 1, perPage: 25 };
  const { data } = await graphqlClient.query({ query: CONNECTION_TESTS, variables: { storeId, page: page - 1, perPage } });
  const tests: RecordedConnectionTest[] = data.connectionTests.items.filter((test): test is RecordedConnectionTest => test.id !== null);
  // react-admin lets the component name the record type (useListContext<RecordedConnectionTest>); this resource has no other.
  return { data: tests as RaRecord[] as RecordType[], total: data.connectionTests.total };
}

const CONNECTION_TEST = 'ConnectionTest';

export const dataProvider: StorelinkDataProvider = {
  getList: (resource, params) =>
    run(() => (resource === CONNECTION_TEST ? connectionTestPage(params.filter?.storeId, params) : graphQLProvider().getList(resource, params))),
  getManyReference: (resource, params) =>
    run(() => (resource === CONNECTION_TEST ? connectionTestPage(params.id, params) : graphQLProvider().getManyReference(resource, params))),
  getOne: (resource, params) => run(() => graphQLProvider().getOne(resource, params)),
  getMany: (resource, params) => run(() => graphQLProvider().getMany(resource, params)),
  create: (resource, params) => run(() => graphQLProvider().create(resource, params)),
  update: (resource, params) => run(() => graphQLProvider().update(resource, params)),
  updateMany: (resource, params) => run(() => graphQLProvider().updateMany(resource, params)),
  delete: (resource, params) => run(() => graphQLProvider().delete(resource, params)),
  deleteMany: (resource, params) => run(() => graphQLProvider().deleteMany(resource, params)),

  testConnection: (storeId) =>
    run(async () => {
      const { data } = await graphqlClient.query({ query: TEST_CONNECTION, variables: { id: storeId } });
      return data.testConnection;
    }),

  testCredentials: (credentials, storeId) =>
    run(async () => {
      const { data } = await graphqlClient.query({ query: TEST_CREDENTIALS, variables: { credentials, storeId: storeId ?? null } });
      return data.testCredentials;
    }),

  updateApiCredentials: (storeId, credentials, { verify, version }) =>
    run(async () => {
      const { data } = await graphqlClient.mutate({ mutation: UPDATE_API_CREDENTIALS, variables: { id: storeId, credentials, verify, version } });
      return data!.updateApiCredentials;
    }),

  reset: () => {
    storesProvider = null;
  },
};
