import { listening } from '../shared/fake-http-server';
import { FakeBigCommerce } from './fake-bigcommerce';

/**
 * A fake BigCommerce API on 127.0.0.1 that behaves as /work/shared/bigcommerce-api.md says:
 * X-Auth-Token checked per store (401 otherwise), scopes enforced (403 with BigCommerce's
 * body; read-only allows GET only), an HTML 404 for unknown store hashes, v2 and v3 error
 * shapes, a per-store quota with X-Rate-Limit-* headers on every response and 429 when used
 * up, and Basic-auth legacy accounts. Write probes with `{}` are refused with 400/422 and
 * nothing is ever created.
 *
 * ```ts
 * const fake = await startFakeBigCommerce();          // or { port: 4010 }
 * fake.addStore({ hash: 'abc123', name: 'Acme', domain: 'acme.example' });
 * fake.addToken({ hash: 'abc123', token: 'tok…', scopes: { customers: 'READ_ONLY', information: 'READ_ONLY',
 *   orders: 'MODIFY', transactions: 'MODIFY', products: 'MODIFY' } }); // unlisted scopes are NONE
 * fake.addLegacyUser({ hash: 'abc123', username: 'admin', apiToken: 'legacy…' });
 * // BIGCOMMERCE_API_URL = fake.url; legacy "API URL" = fake.legacyApiUrl (http://127.0.0.1:PORT/api/v2/)
 * fake.setBehaviour({ latencyMs: 300, faults: [{ path: '/v2/store', times: 1, type: 'status', status: 500 }] });
 * fake.requests;      // every request: method, path, headers (secrets redacted), body, receivedAt, respondedAt…
 * fake.unsafeWrites;  // writes that could have changed a store (must stay empty)
 * fake.reset();       // behaviour, logs and quotas back to normal; stores and tokens stay
 * await fake.stop();
 * ```
 * Storelink must run with OUTBOUND_ALLOW_PRIVATE=true to reach it.
 */
export async function startFakeBigCommerce(options: { port?: number } = {}): Promise<FakeBigCommerce> {
  return listening(new FakeBigCommerce(), options.port);
}

export { FakeBigCommerce };
export type * from './types';
