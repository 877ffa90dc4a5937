import {
  SAMPLE_CUSTOMER,
  SAMPLE_ORDER,
  SAMPLE_PRODUCT,
  apiError,
  missingScope,
  notFound,
  storeInformation,
  v3List,
  type ApiDialect,
  type FakeResponse,
  type StoreProfile,
} from './responses';
import type { FakeDataChange, FakeScopeLevel, FakeScopeName } from './types';

/**
 * The endpoints the fake serves, each with the scope and level BigCommerce requires for it
 * (a read-only scope allows GET only; a write needs Modify), shaped as the official OpenAPI
 * spec (bigcommerce/api-specs) describes them: Update an Order and Update a Product name one
 * record by id and answer 404 for one that does not exist; Create and Update Customers take an
 * array; an order without transactions answers 204. Records the fake holds: order 100,
 * product 77, customer 1.
 */

export interface RouteStore extends StoreProfile {
  emptyLists: boolean;
  /** A store that accepts `POST {}` (the spec's order_Post has no required fields): it creates a record. */
  acceptsEmptyWrites: boolean;
  orderIds: number[];
  productIds: number[];
  customerIds: number[];
}

export interface RouteRequest {
  store: RouteStore;
  params: string[];
  body: string;
  /** Called for every write the fake carries out on its records. */
  changed: (change: Omit<FakeDataChange, 'storeHash'>) => void;
}

interface Route {
  dialect: ApiDialect;
  method: 'GET' | 'POST' | 'PUT';
  pattern: RegExp;
  scope: FakeScopeName;
  handle: (request: RouteRequest) => FakeResponse;
}

function parseJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

const isEmptyObject = (value: unknown) => typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 0;

/** A create with a body that names nothing: refused as invalid, unless the store is one that accepts it. */
function create(dialect: ApiDialect, resource: string, field: string, ids: (store: RouteStore) => number[]) {
  return ({ store, body, changed }: RouteRequest): FakeResponse => {
    const parsed = parseJson(body);
    const items = dialect === 'v3' && resource === 'customers' ? parsed : [parsed];
    if (!Array.isArray(items)) return apiError('v3', 422, 'The request body must be an array of customers.', { body: 'must be an array' });
    const complete = items.length > 0 && items.every((item) => typeof item === 'object' && item !== null && field in item);
    if (!complete && !(store.acceptsEmptyWrites && items.every(isEmptyObject))) {
      return dialect === 'v2'
        ? { status: 400, json: [{ status: 400, message: `The required field '${field}' was not supplied.` }] }
        : apiError('v3', 422, 'JSON data is missing or invalid', { [field]: `${field} is a required field` });
    }
    const list = ids(store);
    const created = items.map(() => {
      const id = Math.max(0, ...list) + 1;
      list.push(id);
      changed({ action: 'created', resource, id });
      return { id };
    });
    return { status: dialect === 'v2' ? 201 : 200, json: dialect === 'v2' ? created[0] : v3List(created) };
  };
}

/** Update of the record named in the path: 404 when there is no such record, a change otherwise. */
function updateOne(dialect: ApiDialect, resource: string, ids: (store: RouteStore) => number[]) {
  return ({ store, params: [id], changed }: RouteRequest): FakeResponse => {
    if (!ids(store).includes(Number(id))) return notFound(dialect);
    changed({ action: 'updated', resource, id: Number(id) });
    return { status: 200, json: dialect === 'v2' ? { id: Number(id) } : { data: { id: Number(id) } } };
  };
}

/** Update Customers: an array, every item naming an existing customer by id, or 422 and nothing changed. */
function updateCustomers({ store, body, changed }: RouteRequest): FakeResponse {
  const items = parseJson(body);
  if (!Array.isArray(items) || items.length === 0) return apiError('v3', 422, 'The request body must be a non-empty array of customers.');
  const ids = items.map((item) => (typeof item === 'object' && item !== null ? (item as { id?: unknown }).id : undefined));
  const unknown = ids.filter((id) => typeof id !== 'number' || !store.customerIds.includes(id));
  if (unknown.length > 0) return apiError('v3', 422, 'Customer ids not found', { id: `customers not found: ${unknown.map(String).join(', ')}` });
  for (const id of ids as number[]) changed({ action: 'updated', resource: 'customers', id });
  return { status: 200, json: v3List(ids.map((id) => ({ id }))) };
}

