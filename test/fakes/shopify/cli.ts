/**
 * `npm run fake-shopify`: a fake Shopify with a ready shop, so storelink can be tried without
 * a real store. Port: FAKE_SHOPIFY_PORT (default 4011).
 */
import { runFakeCli } from '../shared/run-fake-cli';
import { FakeShopify } from './index';

const SHOP = { shop: 'acme-outdoor', name: 'Acme Outdoor (fake)', domain: 'acme-outdoor.example' };
const FULL = ['write_orders', 'write_merchant_managed_fulfillment_orders', 'read_products', 'read_inventory', 'read_locations', 'read_customers'];

/** Fake secrets, shaped like real ones. */
const ADMIN_TOKENS = [
  { token: 'shpat_00000000000000000000000000fa11', scopes: FULL, expect: 'OK, with the legacy custom app warning' },
  { token: 'shpat_000000000000000000000000000e02', scopes: FULL.map((s) => s.replace('write_orders', 'read_orders')), expect: 'MISSING_SCOPES: Orders has read_orders only' },
];
const APP = { clientId: '0123456789abcdef0123456789abcdef', clientSecret: 'shpss_0123456789abcdef0123456789abcdef', scopes: FULL };

runFakeCli({
  name: 'fake-shopify',
  portVariable: 'FAKE_SHOPIFY_PORT',
  defaultPort: 4011,
  create: () => new FakeShopify(),
  fill: (fake) => {
    fake.addShop(SHOP);
    for (const { token, scopes } of ADMIN_TOKENS) fake.addAdminToken({ shop: SHOP.shop, token, scopes });
    fake.addApp({ shop: SHOP.shop, ...APP });
  },
  describe: (fake) => [
    `Fake Shopify listening on ${fake.url}`,
    '',
    `Shop "${SHOP.name}": ${SHOP.shop}.myshopify.com (paste "${SHOP.shop}" or "${SHOP.shop}.myshopify.com")`,
    '',
    'Shopify custom app (Admin API access token):',
    ...ADMIN_TOKENS.map(({ token, expect }) => `  ${token}   -> ${expect}`),
    '',
    'Shopify Dev Dashboard app (client credentials):',
    `  client ID:      ${APP.clientId}`,
    `  client secret:  ${APP.clientSecret}   -> OK`,
    '',
    'Start storelink against it (in another terminal):',
    `  SHOPIFY_API_URL=${fake.apiUrlTemplate} OUTBOUND_ALLOW_PRIVATE=true npm start`,
  ],
});
