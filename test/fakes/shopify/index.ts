import { listening } from '../shared/fake-http-server';
import { FakeShopify } from './fake-shopify';

/**
 * A fake Shopify Admin API on 127.0.0.1 that behaves as /work/shared/shopify-api.md says:
 * each shop under /{shop} (SHOPIFY_API_URL = fake.apiUrlTemplate), X-Shopify-Access-Token
 * checked (401 with Shopify's JSON otherwise), shop.json and oauth/access_scopes.json, the
 * client-credentials grant issuing 24-hour tokens (401 invalid_client for a wrong secret),
 * an HTML 404 page (or a redirect) for an unknown shop, 402 for a frozen shop, a leaky
 * bucket with X-Shopify-Shop-Api-Call-Limit and 429 with Retry-After, and X-Shopify-API-Version
 * naming the oldest supported version when an unsupported one is asked for.
 *
 * ```ts
 * const fake = await startFakeShopify();
 * fake.addShop({ shop: 'acme', name: 'Acme' });
 * fake.addAdminToken({ shop: 'acme', token: 'shpat_…', scopes: ['write_orders', 'read_products'] });
 * fake.addApp({ shop: 'acme', clientId: '…', clientSecret: '…', scopes: [...] });
 * fake.setBehaviour({ faults: [{ path: '/admin/oauth/access_scopes.json', type: 'rate-limit', retryAfterSeconds: 1, times: 1 }] });
 * fake.requests; fake.grants; fake.reset(); await fake.stop();
 * ```
 */
export async function startFakeShopify(options: { port?: number } = {}): Promise<FakeShopify> {
  return listening(new FakeShopify(), options.port);
}

export { FakeShopify };
export type * from './types';
