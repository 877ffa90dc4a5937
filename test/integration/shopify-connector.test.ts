import { randomBytes } from 'node:crypto';
import { ConnectionStatus, type ConnectionOutcome } from '../../server/common/connection-outcome';
import type { ConnectorSession, IssuedToken } from '../../server/platforms/connector-session';
import { REQUIRED_HANDLES, ShopifyConnector, type ShopifyConnectorOptions, type ShopifyCredentials } from '../../server/platforms/shopify';
import { ApiVersion } from '../../server/common/api-version';
import { startFakeShopify, type FakeShopify } from '../fakes/shopify';

/** Shopify connection tests over real HTTP against the fake Shopify on 127.0.0.1. */

let fake: FakeShopify;
const connectors: ShopifyConnector[] = [];

beforeAll(async () => {
  fake = await startFakeShopify();
});
afterAll(async () => {
  await Promise.all(connectors.map((c) => c.close()));
  await fake.stop();
});
beforeEach(() => fake.reset());

function connector(options: Partial<ShopifyConnectorOptions> = {}): ShopifyConnector {
  const made = new ShopifyConnector({
    apiUrlTemplate: fake.apiUrlTemplate,
    apiVersion: '2026-01',
    timeoutMs: 3000,
    allowPrivateTargets: true,
    userAgent: 'storelink-tests/0.1.0',
    ...options,
  });
  connectors.push(made);
  return made;
}

/** The session a store keeps, in memory here: the connector only sees the interface. */
class MemorySession implements ConnectorSession {
  saved: IssuedToken | null = null;
  saves = 0;
  async getIssuedToken() {
    return this.saved;
  }
  async saveIssuedToken(token: IssuedToken) {
    this.saved = token;
    this.saves++;
  }
  async clearIssuedToken() {
    this.saved = null;
  }
}

let shopCounter = 0;
const hex = (bytes: number) => randomBytes(bytes).toString('hex');

function newShop(options: { frozen?: boolean } = {}): string {
  shopCounter++;
  const shop = `acme-${Date.now().toString(36)}-${shopCounter}`;
  fake.addShop({ shop, name: 'Acme Outdoor', domain: 'acme-outdoor.example', ...options });
  return shop;
}

function adminToken(scopes: readonly string[] = REQUIRED_HANDLES, options: { frozen?: boolean } = {}) {
  const shop = newShop(options);
  const token = `shpat_${hex(16)}`;
  fake.addAdminToken({ shop, token, scopes: [...scopes] });
  return { shop, token, credentials: { apiVersion: ApiVersion.SHOPIFY_ADMIN_TOKEN, shopDomain: `${shop}.myshopify.com`, accessToken: token } as ShopifyCredentials };
}

function app(scopes: readonly string[] = REQUIRED_HANDLES) {
  const shop = newShop();
  const clientId = hex(16);
  const clientSecret = `shpss_${hex(16)}`;
  fake.addApp({ shop, clientId, clientSecret, scopes: [...scopes] });
  return {
    shop,
    clientId,
    clientSecret,
    credentials: { apiVersion: ApiVersion.SHOPIFY_CLIENT_CREDENTIALS, shopDomain: shop, clientId, clientSecret } as ShopifyCredentials,
  };
}

/** Runs a test and checks what must hold for every one: few requests, no write but the grant, no secret in the result. */
async function run(credentials: ShopifyCredentials, options: { connector?: ShopifyConnector; session?: ConnectorSession; secrets?: string[] } = {}) {
  const before = fake.requests.length;
  const started = performance.now();
  const outcome = await (options.connector ?? connector()).testConnection(credentials, options.session);
  const elapsedMs = performance.now() - started;
  const requests = fake.requests.slice(before);
  expect(requests.length).toBeLessThanOrEqual(8);
  for (const request of requests.filter((r) => r.method !== 'GET')) expect(request.path).toBe('/admin/oauth/access_token');
  const serialised = JSON.stringify(outcome);
  const secrets = [
    ...(credentials.apiVersion === ApiVersion.SHOPIFY_ADMIN_TOKEN ? [credentials.accessToken] : [credentials.clientSecret]),
    ...(options.secrets ?? []),
  ];
  for (const secret of secrets) for (let i = 0; i + 8 <= secret.length; i++) expect(serialised).not.toContain(secret.slice(i, i + 8));
  return { outcome, requests, elapsedMs };
}

const row = (outcome: ConnectionOutcome, name: string) => outcome.scopes.find((s) => s.scope === name);

