import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { keyIdOf, SecretCipher } from '../../server/secrets/secret-cipher';
import { FULL_SCOPES } from './bigcommerce-harness';
import { useFakeBigCommerce } from '../support/hooks';
import { CREATE_STORE, UPDATE_CREDENTIALS } from '../support/store-operations';
import { clientFor, TestServer } from '../support/test-server';

/**
 * Key rotation end to end: the real rotate-key script in its own process, killed half-way
 * with SIGKILL, then run again to the end; afterwards the old key is removed and every
 * credential still decrypts, through the API's own connection test.
 */

const ROOT = path.resolve(__dirname, '..', '..');
const OLD_KEY = randomBytes(32);
const NEW_KEY = randomBytes(32);
const b64 = (key: Buffer) => key.toString('base64');
const STORES = 24;
const tokenOf = (i: number) => `rotationcanarytoken${String(i).padStart(4, '0')}${randomBytes(6).toString('hex')}`;
const contextOf = (id: string) => `ecommerce_stores:${id}:apiPassword`;

const fake = useFakeBigCommerce();
let dataDir: string;
let databaseUrl: Record<string, string>;
const tokens = new Map<string, string>();

interface ScriptRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  output: string;
}

/** Runs server/scripts/rotate-key.ts as `npm run rotate-key` would (from source, no build step). `killAfter`: SIGKILL once a line matches. */
function rotateKey(env: Record<string, string>, args: string[] = [], killAfter?: RegExp): Promise<ScriptRun> {
  const child = spawn(process.execPath, ['-r', path.join(ROOT, 'test/support/register-ts.js'), path.join(ROOT, 'server/scripts/rotate-key.ts'), ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', STORELINK_DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...databaseUrl, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (chunk: Buffer) => {
    output += chunk.toString('utf8');
    if (killAfter && killAfter.test(output) && child.exitCode === null) child.kill('SIGKILL');
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  return new Promise((resolve) => child.once('close', (code, signal) => resolve({ code, signal, output })));
}

const rotatingEnv = { STORELINK_SECRET_KEY: b64(NEW_KEY), STORELINK_PREVIOUS_SECRET_KEYS: b64(OLD_KEY) };

async function storedSecrets(server: TestServer): Promise<Array<{ id: string; apiPasswordEncrypted: string }>> {
  return server.dataSource.query('SELECT id, apiPasswordEncrypted FROM ecommerce_stores WHERE apiPasswordEncrypted IS NOT NULL ORDER BY id');
}

beforeAll(async () => {
  const server = await TestServer.start({ STORELINK_SECRET_KEY: b64(OLD_KEY), OUTBOUND_ALLOW_PRIVATE: 'true', BIGCOMMERCE_API_URL: fake.url });
  dataDir = server.dataDir;
  const database = server.config().database;
  databaseUrl = database.type === 'postgres' ? { DATABASE_URL: database.url } : {};
  const gql = clientFor(server, await server.login());
  for (let i = 0; i < STORES; i++) {
    const hash = `rot${i}${randomBytes(3).toString('hex')}`;
    const token = tokenOf(i);
    fake.addStore({ hash, name: `Rotation ${i}`, domain: `rotation${i}.example` });
    fake.addToken({ hash, token, scopes: FULL_SCOPES });
    const id = (await gql(CREATE_STORE, { name: `Rotation ${i}` })).data.createEcommerceStore.id;
    const saved = await gql(UPDATE_CREDENTIALS, { id, credentials: { apiVersion: 'STORE_API_OAUTH', apiLogin: `stores/${hash}`, apiPassword: token } });
    expect(saved.errors).toBeUndefined();
    tokens.set(id, token);
  }
  await server.stop();
}, 120_000);

afterAll(async () => {
  const cleanup = await TestServer.start(rotatingEnv, dataDir).catch(() => TestServer.start({ STORELINK_SECRET_KEY: b64(NEW_KEY) }, dataDir));
  await cleanup.destroy();
});

test('a rotation killed half-way leaves every value readable, and running it again finishes it', async () => {
  // 1. Killed (SIGKILL) right after its first batch committed, while it pauses before the next.
  const killed = await rotateKey(rotatingEnv, ['--batch-size', '4', '--pause-ms', '2000'], /batch 1 committed/);
  expect(killed.signal).toBe('SIGKILL');
  expect(killed.output).not.toMatch(/done/);

  const during = await TestServer.start(rotatingEnv, dataDir);
  try {
    const rows = await storedSecrets(during);
    expect(rows).toHaveLength(STORES);
    const underNew = rows.filter((row) => SecretCipher.keyIdOfStored(row.apiPasswordEncrypted) === keyIdOf(NEW_KEY));
    const underOld = rows.filter((row) => SecretCipher.keyIdOfStored(row.apiPasswordEncrypted) === keyIdOf(OLD_KEY));
    expect(underNew.length).toBeGreaterThanOrEqual(4);
    expect(underOld.length).toBeGreaterThan(0);
    expect(underNew.length + underOld.length).toBe(STORES);
    // Half-way, both kinds decrypt, each to its own store's token.
    const both = new SecretCipher(NEW_KEY, [OLD_KEY]);
    for (const row of rows) expect(both.decrypt(row.apiPasswordEncrypted, contextOf(row.id))).toBe(tokens.get(row.id));
    // The new key's check is there, and the old one is kept until the end.
    const checks = (await during.dataSource.query('SELECT keyId FROM secret_key_checks')).map((c: { keyId: string }) => c.keyId).sort();
    expect(checks).toEqual([keyIdOf(NEW_KEY), keyIdOf(OLD_KEY)].sort());
  } finally {
    await during.stop();
  }

  // 2. Without the old key, start-up refuses: the rotation is not finished.
  await expect(TestServer.start({ STORELINK_SECRET_KEY: b64(NEW_KEY) }, dataDir)).rejects.toThrow(/key rotation has not finished.*STORELINK_PREVIOUS_SECRET_KEYS/s);

  // 3. Resumed: it finishes, and says the old key can go.
  const resumed = await rotateKey(rotatingEnv, ['--batch-size', '5']);
  expect(resumed.code).toBe(0);
  expect(resumed.output).toMatch(new RegExp(`done\\. \\d+ value\\(s\\) re-encrypted.*${keyIdOf(OLD_KEY)} are no longer used`, 's'));

  // 4. Idempotent: another run changes nothing.
  const settled = await TestServer.start(rotatingEnv, dataDir);
  const before = await storedSecrets(settled);
  await settled.stop();
  const again = await rotateKey(rotatingEnv);
  expect(again.code).toBe(0);
  expect(again.output).toMatch(/done\. 0 value\(s\) re-encrypted/);

  // 5. The old key removed: storelink starts, every value is under the new key, and every store's connection test passes.
  const after = await TestServer.start({ STORELINK_SECRET_KEY: b64(NEW_KEY), OUTBOUND_ALLOW_PRIVATE: 'true', BIGCOMMERCE_API_URL: fake.url }, dataDir);
  try {
    const rows = await storedSecrets(after);
    expect(rows).toEqual(before);
    const onlyNew = new SecretCipher(NEW_KEY);
    for (const row of rows) {
      expect(SecretCipher.keyIdOfStored(row.apiPasswordEncrypted)).toBe(keyIdOf(NEW_KEY));
      expect(onlyNew.decrypt(row.apiPasswordEncrypted, contextOf(row.id))).toBe(tokens.get(row.id));
    }
    expect(await after.dataSource.query('SELECT keyId FROM secret_key_checks')).toEqual([{ keyId: keyIdOf(NEW_KEY) }]);

    const gql = clientFor(after, await after.login());
    for (const id of [...tokens.keys()].slice(0, 3)) {
      const test = await gql('query($id: ID!) { testConnection(id: $id) { success status } }', { id });
      expect(test.data.testConnection).toEqual({ success: true, status: 'OK' });
    }
    const audit = await gql('{ allAuditEvents(filter: { actions: [KEY_ROTATED] }) { success actorName targetId detail } }');
    expect(audit.data.allAuditEvents).toEqual(
      expect.arrayContaining([expect.objectContaining({ success: true, actorName: 'rotate-key', targetId: keyIdOf(NEW_KEY) })]),
    );
    // The rotation wrote no secret and no key anywhere.
    const everything = [resumed.output, again.output, killed.output, after.logLines.join('\n'), JSON.stringify(audit)].join('\n');
    for (const secret of [...tokens.values(), b64(NEW_KEY), b64(OLD_KEY)]) expect(everything).not.toContain(secret);
  } finally {
    await after.stop();
  }
}, 180_000);
