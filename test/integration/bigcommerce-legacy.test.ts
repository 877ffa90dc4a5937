import { ConnectionStatus } from '../../server/common/connection-outcome';
import type { LegacyCredentials } from '../../server/platforms/bigcommerce';
import { ApiVersion } from '../../server/common/api-version';
import { makeConnector, newStoreHash, randomToken, runChecked, useConnectorFake } from './bigcommerce-harness';

/** Legacy API accounts (HTTP Basic against the store's domain), against the fake's legacy API. */

const fake = useConnectorFake();

function legacyStore(): { credentials: LegacyCredentials; hash: string } {
  const hash = newStoreHash();
  const username = `admin-${hash}`;
  const apiToken = randomToken(40);
  fake.addStore({ hash, name: 'Old Faithful Store', domain: 'old-faithful.example' });
  fake.addLegacyUser({ hash, username, apiToken });
  return { hash, credentials: { apiVersion: ApiVersion.LEGACY, apiUrl: fake.legacyApiUrl, username, apiToken } };
}

describe('a working Legacy API account', () => {
  it('is OK with one request, and warns that it is deprecated and how to migrate', async () => {
    const { credentials, hash } = legacyStore();
    const { outcome, requests } = await runChecked(makeConnector(fake), fake, credentials);

    expect(outcome).toMatchObject({
      success: true,
      status: ConnectionStatus.OK,
      apiVersion: ApiVersion.LEGACY,
      storeName: 'Old Faithful Store',
      storeDomain: 'old-faithful.example',
      // Legacy accounts are unscoped: nothing was checked, so nothing is claimed.
      scopes: [],
    });
    expect(outcome.message).toMatch(/Legacy API account/);
    expect(outcome.message).toMatch(/deprecated/);

    const [deprecation, unscoped] = outcome.warnings;
    expect(deprecation).toMatch(/deprecated .*since July 2018/);
    expect(deprecation).toContain('"V2/V3 API token"');
    expect(deprecation).toContain('"Store API Account (OAuth)"');
    expect(deprecation).toMatch(/"API Version"/);
    for (const scope of ['Customers Read-only', 'Information & Settings Read-only', 'Orders Modify', 'Order Transactions Modify', 'Products Modify']) {
      expect(deprecation).toContain(scope);
    }
    expect(unscoped).toMatch(/full access/);

    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ method: 'GET', path: '/api/v2/store', storeHash: hash, authenticated: true, status: 200 });
    expect(requests[0].headers.authorization).toBe('[redacted]');
    expect(requests[0].headers['x-auth-token']).toBeUndefined();
  });

  it('retries after a 500 and succeeds', async () => {
    const { credentials } = legacyStore();
    fake.setBehaviour({ faults: [{ path: '/api/v2/store', times: 1, type: 'status', status: 502 }] });
    const { outcome, requests } = await runChecked(makeConnector(fake), fake, credentials);
    expect(outcome.status).toBe(ConnectionStatus.OK);
    expect(requests.map((r) => r.status)).toEqual([502, 200]);
  });
});

describe('a Legacy API account that does not work', () => {
  it('a wrong API token → INVALID_CREDENTIALS naming the username and API token', async () => {
    const { credentials } = legacyStore();
    const { outcome } = await runChecked(makeConnector(fake), fake, { ...credentials, apiToken: randomToken(40) });
    expect(outcome).toMatchObject({ success: false, status: ConnectionStatus.INVALID_CREDENTIALS, warnings: [] });
    expect(outcome.message).toMatch(/username and API token/);
  });

  it('an unknown username → INVALID_CREDENTIALS', async () => {
    const { credentials } = legacyStore();
    const { outcome } = await runChecked(makeConnector(fake), fake, { ...credentials, username: 'nobody' });
    expect(outcome.status).toBe(ConnectionStatus.INVALID_CREDENTIALS);
  });

  it('no store API at the API URL (HTML 404) → STORE_NOT_FOUND naming the API URL', async () => {
    const { credentials } = legacyStore();
    fake.setBehaviour({ faults: [{ path: '/api/v2/store', type: 'status', status: 404, contentType: 'text/html', body: '<h1>Not Found</h1>' }] });
    const { outcome } = await runChecked(makeConnector(fake), fake, credentials);
    expect(outcome.status).toBe(ConnectionStatus.STORE_NOT_FOUND);
    expect(outcome.message).toContain(`API URL ${fake.legacyApiUrl}`);
  });

  it('a store that never answers → TIMEOUT naming the host', async () => {
    const { credentials } = legacyStore();
    fake.setBehaviour({ faults: [{ path: '/api/v2/store', type: 'hang' }] });
    const { outcome } = await runChecked(makeConnector(fake, { timeoutMs: 1000 }), fake, credentials);
    expect(outcome.status).toBe(ConnectionStatus.TIMEOUT);
    expect(outcome.message).toContain(new URL(fake.url).host);
    expect(outcome.durationMs).toBeLessThan(2000);
  });

  it('a redirect is not followed', async () => {
    const { credentials } = legacyStore();
    fake.setBehaviour({ faults: [{ path: '/api/v2/store', type: 'redirect', status: 301, location: 'https://www.old-faithful.example/api/v2/store' }] });
    const { outcome } = await runChecked(makeConnector(fake), fake, credentials);
    expect(outcome.status).toBe(ConnectionStatus.UPSTREAM_ERROR);
    expect(outcome.message).toMatch(/The API URL redirects to https:\/\/www\.old-faithful\.example, which storelink does not follow/);
  });

  it('a 429 beyond the deadline → RATE_LIMITED', async () => {
    const { credentials } = legacyStore();
    fake.setBehaviour({ faults: [{ path: '/api/v2/store', type: 'rate-limit', resetMs: 20_000 }] });
    const { outcome } = await runChecked(makeConnector(fake, { timeoutMs: 2000 }), fake, credentials);
    expect(outcome.status).toBe(ConnectionStatus.RATE_LIMITED);
    expect(outcome.message).toMatch(/20 seconds/);
  });

  it.each([
    ['an API URL that points at a resource', { apiUrl: 'https://store-abc123.mybigcommerce.com/api/v2/orders' }, ConnectionStatus.STORE_NOT_FOUND, /API root/],
    ['a username with a colon', { username: 'ad:min' }, ConnectionStatus.INVALID_CREDENTIALS, /username or API token/],
    ['an empty API token', { apiToken: '' }, ConnectionStatus.INVALID_CREDENTIALS, /username or API token/],
  ])('%s is refused without any request', async (_title, change, status, message) => {
    const { credentials } = legacyStore();
    const before = fake.requests.length;
    const outcome = await makeConnector(fake).testConnection({ ...credentials, ...change });
    expect(outcome.status).toBe(status);
    expect(outcome.message).toMatch(message);
    expect(fake.requests.length).toBe(before);
  });
});
