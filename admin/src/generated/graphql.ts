/*
 * GENERATED FILE - DO NOT EDIT. `npm run codegen` writes it from schema.graphql and the gql``
 * documents in admin/src (see admin/codegen/generate-admin-types.mjs).
 */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
export type ApiVersion =
  /** Legacy API account (Basic auth). Deprecated by BigCommerce. */
  | 'LEGACY'
  /** Store API Account (OAuth). */
  | 'STORE_API_OAUTH'
  | 'SHOPIFY_ADMIN_TOKEN'
  | 'SHOPIFY_CLIENT_CREDENTIALS'
  /** WooCommerce REST API key (consumer key and secret). */
  | 'WOOCOMMERCE_REST';

export type UserRole =
  /** Everything, including credentials, users, API keys and the audit trail. */
  | 'ADMIN'
  /** Reads stores and their connection history, and runs connection tests. Changes nothing. */
  | 'VIEWER';

export type ConnectionStatus =
  | 'OK'
  | 'INVALID_CREDENTIALS'
  | 'STORE_NOT_FOUND'
  | 'MISSING_SCOPES'
  | 'RATE_LIMITED'
  | 'TIMEOUT'
  | 'NETWORK_ERROR'
  | 'UPSTREAM_ERROR'
  | 'NOT_CONFIGURED';

export type ScopeLevel =
  | 'NONE'
  | 'READ_ONLY'
  | 'MODIFY';

export type ApiCredentialsInput = {
  apiVersion: ApiVersion;
  /** Who storelink logs in as. BigCommerce Store API: "stores/abc123", the full API path URL, or the bare hash. Legacy: the username. Shopify client credentials: the client ID (none for an Admin API access token). WooCommerce: the consumer key. */
  apiLogin?: string | null | undefined;
  /** The secret: access token (BigCommerce Store API, Shopify Admin API), API token (Legacy), client secret (Shopify client credentials) or consumer secret (WooCommerce). Omit to keep the saved one (same apiVersion only). */
  apiPassword?: string | null | undefined;
  /** Where the store's API is. Legacy: e.g. https://store-abc123.mybigcommerce.com/api/v2/. Shopify: the shop, e.g. acme, acme.myshopify.com or an admin URL. WooCommerce: the site URL. */
  apiUrl?: string | null | undefined;
};

/** Where a bulk connection test stands. */
export type ConnectionTestJobStatus =
  | 'RUNNING'
  | 'COMPLETED'
  | 'CANCELLED'
  | 'FAILED';

export type Platform =
  | 'BIGCOMMERCE'
  | 'SHOPIFY'
  | 'WOOCOMMERCE';

export type ConnectionHealth =
  | 'HEALTHY'
  | 'FAILING'
  | 'UNTESTED';

export type EcommerceStoreFilter = {
  ids?: Array<string | number> | null | undefined;
  /** Case-insensitive search in the store name. */
  q?: string | null | undefined;
  platform?: Platform | null | undefined;
  apiVersion?: ApiVersion | null | undefined;
  needsMigration?: boolean | null | undefined;
  /** How the store's last connection test went. */
  connectionHealth?: ConnectionHealth | null | undefined;
};

export type WebhookEventType =
  /** store.connection.failed: a store's connection went from OK to not OK. */
  | 'CONNECTION_FAILED'
  /** store.connection.recovered: from not OK back to OK. */
  | 'CONNECTION_RECOVERED'
  /** store.connection.status_changed: any change of status between two tests. */
  | 'CONNECTION_STATUS_CHANGED'
  /** connection_test_job.completed: a bulk re-test finished, with its counts. */
  | 'CONNECTION_TEST_JOB_COMPLETED'
  /** webhook.test: sent by sendTestWebhook only; cannot be subscribed to. */
  | 'WEBHOOK_TEST';

export type ChangePasswordMutationVariables = Exact<{
  currentPassword: string;
  newPassword: string;
}>;


export type ChangePasswordMutation = { changePassword: { id: string } };

export type CreateApiKeyMutationVariables = Exact<{
  name: string;
  role: UserRole;
}>;


export type CreateApiKeyMutation = { createApiKey: { key: string, apiKey: { id: string, prefix: string } } };

export type RevokeApiKeyMutationVariables = Exact<{
  id: string | number;
}>;


export type RevokeApiKeyMutation = { revokeApiKey: { id: string, revoked: boolean, revokedAt: string | null } };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { me: { id: string, email: string, role: UserRole } };

export type LogoutMutationVariables = Exact<{ [key: string]: never; }>;


export type LogoutMutation = { logout: boolean };

