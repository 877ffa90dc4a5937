/**
 * How a store's API credentials authenticate.
 * LEGACY: BigCommerce Legacy API account (HTTP Basic auth against the store's domain), deprecated.
 * STORE_API_OAUTH: BigCommerce Store API account (X-Auth-Token against api.bigcommerce.com).
 */
export enum ApiVersion {
  LEGACY = 'LEGACY',
  STORE_API_OAUTH = 'STORE_API_OAUTH',
}

/** The labels admins know from the merchant guide. */
export const API_VERSION_LABELS: Record<ApiVersion, string> = {
  [ApiVersion.LEGACY]: 'Legacy API account (Basic auth)',
  [ApiVersion.STORE_API_OAUTH]: 'Store API Account (OAuth)',
};
