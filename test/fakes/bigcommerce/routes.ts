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
import type { FakeScopeLevel, FakeScopeName } from './types';

/**
 * The endpoints the fake serves, each with the scope and level BigCommerce requires for it.
 * A read-only scope allows GET only; a write needs Modify.
 */

export interface RouteStore extends StoreProfile {
  emptyLists: boolean;
  orderIds: number[];
}

interface Route {
  dialect: ApiDialect;
  method: 'GET' | 'POST';
  pattern: RegExp;
  scope: FakeScopeName;
  handle: (store: RouteStore, params: string[]) => FakeResponse;
}

/** A write probe sends `{}`: BigCommerce validates it and refuses, which proves the scope without creating anything. */
const refuseEmptyCreate = (dialect: ApiDialect, field: string): FakeResponse =>
  dialect === 'v2'
    ? { status: 400, json: [{ status: 400, message: `The required field '${field}' was not supplied.` }] }
    : apiError('v3', 422, 'JSON data is missing or invalid', { [field]: `${field} is a required field` });

const ROUTES: Route[] = [
  { dialect: 'v2', method: 'GET', pattern: /^time$/, scope: 'information', handle: () => ({ status: 200, json: { time: Math.floor(Date.now() / 1000) } }) },
  { dialect: 'v2', method: 'GET', pattern: /^store$/, scope: 'information', handle: (store) => ({ status: 200, json: storeInformation(store) }) },
  {
    dialect: 'v2',
    method: 'GET',
    pattern: /^orders$/,
    scope: 'orders',
    handle: (store) => (store.emptyLists ? { status: 204 } : { status: 200, json: [SAMPLE_ORDER] }),
  },
  { dialect: 'v2', method: 'POST', pattern: /^orders$/, scope: 'orders', handle: () => refuseEmptyCreate('v2', 'products') },
  {
    dialect: 'v3',
    method: 'GET',
    pattern: /^customers$/,
    scope: 'customers',
    handle: (store) => (store.emptyLists ? { status: 204 } : { status: 200, json: v3List([SAMPLE_CUSTOMER]) }),
  },
  { dialect: 'v3', method: 'POST', pattern: /^customers$/, scope: 'customers', handle: () => refuseEmptyCreate('v3', 'email') },
  {
    dialect: 'v3',
    method: 'GET',
    pattern: /^orders\/(\d+)\/transactions$/,
    scope: 'transactions',
    handle: (store, [id]) => (store.orderIds.includes(Number(id)) ? { status: 200, json: v3List([]) } : notFound('v3')),
  },
  {
    dialect: 'v3',
    method: 'GET',
    pattern: /^catalog\/products$/,
    scope: 'products',
    handle: (store) => ({ status: 200, json: v3List(store.emptyLists ? [] : [SAMPLE_PRODUCT]) }),
  },
  { dialect: 'v3', method: 'POST', pattern: /^catalog\/products$/, scope: 'products', handle: () => refuseEmptyCreate('v3', 'name') },
];

const RANK: Record<FakeScopeLevel, number> = { NONE: 0, READ_ONLY: 1, MODIFY: 2 };

export type ScopeGrant = (scope: FakeScopeName) => FakeScopeLevel;

/** Answers one authenticated, in-quota API call; `rest` is the path after /v2/ or /v3/, without query. */
export function answer(dialect: ApiDialect, method: string, rest: string, store: RouteStore, granted: ScopeGrant): FakeResponse {
  for (const route of ROUTES) {
    if (route.dialect !== dialect) continue;
    const match = route.pattern.exec(rest);
    if (!match) continue;
    if (route.method !== method) continue;
    const needed: FakeScopeLevel = method === 'GET' ? 'READ_ONLY' : 'MODIFY';
    if (RANK[granted(route.scope)] < RANK[needed]) {
      return missingScope(dialect);
    }
    return route.handle(store, match.slice(1));
  }
  const pathKnown = ROUTES.some((r) => r.dialect === dialect && r.pattern.test(rest));
  return pathKnown ? apiError(dialect, 405, 'The requested method is not allowed for this resource.') : notFound(dialect);
}
