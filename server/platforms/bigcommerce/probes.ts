/**
 * The calls a connection test makes. BigCommerce has no endpoint that lists a token's scopes,
 * so each scope is learnt from one call it guards: a 403 means the scope is missing, anything
 * that got past the scope check (2xx, 400, 404, 422) means it is there.
 *
 * Write probes send `{}`, which BigCommerce rejects as invalid (400/422) when writing is
 * allowed and with 403 when it is not; they can never create anything.
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
  method: 'GET' | 'POST';
  /** Relative to the store's API root (`…/stores/{hash}/` or the legacy `…/api/v2/`). */
  path: string;
  /** false: the result only refines a warning, so it is never retried and never decides the status. */
  essential: boolean;
}

const read = (id: ProbeId, path: string): Probe => ({ id, kind: 'read', method: 'GET', path, essential: true });
const write = (id: ProbeId, path: string, essential = true): Probe => ({ id, kind: 'write', method: 'POST', path, essential });

export const STORE_PROBE: Probe = { id: 'store', kind: 'store', method: 'GET', path: 'v2/store', essential: true };

/**
 * Sent all at once, so a test costs one round trip. List probes ask for one record: the
 * scope check is all that matters, and merchant data is not worth transferring.
 * An order id of 0 never exists, so the transactions probe answers 404 once past the scope check.
 */
export const STORE_API_PROBES: readonly Probe[] = [
  STORE_PROBE,
  read('customers', 'v3/customers?limit=1'),
  write('customersWrite', 'v3/customers', false),
  write('ordersWrite', 'v2/orders'),
  read('transactions', 'v3/orders/0/transactions'),
  write('productsWrite', 'v3/catalog/products'),
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
