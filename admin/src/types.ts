/** The GraphQL contract's types, as the UI receives them (see schema.graphql). */

export type ApiVersion = 'LEGACY' | 'STORE_API_OAUTH';

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

export type ScopeLevel = 'NONE' | 'READ_ONLY' | 'MODIFY';

export interface ScopeCheck {
  scope: string;
  apiName: string;
  required: ScopeLevel;
  granted: ScopeLevel | null;
  verified: boolean;
  ok: boolean;
  message: string | null;
}

export interface ConnectionTestResult {
  /** null for a dry run, which is not recorded. */
  id: string | null;
  success: boolean;
  status: ConnectionStatus;
  message: string;
  apiVersion: ApiVersion | null;
  storeName: string | null;
  storeDomain: string | null;
  scopes: ScopeCheck[];
  warnings: string[];
  durationMs: number;
  testedAt: string;
}

export interface EcommerceStore {
  id: string;
  name: string;
  platform: 'BIGCOMMERCE';
  apiVersion: ApiVersion | null;
  apiLogin: string | null;
  storeHash: string | null;
  apiUrl: string | null;
  apiPasswordSet: boolean;
  apiPasswordLast4: string | null;
  needsMigration: boolean;
  lastConnectionTest: ConnectionTestResult | null;
  /** Goes up by one on every change; sent back with an update so that a stale one is refused (CONFLICT). */
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface ApiCredentialsInput {
  apiVersion: ApiVersion;
  apiLogin: string;
  /** Omitted = keep the saved secret (same API version only). */
  apiPassword?: string;
  apiUrl?: string;
}

export type UserRole = 'ADMIN' | 'VIEWER';

export interface User {
  id: string;
  email: string;
  role: UserRole;
}

/** A connection test from a store's history: recorded, so it has an id. */
export type RecordedConnectionTest = ConnectionTestResult & { id: string };
