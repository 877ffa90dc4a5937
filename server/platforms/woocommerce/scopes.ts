import { ScopeLevel } from '../../common/connection-outcome';
import type { ProbeId } from './probes';

/**
 * What storelink needs from a WooCommerce key, as rows of the ScopeCheck table (DESIGN.md):
 * the key's permission must be Read/Write, and its user must be able to list orders, products
 * and customers and change orders. `apiName` gives the key permission and the WordPress
 * capability behind each row, the words a WordPress admin can look up.
 */
export interface RequiredAccess {
  name: 'Orders' | 'Products' | 'Customers';
  required: ScopeLevel;
  apiName: string;
  readProbe: ProbeId;
  writeProbe?: ProbeId;
  /** What the row's list route calls the records, for messages. */
  records: string;
}

export const WOOCOMMERCE_REQUIRED_SCOPES: readonly RequiredAccess[] = [
  { name: 'Orders', required: ScopeLevel.MODIFY, apiName: 'read_write: edit_shop_orders', readProbe: 'orders', writeProbe: 'ordersWrite', records: 'orders' },
  { name: 'Products', required: ScopeLevel.READ_ONLY, apiName: 'read: read_private_products', readProbe: 'products', records: 'products' },
  { name: 'Customers', required: ScopeLevel.READ_ONLY, apiName: 'read: list_users', readProbe: 'customers', records: 'customers' },
];
