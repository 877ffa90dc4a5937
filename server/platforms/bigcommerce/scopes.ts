import { ScopeLevel } from '../../common/connection-outcome';
import type { ProbeId } from './probes';

/**
 * The OAuth scopes storelink needs on a Store API account, as the merchant guide lists them.
 * Each names the probes that reveal it; no BigCommerce endpoint reports a token's scopes,
 * so what a token may do is learnt only from which calls get past the scope check.
 */
export interface RequiredScope {
  /** Control-panel name, as merchants see it when creating the API account. */
  name: string;
  required: ScopeLevel;
  /** API name of the required level. */
  apiName: string;
  readProbe: ProbeId;
  /** A write probe that cannot change anything (it sends `{}`); absent where none is known. */
  writeProbe?: ProbeId;
}

export const REQUIRED_SCOPES: readonly RequiredScope[] = [
  {
    name: 'Customers',
    required: ScopeLevel.READ_ONLY,
    apiName: 'store_v2_customers_read_only',
    readProbe: 'customers',
    // Only to spot a token broader than needed (least privilege); never needed for success.
    writeProbe: 'customersWrite',
  },
  {
    name: 'Information & Settings',
    required: ScopeLevel.READ_ONLY,
    apiName: 'store_v2_information_read_only',
    readProbe: 'store',
    // No write to settings is known that leaves the store unchanged, so Modify goes unseen.
  },
  { name: 'Orders', required: ScopeLevel.MODIFY, apiName: 'store_v2_orders', readProbe: 'ordersRead', writeProbe: 'ordersWrite' },
  {
    name: 'Order Transactions',
    required: ScopeLevel.MODIFY,
    apiName: 'store_v2_transactions',
    readProbe: 'transactions',
    // Every transaction write is a real payment operation: Modify cannot be probed safely.
  },
  { name: 'Products', required: ScopeLevel.MODIFY, apiName: 'store_v2_products', readProbe: 'productsRead', writeProbe: 'productsWrite' },
];

const LEVEL_RANK: Record<ScopeLevel, number> = { [ScopeLevel.NONE]: 0, [ScopeLevel.READ_ONLY]: 1, [ScopeLevel.MODIFY]: 2 };

export function compareLevels(a: ScopeLevel, b: ScopeLevel): number {
  return LEVEL_RANK[a] - LEVEL_RANK[b];
}

/** The labels of the control panel's scope drop-downs. */
export function levelLabel(level: ScopeLevel): string {
  return { [ScopeLevel.NONE]: 'None', [ScopeLevel.READ_ONLY]: 'Read-only', [ScopeLevel.MODIFY]: 'Modify' }[level];
}
