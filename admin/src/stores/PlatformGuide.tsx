import type { EcommerceStore, Platform } from '../types';
import { BIGCOMMERCE_MIGRATION_GUIDE } from './bigcommerce/guide';
import type { Guide } from './GuideCard';
import { SHOPIFY_MIGRATION_GUIDE, SHOPIFY_SETUP_GUIDE } from './shopify/guides';
import { WOOCOMMERCE_GUIDE } from './woocommerce/guide';

/** Each platform's guide away from its deprecated way in (BigCommerce: Legacy API accounts; Shopify: admin-created custom apps). */
const MIGRATION_GUIDES: Partial<Record<Platform, Guide>> = {
  BIGCOMMERCE: BIGCOMMERCE_MIGRATION_GUIDE,
  SHOPIFY: SHOPIFY_MIGRATION_GUIDE,
};

/** Each platform's guide to making the credentials storelink needs; a platform without one shows none. */
const SETUP_GUIDES: Partial<Record<Platform, Guide>> = {
  SHOPIFY: SHOPIFY_SETUP_GUIDE,
  WOOCOMMERCE: WOOCOMMERCE_GUIDE,
};

/** The guide a store page shows beside its fields: how to migrate off a deprecated way in, else how to set the platform up. */
export function guideFor(store: EcommerceStore): Guide | null {
  const migration = store.needsMigration ? MIGRATION_GUIDES[store.platform] : undefined;
  return migration ?? SETUP_GUIDES[store.platform] ?? null;
}
