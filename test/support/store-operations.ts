/** GraphQL documents the integration tests share. */

export const STORE_FIELDS = `id name platform apiVersion apiLogin storeHash apiUrl apiPasswordSet apiPasswordLast4 needsMigration createdAt updatedAt`;

export const CREATE_STORE = `mutation($name: String!) { createEcommerceStore(name: $name) { ${STORE_FIELDS} } }`;

export const GET_STORE = `query($id: ID!) { EcommerceStore(id: $id) { ${STORE_FIELDS} } }`;

export const UPDATE_CREDENTIALS = `mutation($id: ID!, $credentials: ApiCredentialsInput!) {
  updateApiCredentials(id: $id, credentials: $credentials) { ${STORE_FIELDS} }
}`;

export const LIST_STORES = `query($page: Int, $perPage: Int, $sortField: String, $sortOrder: String, $filter: EcommerceStoreFilter) {
  allEcommerceStores(page: $page, perPage: $perPage, sortField: $sortField, sortOrder: $sortOrder, filter: $filter) { id name apiVersion needsMigration }
  _allEcommerceStoresMeta(page: $page, perPage: $perPage, sortField: $sortField, sortOrder: $sortOrder, filter: $filter) { count }
}`;
