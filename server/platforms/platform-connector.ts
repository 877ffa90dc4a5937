import type { ConnectionOutcome, ScopeLevel } from '../common/connection-outcome';
import type { ApiVersion } from '../common/api-version';
import type { Platform } from '../common/platform';
import type { ConnectorSession } from './connector-session';

/**
 * What every platform connector offers, so that services, jobs, history, audit, the API and
 * the UI never switch on the platform: a platform is registered once (registry.ts) and
 * everything else asks its connector. A connector knows no database and no GraphQL.
 */

/** What an admin or a program typed, the secret aside (ApiCredentialsInput without apiPassword). */
export interface CredentialsLocationInput {
  apiVersion: ApiVersion;
  apiLogin?: string | null;
  apiUrl?: string | null;
}

/** What the store row keeps in clear after normalisation. */
export interface NormalisedLocation {
  apiLogin: string | null;
  apiUrl: string | null;
  /** BigCommerce Store API only. */
  storeHash: string | null;
}

/** What a test needs: the location and the decrypted secret. */
export interface TestableCredentials extends NormalisedLocation {
  apiVersion: ApiVersion;
  secret: string;
}

/** One row of the scope table, in the platform admin's words. */
export interface RequiredScopeRow {
  scope: string;
  apiName: string;
  required: ScopeLevel;
}

export interface PlatformConnector {
  readonly platform: Platform;
  /** The API versions this platform owns; each belongs to exactly one platform. */
  readonly apiVersions: readonly ApiVersion[];
  /** The most requests one test sends, retries included. */
  readonly requestBudget: number;
  readonly requiredScopes: readonly RequiredScopeRow[];
  /** Throws InvalidInputError(field, one sentence) with field apiLogin | apiUrl; never sees the secret. */
  normaliseLocation(input: CredentialsLocationInput, options: { allowPrivateTargets: boolean }): NormalisedLocation;
  /** Platform-specific shape checks of the secret; throws InvalidInputError('apiPassword', ...) and never echoes it. */
  checkSecret(apiVersion: ApiVersion, secret: string): void;
  /** true for a deprecated way in (BigCommerce LEGACY, Shopify SHOPIFY_ADMIN_TOKEN). */
  needsMigration(apiVersion: ApiVersion): boolean;
  /** Where a store that needs migration should go. */
  migrationTarget(apiVersion: ApiVersion): ApiVersion | null;
  /** Key of the upstream quota two tests share (store hash, legacy host, shop domain, site host): jobs space tests on it. */
  quotaKey(credentials: NormalisedLocation & { apiVersion: ApiVersion }): string;
  /** Never throws; answers within HTTP_TIMEOUT_MS whatever the peer does; never writes data. */
  testConnection(credentials: TestableCredentials, session?: ConnectorSession): Promise<ConnectionOutcome>;
  close(): Promise<void>;
}
