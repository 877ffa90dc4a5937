import { ConnectionStatus } from '../../server/common/connection-outcome';
import { addKeyedSite, makeConnector, routeOf, row, runChecked, useConnectorFake } from './woocommerce-harness';

/** WooCommerce sites that are not what the key needs, and sites that misbehave: statuses and messages within the deadline. */

const fake = useConnectorFake();

describe('the site', () => {
  it('WordPress with WooCommerce off (rest_no_route): STORE_NOT_FOUND, saying to activate WooCommerce', async () => {
    const { credentials } = addKeyedSite(fake, { site: { woocommerce: false } });
    const { outcome } = await runChecked(makeConnector(), fake, credentials);

    expect(outcome).toMatchObject({ success: false, status: ConnectionStatus.STORE_NOT_FOUND, scopes: [], storeName: null });
    expect(outcome.message).toMatch(/runs WordPress, but its REST API has no WooCommerce routes \(wc\/v3\): check in Plugins that WooCommerce .* is active/);
  });

  it('not WordPress at all (HTML pages): STORE_NOT_FOUND naming the site URL, after one look at ?rest_route=', async () => {
    const { credentials } = addKeyedSite(fake, { site: { wordpress: false } });
    const { outcome, requests } = await runChecked(makeConnector(), fake, credentials);

    expect(outcome).toMatchObject({ success: false, status: ConnectionStatus.STORE_NOT_FOUND, scopes: [] });
    expect(outcome.message).toMatch(/^No WordPress REST API answers at .*: check the site URL/);
    expect(requests.filter((r) => r.path.includes('rest_route='))).toHaveLength(1);
  });

  it('plain permalinks: tested through ?rest_route=, OK, with a warning saying how to fix the permalinks', async () => {
    const { credentials } = addKeyedSite(fake, { site: { permalinks: 'plain' } });
    const { outcome, requests } = await runChecked(makeConnector(), fake, credentials);

    expect(outcome).toMatchObject({ success: true, status: ConnectionStatus.OK });
    expect(outcome.warnings).toEqual([expect.stringMatching(/permalinks are set to "Plain".*Settings > Permalinks/)]);
    const viaRestRoute = requests.filter((r) => r.path.includes('rest_route=')).map((r) => `${r.method} ${routeOf(r)}`);
    expect(viaRestRoute.sort()).toEqual(
      ['GET /wc/v3', 'GET /wc/v3/customers', 'GET /wc/v3/orders', 'GET /wc/v3/products', 'GET /wc/v3/system_status', 'PUT /wc/v3/orders/0'].sort(),
    );
  });

  it('plain permalinks with WooCommerce off: STORE_NOT_FOUND about WooCommerce, not about WordPress', async () => {
    const { credentials } = addKeyedSite(fake, { site: { permalinks: 'plain', woocommerce: false } });
    const { outcome } = await runChecked(makeConnector(), fake, credentials);

    expect(outcome.status).toBe(ConnectionStatus.STORE_NOT_FOUND);
    expect(outcome.message).toMatch(/no WooCommerce routes/);
  });
});

