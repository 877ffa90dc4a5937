/**
 * The requests of a WooCommerce connection test. No endpoint reports a key's permission
 * (Read, Write, Read/Write) or what its user may do, so each is learnt from a call it guards:
 * - one-item lists of orders, products and customers: the key may read, and its user may
 *   list each (a 403 "cannot view" names the one the user lacks);
 * - PUT orders/0 with {}: WooCommerce checks the key's write permission before any route
 *   runs; past that check the order controller answers "*_invalid_id", because order 0 never
 *   exists, so nothing can change;
 * - system status (optional): the site's own address, for a user who may manage WooCommerce.
 * Only the fields storelink shows are asked for: the full report runs slow checks on the site.
 */

export type ProbeId = 'orders' | 'products' | 'customers' | 'ordersWrite' | 'systemStatus' | 'restIndex';

export type ProbeKind = 'read' | 'write' | 'status' | 'index';

export interface Probe {
  id: ProbeId;
  kind: ProbeKind;
  method: 'GET' | 'PUT';
  /** Route below the wc/v3 namespace, e.g. "orders" ("" for the namespace itself). */
  route: string;
  query: Record<string, string>;
  body?: string;
  /** false: only refines what is shown, never retried and never decides the status. */
  essential: boolean;
}

const read = (id: ProbeId, route: string): Probe => ({ id, kind: 'read', method: 'GET', route, query: { per_page: '1' }, essential: true });

export const TEST_PROBES: readonly Probe[] = [
  read('orders', 'orders'),
  read('products', 'products'),
  read('customers', 'customers'),
  { id: 'ordersWrite', kind: 'write', method: 'PUT', route: 'orders/0', query: {}, body: '{}', essential: true },
  { id: 'systemStatus', kind: 'status', method: 'GET', route: 'system_status', query: { _fields: 'environment.home_url,environment.site_url' }, essential: false },
];

/**
 * Sent only when /wp-json/ did not answer like WordPress: the wc/v3 namespace through
 * ?rest_route=, which works whatever the permalinks. It tells plain permalinks (WooCommerce
 * answers there) from WooCommerce off (rest_no_route) from a site that is not WordPress.
 */
export const REST_INDEX_PROBE: Probe = { id: 'restIndex', kind: 'index', method: 'GET', route: '', query: {}, essential: true };

/** Every probe twice (/wp-json/ and ?rest_route=), the namespace check, and a retry or two. */
export const WOOCOMMERCE_REQUEST_BUDGET = 14;

/** How WordPress is addressed: "pretty" permalinks serve /wp-json/, plain ones only ?rest_route=. */
export type RouteStyle = 'wp-json' | 'rest_route';

export function probeUrl(siteUrl: string, style: RouteStyle, probe: Probe): string {
  const route = `/wc/v3${probe.route ? `/${probe.route}` : ''}`;
  const query = new URLSearchParams(probe.query).toString();
  if (style === 'wp-json') return `${siteUrl}/wp-json${route}${query ? `?${query}` : ''}`;
  return `${siteUrl}/?rest_route=${encodeURIComponent(route).replace(/%2F/g, '/')}${query ? `&${query}` : ''}`;
}

/** "PUT orders/0": how a message names a probe. */
export function probeLabel(probe: Probe): string {
  return `${probe.method} /wc/v3/${probe.route}`;
}
