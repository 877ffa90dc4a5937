import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import { SecretCipher } from '../../server/secrets/secret-cipher';
import { CREATE_STORE, GET_STORE, LIST_STORES, STORE_FIELDS, UPDATE_CREDENTIALS } from '../support/store-operations';
import { useAdminServer } from '../support/hooks';
import { ADMIN, clientFor, TestServer } from '../support/test-server';

const ACCESS_TOKEN = 'canaryaccesstoken0123456789wxyz';
const LEGACY_TOKEN = 'canarylegacytoken9876543210abcd';

const admin = useAdminServer();
const { server, gql } = admin;
let oauthId: string;
let legacyId: string;

beforeAll(async () => {
  oauthId = (await gql(CREATE_STORE, { name: 'OAuth store' })).data.createEcommerceStore.id;
  legacyId = (await gql(CREATE_STORE, { name: 'Legacy store' })).data.createEcommerceStore.id;
  await gql(UPDATE_CREDENTIALS, { id: oauthId, credentials: { apiVersion: 'STORE_API_OAUTH', apiLogin: 'stores/abc123', apiPassword: ACCESS_TOKEN } });
  await gql(UPDATE_CREDENTIALS, {
    id: legacyId,
    credentials: { apiVersion: 'LEGACY', apiLogin: 'admin', apiPassword: LEGACY_TOKEN, apiUrl: 'https://store-abc123.mybigcommerce.com' },
  });
  // Read everything back every way the API allows, so the checks below cover real responses.
  await gql(GET_STORE, { id: oauthId });
  await gql(GET_STORE, { id: legacyId });
  await gql(LIST_STORES, {});
  await gql(`{ allEcommerceStores { ${STORE_FIELDS} } }`);
});

const secrets = () => [ACCESS_TOKEN, LEGACY_TOKEN, ADMIN.password, admin.token];

test('no response ever contains a secret', () => {
  const responses = server.responseBodies.filter((body) => !body.includes('"login"'));
  expect(responses.length).toBeGreaterThan(5);
  for (const secret of [ACCESS_TOKEN, LEGACY_TOKEN, ADMIN.password]) {
    for (const body of server.responseBodies) expect(body).not.toContain(secret);
  }
  for (const body of responses) expect(body).not.toContain(admin.token);
});

test('the schema has no field through which a secret could be read', async () => {
  const type = await gql(`{ __type(name: "EcommerceStore") { fields { name } } }`);
  const fields = type.data.__type.fields.map((f: { name: string }) => f.name);
  expect(fields).toEqual(expect.arrayContaining(['apiPasswordSet', 'apiPasswordLast4']));
  expect(fields.filter((name: string) => /password|token|secret|encrypted/i.test(name)).sort()).toEqual(['apiPasswordLast4', 'apiPasswordSet']);
});

test('no log line contains a secret, while the requests were logged', () => {
  const log = server.logLines.join('\n');
  expect(log).toMatch(/"msg":"graphql request"/);
  for (const secret of secrets()) expect(log).not.toContain(secret);
});

test('the database files hold the credentials only encrypted', async () => {
  const bytes = server.databaseBytes();
  expect(bytes.length).toBeGreaterThan(0);
  for (const secret of secrets()) expect(bytes.includes(Buffer.from(secret))).toBe(false);
  const [row] = await server.dataSource.query('SELECT apiPasswordEncrypted FROM ecommerce_stores WHERE id = ?', [oauthId]);
  expect(row.apiPasswordEncrypted).toMatch(/^v1\.k[0-9a-f]{12}\./);
});

test('the generated key file is readable by its owner only', () => {
  const mode = fs.statSync(server.config().secretKeyFile).mode & 0o777;
  expect(mode).toBe(0o600);
});

test('an unexpected failure answers INTERNAL_SERVER_ERROR without SQL, and logs the cause', async () => {
  const scratch = await TestServer.start();
  try {
    const client = clientFor(scratch, await scratch.login());
    await scratch.dataSource.query('DROP TABLE ecommerce_stores');
    const result = await client(LIST_STORES, {});
    expect(result.errors![0].extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
    // SQLite says "no such table", PostgreSQL 'relation "…" does not exist'.
    expect(JSON.stringify(result)).not.toMatch(/SQLITE|SELECT|no such table|does not exist|at .*\.ts/);
    expect(scratch.logLines.join('\n')).toMatch(/no such table|relation \\"ecommerce_stores\\" does not exist/);
  } finally {
    await scratch.destroy();
  }
});

describe('restarts and keys', () => {
  test('after a restart the data is there and the stored secret still decrypts with the key file', async () => {
    const dataDir = server.dataDir;
    await server.restart();
    const client = clientFor(server, await server.login());
    const store = (await client(GET_STORE, { id: oauthId })).data.EcommerceStore;
    expect(store).toMatchObject({ apiLogin: 'stores/abc123', apiPasswordSet: true, apiPasswordLast4: 'wxyz' });

    const key = Buffer.from(fs.readFileSync(`${dataDir}/secret.key`, 'utf8'), 'base64');
    const [row] = await server.dataSource.query('SELECT apiPasswordEncrypted FROM ecommerce_stores WHERE id = ?', [oauthId]);
    expect(new SecretCipher(key).decrypt(row.apiPasswordEncrypted, `ecommerce_stores:${oauthId}:apiPassword`)).toBe(ACCESS_TOKEN);
  });

  test('start-up refuses a key that did not encrypt the stored credentials, naming the problem', async () => {
    const otherKey = randomBytes(32).toString('base64');
    const keyed = await TestServer.start({ STORELINK_SECRET_KEY: randomBytes(32).toString('base64') });
    await keyed.stop();
    const wrong = TestServer.start({ STORELINK_SECRET_KEY: otherKey }, keyed.dataDir);
    await expect(wrong).rejects.toThrow(/not the key this database's credentials were encrypted with/);
    fs.rmSync(keyed.dataDir, { recursive: true, force: true });
  });

  test('STORELINK_SECRET_KEY that is not 32 bytes of base64 stops start-up without echoing it', async () => {
    const attempt = TestServer.start({ STORELINK_SECRET_KEY: 'dG9vc2hvcnQ=' });
    await expect(attempt).rejects.toThrow(/STORELINK_SECRET_KEY must be the base64 encoding of 32 random bytes/);
    await attempt.catch((error: Error) => expect(error.message).not.toContain('dG9vc2hvcnQ='));
  });
});
