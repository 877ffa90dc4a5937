import type { ComponentType } from 'react';
import type { EcommerceStore, Platform } from '../types';
import { MigrationGuide } from './MigrationGuide';
import { ShopifyMigrationGuide } from './shopify/ShopifyMigrationGuide';
import { WooCommerceGuide } from './woocommerce/WooCommerceGuide';

/** Each platform's guide away from its deprecated way in (BigCommerce: Legacy API accounts). */
const MIGRATION_GUIDES: Partial<Record<Platform, ComponentType>> = {
  BIGCOMMERCE: MigrationGuide,
  SHOPIFY: ShopifyMigrationGuide,
};

/** Each platform's guide to making the credentials storelink needs; a platform without one shows none. */
const SETUP_GUIDES: Partial<Record<Platform, ComponentType>> = {
  WOOCOMMERCE: WooCommerceGuide,
};

/** The guide a store page shows beside its fields: how to migrate off a deprecated way in, else how to set the platform up. */
export function guideFor(store: EcommerceStore): ComponentType | null {
  const migration = store.needsMigration ? MIGRATION_GUIDES[store.platform] : undefined;
  return migration ?? SETUP_GUIDES[store.platform] ?? null;
}
