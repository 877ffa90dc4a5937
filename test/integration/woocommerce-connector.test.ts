import { ConnectionStatus, ScopeLevel } from '../../server/common/connection-outcome';
import { ApiVersion } from '../../server/common/api-version';
import { ROLE_CAPABILITIES } from '../fakes/woocommerce';
import { addKeyedSite, makeConnector, randomKeyHalf, routeOf, row, runChecked, useConnectorFake } from './woocommerce-harness';

/** WooCommerce keys over real HTTP against the fake: the key, its permission and its user's capabilities. */

const fake = useConnectorFake();

const KEYS_PAGE = 'WooCommerce > Settings > Advanced > REST API';
const without = (...caps: string[]) => ROLE_CAPABILITIES.shop_manager.filter((c) => !caps.includes(c));

describe('a Read/Write key of a Shop manager', () => {
  it('is OK, names the site from its system status, and proves every row without changing anything', async () => {
    // WordPress behind a proxy: the address it reports is not the one storelink was given.
    const { credentials, path } = addKeyedSite(fake, { site: { homeUrl: 'https://acme-outdoor.example/shop' } });
    const { outcome, requests } = await runChecked(makeConnector(), fake, credentials);

    expect(outcome).toMatchObject({
      success: true,
      status: ConnectionStatus.OK,
      apiVersion: ApiVersion.WOOCOMMERCE_REST,
      storeName: 'acme-outdoor.example/shop',
      storeDomain: 'acme-outdoor.example',
      warnings: [],
    });
    expect(outcome.message).toMatch(/^Connected to .*Read\/Write/);
    expect(outcome.scopes).toEqual([
      { scope: 'Orders', apiName: 'read_write: edit_shop_orders', required: 'MODIFY', granted: 'MODIFY', verified: true, ok: true, message: null },
      { scope: 'Products', apiName: 'read: read_private_products', required: 'READ_ONLY', granted: null, verified: true, ok: true, message: expect.stringMatching(/Read access confirmed/) },
      { scope: 'Customers', apiName: 'read: list_users', required: 'READ_ONLY', granted: null, verified: true, ok: true, message: expect.stringMatching(/Read access confirmed/) },
    ]);
    // One-item lists, the harmless write, and the system status: all under the site's subfolder, Basic auth only.
    expect(requests.map((r) => `${r.method} ${routeOf(r)}`).sort()).toEqual(
      ['GET /wc/v3/customers', 'GET /wc/v3/orders', 'GET /wc/v3/products', 'GET /wc/v3/system_status', 'PUT /wc/v3/orders/0'].sort(),
    );
    for (const r of requests) {
      expect(r.path.startsWith(`${path}/wp-json/wc/v3/`)).toBe(true);
      expect(r.user).toBe('manager');
    }
    for (const r of requests.filter((q) => q.method === 'GET' && !q.path.includes('system_status'))) expect(r.path).toMatch(/\?per_page=1$/);
  });
});

