import { randomBytes } from 'node:crypto';
import { InvalidInputError } from '../../server/common/errors';
import { ConnectionStatus } from '../../server/common/connection-outcome';
import { createPlatformRegistry, type PlatformRegistry } from '../../server/platforms/registry';
import { REQUIRED_HANDLES } from '../../server/platforms/shopify';
import { ApiVersion } from '../../server/common/api-version';
import { Platform } from '../../server/common/platform';
import { startFakeBigCommerce, type FakeBigCommerce } from '../fakes/bigcommerce';
import { startFakeShopify, type FakeShopify } from '../fakes/shopify';
import { startFakeWooCommerce, type FakeWooCommerce } from '../fakes/woocommerce';
import { FULL_SCOPES } from './bigcommerce-harness';

/** Every platform behind one interface: parse, normalise, test, through the one registry. */

let bigcommerce: FakeBigCommerce;
let shopify: FakeShopify;
let woocommerce: FakeWooCommerce;
let registry: PlatformRegistry;

beforeAll(async () => {
  bigcommerce = await startFakeBigCommerce();
  shopify = await startFakeShopify();
  woocommerce = await startFakeWooCommerce();
  registry = createPlatformRegistry({
    bigcommerceApiUrl: bigcommerce.url,
    shopifyApiUrl: shopify.apiUrlTemplate,
    shopifyApiVersion: '2026-01',
    httpTimeoutMs: 3000,
    allowPrivateTargets: true,
    userAgent: 'storelink-tests/0.1.0',
  });
});
afterAll(async () => {
  await registry.close();
  await Promise.all([bigcommerce.stop(), shopify.stop(), woocommerce.stop()]);
});

const fieldOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    if (err instanceof InvalidInputError) return err.field;
    throw err;
  }
  return null;
};

it('registers each API version with exactly one platform', () => {
  expect(registry.forApiVersion(ApiVersion.LEGACY).platform).toBe(Platform.BIGCOMMERCE);
  expect(registry.forApiVersion(ApiVersion.STORE_API_OAUTH).platform).toBe(Platform.BIGCOMMERCE);
  expect(registry.forApiVersion(ApiVersion.SHOPIFY_ADMIN_TOKEN).platform).toBe(Platform.SHOPIFY);
  expect(registry.forApiVersion(ApiVersion.SHOPIFY_CLIENT_CREDENTIALS).platform).toBe(Platform.SHOPIFY);
  expect(fieldOf(() => registry.forStore(Platform.BIGCOMMERCE, ApiVersion.SHOPIFY_ADMIN_TOKEN))).toBe('apiVersion');
  expect(fieldOf(() => registry.forStore(Platform.SHOPIFY, ApiVersion.LEGACY))).toBe('apiVersion');
  expect(registry.forApiVersion(ApiVersion.WOOCOMMERCE_REST).platform).toBe(Platform.WOOCOMMERCE);
  expect(fieldOf(() => registry.forStore(Platform.WOOCOMMERCE, ApiVersion.STORE_API_OAUTH))).toBe('apiVersion');
  expect(fieldOf(() => registry.forStore(Platform.BIGCOMMERCE, ApiVersion.WOOCOMMERCE_REST))).toBe('apiVersion');
});

it('says which migrations are due, and to what', () => {
  const say = (v: ApiVersion) => [registry.forApiVersion(v).needsMigration(v), registry.forApiVersion(v).migrationTarget(v)];
  expect(say(ApiVersion.LEGACY)).toEqual([true, ApiVersion.STORE_API_OAUTH]);
  expect(say(ApiVersion.STORE_API_OAUTH)).toEqual([false, null]);
  expect(say(ApiVersion.SHOPIFY_ADMIN_TOKEN)).toEqual([true, ApiVersion.SHOPIFY_CLIENT_CREDENTIALS]);
  expect(say(ApiVersion.SHOPIFY_CLIENT_CREDENTIALS)).toEqual([false, null]);
  expect(say(ApiVersion.WOOCOMMERCE_REST)).toEqual([false, null]);
});

