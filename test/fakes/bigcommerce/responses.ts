import type { FakeAnswer } from '../shared/answer';

/** The bodies BigCommerce sends, in its two error dialects (v2: an array, v3: an object). */

export type ApiDialect = 'v2' | 'v3';

export type FakeResponse = FakeAnswer;

const STATUS_TYPE = 'https://developer.bigcommerce.com/api-docs/getting-started/api-status-codes';

export const MISSING_SCOPE_TITLE = "You don't have a required scope to access the endpoint";

export function apiError(dialect: ApiDialect, status: number, title: string, errors: Record<string, string> = {}): FakeResponse {
  if (dialect === 'v2') return { status, json: [{ status, message: title }] };
  return { status, json: { status, title, type: STATUS_TYPE, errors } };
}

export const missingScope = (dialect: ApiDialect) => apiError(dialect, 403, MISSING_SCOPE_TITLE);
export const unauthorized = (dialect: ApiDialect) => apiError(dialect, 401, 'Unauthorized: the access token is missing or invalid.');
export const notFound = (dialect: ApiDialect) => apiError(dialect, 404, 'The requested resource was not found.');

/** What BigCommerce's edge answers for a store hash it does not know: HTML, not JSON. */
export const OPENRESTY_404 = `<html>
<head><title>404 Not Found</title></head>
<body>
<center><h1>404 Not Found</h1></center>
<hr><center>openresty</center>
</body>
</html>
`;

export const HTML_PAGE = `<!DOCTYPE html>
<html><head><title>Sign in</title></head><body><h1>Please sign in to continue</h1></body></html>
`;

export interface StoreProfile {
  hash: string;
  name: string;
  domain: string;
}

export function storeInformation(store: StoreProfile): unknown {
  return {
    id: store.hash,
    domain: store.domain,
    secure_url: `https://${store.domain}`,
    control_panel_base_url: `https://store-${store.hash}.mybigcommerce.com`,
    status: 'live',
    name: store.name,
    first_name: 'Fake',
    last_name: 'Merchant',
    address: '1 Example Street\nAustin, Texas 78701',
    country: 'United States',
    country_code: 'US',
    phone: '',
    admin_email: `admin@${store.domain}`,
    order_email: `orders@${store.domain}`,
    timezone: { name: 'America/Chicago', raw_offset: -21600, dst_offset: -18000, dst_correction: true, date_format: {} },
    language: 'en',
    currency: 'USD',
    currency_symbol: '$',
    decimal_separator: '.',
    thousands_separator: ',',
    weight_units: 'LBS',
    dimension_units: 'Inches',
    plan_name: 'Standard',
    plan_level: 'Standard',
    plan_is_trial: false,
    industry: 'Outdoor',
    is_price_entered_with_tax: false,
    active_comparison_modules: [],
    features: { stencil_enabled: true, sitewidehttps_enabled: true, multi_storefront_enabled: true },
  };
}

export const SAMPLE_ORDER = { id: 100, customer_id: 1, status: 'Awaiting Fulfillment', status_id: 11, total_inc_tax: '42.0000', currency_code: 'USD' };
export const SAMPLE_CUSTOMER = { id: 1, email: 'jane@example.com', first_name: 'Jane', last_name: 'Doe', company: '', customer_group_id: 0 };
export const SAMPLE_PRODUCT = { id: 77, name: 'Sample Tent', type: 'physical', sku: 'TENT-1', price: 199, weight: 4 };

export function v3List(items: unknown[]): unknown {
  return {
    data: items,
    meta: { pagination: { total: items.length, count: items.length, per_page: 50, current_page: 1, total_pages: 1, links: { current: '?page=1&limit=50' } } },
  };
}
