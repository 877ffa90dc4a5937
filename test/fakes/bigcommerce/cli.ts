/**
 * `npm run fake-bigcommerce`: a fake BigCommerce with a ready store, so storelink can be
 * tried without a real store. Port: FAKE_BIGCOMMERCE_PORT (default 4010).
 */
import { startFakeBigCommerce } from './index';
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

async function main(): Promise<void> {
  const port = Number(process.env.FAKE_BIGCOMMERCE_PORT ?? 4010);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error('FAKE_BIGCOMMERCE_PORT must be a port number');
  const fake = await startFakeBigCommerce({ port });
  fake.addStore(STORE);
  for (const { token, scopes } of TOKENS) fake.addToken({ hash: STORE.hash, token, scopes });
  fake.addLegacyUser({ hash: STORE.hash, ...LEGACY });

  const lines = [
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
    '',
    'Ctrl+C stops the fake.',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);

  const stop = (): void => {
    void fake.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err: unknown) => {
  process.stderr.write(`fake-bigcommerce: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
