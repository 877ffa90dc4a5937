import { ConnectionStatus } from '../../server/common/connection-outcome';
import type { FakeRequest } from '../fakes/bigcommerce';
import { FULL_SCOPES, addScopedStore, apiPath, makeConnector, runChecked, useConnectorFake } from './bigcommerce-harness';

/** How the Store API test copes with a misbehaving BigCommerce: retries, limits, deadlines, odd bodies. */

const fake = useConnectorFake();

const to = (requests: FakeRequest[], method: string, path: string) => requests.filter((r) => r.method === method && apiPath(r) === path);

describe('server errors and broken connections', () => {
  it('retries a GET after a 500, with a backoff, and succeeds', async () => {
    const { credentials } = addScopedStore(fake);
    fake.setBehaviour({ faults: [{ path: '/v2/store', times: 1, type: 'status', status: 500, body: '{"status":500}' }] });
    const { outcome, requests } = await runChecked(makeConnector(fake), fake, credentials);

    expect(outcome.status).toBe(ConnectionStatus.OK);
    expect(outcome.storeName).toBe('Acme Outdoor');
    const storeCalls = to(requests, 'GET', '/v2/store');
    expect(storeCalls.map((r) => r.status)).toEqual([500, 200]);
    expect(storeCalls[1].receivedAt - (storeCalls[0].respondedAt ?? Infinity)).toBeGreaterThanOrEqual(150);
    expect(requests).toHaveLength(7);
  });

  it('gives up with UPSTREAM_ERROR when a GET keeps failing, within the request budget', async () => {
    const { credentials } = addScopedStore(fake);
    fake.setBehaviour({ faults: [{ path: '/v3/customers', method: 'GET', type: 'status', status: 503 }] });
    const { outcome, requests } = await runChecked(makeConnector(fake), fake, credentials);

    expect(outcome.status).toBe(ConnectionStatus.UPSTREAM_ERROR);
    expect(outcome.message).toMatch(/BigCommerce had an internal error \(status 503\)/);
    expect(outcome.message).toMatch(/try again/);
    expect(to(requests, 'GET', '/v3/customers').length).toBeGreaterThan(1);
    expect(requests).toHaveLength(8);
    // What could be checked is still reported; what could not is marked as such.
    const customers = outcome.scopes.find((s) => s.scope === 'Customers');
    expect(customers).toMatchObject({ granted: null, verified: false, ok: false });
  });

  it('never repeats a write probe after a 500', async () => {
    const { credentials } = addScopedStore(fake);
    fake.setBehaviour({ faults: [{ path: '/v2/orders/0', method: 'PUT', type: 'status', status: 500 }] });
    const { outcome, requests } = await runChecked(makeConnector(fake), fake, credentials);

    expect(to(requests, 'PUT', '/v2/orders/0')).toHaveLength(1);
    expect(outcome.status).toBe(ConnectionStatus.UPSTREAM_ERROR);
  });

  it('retries a GET whose connection was reset, and succeeds', async () => {
    const { credentials } = addScopedStore(fake);
    fake.setBehaviour({ faults: [{ path: '/v3/orders/0/transactions', times: 1, type: 'reset' }] });
    const { outcome, requests } = await runChecked(makeConnector(fake), fake, credentials);

    expect(outcome.status).toBe(ConnectionStatus.OK);
    expect(to(requests, 'GET', '/v3/orders/0/transactions')).toHaveLength(2);
  });

  it('reports NETWORK_ERROR when every connection is reset', async () => {
    const { credentials } = addScopedStore(fake);
    fake.setBehaviour({ faults: [{ type: 'reset' }] });
    const { outcome } = await runChecked(makeConnector(fake), fake, credentials);

    expect(outcome.status).toBe(ConnectionStatus.NETWORK_ERROR);
    expect(outcome.success).toBe(false);
    expect(outcome.message).toMatch(/could not connect to BigCommerce/);
  });
});