describe('the key itself', () => {
  it('unknown to the site: INVALID_CREDENTIALS (WooCommerce ran it anonymously), no rows', async () => {
    const { credentials } = addKeyedSite(fake);
    const unknown = { ...credentials, consumerKey: randomKeyHalf('ck_'), consumerSecret: randomKeyHalf('cs_') };
    const { outcome } = await runChecked(makeConnector(), fake, unknown);

    expect(outcome).toMatchObject({ success: false, status: ConnectionStatus.INVALID_CREDENTIALS, scopes: [], storeName: null });
    expect(outcome.message).toMatch(/does not know this consumer key/);
    expect(outcome.message).toContain(KEYS_PAGE);
  });

  it('with a wrong secret: INVALID_CREDENTIALS naming the secret', async () => {
    const { credentials } = addKeyedSite(fake);
    const { outcome } = await runChecked(makeConnector(), fake, { ...credentials, consumerSecret: randomKeyHalf('cs_') });

    expect(outcome).toMatchObject({ success: false, status: ConnectionStatus.INVALID_CREDENTIALS, scopes: [] });
    expect(outcome.message).toMatch(/knows the consumer key but not this consumer secret/);
  });

  it('with "Permissions: Read": MISSING_SCOPES, Orders Read-only, and the fix in WooCommerce\'s words', async () => {
    const { credentials } = addKeyedSite(fake, { permission: 'read' });
    const { outcome } = await runChecked(makeConnector(), fake, credentials);

    expect(outcome).toMatchObject({ success: false, status: ConnectionStatus.MISSING_SCOPES });
    expect(outcome.message).toBe(
      `The key's permission is Read, and storelink needs Read/Write: in ${KEYS_PAGE}, edit the key and set "Permissions: Read/Write" (the consumer key and secret stay the same).`,
    );
    expect(row(outcome.scopes, 'Orders')).toMatchObject({ granted: ScopeLevel.READ_ONLY, verified: true, ok: false, message: expect.stringMatching(/permission is Read/) });
    expect(row(outcome.scopes, 'Products')).toMatchObject({ ok: true });
    expect(row(outcome.scopes, 'Customers')).toMatchObject({ ok: true });
  });

  it('with "Permissions: Write": MISSING_SCOPES, nothing readable', async () => {
    const { credentials } = addKeyedSite(fake, { permission: 'write' });
    const { outcome } = await runChecked(makeConnector(), fake, credentials);

    expect(outcome).toMatchObject({ success: false, status: ConnectionStatus.MISSING_SCOPES });
    expect(outcome.message).toMatch(/^The key's permission is Write, and storelink needs Read\/Write: .*"Permissions: Read\/Write"/);
    for (const name of ['Orders', 'Products', 'Customers']) {
      expect(row(outcome.scopes, name)).toMatchObject({ granted: ScopeLevel.NONE, verified: true, ok: false, message: expect.stringMatching(/permission is Write/) });
    }
  });

  it('made Read/Write after a failed test passes with the same key and secret', async () => {
    const { credentials } = addKeyedSite(fake, { permission: 'read' });
    const connector = makeConnector();
    expect((await runChecked(connector, fake, credentials)).outcome.status).toBe(ConnectionStatus.MISSING_SCOPES);
    fake.setKeyPermission(credentials.consumerKey, 'read_write');
    expect((await runChecked(connector, fake, credentials)).outcome.status).toBe(ConnectionStatus.OK);
  });
});

describe("the key's user", () => {
  it('without list_users: MISSING_SCOPES on Customers, naming the role to use', async () => {
    const { credentials } = addKeyedSite(fake, { user: { login: 'limited', capabilities: without('list_users') } });
    const { outcome } = await runChecked(makeConnector(), fake, credentials);

    expect(outcome).toMatchObject({ success: false, status: ConnectionStatus.MISSING_SCOPES });
    expect(outcome.message).toBe(
      `The key's user may not list customers: in ${KEYS_PAGE}, make a key for an Administrator or Shop manager, or give the user that role in Users.`,
    );
    expect(row(outcome.scopes, 'Customers')).toMatchObject({ granted: ScopeLevel.NONE, verified: true, ok: false, message: expect.stringMatching(/list_users/) });
    expect(row(outcome.scopes, 'Orders')).toMatchObject({ granted: ScopeLevel.MODIFY, ok: true });
  });

  it('a Customer behind a Read/Write key: every row None', async () => {
    const { credentials } = addKeyedSite(fake, { user: { login: 'buyer', role: 'customer' } });
    const { outcome } = await runChecked(makeConnector(), fake, credentials);

    expect(outcome.status).toBe(ConnectionStatus.MISSING_SCOPES);
    expect(outcome.message).toMatch(/may not list orders, products or customers: /);
    expect(outcome.scopes.map((s) => [s.scope, s.granted, s.ok])).toEqual([
      ['Orders', ScopeLevel.NONE, false],
      ['Products', ScopeLevel.NONE, false],
      ['Customers', ScopeLevel.NONE, false],
    ]);
  });

  it('a Read-only key of a user without list_users: both fixes in one sentence', async () => {
    const { credentials } = addKeyedSite(fake, { permission: 'read', user: { login: 'limited', capabilities: without('list_users') } });
    const { outcome } = await runChecked(makeConnector(), fake, credentials);

    expect(outcome.status).toBe(ConnectionStatus.MISSING_SCOPES);
    expect(outcome.message).toMatch(/^The key's permission is Read, .*; and the key's user may not list customers: /);
  });

  it('who may not open the system status: OK, named by the site URL, and asked to confirm the edit right', async () => {
    const { credentials, path } = addKeyedSite(fake, { user: { login: 'clerk', capabilities: without('manage_woocommerce') } });
    const { outcome } = await runChecked(makeConnector(), fake, credentials);

    const host = new URL(fake.url).host;
    expect(outcome).toMatchObject({ success: true, status: ConnectionStatus.OK, storeName: `${host}${path}`, storeDomain: host });
    expect(row(outcome.scopes, 'Orders')).toMatchObject({ granted: null, verified: false, ok: true, message: expect.stringMatching(/cannot be checked without changing one/) });
    expect(outcome.warnings).toEqual([expect.stringMatching(/confirm in Users that the key's user .* is an Administrator or Shop manager/)]);
  });
});
