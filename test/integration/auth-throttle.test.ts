import { useTestServer } from '../support/hooks';
import { ADMIN, TestServer } from '../support/test-server';

/**
 * Sign-in throttling: 5 failures per email and address, 30 per address, in 15 minutes.
 * TRUST_PROXY lets each test speak from its own address through X-Forwarded-For.
 */

const server = useTestServer({ TRUST_PROXY: 'true' });

let addressCounter = 0;
const newAddress = () => `203.0.113.${++addressCounter}`;

async function login(email: string, password: string, ip: string, target = server) {
  const response = await fetch(`${target.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
    body: JSON.stringify({ query: 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', variables: { e: email, p: password } }),
  });
  return (await response.json()) as { data: { login: { token: string } } | null; errors?: Array<{ message: string; extensions: Record<string, unknown> }> };
}
const codeOf = (result: Awaited<ReturnType<typeof login>>) => result.errors?.[0].extensions.code ?? 'OK';

test('after 5 wrong passwords, even the right one is refused with LOGIN_THROTTLED; other addresses are unaffected', async () => {
  const ip = newAddress();
  for (let i = 0; i < 5; i++) expect(codeOf(await login(ADMIN.email, `wrong password ${i}`, ip))).toBe('UNAUTHENTICATED');
  const throttled = await login(ADMIN.email, ADMIN.password, ip);
  expect(throttled.data).toBeNull();
  expect(throttled.errors![0].extensions).toEqual({ code: 'LOGIN_THROTTLED', retryAfterSeconds: expect.any(Number) });
  expect(throttled.errors![0].extensions.retryAfterSeconds).toBeGreaterThan(14 * 60);
  expect(throttled.errors![0].message).toMatch(/Too many failed sign-in attempts/);
  expect(codeOf(await login(ADMIN.email.toUpperCase(), ADMIN.password, ip))).toBe('LOGIN_THROTTLED');
  // The owner, from elsewhere, still signs in.
  expect(codeOf(await login(ADMIN.email, ADMIN.password, newAddress()))).toBe('OK');
});

test('aliases in one request get no more guesses than separate requests', async () => {
  const ip = newAddress();
  const aliased = async (passwords: string[]) => {
    const fields = passwords.map((password, i) => `a${i}: login(email: "${ADMIN.email}", password: "${password}") { token }`);
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
      body: JSON.stringify({ query: `mutation { ${fields.join(' ')} }` }),
    });
    const text = await response.text();
    return { text, result: JSON.parse(text) as { data: unknown; errors: Array<{ path: string[]; extensions: { code: string } }> } };
  };
  // Each aliased login is checked and counted on its own (the first failure ends the request:
  // login returns a non-null payload), so five such requests use up the five guesses...
  for (let i = 0; i < 5; i++) {
    const { result } = await aliased([`wrong ${i}a`, `wrong ${i}b`, `wrong ${i}c`]);
    expect(result.errors.map((error) => [error.path[0], error.extensions.code])).toEqual([['a0', 'UNAUTHENTICATED']]);
  }
  // ...and then no alias gets through, not even with the right password.
  const { text, result } = await aliased([ADMIN.password, ADMIN.password, ADMIN.password]);
  expect(result.data).toBeNull();
  expect(result.errors.map((error) => error.extensions.code)).toEqual(['LOGIN_THROTTLED']);
  expect(text).not.toMatch(/sls_/);
});

test('parallel requests get no more guesses either', async () => {
  const ip = newAddress();
  const results = await Promise.all(Array.from({ length: 12 }, (_, i) => login(ADMIN.email, `parallel guess ${i}`, ip)));
  const codes = results.map(codeOf);
  expect(codes.filter((code) => code === 'UNAUTHENTICATED')).toHaveLength(5);
  expect(codes.filter((code) => code === 'LOGIN_THROTTLED')).toHaveLength(7);
});

test('one address spraying many accounts is stopped after 30 failures, whatever the emails', async () => {
  const ip = newAddress();
  for (let i = 0; i < 30; i++) expect(codeOf(await login(`user${i}@example.com`, 'password123456', ip))).toBe('UNAUTHENTICATED');
  expect(codeOf(await login('fresh-target@example.com', 'password123456', ip))).toBe('LOGIN_THROTTLED');
  expect(codeOf(await login(ADMIN.email, ADMIN.password, ip))).toBe('LOGIN_THROTTLED');
});

test('a successful sign-in clears the count for that account and address', async () => {
  const ip = newAddress();
  for (let i = 0; i < 4; i++) await login(ADMIN.email, `almost ${i}`, ip);
  expect(codeOf(await login(ADMIN.email, ADMIN.password, ip))).toBe('OK');
  for (let i = 0; i < 4; i++) expect(codeOf(await login(ADMIN.email, `again ${i}`, ip))).toBe('UNAUTHENTICATED');
});

test('changing the password is throttled the same way (a stolen session cannot guess the current password)', async () => {
  const ip = newAddress();
  const token = (await login(ADMIN.email, ADMIN.password, ip)).data!.login.token;
  const change = async (current: string) => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': ip, authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: 'mutation($c: String!) { changePassword(currentPassword: $c, newPassword: "a brand new password") { id } }', variables: { c: current } }),
    });
    return ((await response.json()) as { errors?: Array<{ extensions: { code: string; field?: string } }> }).errors?.[0].extensions;
  };
  for (let i = 0; i < 5; i++) expect(await change(`not it ${i}`)).toEqual({ code: 'BAD_USER_INPUT', field: 'currentPassword' });
  expect((await change(ADMIN.password))?.code).toBe('LOGIN_THROTTLED');
});

describe('the counts are in the database', () => {
  const loginAt = async (target: TestServer, email: string, password: string, ip: string) => codeOf(await login(email, password, ip, target));

  test('a restart forgets nothing: the throttle still holds, with the time left', async () => {
    const ip = newAddress();
    for (let i = 0; i < 5; i++) expect(await loginAt(server, ADMIN.email, `before restart ${i}`, ip)).toBe('UNAUTHENTICATED');
    await server.restart();
    const throttled = await login(ADMIN.email, ADMIN.password, ip);
    expect(throttled.errors?.[0].extensions).toEqual({ code: 'LOGIN_THROTTLED', retryAfterSeconds: expect.any(Number) });
    expect(throttled.errors![0].extensions.retryAfterSeconds).toBeGreaterThan(14 * 60);
    expect(await loginAt(server, ADMIN.email, ADMIN.password, newAddress())).toBe('OK');
  });

  test('two instances on one database share the limit', async () => {
    const second = await TestServer.start({ TRUST_PROXY: 'true' }, server.dataDir);
    try {
      const ip = newAddress();
      for (let i = 0; i < 3; i++) expect(await loginAt(server, ADMIN.email, `first instance ${i}`, ip)).toBe('UNAUTHENTICATED');
      for (let i = 0; i < 2; i++) expect(await loginAt(second, ADMIN.email, `second instance ${i}`, ip)).toBe('UNAUTHENTICATED');
      expect(await loginAt(server, ADMIN.email, ADMIN.password, ip)).toBe('LOGIN_THROTTLED');
      expect(await loginAt(second, ADMIN.email, ADMIN.password, ip)).toBe('LOGIN_THROTTLED');
    } finally {
      await second.stop();
    }
  });

  test('what was typed as the email is not stored as typed', async () => {
    const typed = 'my-secret-password-typed-as-email';
    expect(await loginAt(server, typed, 'whatever it is', newAddress())).toBe('UNAUTHENTICATED');
    const rows = await server.dataSource.query('SELECT key, points FROM login_failure_counts');
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toContain(typed);
  });
});
