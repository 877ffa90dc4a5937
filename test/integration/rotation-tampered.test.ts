import { randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { keyIdOf } from '../../server/secrets/secret-cipher';
import { CREATE_STORE, UPDATE_CREDENTIALS } from '../support/store-operations';
import { useAdminServer } from '../support/hooks';
import { TestServer } from '../support/test-server';

/** An altered ciphertext is reported as such: a typed error, a log line, never garbage; rotation leaves it and says so. */

const ROOT = path.resolve(__dirname, '..', '..');
const OLD_KEY = randomBytes(32).toString('base64');
const NEW_KEY = randomBytes(32).toString('base64');
const TOKEN = 'tamperedcanarytoken0123456789abcd';
const OTHER_TOKEN = 'untouchedcanarytoken0123456789abc';

// Connection tests go nowhere useful (a closed port): decryption comes first, which is what is tested.
const { server, gql } = useAdminServer({ STORELINK_SECRET_KEY: OLD_KEY, OUTBOUND_ALLOW_PRIVATE: 'true', BIGCOMMERCE_API_URL: 'http://127.0.0.1:9', HTTP_TIMEOUT_MS: '2000' });
let tamperedId: string;
let intactId: string;

/** Flips one bit of the ciphertext part of the stored value (v1.key.iv.tag.ciphertext). */
function tamper(stored: string): string {
  const parts = stored.split('.');
  const bytes = Buffer.from(parts[4], 'base64url');
  bytes[0] ^= 0x01;
  parts[4] = bytes.toString('base64url');
  return parts.join('.');
}

beforeAll(async () => {
  for (const [name, token] of [['Tampered', TOKEN], ['Intact', OTHER_TOKEN]]) {
    const id = (await gql(CREATE_STORE, { name })).data.createEcommerceStore.id;
    await gql(UPDATE_CREDENTIALS, { id, credentials: { apiVersion: 'STORE_API_OAUTH', apiLogin: 'stores/abc123', apiPassword: token } });
    if (name === 'Tampered') tamperedId = id;
    else intactId = id;
  }
  const [row] = await server.dataSource.query('SELECT apiPasswordEncrypted FROM ecommerce_stores WHERE id = ?', [tamperedId]);
  await server.dataSource.query('UPDATE ecommerce_stores SET apiPasswordEncrypted = ? WHERE id = ?', [tamper(row.apiPasswordEncrypted), tamperedId]);
});
test('a connection test of a store whose secret was altered fails with SECRET_UNREADABLE, logged, without any plaintext', async () => {
  const result = await gql('query($id: ID!) { testConnection(id: $id) { success status } }', { id: tamperedId });
  expect(result.data).toBeNull();
  expect(result.errors![0].extensions?.code).toBe('SECRET_UNREADABLE');
  expect(result.errors![0].message).toMatch(/integrity check/);
  expect(JSON.stringify(result)).not.toContain(TOKEN.slice(0, 10));
  const log = server.logLines.filter((line) => line.includes('A stored secret could not be decrypted'));
  expect(log).toHaveLength(1);
  expect(log[0]).toMatch(/"level":50/);
  expect(log[0]).not.toContain(TOKEN);

  // The other store is unaffected.
  const intact = await gql('query($id: ID!) { testConnection(id: $id) { status } }', { id: intactId });
  expect(intact.errors).toBeUndefined();
});

test('rotation re-encrypts what it can, names the altered row, keeps the old key in use and exits with 2', async () => {
  await server.stop();
  const database = server.config().database;
  const run = spawnSync(process.execPath, ['-r', path.join(ROOT, 'test/support/register-ts.js'), path.join(ROOT, 'server/scripts/rotate-key.ts')], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      STORELINK_DATA_DIR: server.dataDir,
      STORELINK_SECRET_KEY: NEW_KEY,
      STORELINK_PREVIOUS_SECRET_KEYS: OLD_KEY,
      LOG_LEVEL: 'warn',
      ...(database.type === 'postgres' ? { DATABASE_URL: database.url } : {}),
    },
    encoding: 'utf8',
  });
  const output = run.stdout + run.stderr;
  expect(run.status).toBe(2);
  expect(output).toContain(`ecommerce_stores.apiPasswordEncrypted of row ${tamperedId} cannot be read: The stored secret failed its integrity check`);
  expect(output).toMatch(/not done\. 1 value\(s\) are still under an old key \(1 unreadable/);
  expect(output).not.toContain(TOKEN);
  expect(output).not.toContain(OTHER_TOKEN);

  await expect(TestServer.start({ STORELINK_SECRET_KEY: NEW_KEY }, server.dataDir)).rejects.toThrow(/key rotation has not finished/);
  const rotating = await TestServer.start({ STORELINK_SECRET_KEY: NEW_KEY, STORELINK_PREVIOUS_SECRET_KEYS: OLD_KEY }, server.dataDir);
  try {
    const rows = await rotating.dataSource.query('SELECT id, apiPasswordEncrypted FROM ecommerce_stores');
    const keyOf = (id: string) => rows.find((row: { id: string }) => row.id === id).apiPasswordEncrypted.split('.')[1];
    expect(keyOf(intactId)).toBe(keyIdOf(Buffer.from(NEW_KEY, 'base64')));
    expect(keyOf(tamperedId)).toBe(keyIdOf(Buffer.from(OLD_KEY, 'base64')));
  } finally {
    await rotating.stop();
  }
}, 60_000);
