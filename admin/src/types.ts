import type { ConnectionTestResultFieldsFragment, EcommerceStoreFieldsFragment } from './generated/graphql';

/**
 * The UI's names for the GraphQL contract's types, as it receives them. The shapes come from
 * generated/graphql.ts, which `npm run codegen` writes from schema.graphql and the fields the
 * admin's documents select.
 */

export type { ApiCredentialsInput, ApiVersion, ConnectionStatus, Platform, ScopeLevel } from './generated/graphql';

/** A connection test's result; its id is null for a dry run, which is not recorded. */
export type ConnectionTestResult = ConnectionTestResultFieldsFragment;

export type ScopeCheck = ConnectionTestResult['scopes'][number];

/** The store fields the UI reads (ra-data-graphql-simple's records carry these and more). */
export type EcommerceStore = EcommerceStoreFieldsFragment;

/** A connection test from a store's history: recorded, so it has an id. */
export type RecordedConnectionTest = ConnectionTestResult & { id: string };
