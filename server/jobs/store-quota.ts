import { ApiVersion } from '../common/api-version';
import type { EcommerceStore } from '../stores/ecommerce-store.entity';

/**
 * Rate limits: BigCommerce gives each store one quota (150 requests / 30 s on Standard and
 * Plus plans) shared by every app the merchant runs. Two tests of the same store (two jobs, or
 * two stores saved with the same store hash) start at least storeSpacingMs(requests per test)
 * apart, so bulk tests spend at most STORE_REQUEST_BUDGET_PER_30S of any store's quota every
 * 30 s: under a third of the smallest plan's.
 */
export const STORE_REQUEST_BUDGET_PER_30S = 48;

/** The spacing that keeps tests of at most `requestsPerTest` requests each (the connector's REQUEST_BUDGET) within the budget. */
export function storeSpacingMs(requestsPerTest: number): number {
  return (30_000 * requestsPerTest) / STORE_REQUEST_BUDGET_PER_30S;
}

/** Whose API quota a test of this store spends; null when the test sends nothing (no credentials saved). */
export function rateKeyOf(store: Pick<EcommerceStore, 'apiVersion' | 'storeHash' | 'apiUrl'>): string | null {
  if (store.apiVersion === ApiVersion.STORE_API_OAUTH && store.storeHash) return `bc:${store.storeHash.toLowerCase()}`;
  if (store.apiVersion === ApiVersion.LEGACY && store.apiUrl) {
    try {
      return `legacy:${new URL(store.apiUrl).host.toLowerCase()}`;
    } catch {
      return `legacy:${store.apiUrl.toLowerCase()}`;
    }
  }
  return null;
}