describe('rate limits', () => {
  it('waits for X-Rate-Limit-Time-Reset-Ms after a 429 and succeeds within the deadline', async () => {
    const { credentials } = addScopedStore(fake);
    fake.setBehaviour({ faults: [{ path: '/v2/store', times: 1, type: 'rate-limit', resetMs: 400 }] });
    const { outcome, requests } = await runChecked(makeConnector(fake, { timeoutMs: 5000 }), fake, credentials);

    expect(outcome.status).toBe(ConnectionStatus.OK);
    const storeCalls = to(requests, 'GET', '/v2/store');
    expect(storeCalls.map((r) => r.status)).toEqual([429, 200]);
    // The exact reset plus a little jitter: not the coarser X-Retry-After (1 s), nor a blind backoff.
    const gap = storeCalls[1].receivedAt - (storeCalls[0].respondedAt ?? Infinity);
    expect(gap).toBeGreaterThanOrEqual(400);
    expect(gap).toBeLessThan(850);
  });

  it("retries what the store's real quota refused once the window resets", async () => {
    // Quota of 4 per 700 ms: two of the six first probes are refused with the real reset time.
    const { credentials } = addScopedStore(fake, FULL_SCOPES, { rateLimit: { quota: 4, windowMs: 700 } });
    const { outcome, requests } = await runChecked(makeConnector(fake, { timeoutMs: 5000 }), fake, credentials);

    expect(requests.filter((r) => r.status === 429)).toHaveLength(2);
    expect(outcome.status).toBe(ConnectionStatus.OK);
  });

  it('answers RATE_LIMITED at once, without waiting, when the reset is beyond the deadline', async () => {
    const { credentials } = addScopedStore(fake);
    fake.setBehaviour({ faults: [{ path: '/v2/store', type: 'rate-limit', resetMs: 60_000 }] });
    const { outcome, requests } = await runChecked(makeConnector(fake, { timeoutMs: 3000 }), fake, credentials);

    expect(outcome.status).toBe(ConnectionStatus.RATE_LIMITED);
    expect(outcome.message).toMatch(/shares/);
    expect(outcome.message).toMatch(/try again in about 60 seconds/);
    expect(to(requests, 'GET', '/v2/store')).toHaveLength(1);
    expect(outcome.durationMs).toBeLessThan(3000);
  });

  it('does not spend more quota when the whole round was refused (quota used up by other apps)', async () => {
    const { credentials } = addScopedStore(fake);
    fake.setBehaviour({ faults: [{ type: 'rate-limit', resetMs: 300 }] });
    const { outcome, requests } = await runChecked(makeConnector(fake), fake, credentials);

    expect(outcome.status).toBe(ConnectionStatus.RATE_LIMITED);
    expect(outcome.message).toMatch(/try again in about 1 second\b/);
    // Retrying five refused probes would pass the budget of 8: better to stop than to spend it.
    expect(requests).toHaveLength(6);
  });

  it('reads the rate-limit headers whatever their case', async () => {
    const { credentials } = addScopedStore(fake);
    fake.setBehaviour({
      faults: [{ path: '/v2/store', times: 1, type: 'status', status: 429, body: '{}', headers: { 'x-RATE-limit-TIME-reset-MS': '350' } }],
    });
    const { outcome, requests } = await runChecked(makeConnector(fake), fake, credentials);

    expect(outcome.status).toBe(ConnectionStatus.OK);
    const storeCalls = to(requests, 'GET', '/v2/store');
    const gap = storeCalls[1].receivedAt - (storeCalls[0].respondedAt ?? Infinity);
    expect(gap).toBeGreaterThanOrEqual(350);
    expect(gap).toBeLessThan(800);
  });

  it('falls back to X-Retry-After seconds', async () => {
    const { credentials } = addScopedStore(fake);
    fake.setBehaviour({ faults: [{ path: '/v2/store', times: 1, type: 'status', status: 429, body: '{}', headers: { 'X-Retry-After': '1' } }] });
    const { outcome, requests } = await runChecked(makeConnector(fake), fake, credentials);

    expect(outcome.status).toBe(ConnectionStatus.OK);
    const storeCalls = to(requests, 'GET', '/v2/store');
    expect(storeCalls[1].receivedAt - (storeCalls[0].respondedAt ?? Infinity)).toBeGreaterThanOrEqual(1000);
  });

  it('a 429 without rate-limit headers means platform load', async () => {
    const { credentials } = addScopedStore(fake);
    fake.setBehaviour({ faults: [{ type: 'rate-limit', resetMs: 0, headers: false }] });
    const { outcome } = await runChecked(makeConnector(fake), fake, credentials);
    expect(outcome.status).toBe(ConnectionStatus.RATE_LIMITED);
    expect(outcome.message).toMatch(/high load/);
  });
});