describe('an admin-created custom app (SHOPIFY_ADMIN_TOKEN)', () => {
  it('is OK with every scope verified from access_scopes.json, names the shop, and warns that the app is legacy', async () => {
    const { credentials } = adminToken();
    const { outcome, requests } = await run(credentials);

    expect(outcome).toMatchObject({ success: true, status: 'OK', apiVersion: 'SHOPIFY_ADMIN_TOKEN', storeName: 'Acme Outdoor', storeDomain: 'acme-outdoor.example' });
    expect(outcome.scopes.map((s) => [s.scope, s.apiName, s.required, s.granted, s.verified, s.ok])).toEqual([
      ['Orders', 'write_orders', 'MODIFY', 'MODIFY', true, true],
      ['Merchant-managed fulfillment orders', 'write_merchant_managed_fulfillment_orders', 'MODIFY', 'MODIFY', true, true],
      ['Products', 'read_products', 'READ_ONLY', 'READ_ONLY', true, true],
      ['Inventory', 'read_inventory', 'READ_ONLY', 'READ_ONLY', true, true],
      ['Locations', 'read_locations', 'READ_ONLY', 'READ_ONLY', true, true],
      ['Customers', 'read_customers', 'READ_ONLY', 'READ_ONLY', true, true],
    ]);
    expect(outcome.warnings).toEqual([expect.stringMatching(/legacy custom app.*2026-01-01.*Dev Dashboard.*client ID and client secret/)]);
    expect(requests.map((r) => `${r.method} ${r.path}`).sort()).toEqual(['GET /admin/api/2026-01/shop.json', 'GET /admin/oauth/access_scopes.json']);
    for (const request of requests) {
      expect(request.headers['x-shopify-access-token']).toBe('[redacted]');
      expect(request.headers.accept).toBe('application/json');
    }
  });

  it('names each missing scope with its handle and the fix, including reinstalling the app and copying the new token', async () => {
    const { credentials } = adminToken(['read_orders', 'read_products', 'read_inventory', 'read_locations', 'read_customers']);
    const { outcome } = await run(credentials);

    expect(outcome.status).toBe(ConnectionStatus.MISSING_SCOPES);
    expect(outcome.message).toMatch(/Orders needs write_orders \(granted: read_orders\)/);
    expect(outcome.message).toMatch(/Merchant-managed fulfillment orders needs write_merchant_managed_fulfillment_orders \(granted: none\)/);
    expect(outcome.message).toMatch(/reinstall the app and copy the new Admin API access token/);
    expect(row(outcome, 'Orders')).toMatchObject({ granted: 'READ_ONLY', verified: true, ok: false, message: 'Needs write_orders, but the token has only read_orders.' });
    expect(row(outcome, 'Products')).toMatchObject({ ok: true });
  });

  it('warns about scopes beyond the required ones (least privilege), and counts write_ as granting read_', async () => {
    const { credentials } = adminToken([...REQUIRED_HANDLES.filter((h) => h !== 'read_products'), 'write_products', 'read_themes', 'read_all_orders']);
    const { outcome } = await run(credentials);

    expect(outcome.status).toBe(ConnectionStatus.OK);
    expect(row(outcome, 'Products')).toMatchObject({ granted: 'MODIFY', ok: true, message: 'Granted write_products, but read_products is enough.' });
    expect(outcome.warnings).toContainEqual(expect.stringMatching(/scopes storelink does not need: read_themes, write_products; for least privilege/));
    expect(outcome.warnings.join(' ')).not.toMatch(/read_all_orders/);
  });

  it('warns that SHOPIFY_API_VERSION is out of date when Shopify answers with another version', async () => {
    const { credentials } = adminToken();
    const { outcome, requests } = await run(credentials, { connector: connector({ apiVersion: '2023-04' }) });

    expect(outcome.status).toBe(ConnectionStatus.OK);
    expect(requests.map((r) => r.path)).toContain('/admin/api/2023-04/shop.json');
    expect(outcome.warnings).toContainEqual(expect.stringMatching(/answered with API version 2025-04 instead of 2023-04.*SHOPIFY_API_VERSION is out of date/));
  });

  it('reports a revoked token as INVALID_CREDENTIALS, naming where to get a new one', async () => {
    const { credentials, token } = adminToken();
    fake.revokeToken(token);
    const { outcome } = await run(credentials);
    expect(outcome).toMatchObject({ success: false, status: 'INVALID_CREDENTIALS', scopes: [] });
    expect(outcome.message).toMatch(/^Shopify did not accept the Admin API access token for .*\.myshopify\.com: .*reinstall the app and copy the new token\.$/);
  });
});