export type DashboardQueryVariables = Exact<{
  toMigrate: EcommerceStoreFilter;
  failing: EcommerceStoreFilter;
}>;


export type DashboardQuery = { ecommerceStoreCounts: { total: number, legacy: number, failing: number, healthy: number, untested: number, byPlatform: Array<{ platform: Platform, total: number, legacy: number, failing: number, healthy: number, untested: number }> }, toMigrate: Array<{ id: string, name: string, platform: Platform, apiVersion: ApiVersion | null, lastConnectionTest: { id: string | null, success: boolean, status: ConnectionStatus, message: string, testedAt: string } | null }>, failing: Array<{ id: string, name: string, platform: Platform, apiVersion: ApiVersion | null, lastConnectionTest: { id: string | null, success: boolean, status: ConnectionStatus, message: string, testedAt: string } | null }> };

export type DashboardStoreFieldsFragment = { id: string, name: string, platform: Platform, apiVersion: ApiVersion | null, lastConnectionTest: { id: string | null, success: boolean, status: ConnectionStatus, message: string, testedAt: string } | null };

export type ConnectionTestResultFieldsFragment = { id: string | null, success: boolean, status: ConnectionStatus, message: string, apiVersion: ApiVersion | null, storeName: string | null, storeDomain: string | null, warnings: Array<string>, durationMs: number, testedAt: string, scopes: Array<{ scope: string, apiName: string, required: ScopeLevel, granted: ScopeLevel | null, verified: boolean, ok: boolean, message: string | null }> };

export type EcommerceStoreFieldsFragment = { id: string, name: string, platform: Platform, apiVersion: ApiVersion | null, apiLogin: string | null, storeHash: string | null, apiUrl: string | null, apiPasswordSet: boolean, apiPasswordLast4: string | null, needsMigration: boolean, version: number, createdAt: string, updatedAt: string, lastConnectionTest: { id: string | null, success: boolean, status: ConnectionStatus, message: string, apiVersion: ApiVersion | null, storeName: string | null, storeDomain: string | null, warnings: Array<string>, durationMs: number, testedAt: string, scopes: Array<{ scope: string, apiName: string, required: ScopeLevel, granted: ScopeLevel | null, verified: boolean, ok: boolean, message: string | null }> } | null };

export type TestConnectionQueryVariables = Exact<{
  id: string | number;
}>;


export type TestConnectionQuery = { testConnection: { id: string | null, success: boolean, status: ConnectionStatus, message: string, apiVersion: ApiVersion | null, storeName: string | null, storeDomain: string | null, warnings: Array<string>, durationMs: number, testedAt: string, scopes: Array<{ scope: string, apiName: string, required: ScopeLevel, granted: ScopeLevel | null, verified: boolean, ok: boolean, message: string | null }> } };

export type TestCredentialsQueryVariables = Exact<{
  credentials: ApiCredentialsInput;
  storeId?: string | number | null | undefined;
}>;


export type TestCredentialsQuery = { testCredentials: { id: string | null, success: boolean, status: ConnectionStatus, message: string, apiVersion: ApiVersion | null, storeName: string | null, storeDomain: string | null, warnings: Array<string>, durationMs: number, testedAt: string, scopes: Array<{ scope: string, apiName: string, required: ScopeLevel, granted: ScopeLevel | null, verified: boolean, ok: boolean, message: string | null }> } };

export type UpdateApiCredentialsMutationVariables = Exact<{
  id: string | number;
  credentials: ApiCredentialsInput;
  verify?: boolean | null | undefined;
  version?: number | null | undefined;
}>;


export type UpdateApiCredentialsMutation = { updateApiCredentials: { id: string, name: string, platform: Platform, apiVersion: ApiVersion | null, apiLogin: string | null, storeHash: string | null, apiUrl: string | null, apiPasswordSet: boolean, apiPasswordLast4: string | null, needsMigration: boolean, version: number, createdAt: string, updatedAt: string, lastConnectionTest: { id: string | null, success: boolean, status: ConnectionStatus, message: string, apiVersion: ApiVersion | null, storeName: string | null, storeDomain: string | null, warnings: Array<string>, durationMs: number, testedAt: string, scopes: Array<{ scope: string, apiName: string, required: ScopeLevel, granted: ScopeLevel | null, verified: boolean, ok: boolean, message: string | null }> } | null } };

export type ConnectionTestsQueryVariables = Exact<{
  storeId: string | number;
  page?: number | null | undefined;
  perPage?: number | null | undefined;
}>;


