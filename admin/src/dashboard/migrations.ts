import type { Platform } from '../types';

/** What a platform's migration is, in its own words (the guide on the store page uses the same names). */
export interface PlatformMigration {
  /** The deprecated way in, as the merchant knows it. */
  from: string;
  /** Where to move, as the merchant will find it. */
  to: string;
  /** Why, in one sentence. */
  why: string;
  /** The title of the guide on a store page of this platform. */
  guide: string;
  /** The "still on" card's title. */
  stillOn: string;
}

/** Only BigCommerce and Shopify have a deprecated way in; WooCommerce's REST API keys are current. */
export const MIGRATIONS: Record<Platform, PlatformMigration | null> = {
  BIGCOMMERCE: {
    from: 'Legacy API account',
    to: 'Store API account',
    why: 'BigCommerce deprecated Legacy API accounts in July 2018.',
    guide: 'Migrate to a Store API account',
    stillOn: 'Still on a Legacy API account',
  },
  SHOPIFY: {
    from: 'custom app made in the store admin',
    to: 'Dev Dashboard app (client credentials)',
    why: 'Since 1 January 2026 Shopify no longer lets anyone make custom apps in the store admin; the existing ones keep working until you move.',
    guide: 'Migrate to a Dev Dashboard app',
    stillOn: 'Still on a custom app made in the Shopify admin',
  },
  WOOCOMMERCE: null,
};

export const NOTHING_TO_MIGRATE = 'WooCommerce stores have nothing to migrate: their REST API keys are the current way in.';