describe('failures, each classified within the deadline', () => {
  it.each([
    ['a 404 page', 'not-found' as const],
    ['a redirect to shopify.com, not followed', 'redirect' as const],
  ])('an unknown shop answered with %s is STORE_NOT_FOUND', async (_title, unknownShop) => {
    fake.setBehaviour({ unknownShop });
    const { outcome, requests } = await run({ apiVersion: ApiVersion.SHOPIFY_ADMIN_TOKEN, shopDomain: 'no-such-shop', accessToken: `shpat_${hex(16)}` });
    expect(outcome.status).toBe(ConnectionStatus.STORE_NOT_FOUND);
    expect(outcome.message).toBe('Shopify knows no shop at no-such-shop.myshopify.com: check the shop address (it looks like "acme.myshopify.com"; Settings > Domains in the Shopify admin shows it).');
    expect(requests.every((r) => r.shop === 'no-such-shop')).toBe(true);
  });

  it('a frozen shop (402) is UPSTREAM_ERROR saying so', async () => {
    const { credentials } = adminToken(REQUIRED_HANDLES, { frozen: true });
    const { outcome } = await run(credentials);
    expect(outcome.status).toBe(ConnectionStatus.UPSTREAM_ERROR);
    expect(outcome.message).toMatch(/402 Payment Required: the shop .* is frozen or paused/);
  });

  it('a 403 is INVALID_CREDENTIALS asking to check the installation', async () => {
    const { credentials } = adminToken();
    fake.setBehaviour({ faults: [{ type: 'status', status: 403, body: '{"errors":"Forbidden"}' }] });
    const { outcome } = await run(credentials);
    expect(outcome.status).toBe(ConnectionStatus.INVALID_CREDENTIALS);
    expect(outcome.message).toMatch(/refused this app access .* \(403\): check that the app is installed/);
  });

  it('waits out a 429 with a short Retry-After and succeeds', async () => {
    const { credentials } = adminToken();
    fake.setBehaviour({ faults: [{ path: '/admin/oauth/access_scopes.json', times: 1, type: 'rate-limit', retryAfterSeconds: 1 }] });
    const { outcome, requests } = await run(credentials);
    expect(outcome.status).toBe(ConnectionStatus.OK);
    const scopeCalls = requests.filter((r) => r.path === '/admin/oauth/access_scopes.json');
    expect(scopeCalls.map((r) => r.status)).toEqual([429, 200]);
    expect(scopeCalls[1].receivedAt - (scopeCalls[0].respondedAt ?? Infinity)).toBeGreaterThanOrEqual(1000);
  });

  it('a Retry-After longer than the deadline is RATE_LIMITED at once, naming the wait', async () => {
    const { credentials } = adminToken();
    fake.setBehaviour({ faults: [{ path: '/admin/oauth/access_scopes.json', type: 'rate-limit', retryAfterSeconds: 30 }] });
    const { outcome, elapsedMs } = await run(credentials);
    expect(outcome.status).toBe(ConnectionStatus.RATE_LIMITED);
    expect(outcome.message).toMatch(/try again in about 3\d seconds/);
    expect(elapsedMs).toBeLessThan(3000);
    expect(row(outcome, 'Orders')?.message).toBe('Not checked: Shopify answered 429 to GET admin/oauth/access_scopes.json.');
  });

  it('an HTML page instead of JSON is UPSTREAM_ERROR', async () => {
    const { credentials } = adminToken();
    fake.setBehaviour({ faults: [{ path: /shop\.json/, type: 'html' }] });
    const { outcome } = await run(credentials);
    expect(outcome.status).toBe(ConnectionStatus.UPSTREAM_ERROR);
    expect(outcome.message).toMatch(/web page instead of API data/);
  });

  it('a hang is TIMEOUT within the deadline', async () => {
    const { credentials } = adminToken();
    fake.setBehaviour({ faults: [{ type: 'hang' }] });
    const { outcome, elapsedMs } = await run(credentials, { connector: connector({ timeoutMs: 700 }) });
    expect(outcome.status).toBe(ConnectionStatus.TIMEOUT);
    expect(outcome.message).toMatch(/^Shopify did not answer within 0\.7 seconds/);
    expect(elapsedMs).toBeLessThan(700 + 500);
  });

  it('a 5xx on a read is retried, and reported with the call when it persists', async () => {
    const { credentials } = adminToken();
    fake.setBehaviour({ faults: [{ path: /shop\.json/, type: 'status', status: 503, body: '{}' }] });
    const { outcome, requests } = await run(credentials);
    expect(outcome.status).toBe(ConnectionStatus.UPSTREAM_ERROR);
    expect(outcome.message).toMatch(/^Shopify answered 503 to GET admin\/api\/2026-01\/shop\.json/);
    expect(requests.filter((r) => r.path.endsWith('shop.json')).length).toBeGreaterThan(1);
  });

  it('a shop that is not a myshopify.com name is refused before any request', async () => {
    const { outcome, requests } = await run({ apiVersion: ApiVersion.SHOPIFY_ADMIN_TOKEN, shopDomain: 'shop.acme.com', accessToken: `shpat_${hex(16)}` });
    expect(outcome.status).toBe(ConnectionStatus.STORE_NOT_FOUND);
    expect(outcome.message).toMatch(/not a custom domain/);
    expect(requests).toEqual([]);
  });
});

