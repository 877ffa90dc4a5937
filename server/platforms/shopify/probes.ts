/**
 * The calls a Shopify connection test makes: two reads that change nothing (the shop, and the
 * token's exact scopes), sent at once, and for client credentials the token grant before them
 * when no issued token can be reused.
 */
export type ShopifyProbeId = 'grant' | 'shop' | 'scopes';

export interface ShopifyProbe {
  id: ShopifyProbeId;
  method: 'GET' | 'POST';
  /** Relative to the shop's root (SHOPIFY_API_URL with {shop} filled in). */
  path: string;
  essential: true;
}

export const shopProbe = (apiVersion: string): ShopifyProbe => ({ id: 'shop', method: 'GET', path: `admin/api/${apiVersion}/shop.json`, essential: true });
/** No API version in this path: Shopify serves it outside the versioned API. */
export const SCOPES_PROBE: ShopifyProbe = { id: 'scopes', method: 'GET', path: 'admin/oauth/access_scopes.json', essential: true };
export const GRANT_PROBE: ShopifyProbe = { id: 'grant', method: 'POST', path: 'admin/oauth/access_token', essential: true };

/** At most: a grant, the two reads, a renewed grant after a 401 and the reads again, plus retries. */
export const SHOPIFY_REQUEST_BUDGET = 8;

export function probeLabel(probe: ShopifyProbe): string {
  return `${probe.method} ${probe.path}`;
}
