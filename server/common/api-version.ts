import { stringEnum, type EnumValue } from './string-enum';

/**
 * How a store's API credentials authenticate.
 * LEGACY: BigCommerce Legacy API account (HTTP Basic auth against the store's domain), deprecated.
 * STORE_API_OAUTH: BigCommerce Store API account (X-Auth-Token against api.bigcommerce.com).
 */
export const ApiVersion = stringEnum(
  'LEGACY', 'STORE_API_OAUTH',
  /** Shopify: the static Admin API access token of an app made in the store admin ("legacy custom app"). */
  'SHOPIFY_ADMIN_TOKEN',
  /** Shopify: a Dev Dashboard app's client ID and secret, exchanged for 24-hour access tokens. */
  'SHOPIFY_CLIENT_CREDENTIALS',
  /** WooCommerce: a REST API key (consumer key and secret) of the merchant's WordPress site, HTTP Basic auth over HTTPS. */
  'WOOCOMMERCE_REST',
);
export type ApiVersion = EnumValue<typeof ApiVersion>;

/** The labels admins know from the merchant guide. */
export const API_VERSION_LABELS: Record<ApiVersion, string> = {
  [ApiVersion.LEGACY]: 'Legacy API account (Basic auth)',
  [ApiVersion.STORE_API_OAUTH]: 'Store API Account (OAuth)',
  [ApiVersion.SHOPIFY_ADMIN_TOKEN]: 'Shopify custom app (Admin API access token)',
  [ApiVersion.SHOPIFY_CLIENT_CREDENTIALS]: 'Shopify Dev Dashboard app (client credentials)',
  [ApiVersion.WOOCOMMERCE_REST]: 'WooCommerce REST API key',
};