describe('a Dev Dashboard app (SHOPIFY_CLIENT_CREDENTIALS)', () => {
  it('exchanges the client ID and secret for a token, tests with it, and keeps it in the session', async () => {
    const { credentials, clientId } = app();
    const session = new MemorySession();
    const { outcome, requests } = await run(credentials, { session });

    expect(outcome).toMatchObject({ success: true, status: 'OK', apiVersion: 'SHOPIFY_CLIENT_CREDENTIALS', storeName: 'Acme Outdoor', warnings: [] });
    expect(fake.grants).toHaveLength(1);
    const grant = requests.find((r) => r.path === '/admin/oauth/access_token');
    expect(JSON.parse(grant?.body ?? '{}')).toEqual({ grant_type: 'client_credentials', client_id: clientId, client_secret: '[redacted]' });
    expect(session.saved?.token).toMatch(/^shpca_/);
    expect(session.saved!.expiresAt.getTime() - Date.now()).toBeGreaterThan(23 * 3600_000);
    // The issued token is a secret too: never in the outcome.
    await run(credentials, { session, secrets: [session.saved!.token] });
  });

  it('reuses the issued token until shortly before it expires: no grant per test', async () => {
    const { credentials } = app();
    const session = new MemorySession();
    await run(credentials, { session });
    await run(credentials, { session });
    await run(credentials, { session });
    expect(fake.grants).toHaveLength(1);
    expect(session.saves).toBe(1);

    session.saved = { token: session.saved!.token, expiresAt: new Date(Date.now() + 60_000) };
    const { outcome } = await run(credentials, { session });
    expect(outcome.status).toBe(ConnectionStatus.OK);
    expect(fake.grants).toHaveLength(2);
  });

  it('renews the token once when Shopify answers 401 to the saved one (revoked or expired)', async () => {
    const { credentials, shop } = app();
    const session = new MemorySession();
    await run(credentials, { session });
    const old = session.saved!.token;
    fake.revokeIssuedTokens(shop);

    const { outcome, requests } = await run(credentials, { session });
    expect(outcome.status).toBe(ConnectionStatus.OK);
    expect(fake.grants).toHaveLength(2);
    expect(session.saved!.token).not.toBe(old);
    expect(requests.filter((r) => r.status === 401)).toHaveLength(2);
  });

  it('a wrong client secret is INVALID_CREDENTIALS naming the Dev Dashboard, and nothing is saved', async () => {
    const { credentials } = app();
    const session = new MemorySession();
    const wrong = { ...credentials, clientSecret: `shpss_${hex(16)}` } as ShopifyCredentials;
    const { outcome, requests } = await run(wrong, { session });
    expect(outcome.status).toBe(ConnectionStatus.INVALID_CREDENTIALS);
    expect(outcome.message).toMatch(/^Shopify did not accept the client ID and client secret for .*: copy both again from the app's Settings in the Shopify Dev Dashboard/);
    expect(requests.map((r) => r.path)).toEqual(['/admin/oauth/access_token']);
    expect(session.saved).toBeNull();
  });

  it('missing scopes say how to add them to the app in the Dev Dashboard', async () => {
    const { credentials } = app(REQUIRED_HANDLES.filter((h) => h !== 'read_locations'));
    const { outcome } = await run(credentials, { session: new MemorySession() });
    expect(outcome.status).toBe(ConnectionStatus.MISSING_SCOPES);
    expect(outcome.message).toMatch(/Locations needs read_locations \(granted: none\); in the Shopify Dev Dashboard add read_locations .* release a new version/);
  });

  it('works without a session (a dry run): one grant, nothing kept', async () => {
    const { credentials } = app();
    const { outcome } = await run(credentials);
    expect(outcome.status).toBe(ConnectionStatus.OK);
    expect(fake.grants).toHaveLength(1);
  });
});