export type ConnectionTestsQuery = { connectionTests: { total: number, items: Array<{ id: string | null, success: boolean, status: ConnectionStatus, message: string, apiVersion: ApiVersion | null, storeName: string | null, storeDomain: string | null, warnings: Array<string>, durationMs: number, testedAt: string, scopes: Array<{ scope: string, apiName: string, required: ScopeLevel, granted: ScopeLevel | null, verified: boolean, ok: boolean, message: string | null }> }> } };

export type ConnectionTestJobFieldsFragment = { id: string, status: ConnectionTestJobStatus, scheduled: boolean, startedBy: string | null, total: number, done: number, ok: number, failed: number, running: number, pending: number, skipped: number, changed: number, progress: number, error: string | null, createdAt: string, finishedAt: string | null, filter: { ids: Array<string> | null, q: string | null, platform: Platform | null, apiVersion: ApiVersion | null, needsMigration: boolean | null, connectionHealth: ConnectionHealth | null } | null };

export type LatestConnectionTestJobQueryVariables = Exact<{ [key: string]: never; }>;


export type LatestConnectionTestJobQuery = { connectionTestJobs: { items: Array<{ id: string, status: ConnectionTestJobStatus, scheduled: boolean, startedBy: string | null, total: number, done: number, ok: number, failed: number, running: number, pending: number, skipped: number, changed: number, progress: number, error: string | null, createdAt: string, finishedAt: string | null, filter: { ids: Array<string> | null, q: string | null, platform: Platform | null, apiVersion: ApiVersion | null, needsMigration: boolean | null, connectionHealth: ConnectionHealth | null } | null }> } };

export type TestAllConnectionsMutationVariables = Exact<{
  filter?: EcommerceStoreFilter | null | undefined;
}>;


export type TestAllConnectionsMutation = { testAllConnections: { id: string, status: ConnectionTestJobStatus, scheduled: boolean, startedBy: string | null, total: number, done: number, ok: number, failed: number, running: number, pending: number, skipped: number, changed: number, progress: number, error: string | null, createdAt: string, finishedAt: string | null, filter: { ids: Array<string> | null, q: string | null, platform: Platform | null, apiVersion: ApiVersion | null, needsMigration: boolean | null, connectionHealth: ConnectionHealth | null } | null } };

export type CancelConnectionTestJobMutationVariables = Exact<{
  id: string | number;
}>;


export type CancelConnectionTestJobMutation = { cancelConnectionTestJob: { id: string, status: ConnectionTestJobStatus, scheduled: boolean, startedBy: string | null, total: number, done: number, ok: number, failed: number, running: number, pending: number, skipped: number, changed: number, progress: number, error: string | null, createdAt: string, finishedAt: string | null, filter: { ids: Array<string> | null, q: string | null, platform: Platform | null, apiVersion: ApiVersion | null, needsMigration: boolean | null, connectionHealth: ConnectionHealth | null } | null } };

export type ChangedStoresQueryVariables = Exact<{
  id: string | number;
}>;


export type ChangedStoresQuery = { connectionTestJob: { items: { total: number, items: Array<{ storeId: string, storeName: string, previousStatus: ConnectionStatus | null, resultStatus: ConnectionStatus | null }> } } | null };

export type LoginMutationVariables = Exact<{
  email: string;
  password: string;
}>;


export type LoginMutation = { login: { token: string } };

export type DisableUserMutationVariables = Exact<{
  id: string | number;
}>;


export type DisableUserMutation = { disableUser: { id: string, disabled: boolean, disabledAt: string | null } };

export type EnableUserMutationVariables = Exact<{
  id: string | number;
}>;


export type EnableUserMutation = { enableUser: { id: string, disabled: boolean, disabledAt: string | null } };

export type CreateWebhookEndpointMutationVariables = Exact<{
  url: string;
  events: Array<WebhookEventType> | WebhookEventType;
  description?: string | null | undefined;
}>;


export type CreateWebhookEndpointMutation = { createWebhookEndpoint: { secret: string, endpoint: { id: string, secretLast4: string } } };

export type RotateWebhookSecretMutationVariables = Exact<{
  id: string | number;
}>;


export type RotateWebhookSecretMutation = { rotateWebhookSecret: { secret: string, endpoint: { id: string, secretLast4: string } } };

export type SendTestWebhookMutationVariables = Exact<{
  id: string | number;
}>;


export type SendTestWebhookMutation = { sendTestWebhook: { id: string } };

export type RedeliverWebhookMutationVariables = Exact<{
  deliveryId: string | number;
}>;


export type RedeliverWebhookMutation = { redeliverWebhook: { id: string } };
