import { listening } from '../shared/fake-http-server';
import { FakeWooCommerce } from './fake-woocommerce';

/**
 * A fake WooCommerce on 127.0.0.1 that behaves as /work/shared/woocommerce-api.md says:
 * WordPress sites at the root or in a subfolder, REST API keys with a permission (read,
 * write, read_write) and a user whose capabilities each route checks; Basic auth (as over
 * HTTPS); an unknown key runs anonymously (401 woocommerce_rest_cannot_view), a wrong secret
 * is "Consumer secret is invalid.", a key without the permission is refused before any route
 * runs; WooCommerce off answers rest_no_route, a non-WordPress site HTML; plain permalinks
 * serve only ?rest_route=. It records every change to a site's data (`writes`) and every
 * write request that could change a real shop (`unsafeWrites`).
 *
 * ```ts
 * const fake = await startFakeWooCommerce();
 * fake.addSite({ path: '/shop', name: 'Acme' });          // permalinks: 'plain', woocommerce: false, wordpress: false
 * fake.addKey({ site: '/shop', consumerKey: 'ck_…', consumerSecret: 'cs_…', permission: 'read_write', user: { login: 'manager', role: 'shop_manager' } });
 * fake.siteUrl('/shop');   // http://127.0.0.1:PORT/shop
 * fake.setBehaviour({ faults: [{ path: /orders/, type: 'status', status: 429, headers: { 'Retry-After': '2' } }] });
 * fake.writes; fake.unsafeWrites; fake.requests;
 * ```
 * Storelink must run with OUTBOUND_ALLOW_PRIVATE=true to reach it.
 */
export async function startFakeWooCommerce(options: { port?: number } = {}): Promise<FakeWooCommerce> {
  return listening(new FakeWooCommerce(), options.port);
}

export { FakeWooCommerce };
export { ROLE_CAPABILITIES } from './capabilities';
export type * from './types';
