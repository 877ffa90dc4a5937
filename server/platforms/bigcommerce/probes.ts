/**
 * The calls a connection test makes. BigCommerce has no endpoint that lists a token's scopes,
 * so each scope is learnt from one call it guards: a 403 means the scope is missing, anything
 * that got past the scope check (2xx, 400, 404, 422) means it is there.
 *
 * Write probes cannot change data by construction: each updates a record that cannot exist
 * (id 0; BigCommerce ids start at 1), so a store that has the scope answers 404 or 422 after
 * the scope check, and one without it 403. A create (`POST v2/orders` with `{}`) is never
 * sent: the official spec's `order_Post` has no required fields, so a store may accept it.
 */

export type ProbeId =
  | 'store'
  | 'customers'
  | 'customersWrite'
  | 'ordersRead'
  | 'ordersWrite'
  | 'transactions'
  | 'productsRead'
  | 'productsWrite';

export type ProbeKind =
  /** GET /v2/store: proves the credentials and the store, and names the store. */
  | 'store'
  | 'read'
  | 'write';

export interface Probe {
  id: ProbeId;
  kind: ProbeKind;
  method: 'GET' | 'PUT';
  /** Relative to the store's API root (`…/stores/{hash}/` or the legacy `…/api/`). */
  path: string;
  /** JSON body of a write; it names no record but id 0. */
  body?: string;
  /** false: the result only refines a warning, so it is never retried and never decides the status. */
  essential: boolean;
}

const read = (id: ProbeId, path: string): Probe => ({ id, kind: 'read', method: 'GET', path, essential: true });
const write = (id: ProbeId, path: string, body: string, essential = true): Probe => ({ id, kind: 'write', method: 'PUT', path, body, essential });

export const STORE_PROBE: Probe = { id: 'store', kind: 'store', method: 'GET', path: 'v2/store', essential: true };

/**
 * Sent all at once, so a test costs one round trip. List probes ask for one record: the
 * scope check is all that matters, and merchant data is not worth transferring.
 * An order id of 0 never exists, so the transactions probe answers 404 once past the scope check.
 */
export const STORE_API_PROBES: readonly Probe[] = [
  STORE_PROBE,
  read('customers', 'v3/customers?limit=1'),
  // The spec's Update Customers takes an array and needs each item's id: only id 0 is named.
  write('customersWrite', 'v3/customers', '[{"id":0}]', false),
  write('ordersWrite', 'v2/orders/0', '{}'),
  read('transactions', 'v3/orders/0/transactions'),
  write('productsWrite', 'v3/catalog/products/0', '{}'),
];

/**
 * Sent only when a write probe was refused, to tell Read-only from None. Modify implies
 * read access, so in the common, fully scoped case these cost nothing.
 */
export const READ_FALLBACKS: Partial<Record<ProbeId, Probe>> = {
  ordersWrite: read('ordersRead', 'v2/orders?limit=1'),
  productsWrite: read('productsRead', 'v3/catalog/products?limit=1&include_fields=id'),
};

/** The most requests one test may cost the merchant's shared API quota, retries included. */
export const REQUEST_BUDGET = 8;

/** "PUT v2/orders/0": how a message names a probe, without its query. */
export function probeLabel(probe: Probe): string {
  return `${probe.method} ${probe.path.split('?')[0]}`;
}
