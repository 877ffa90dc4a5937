import type { FakeScopeLevel, FakeScopeName } from '../fakes/bigcommerce';

/** The five scopes storelink needs, each at the level it needs: a token with these passes the test. */
export const FULL_SCOPES = {
  customers: 'READ_ONLY',
  information: 'READ_ONLY',
  orders: 'MODIFY',
  transactions: 'MODIFY',
  products: 'MODIFY',
} as const satisfies Record<FakeScopeName, FakeScopeLevel>;

/** All but Orders, which is Read-only where storelink needs Modify: the usual MISSING_SCOPES token. */
export const ORDERS_READ_ONLY_SCOPES = { ...FULL_SCOPES, orders: 'READ_ONLY' } as const satisfies Record<FakeScopeName, FakeScopeLevel>;