describe('a site that misbehaves', () => {
  it('429 with Retry-After beyond the deadline: RATE_LIMITED, saying how long to wait', async () => {
    const { credentials } = addKeyedSite(fake);
    fake.setBehaviour({ faults: [{ path: /\/wc\/v3\//, type: 'status', status: 429, headers: { 'Retry-After': '30' }, body: '' }] });
    const { outcome } = await runChecked(makeConnector(), fake, credentials);

    expect(outcome).toMatchObject({ success: false, status: ConnectionStatus.RATE_LIMITED });
    expect(outcome.message).toMatch(/429 Too Many Requests.*try again in about 30 seconds/);
    expect(row(outcome.scopes, 'Orders')).toMatchObject({ ok: false, message: expect.stringMatching(/answered 429/) });
  });

  it('one 429 with a short Retry-After: retried within the test, OK', async () => {
    const { credentials } = addKeyedSite(fake);
    fake.setBehaviour({ faults: [{ path: /\/wc\/v3\/orders\?/, times: 1, type: 'status', status: 429, headers: { 'Retry-After': '0' }, body: '' }] });
    const { outcome, requests } = await runChecked(makeConnector(), fake, credentials);

    expect(outcome.status).toBe(ConnectionStatus.OK);
    expect(requests.filter((r) => r.path.includes('/wc/v3/orders?'))).toHaveLength(2);
  });

  it('503 with Retry-After (a host limit or maintenance mode): RATE_LIMITED', async () => {
    const { credentials } = addKeyedSite(fake);
    fake.setBehaviour({
      faults: [{ type: 'status', status: 503, headers: { 'Retry-After': '600' }, contentType: 'text/html', body: '<h1>Briefly unavailable for scheduled maintenance.</h1>' }],
    });
    const { outcome } = await runChecked(makeConnector(), fake, credentials);

    expect(outcome.status).toBe(ConnectionStatus.RATE_LIMITED);
    expect(outcome.message).toMatch(/503 with Retry-After.*about 600 seconds/);
  });

  it('503 without Retry-After: UPSTREAM_ERROR after retries of the reads', async () => {
    const { credentials } = addKeyedSite(fake);
    fake.setBehaviour({ faults: [{ type: 'status', status: 503, body: '' }] });
    const { outcome } = await runChecked(makeConnector(), fake, credentials);

    expect(outcome.status).toBe(ConnectionStatus.UPSTREAM_ERROR);
    expect(outcome.message).toMatch(/internal error \(status 503\)/);
  });

  it('hangs: TIMEOUT at the deadline, never later', async () => {
    const { credentials } = addKeyedSite(fake);
    fake.setBehaviour({ faults: [{ type: 'hang' }] });
    const { outcome } = await runChecked(makeConnector({ timeoutMs: 700 }), fake, credentials);

    expect(outcome.status).toBe(ConnectionStatus.TIMEOUT);
    expect(outcome.message).toMatch(/did not answer within 0.7 seconds/);
  });

  it('a maintenance or challenge page with status 200: UPSTREAM_ERROR saying a web page came back', async () => {
    const { credentials } = addKeyedSite(fake);
    fake.setBehaviour({ faults: [{ method: 'GET', type: 'html' }] });
    const { outcome } = await runChecked(makeConnector(), fake, credentials);

    expect(outcome.status).toBe(ConnectionStatus.UPSTREAM_ERROR);
    expect(outcome.message).toMatch(/web page instead of WooCommerce API data/);
  });

  it("a firewall's 403 page: UPSTREAM_ERROR about what is in front of WooCommerce, not the key", async () => {
    const { credentials } = addKeyedSite(fake);
    fake.setBehaviour({ faults: [{ type: 'status', status: 403, contentType: 'text/html', body: '<html>Access denied</html>' }] });
    const { outcome } = await runChecked(makeConnector(), fake, credentials);

    expect(outcome.status).toBe(ConnectionStatus.UPSTREAM_ERROR);
    expect(outcome.message).toMatch(/security plugin or the host's firewall/);
  });

  it('a redirect (e.g. to www.): not followed, UPSTREAM_ERROR naming where it leads', async () => {
    const { credentials } = addKeyedSite(fake);
    fake.setBehaviour({ faults: [{ type: 'redirect', location: 'https://www.acme.example/wp-json/wc/v3/orders', status: 301 }] });
    const { outcome } = await runChecked(makeConnector(), fake, credentials);

    expect(outcome.status).toBe(ConnectionStatus.UPSTREAM_ERROR);
    expect(outcome.message).toMatch(/redirect to https:\/\/www\.acme\.example, which storelink does not follow/);
  });

  it('accepting the write to order 0: the alarm, UPSTREAM_ERROR', async () => {
    const { credentials } = addKeyedSite(fake);
    fake.setBehaviour({ faults: [{ method: 'PUT', type: 'status', status: 200, body: '{"id":0}' }] });
    const { outcome } = await runChecked(makeConnector(), fake, credentials);

    expect(outcome.status).toBe(ConnectionStatus.UPSTREAM_ERROR);
    expect(outcome.message).toMatch(/answered 200 to PUT \/wc\/v3\/orders\/0, a change to an order that cannot exist/);
  });
});

describe('the outbound policy (as for the BigCommerce legacy URL)', () => {
  it('refuses http:// when private targets are not allowed, before any connection', async () => {
    const { credentials } = addKeyedSite(fake);
    const before = fake.connectionCount;
    const outcome = await makeConnector({ allowPrivateTargets: false }).testConnection(credentials);

    expect(outcome.status).toBe(ConnectionStatus.NETWORK_ERROR);
    expect(outcome.message).toMatch(/must start with https:\/\//);
    expect(fake.connectionCount).toBe(before);
  });

  it('refuses a loopback address at connect time, before any packet', async () => {
    const { credentials, path } = addKeyedSite(fake);
    const before = fake.connectionCount;
    const outcome = await makeConnector({ allowPrivateTargets: false }).testConnection({ ...credentials, siteUrl: `https://127.0.0.1:${new URL(fake.url).port}${path}` });

    expect(outcome.status).toBe(ConnectionStatus.NETWORK_ERROR);
    expect(outcome.message).toMatch(/private or local network address/);
    expect(fake.connectionCount).toBe(before);
  });
});
