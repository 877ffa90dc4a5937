import type { FakeFault as BigCommerceFault, FakeFaultMatch } from '../bigcommerce/types';

/** Public configuration and log types of the fake Shopify Admin API. */

export interface FakeShopOptions {
  /** The permanent subdomain: "acme" for acme.myshopify.com. */
  shop: string;
  name?: string;
  /** The primary (custom) domain; default "{shop}.example". */
  domain?: string;
  /** A frozen shop (unpaid bill, paused) answers 402 Payment Required to every Admin API call. */
  frozen?: boolean;
  /** Leaky bucket: default 40 requests, refilling 2 per second (REST Admin API, non-Plus). */
  bucket?: { size: number; leakPerSecond: number };
}

export interface FakeAdminTokenOptions {
  shop: string;
  /** X-Shopify-Access-Token value, e.g. "shpat_" + 32 hex. */
  token: string;
  /** Granted scope handles, e.g. ["write_orders", "read_products"]. */
  scopes: string[];
}

export interface FakeAppOptions {
  shop: string;
  clientId: string;
  clientSecret: string;
  scopes: string[];
  /** Lifetime of issued tokens; default 86399 s, as Shopify answers. */
  expiresInSeconds?: number;
}

export type FakeShopifyFault =
  | Exclude<BigCommerceFault, { type: 'rate-limit' }>
  /** 429 with Retry-After (seconds), as the REST Admin API answers past the bucket. */
  | (FakeFaultMatch & { type: 'rate-limit'; retryAfterSeconds: number });

export interface FakeShopifyBehaviour {
  latencyMs?: number;
  faults?: FakeShopifyFault[];
  /** The Admin API versions the fake supports, oldest first; default ["2025-04", "2025-07", "2025-10", "2026-01"]. */
  supportedVersions?: string[];
  /** How the myshopify.com host answers for a shop that does not exist; default a 404 page. */
  unknownShop?: 'not-found' | 'redirect';
}

export interface FakeShopifyRequest {
  method: string;
  /** Path with query, as received, without the /{shop} prefix. */
  path: string;
  shop: string | null;
  /** Lowercased names; X-Shopify-Access-Token redacted. */
  headers: Record<string, string>;
  /** The body with client_secret redacted. */
  body: string;
  status: number | null;
  receivedAt: number;
  respondedAt: number | null;
}