const ROUTES: Route[] = [
  { dialect: 'v2', method: 'GET', pattern: /^time$/, scope: 'information', handle: () => ({ status: 200, json: { time: Math.floor(Date.now() / 1000) } }) },
  { dialect: 'v2', method: 'GET', pattern: /^store$/, scope: 'information', handle: ({ store }) => ({ status: 200, json: storeInformation(store) }) },
  {
    dialect: 'v2',
    method: 'GET',
    pattern: /^orders$/,
    scope: 'orders',
    handle: ({ store }) => (store.emptyLists ? { status: 204 } : { status: 200, json: [SAMPLE_ORDER] }),
  },
  { dialect: 'v2', method: 'POST', pattern: /^orders$/, scope: 'orders', handle: create('v2', 'orders', 'products', (s) => s.orderIds) },
  { dialect: 'v2', method: 'PUT', pattern: /^orders\/(\d+)$/, scope: 'orders', handle: updateOne('v2', 'orders', (s) => s.orderIds) },
  {
    dialect: 'v3',
    method: 'GET',
    pattern: /^customers$/,
    scope: 'customers',
    handle: ({ store }) => (store.emptyLists ? { status: 204 } : { status: 200, json: v3List([SAMPLE_CUSTOMER]) }),
  },
  { dialect: 'v3', method: 'POST', pattern: /^customers$/, scope: 'customers', handle: create('v3', 'customers', 'email', (s) => s.customerIds) },
  { dialect: 'v3', method: 'PUT', pattern: /^customers$/, scope: 'customers', handle: updateCustomers },
  {
    dialect: 'v3',
    method: 'GET',
    pattern: /^orders\/(\d+)\/transactions$/,
    scope: 'transactions',
    // The spec's getTransactions answers 204 No Content for an order without transactions.
    handle: ({ store, params: [id] }) => (store.orderIds.includes(Number(id)) ? { status: 204 } : notFound('v3')),
  },
  {
    dialect: 'v3',
    method: 'GET',
    pattern: /^catalog\/products$/,
    scope: 'products',
    handle: ({ store }) => ({ status: 200, json: v3List(store.emptyLists ? [] : [SAMPLE_PRODUCT]) }),
  },
  { dialect: 'v3', method: 'POST', pattern: /^catalog\/products$/, scope: 'products', handle: create('v3', 'products', 'name', (s) => s.productIds) },
  { dialect: 'v3', method: 'PUT', pattern: /^catalog\/products\/(\d+)$/, scope: 'products', handle: updateOne('v3', 'products', (s) => s.productIds) },
];

const RANK: Record<FakeScopeLevel, number> = { NONE: 0, READ_ONLY: 1, MODIFY: 2 };

export type ScopeGrant = (scope: FakeScopeName) => FakeScopeLevel;

/** Answers one authenticated, in-quota API call; `rest` is the path after /v2/ or /v3/, without query. */
export function answer(dialect: ApiDialect, method: string, rest: string, request: Omit<RouteRequest, 'params'>, granted: ScopeGrant): FakeResponse {
  for (const route of ROUTES) {
    if (route.dialect !== dialect) continue;
    const match = route.pattern.exec(rest);
    if (!match) continue;
    if (route.method !== method) continue;
    const needed: FakeScopeLevel = method === 'GET' ? 'READ_ONLY' : 'MODIFY';
    if (RANK[granted(route.scope)] < RANK[needed]) {
      return missingScope(dialect);
    }
    return route.handle({ ...request, params: match.slice(1) });
  }
  const pathKnown = ROUTES.some((r) => r.dialect === dialect && r.pattern.test(rest));
  return pathKnown ? apiError(dialect, 405, 'The requested method is not allowed for this resource.') : notFound(dialect);
}

/** The spec marks Accept and Content-Type required on every operation storelink uses, GETs included. */
export function missingRequiredHeader(headers: Record<string, string | string[] | undefined>, dialect: ApiDialect): FakeResponse | null {
  for (const name of ['accept', 'content-type']) {
    const value = headers[name];
    if (typeof value !== 'string' || !/application\/json|\*\/\*/i.test(value)) {
      return apiError(dialect, 400, `The required header ${name === 'accept' ? 'Accept' : 'Content-Type'}: application/json is missing.`);
    }
  }
  return null;
}
