import type { FakeRole } from './types';

/** The WordPress capabilities the WooCommerce REST routes check, by role (WooCommerce's own role setup). */
const SHOP_MANAGER = [
  'read',
  'manage_woocommerce',
  'read_private_shop_orders',
  'edit_shop_orders',
  'edit_others_shop_orders',
  'publish_shop_orders',
  'delete_shop_orders',
  'read_private_products',
  'edit_products',
  'edit_others_products',
  'publish_products',
  'delete_products',
  'list_users',
  'create_users',
  'edit_users',
];

export const ROLE_CAPABILITIES: Record<FakeRole, readonly string[]> = {
  administrator: [...SHOP_MANAGER, 'manage_options', 'delete_users'],
  shop_manager: SHOP_MANAGER,
  customer: ['read'],
};

/** What each resource's routes need, as WooCommerce's permission callbacks ask WordPress. */
export interface ResourceRules {
  /** Error code part of "Invalid ID": woocommerce_rest_{part}_invalid_id. */
  invalidIdCode: string;
  list: string;
  create: string;
  read: string;
  edit: string;
  delete: string;
  batch: string;
}

export const RESOURCES: Record<string, ResourceRules> = {
  orders: {
    invalidIdCode: 'woocommerce_rest_shop_order_invalid_id',
    list: 'read_private_shop_orders',
    create: 'publish_shop_orders',
    read: 'read_private_shop_orders',
    edit: 'edit_shop_orders',
    delete: 'delete_shop_orders',
    batch: 'edit_others_shop_orders',
  },
  products: {
    invalidIdCode: 'woocommerce_rest_product_invalid_id',
    list: 'read_private_products',
    create: 'publish_products',
    read: 'read_private_products',
    edit: 'edit_products',
    delete: 'delete_products',
    batch: 'edit_others_products',
  },
  customers: {
    invalidIdCode: 'woocommerce_rest_invalid_id',
    list: 'list_users',
    create: 'create_users',
    read: 'list_users',
    edit: 'edit_users',
    delete: 'delete_users',
    batch: 'edit_users',
  },
};