describe('deadlines', () => {
  it('a store that never answers → TIMEOUT within timeoutMs + 1 s', async () => {
    const { credentials } = addScopedStore(fake);
    fake.setBehaviour({ faults: [{ path: '/v2/store', type: 'hang' }] });
    const started = Date.now();
    const { outcome } = await runChecked(makeConnector(fake, { timeoutMs: 1500 }), fake, credentials);
    const elapsed = Date.now() - started;

    expect(outcome.status).toBe(ConnectionStatus.TIMEOUT);
    expect(outcome.message).toMatch(/did not answer within 1.5 seconds/);
    expect(elapsed).toBeGreaterThanOrEqual(1400);
    expect(elapsed).toBeLessThan(2500);
    expect(outcome.durationMs).toBeLessThan(2500);
  });

  it('a body trickling in byte by byte → TIMEOUT within timeoutMs + 1 s', async () => {
    const { credentials } = addScopedStore(fake);
    fake.setBehaviour({ faults: [{ path: '/v2/store', type: 'slow-body', bytesPerSecond: 20 }] });
    const started = Date.now();
    const { outcome } = await runChecked(makeConnector(fake, { timeoutMs: 1200 }), fake, credentials);

    expect(outcome.status).toBe(ConnectionStatus.TIMEOUT);
    expect(Date.now() - started).toBeLessThan(2200);
  });

  it('does not wait for a retry that could not finish before the deadline', async () => {
    const { credentials } = addScopedStore(fake);
    // Every answer takes 600 ms: after a 500, a retry would end past the 1 s deadline.
    fake.setBehaviour({ latencyMs: 600, faults: [{ path: '/v2/store', times: 1, type: 'status', status: 500 }] });
    const { outcome, requests } = await runChecked(makeConnector(fake, { timeoutMs: 1000 }), fake, credentials);

    expect(outcome.status).toBe(ConnectionStatus.UPSTREAM_ERROR);
    expect(to(requests, 'GET', '/v2/store')).toHaveLength(1);
  });
});

describe('answers that are not what BigCommerce sends', () => {
  it.each([
    ['an HTML page with 200 on /v2/store', { path: '/v2/store', type: 'html' as const }, /web page/],
    ['an HTML page with 200 on a list probe', { path: '/v3/customers', method: 'GET', type: 'html' as const }, /web page/],
    ['broken JSON on /v2/store', { path: '/v2/store', type: 'broken-json' as const }, /could not read/],
    ['JSON that is not an object on /v2/store', { path: '/v2/store', type: 'status' as const, status: 200, body: '["x"]' }, /could not read/],
    ['a 10 MB body streamed without length', { path: '/v2/store', type: 'large-body' as const, bytes: 10 * 1024 * 1024 }, /far larger/],
    ['a 10 MB body with Content-Length', { path: '/v2/store', type: 'large-body' as const, bytes: 10 * 1024 * 1024, declareLength: true }, /far larger/],
    ['an unexpected status', { path: '/v2/store', type: 'status' as const, status: 418, body: '' }, /BigCommerce answered 418 to GET v2\/store, which storelink did not expect/],
  ])('%s → UPSTREAM_ERROR', async (_title, fault, message) => {
    const { credentials } = addScopedStore(fake);
    fake.setBehaviour({ faults: [fault] });
    const { outcome } = await runChecked(makeConnector(fake), fake, credentials);

    expect(outcome.status).toBe(ConnectionStatus.UPSTREAM_ERROR);
    expect(outcome.success).toBe(false);
    expect(outcome.message).toMatch(message);
  });

  it('does not follow a redirect, and says so', async () => {
    const { credentials } = addScopedStore(fake);
    fake.setBehaviour({ faults: [{ path: '/v2/store', type: 'redirect', location: `${fake.url}/moved/v2/store?x=1` }] });
    const { outcome } = await runChecked(makeConnector(fake), fake, credentials);

    expect(outcome.status).toBe(ConnectionStatus.UPSTREAM_ERROR);
    expect(outcome.message).toMatch(/redirect to http:\/\/127\.0\.0\.1:\d+, which storelink does not follow/);
    // Only the origin is shown, nothing of the target's path or query.
    expect(outcome.message).not.toContain('/moved');
    expect(fake.requests.some((r) => r.path.startsWith('/moved'))).toBe(false);
  });
});
