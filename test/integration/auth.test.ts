import { useTestServer } from '../support/hooks';
import { ADMIN, TestServer } from '../support/test-server';

const server = useTestServer();

const LOGIN = 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token user { id email role } } }';

describe('login', () => {
  test('the first admin from ADMIN_EMAIL/ADMIN_PASSWORD signs in, email case-insensitively', async () => {
    const result = await server.graphql(LOGIN, { e: ADMIN.email.toUpperCase(), p: ADMIN.password });
    expect(result.data.login.user).toMatchObject({ email: ADMIN.email, role: 'ADMIN' });
    expect(result.data.login.token).toMatch(/^sls_[A-Za-z0-9_-]{43}$/);
  });

  test('a wrong password and an unknown email get the same UNAUTHENTICATED answer', async () => {
    const wrongPassword = await server.graphql(LOGIN, { e: ADMIN.email, p: 'not the password at all' });
    const unknownEmail = await server.graphql(LOGIN, { e: 'nobody@example.com', p: ADMIN.password });
    expect(wrongPassword.errors![0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(unknownEmail.errors![0]).toEqual(wrongPassword.errors![0]);
    expect(JSON.stringify([wrongPassword, unknownEmail])).not.toContain(ADMIN.password);
  });

  test('passwords are stored as argon2id hashes and session tokens only as SHA-256 hashes', async () => {
    const token = await server.login();
    const [user] = await server.dataSource.query('SELECT passwordHash FROM users');
    expect(user.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
    const sessions = await server.dataSource.query('SELECT tokenHash FROM sessions');
    expect(sessions.length).toBeGreaterThan(0);
    const bytes = server.databaseBytes();
    expect(bytes.includes(Buffer.from(token))).toBe(false);
    expect(bytes.includes(Buffer.from(token.slice(4)))).toBe(false);
    expect(bytes.includes(Buffer.from(ADMIN.password))).toBe(false);
  });
});

describe('every operation but login needs a valid bearer token', () => {
  const operations: Array<[string, string]> = [
    ['me', '{ me { id } }'],
    ['EcommerceStore', '{ EcommerceStore(id: "x") { id } }'],
    ['allEcommerceStores', '{ allEcommerceStores { id } }'],
    ['_allEcommerceStoresMeta', '{ _allEcommerceStoresMeta { count } }'],
    ['createEcommerceStore', 'mutation { createEcommerceStore(name: "x") { id } }'],
    ['updateEcommerceStore', 'mutation { updateEcommerceStore(id: "x", name: "y") { id } }'],
    ['deleteEcommerceStore', 'mutation { deleteEcommerceStore(id: "x") { id } }'],
    [
      'updateApiCredentials',
      'mutation { updateApiCredentials(id: "x", credentials: { apiVersion: STORE_API_OAUTH, apiLogin: "abc", apiPassword: "tok" }) { id } }',
    ],
  ];

  test.each(operations)('%s without a token is UNAUTHENTICATED', async (_name, query) => {
    const result = await server.graphql(query);
    expect(result.errors![0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(Object.values(result.data ?? {}).every((value) => value === null)).toBe(true);
  });

  test.each(operations)('%s with an unknown token is UNAUTHENTICATED', async (_name, query) => {
    const result = await server.graphql(query, undefined, 'sls_' + 'A'.repeat(43));
    expect(result.errors![0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  test('an expired session is refused', async () => {
    const token = await server.login();
    expect((await server.graphql('{ me { email } }', undefined, token)).data.me.email).toBe(ADMIN.email);
    await server.dataSource.query("UPDATE sessions SET expiresAt = '2000-01-01 00:00:00.000'");
    expect((await server.graphql('{ me { email } }', undefined, token)).errors![0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  test('a disabled user can neither use a session nor sign in', async () => {
    const token = await server.login();
    await server.dataSource.query("UPDATE users SET disabledAt = '2020-01-01 00:00:00.000'");
    try {
      expect((await server.graphql('{ me { email } }', undefined, token)).errors![0].extensions?.code).toBe('UNAUTHENTICATED');
      expect((await server.graphql(LOGIN, { e: ADMIN.email, p: ADMIN.password })).errors![0].extensions?.code).toBe('UNAUTHENTICATED');
    } finally {
      await server.dataSource.query('UPDATE users SET disabledAt = NULL');
    }
  });
});

describe('first start', () => {
  test('without ADMIN_EMAIL/ADMIN_PASSWORD, the log says how to create the first admin', async () => {
    const bare = await TestServer.start({ ADMIN_EMAIL: '', ADMIN_PASSWORD: '' });
    try {
      expect(bare.logLines.join('\n')).toMatch(/ADMIN_EMAIL and ADMIN_PASSWORD/);
      expect((await bare.graphql(LOGIN, { e: ADMIN.email, p: ADMIN.password })).errors![0].extensions?.code).toBe('UNAUTHENTICATED');
    } finally {
      await bare.destroy();
    }
  });

  test('a too-short ADMIN_PASSWORD stops start-up with a message naming it', async () => {
    await expect(TestServer.start({ ADMIN_PASSWORD: 'short' })).rejects.toThrow(/ADMIN_PASSWORD: .*at least 12 characters/);
  });
});
