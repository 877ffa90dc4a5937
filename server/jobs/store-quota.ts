/**
 * Rate limits: a platform gives each store one quota shared by every app the merchant runs
 * (BigCommerce: 150 requests / 30 s on Standard and Plus; Shopify: a bucket of 40 refilling at
 * 2/s, 60 per 30 s). Two tests that spend one quota (the connector's quotaKey: the same store
 * hash, legacy host, shop) start at least storeSpacingMs(requests per test) apart, so bulk
 * tests spend at most STORE_REQUEST_BUDGET_PER_30S of any store's quota every 30 s: under a
 * third of BigCommerce's smallest plan, under the Shopify bucket's refill.
 */
export const STORE_REQUEST_BUDGET_PER_30S = 48;

/** The spacing that keeps tests of at most `requestsPerTest` requests each (the connector's REQUEST_BUDGET) within the budget. */
export function storeSpacingMs(requestsPerTest: number): number {
  return (30_000 * requestsPerTest) / STORE_REQUEST_BUDGET_PER_30S;
}
