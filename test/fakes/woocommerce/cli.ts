/**
 * `npm run fake-woocommerce`: a fake WooCommerce shop with ready keys, so storelink can be
 * tried without a real shop. Port: FAKE_WOOCOMMERCE_PORT (default 4012).
 */
import { runFakeCli } from '../shared/run-fake-cli';
import { FakeWooCommerce } from './index';
import type { FakeKeyPermission, FakeUserOptions } from './types';

const SITE = { path: '/shop', name: 'Acme Outdoor (fake WooCommerce)' };

/** Fake keys, shaped like real ones ("ck_"/"cs_" + 40 hexadecimal digits). */
const hex = (digit: string, tail: string) => `${digit.repeat(40 - tail.length)}${tail}`;
const KEYS: { key: string; secret: string; permission: FakeKeyPermission; user: FakeUserOptions; expect: string }[] = [
  { key: `ck_${hex('a', '01')}`, secret: `cs_${hex('a', '01')}`, permission: 'read_write', user: { login: 'shop-manager', role: 'shop_manager' }, expect: 'OK' },
  { key: `ck_${hex('b', '02')}`, secret: `cs_${hex('b', '02')}`, permission: 'read', user: { login: 'shop-manager', role: 'shop_manager' }, expect: 'MISSING_SCOPES: Permissions is Read' },
  {
    key: `ck_${hex('c', '03')}`,
    secret: `cs_${hex('c', '03')}`,
    permission: 'read_write',
    user: { login: 'customer', role: 'customer' },
    expect: 'MISSING_SCOPES: the user (a Customer) may not list orders, products or customers',
  },
];
const UNKNOWN_KEY = { key: `ck_${hex('d', '04')}`, secret: `cs_${hex('d', '04')}` };

runFakeCli({
  name: 'fake-woocommerce',
  portVariable: 'FAKE_WOOCOMMERCE_PORT',
  defaultPort: 4012,
  create: () => new FakeWooCommerce(),
  fill: (fake) => {
    fake.addSite(SITE);
    fake.addSite({ path: '/plain', name: 'Plain permalinks (fake)', permalinks: 'plain' });
    for (const k of KEYS) fake.addKey({ site: SITE.path, consumerKey: k.key, consumerSecret: k.secret, permission: k.permission, user: k.user });
    fake.addKey({ site: '/plain', consumerKey: `ck_${hex('e', '05')}`, consumerSecret: `cs_${hex('e', '05')}`, permission: 'read_write', user: { login: 'admin', role: 'administrator' } });
  },
  describe: (fake) => [
    `Fake WooCommerce listening on ${fake.url}`,
    '',
    `Site "${SITE.name}"`,
    `  Site URL (WordPress in a subfolder):  ${fake.siteUrl(SITE.path)}`,
    '',
    'REST API keys (consumer key / consumer secret):',
    ...KEYS.map((k) => `  ${k.key}\n  ${k.secret}   -> ${k.expect}`),
    `  ${UNKNOWN_KEY.key}\n  ${UNKNOWN_KEY.secret}   -> INVALID_CREDENTIALS (not a key of this site)`,
    '',
    `Site with plain permalinks: ${fake.siteUrl('/plain')}`,
    `  ck_${hex('e', '05')}\n  cs_${hex('e', '05')}   -> OK, with a warning about plain permalinks`,
    '',
    'Start storelink against it (in another terminal):',
    '  OUTBOUND_ALLOW_PRIVATE=true npm start',
  ],
});
