import { ConfigError, loadConfig } from '../../server/config';

test('the defaults are the documented ones', () => {
  const config = loadConfig({});
  expect(config).toMatchObject({
    port: 4000,
    database: { type: 'sqlite', path: 'data/storelink.sqlite' },
    secretKeyFile: 'data/secret.key',
    bigcommerceApiUrl: 'https://api.bigcommerce.com',
    allowPrivateTargets: false,
    httpTimeoutMs: 10000,
    initialAdmin: undefined,
  });
});

test.each([
  ['sqlite:/var/lib/storelink/db.sqlite', { type: 'sqlite', path: '/var/lib/storelink/db.sqlite' }],
  ['sqlite:relative.sqlite', { type: 'sqlite', path: 'relative.sqlite' }],
  ['postgres://u:p@localhost/storelink', { type: 'postgres', url: 'postgres://u:p@localhost/storelink' }],
])('DATABASE_URL %s', (url, expected) => {
  expect(loadConfig({ DATABASE_URL: url }).database).toEqual(expected);
});

test('every invalid variable is named in one error, without its value', () => {
  let error: unknown;
  try {
    loadConfig({ PORT: 'eighty', HTTP_TIMEOUT_MS: '-5', OUTBOUND_ALLOW_PRIVATE: 'maybe', BIGCOMMERCE_API_URL: 'ftp://secretish.example' });
  } catch (caught) {
    error = caught;
  }
  expect(error).toBeInstanceOf(ConfigError);
  const message = (error as Error).message;
  for (const name of ['PORT', 'HTTP_TIMEOUT_MS', 'OUTBOUND_ALLOW_PRIVATE', 'BIGCOMMERCE_API_URL']) expect(message).toContain(name);
  expect(message).not.toContain('secretish');
});

test('an unsupported DATABASE_URL is refused', () => {
  expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
});

test('ADMIN_EMAIL without ADMIN_PASSWORD is refused', () => {
  expect(() => loadConfig({ ADMIN_EMAIL: 'a@example.com' })).toThrow(/set together/);
});

test('OUTBOUND_ALLOW_PRIVATE accepts true/false spellings', () => {
  expect(loadConfig({ OUTBOUND_ALLOW_PRIVATE: 'true' }).allowPrivateTargets).toBe(true);
  expect(loadConfig({ OUTBOUND_ALLOW_PRIVATE: '0' }).allowPrivateTargets).toBe(false);
});
