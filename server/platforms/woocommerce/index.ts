/**
 * The WooCommerce connector: tests a REST API key (consumer key and secret, HTTP Basic auth
 * over HTTPS) against the merchant's WordPress site, and proves the key's permission and its
 * user's capabilities without changing anything. No database, no GraphQL.
 */
export { WooCommerceConnector, type WooCommerceConnectorOptions } from './connector';
export { WooCommercePlatform } from './platform';
export type { WooCommerceCredentials } from './test-flow';
export { WOOCOMMERCE_REQUIRED_SCOPES, type RequiredAccess } from './scopes';
export { WOOCOMMERCE_REQUEST_BUDGET } from './probes';
export { parseSiteUrl } from './site-url';
export { checkConsumerKey, checkConsumerSecret } from './key-shape';
