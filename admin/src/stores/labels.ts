import type { ApiVersion, ConnectionStatus, ScopeLevel } from '../types';

/**
 * The words merchants know from the migration guide ("Migrate a BigCommerce Legacy API
 * Connection to a Store API Connection"). Keep them exactly as written there: admins follow
 * the guide step by step and look for these labels on the page.
 */
export const LABELS = {
  apiAccess: 'API access',
  apiVersion: 'API Version',
  apiPath: 'API login (API path)',
  apiPathHint: 'looks like stores/abcd1234',
  accessToken: 'API password (Access token)',
  legacyApiUrl: 'API URL',
  legacyUsername: 'Username',
  legacyApiToken: 'API token',
  testConnection: 'Test API connection',
  testBeforeSaving: 'Test before saving',
} as const;

export const API_VERSION_NAMES: Record<ApiVersion, string> = {
  STORE_API_OAUTH: 'Store API Account (OAuth)',
  LEGACY: 'Legacy API account',
  // Shopify's credentials are in the schema; their form and guide come with the Shopify work.
  SHOPIFY_ADMIN_TOKEN: 'Shopify Admin API access token',
  SHOPIFY_CLIENT_CREDENTIALS: 'Shopify app client credentials',
  WOOCOMMERCE_REST: 'WooCommerce REST API key',
};

export const API_VERSION_CHOICES = [
  { id: 'STORE_API_OAUTH', name: API_VERSION_NAMES.STORE_API_OAUTH },
  { id: 'LEGACY', name: API_VERSION_NAMES.LEGACY },
];

/** As the BigCommerce control panel names scope levels. */
export const SCOPE_LEVEL_NAMES: Record<ScopeLevel, string> = {
  NONE: 'None',
  READ_ONLY: 'read-only',
  MODIFY: 'modify',
};

/** The scopes the guide asks for, in its order, for the checklist shown before any test has run. */
export const REQUIRED_SCOPES: Array<{ scope: string; level: ScopeLevel }> = [
  { scope: 'Customers', level: 'READ_ONLY' },
  { scope: 'Information & Settings', level: 'READ_ONLY' },
  { scope: 'Orders', level: 'MODIFY' },
  { scope: 'Order Transactions', level: 'MODIFY' },
  { scope: 'Products', level: 'MODIFY' },
];

/** A few words for a status chip; the full sentence is in the test result. */
export const STATUS_SHORT_REASONS: Record<ConnectionStatus, string> = {
  OK: 'OK',
  INVALID_CREDENTIALS: 'credentials rejected',
  STORE_NOT_FOUND: 'store not found',
  MISSING_SCOPES: 'missing scopes',
  RATE_LIMITED: 'rate limited',
  TIMEOUT: 'timed out',
  NETWORK_ERROR: 'unreachable',
  UPSTREAM_ERROR: 'BigCommerce error',
  NOT_CONFIGURED: 'not set up',
};

/** The list filter on how a store's last connection test went. */
export const CONNECTION_HEALTH_CHOICES = [
  { id: 'HEALTHY', name: 'Connection OK' },
  { id: 'FAILING', name: 'Connection failing' },
  { id: 'UNTESTED', name: 'Not tested yet' },
];
