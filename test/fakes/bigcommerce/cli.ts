/**
 * `npm run fake-bigcommerce`: a fake BigCommerce with a ready store, so storelink can be
 * tried without a real store. Port: FAKE_BIGCOMMERCE_PORT (default 4010).
 */
import { runFakeCli } from '../shared/run-fake-cli';
import { FakeBigCommerce } from './index';
import type { FakeScopeLevel, FakeScopeName } from './types';

const STORE = { hash: 'acme000001', name: 'Acme Outdoor (fake)', domain: 'acme-outdoor.example' };

const FULL: Record<FakeScopeName, FakeScopeLevel> = {
  customers: 'READ_ONLY',
  information: 'READ_ONLY',
  orders: 'MODIFY',
  transactions: 'MODIFY',
  products: 'MODIFY',
};

/** Fake secrets, shaped like real ones (31 lowercase letters and digits). */
const TOKENS = [
  { token: 'fullscopes0000000000000000000a1', scopes: FULL, expect: 'OK: every required scope' },
  { token: 'ordersreadonly000000000000000b2', scopes: { ...FULL, orders: 'READ_ONLY' as const }, expect: 'MISSING_SCOPES: Orders is Read-only' },
  { token: 'productsnone00000000000000000c3', scopes: { ...FULL, products: 'NONE' as const }, expect: 'MISSING_SCOPES: Products is None' },
];
const INVALID_TOKEN = 'notatoken00000000000000000000d4';
const LEGACY = { username: 'legacy-admin', apiToken: 'legacyapitoken0000000000000000000000e5' };

runFakeCli({
  name: 'fake-bigcommerce',
  portVariable: 'FAKE_BIGCOMMERCE_PORT',
  defaultPort: 4010,
  create: () => new FakeBigCommerce(),
  fill: (fake) => {
    fake.addStore(STORE);
    for (const { token, scopes } of TOKENS) fake.addToken({ hash: STORE.hash, token, scopes });
    fake.addLegacyUser({ hash: STORE.hash, ...LEGACY });
  },
  describe: (fake) => [
    `Fake BigCommerce listening on ${fake.url}`,
    '',
    `Store "${STORE.name}"`,
    `  API path (API login):  stores/${STORE.hash}`,
    '',
    'Store API Account (OAuth) access tokens:',
    ...TOKENS.map(({ token, expect }) => `  ${token}   -> ${expect}`),
    `  ${INVALID_TOKEN}   -> INVALID_CREDENTIALS (not a known token)`,
    '',
    'Legacy API account (Basic auth):',
    `  API URL:   ${fake.legacyApiUrl}`,
    `  username:  ${LEGACY.username}`,
    `  API token: ${LEGACY.apiToken}`,
    '',
    'Start storelink against it (in another terminal):',
    `  BIGCOMMERCE_API_URL=${fake.url} OUTBOUND_ALLOW_PRIVATE=true npm start`,
  ],
});