describe('normalising where a store is', () => {
  const shopify = () => registry.forPlatform(Platform.SHOPIFY);
  it.each([
    [{ apiVersion: ApiVersion.SHOPIFY_ADMIN_TOKEN, apiUrl: 'https://admin.shopify.com/store/acme/orders' }, { apiLogin: null, apiUrl: 'acme.myshopify.com', storeHash: null }],
    [{ apiVersion: ApiVersion.SHOPIFY_CLIENT_CREDENTIALS, apiUrl: 'acme', apiLogin: ' cid123 ' }, { apiLogin: 'cid123', apiUrl: 'acme.myshopify.com', storeHash: null }],
  ])('Shopify %j', (input, expected) => {
    expect(shopify().normaliseLocation(input, { allowPrivateTargets: false })).toEqual(expected);
  });
  it.each([
    [{ apiVersion: ApiVersion.SHOPIFY_ADMIN_TOKEN, apiUrl: 'shop.acme.com' }, 'apiUrl'],
    [{ apiVersion: ApiVersion.SHOPIFY_ADMIN_TOKEN, apiUrl: 'acme', apiLogin: 'someone' }, 'apiLogin'],
    [{ apiVersion: ApiVersion.SHOPIFY_CLIENT_CREDENTIALS, apiUrl: 'acme' }, 'apiLogin'],
  ])('Shopify %j is refused on %s', (input, field) => {
    expect(fieldOf(() => shopify().normaliseLocation(input, { allowPrivateTargets: false }))).toBe(field);
  });
  it('refuses a too short Shopify secret on apiPassword without echoing it', () => {
    expect(fieldOf(() => shopify().checkSecret(ApiVersion.SHOPIFY_ADMIN_TOKEN, 'shpat_x'))).toBe('apiPassword');
  });
  it('BigCommerce keeps its rules', () => {
    const bc = registry.forPlatform(Platform.BIGCOMMERCE);
    expect(bc.normaliseLocation({ apiVersion: ApiVersion.STORE_API_OAUTH, apiLogin: 'https://api.bigcommerce.com/stores/abc123/v3/' }, { allowPrivateTargets: false })).toEqual({
      apiLogin: 'stores/abc123',
      apiUrl: null,
      storeHash: 'abc123',
    });
    expect(fieldOf(() => bc.normaliseLocation({ apiVersion: ApiVersion.LEGACY, apiLogin: 'admin', apiUrl: 'http://store.example/api/v2/' }, { allowPrivateTargets: false }))).toBe('apiUrl');
    expect(bc.quotaKey({ apiVersion: ApiVersion.STORE_API_OAUTH, apiLogin: 'stores/abc123', apiUrl: null, storeHash: 'abc123' })).toBe('bigcommerce:abc123');
  });
});

describe('testing through the interface', () => {
  it('BigCommerce and Shopify answer with the same outcome shape', async () => {
    bigcommerce.addStore({ hash: 'reg1', name: 'BC store' });
    const bcToken = randomBytes(16).toString('hex');
    bigcommerce.addToken({ hash: 'reg1', token: bcToken, scopes: FULL_SCOPES });
    shopify.addShop({ shop: 'reg-shop', name: 'Shopify store' });
    shopify.addApp({ shop: 'reg-shop', clientId: 'cid-reg', clientSecret: 'shpss_registrysecret000000', scopes: REQUIRED_HANDLES });

    const bc = await registry.forApiVersion(ApiVersion.STORE_API_OAUTH).testConnection({ apiVersion: ApiVersion.STORE_API_OAUTH, apiLogin: 'stores/reg1', apiUrl: null, storeHash: 'reg1', secret: bcToken });
    const shop = await registry.forApiVersion(ApiVersion.SHOPIFY_CLIENT_CREDENTIALS).testConnection({
      apiVersion: ApiVersion.SHOPIFY_CLIENT_CREDENTIALS,
      apiLogin: 'cid-reg',
      apiUrl: 'reg-shop.myshopify.com',
      storeHash: null,
      secret: 'shpss_registrysecret000000',
    });
    expect([bc.status, bc.storeName]).toEqual([ConnectionStatus.OK, 'BC store']);
    expect([shop.status, shop.storeName]).toEqual([ConnectionStatus.OK, 'Shopify store']);
    expect(shop.scopes).toHaveLength(registry.forPlatform(Platform.SHOPIFY).requiredScopes.length);
  });

  it('WooCommerce: the site URL and consumer key normalised, then tested with the secret, nothing written', async () => {
    const consumerKey = `ck_${randomBytes(20).toString('hex')}`;
    const consumerSecret = `cs_${randomBytes(20).toString('hex')}`;
    woocommerce.addSite({ path: '/reg-shop', name: 'Woo store' });
    woocommerce.addKey({ site: '/reg-shop', consumerKey, consumerSecret, permission: 'read_write', user: { login: 'manager', role: 'shop_manager' } });
    const woo = registry.forPlatform(Platform.WOOCOMMERCE);
    const location = woo.normaliseLocation(
      { apiVersion: ApiVersion.WOOCOMMERCE_REST, apiLogin: consumerKey, apiUrl: `${woocommerce.siteUrl('/reg-shop')}/wp-admin/admin.php?page=wc-settings` },
      { allowPrivateTargets: true },
    );
    expect(location).toEqual({ apiLogin: consumerKey, apiUrl: woocommerce.siteUrl('/reg-shop'), storeHash: null });
    expect(woo.quotaKey({ apiVersion: ApiVersion.WOOCOMMERCE_REST, ...location })).toBe(`woocommerce:${new URL(woocommerce.url).host}`);

    const outcome = await woo.testConnection({ apiVersion: ApiVersion.WOOCOMMERCE_REST, ...location, secret: consumerSecret });
    expect(outcome.status).toBe(ConnectionStatus.OK);
    expect(outcome.scopes.map((s) => [s.scope, s.apiName, s.required])).toEqual(woo.requiredScopes.map((r) => [r.scope, r.apiName, r.required]));
    expect(woocommerce.writes).toEqual([]);
    expect(woocommerce.unsafeWrites).toEqual([]);
  });
});
