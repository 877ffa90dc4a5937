import type { ApiVersion, ConnectionStatus, Platform, ScopeLevel } from '../types';

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
  // As the server's messages name them (server/common/api-version.ts).
  SHOPIFY_ADMIN_TOKEN: 'Shopify custom app (Admin API access token)',
  SHOPIFY_CLIENT_CREDENTIALS: 'Shopify Dev Dashboard app (client credentials)',
  WOOCOMMERCE_REST: 'WooCommerce REST API key',
};


export const PLATFORM_NAMES: Record<Platform, string> = {
  BIGCOMMERCE: 'BigCommerce',
  SHOPIFY: 'Shopify',
  WOOCOMMERCE: 'WooCommerce',
};

/** Each API version belongs to one platform (the server refuses another platform's version). */
export const PLATFORM_OF_API_VERSION: Record<ApiVersion, Platform> = {
  STORE_API_OAUTH: 'BIGCOMMERCE',
  LEGACY: 'BIGCOMMERCE',
  SHOPIFY_ADMIN_TOKEN: 'SHOPIFY',
  SHOPIFY_CLIENT_CREDENTIALS: 'SHOPIFY',
  WOOCOMMERCE_REST: 'WOOCOMMERCE',
};

/** The "API Version" choices of a store: only its own platform's versions. */
export function apiVersionChoices(platform: Platform): Array<{ id: ApiVersion; name: string }> {
  return (Object.keys(PLATFORM_OF_API_VERSION) as ApiVersion[])
    .filter((version) => PLATFORM_OF_API_VERSION[version] === platform)
    .map((version) => ({ id: version, name: API_VERSION_NAMES[version] }));
}

/** Every API version, for filtering a list of stores of any platform. */
export const API_VERSION_CHOICES = (Object.keys(API_VERSION_NAMES) as ApiVersion[]).map((version) => ({ id: version, name: API_VERSION_NAMES[version] }));

/** As WooCommerce > Settings > Advanced > REST API names a key and its halves. */
export const WOOCOMMERCE_LABELS = {
  keysPage: 'WooCommerce > Settings > Advanced > REST API',
  addKey: 'Add key',
  permissionReadWrite: 'Read/Write',
  siteUrl: 'Site URL',
  siteUrlHint: 'The address of the WordPress site, e.g. https://shop.example.com, or https://example.com/shop if WordPress is in a subfolder',
  consumerKey: 'Consumer key',
  consumerKeyHint: 'starts with ck_',
  consumerSecret: 'Consumer secret',
} as const;

/** Shopify's words, from the Shopify admin and the Dev Dashboard. */
export const SHOPIFY_LABELS = {
  shop: 'Shop',
  shopHint: 'acme, acme.myshopify.com, or any address of the shop’s admin',
  adminToken: 'Admin API access token',
  clientId: 'Client ID',
  clientIdHint: 'Dev Dashboard > your app > Settings > Client ID',
  clientSecret: 'Client secret',
} as const;

/** The access scopes a Shopify app needs, by the names the Dev Dashboard lists and their handles. */
export const SHOPIFY_SCOPES: Array<{ handle: string; name: string }> = [
  { handle: 'write_orders', name: 'Orders (write)' },
  { handle: 'write_merchant_managed_fulfillment_orders', name: 'Merchant-managed fulfillment orders (write)' },
  { handle: 'read_products', name: 'Products (read)' },
  { handle: 'read_inventory', name: 'Inventory (read)' },
  { handle: 'read_locations', name: 'Locations (read)' },
  { handle: 'read_customers', name: 'Customers (read)' },
];

/** How each platform's admin names what a test checks row by row, for the scope table's headings. */
export const SCOPE_TABLE_WORDS: Record<Platform, { table: string; scope: string; granted: string }> = {
  BIGCOMMERCE: { table: 'OAuth scopes', scope: 'OAuth scope', granted: 'Token has' },
  SHOPIFY: { table: 'Access scopes', scope: 'Access scope', granted: 'Token has' },
  WOOCOMMERCE: { table: 'Access of the key and its user', scope: 'Access', granted: 'Key has' },
};

/** What a WooCommerce key's user must be allowed (the rows of its connection test), for the guide. */
export const WOOCOMMERCE_REQUIRED_ACCESS: Array<{ scope: string; needs: string }> = [
  { scope: 'Orders', needs: 'read and change' },
  { scope: 'Products', needs: 'read' },
  { scope: 'Customers', needs: 'read' },
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
  UPSTREAM_ERROR: 'platform error',
  NOT_CONFIGURED: 'not set up',
};

/** The list filter on how a store's last connection test went. */
export const CONNECTION_HEALTH_CHOICES = [
  { id: 'HEALTHY', name: 'Connection OK' },
  { id: 'FAILING', name: 'Connection failing' },
  { id: 'UNTESTED', name: 'Not tested yet' },
];
