/**
 * The BigCommerce connector: tests Store API (OAuth) and Legacy API credentials and returns
 * a ConnectionOutcome. It knows nothing about the database or GraphQL.
 */
export { BigCommerceConnector, type BigCommerceConnectorOptions, type BigCommerceCredentials } from './connector';
export type { StoreApiCredentials } from './store-api';
export type { LegacyCredentials } from './legacy';
export { REQUIRED_SCOPES, type RequiredScope } from './scopes';
export { REQUEST_BUDGET } from './probes';
