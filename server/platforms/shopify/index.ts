/**
 * The Shopify connector: tests an admin-created custom app's Admin API access token, or a Dev
 * Dashboard app's client credentials (exchanged for 24-hour tokens it reuses through a
 * ConnectorSession), reading the shop and the token's exact scopes. No database, no GraphQL.
 */
export { ShopifyConnector, type ShopifyConnectorOptions } from './connector';
export type { ShopifyCredentials } from './test-flow';
export { SHOPIFY_REQUIRED_SCOPES, REQUIRED_HANDLES } from './scopes';
export { SHOPIFY_REQUEST_BUDGET } from './probes';
export { parseShopDomain, shopSubdomain } from './shop-domain';
