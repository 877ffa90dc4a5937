import { ApiVersion } from '../../server/common/api-version';
import { InvalidInputError } from '../../server/common/errors';
import { Platform } from '../../server/common/platform';
import { createPlatformRegistry } from '../../server/platforms/registry';
import { lastFour, normaliseCredentials, type CredentialsInput, type SavedCredentialsState } from '../../server/stores/store-credentials';

/**
 * The rules for credentials as an admin enters them: what is saved, and for what is refused,
 * the field named and a message that never repeats the secret. The location's rules are the
 * BigCommerce connector's (the store code keeps the secret's); no request is sent.
 */

const platforms = createPlatformRegistry({
  bigcommerceApiUrl: 'https://api.bigcommerce.com',
  shopifyApiUrl: 'https://{shop}.myshopify.com',
  shopifyApiVersion: '2026-01',
  httpTimeoutMs: 1000,
  allowPrivateTargets: false,
  userAgent: 'storelink-tests',
});
afterAll(() => platforms.close());
const bigcommerce = platforms.forPlatform(Platform.BIGCOMMERCE);
const normalise = (input: CredentialsInput, saved: SavedCredentialsState, options: { allowPrivateTargets: boolean }) =>
  normaliseCredentials(input, saved, bigcommerce, options);

const NOTHING_SAVED: SavedCredentialsState = { apiVersion: null, hasPassword: false };
const OAUTH_SAVED: SavedCredentialsState = { apiVersion: ApiVersion.STORE_API_OAUTH, hasPassword: true };
const STRICT = { allowPrivateTargets: false };
const TOKEN = 'abcdefghijklmnopqrstuvwxyz01234';

/** The refusal, as { field, message }; fails when the input was accepted. */
function refusal(input: CredentialsInput, saved = NOTHING_SAVED, options = STRICT): { field: string; message: string } {
  try {
    normalise(input, saved, options);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidInputError);
    return { field: (error as InvalidInputError).field, message: (error as Error).message };
  }
  throw new Error(`accepted: ${JSON.stringify(input)}`);
}

describe('Store API (OAuth)', () => {
  test('the store hash is read from any form of the API path', () => {
    for (const apiLogin of ['stores/abcd1234', 'ABCD1234', ' https://api.bigcommerce.com/stores/abcd1234/v3/ ', 'api.bigcommerce.com/stores/abcd1234/v2']) {
      expect(normalise({ apiVersion: ApiVersion.STORE_API_OAUTH, apiLogin, apiPassword: TOKEN }, NOTHING_SAVED, STRICT)).toEqual({
        apiVersion: ApiVersion.STORE_API_OAUTH,
        apiLogin: 'stores/abcd1234',
        apiUrl: null,
        storeHash: 'abcd1234',
        apiPassword: TOKEN,
      });
    }
  });

  test('a bad API path names apiLogin; an API URL with a Store API account names apiUrl', () => {
    expect(refusal({ apiVersion: ApiVersion.STORE_API_OAUTH, apiLogin: 'https://evil.example/stores/abcd1234/v3/', apiPassword: TOKEN })).toEqual({
      field: 'apiLogin',
      message: expect.stringMatching(/must be on https:\/\/api\.bigcommerce\.com/),
    });
    expect(refusal({ apiVersion: ApiVersion.STORE_API_OAUTH, apiLogin: '', apiPassword: TOKEN }).field).toBe('apiLogin');
    expect(refusal({ apiVersion: ApiVersion.STORE_API_OAUTH, apiLogin: 'abcd1234', apiPassword: TOKEN, apiUrl: 'https://x.example/api/v2/' })).toEqual({
      field: 'apiUrl',
      message: expect.stringMatching(/only used by Legacy API accounts/),
    });
  });
});

describe('the secret', () => {
  const oauth = (apiPassword?: string | null): CredentialsInput => ({ apiVersion: ApiVersion.STORE_API_OAUTH, apiLogin: 'abcd1234', apiPassword });

  test('left out, the saved one is kept (undefined) when it belongs to the same API version', () => {
    expect(normalise(oauth(undefined), OAUTH_SAVED, STRICT)).toMatchObject({ apiPassword: undefined });
    expect(normalise(oauth(null), OAUTH_SAVED, STRICT)).toMatchObject({ apiPassword: undefined });
  });

  test('left out with none saved, or with one of another API version: refused, saying why', () => {
    expect(refusal(oauth(undefined))).toEqual({ field: 'apiPassword', message: expect.stringMatching(/none is saved yet/) });
    const legacySaved: SavedCredentialsState = { apiVersion: ApiVersion.LEGACY, hasPassword: true };
    expect(refusal(oauth(undefined), legacySaved)).toEqual({ field: 'apiPassword', message: expect.stringMatching(/A new API version needs its own secret/) });
  });

  test('empty, with white space, or over 1024 characters: refused without repeating it', () => {
    const withSpace = `${TOKEN.slice(0, 10)} ${TOKEN.slice(10)}`;
    const tooLong = 'k'.repeat(1025);
    for (const [secret, reason] of [
      ['', /empty/],
      [withSpace, /spaces or line breaks/],
      [`${TOKEN}\n`, /spaces or line breaks/],
      [tooLong, /longer than 1024 characters/],
    ] as const) {
      const { field, message } = refusal(oauth(secret));
      expect(field).toBe('apiPassword');
      expect(message).toMatch(reason);
      if (secret) expect(message).not.toContain(secret.trim().slice(0, 8));
    }
    expect(normalise(oauth('k'.repeat(1024)), NOTHING_SAVED, STRICT).apiPassword).toHaveLength(1024);
  });
});

describe('Legacy API accounts', () => {
  const legacy = (apiLogin: string, apiUrl?: string | null): CredentialsInput => ({ apiVersion: ApiVersion.LEGACY, apiLogin, apiPassword: TOKEN, apiUrl });

  test('the username is trimmed and the API URL normalised to the API root', () => {
    expect(normalise(legacy('  admin ', 'https://Store-Abc123.mybigcommerce.com/api'), NOTHING_SAVED, STRICT)).toEqual({
      apiVersion: ApiVersion.LEGACY,
      apiLogin: 'admin',
      apiUrl: 'https://store-abc123.mybigcommerce.com/api/v2/',
      storeHash: null,
      apiPassword: TOKEN,
    });
  });

  test('a username that is empty, too long, or holds a colon or a space names apiLogin', () => {
    for (const apiLogin of ['   ', 'a'.repeat(256), 'ad:min', 'ad min']) expect(refusal(legacy(apiLogin, 'https://store-abc123.mybigcommerce.com/api/v2/')).field).toBe('apiLogin');
  });

  test('the API URL: required, https only unless private targets are allowed, no credentials, query or resource path', () => {
    expect(refusal(legacy('admin', null))).toEqual({ field: 'apiUrl', message: expect.stringMatching(/Enter the Legacy API URL/) });
    expect(refusal(legacy('admin', 'http://store-abc123.mybigcommerce.com/api/v2/'))).toEqual({ field: 'apiUrl', message: expect.stringMatching(/must start with https:\/\//) });
    expect(normalise(legacy('admin', 'http://127.0.0.1:4010/api/v2/'), NOTHING_SAVED, { allowPrivateTargets: true })).toMatchObject({ apiUrl: 'http://127.0.0.1:4010/api/v2/' });
    expect(refusal(legacy('admin', 'https://admin:pw@store-abc123.mybigcommerce.com/api/v2/')).message).toMatch(/must not contain a username or password/);
    expect(refusal(legacy('admin', 'https://store-abc123.mybigcommerce.com/api/v2/?x=1')).message).toMatch(/query or fragment/);
    expect(refusal(legacy('admin', 'https://store-abc123.mybigcommerce.com/api/v2/orders')).message).toMatch(/API root, not a resource/);
    expect(refusal(legacy('admin', 'store-abc123')).message).toMatch(/absolute URL/);
  });
});

test('a Shopify API version on a BigCommerce store names apiVersion and the versions to choose', () => {
  expect(() => platforms.forStore(Platform.BIGCOMMERCE, ApiVersion.SHOPIFY_ADMIN_TOKEN)).toThrow(
    expect.objectContaining({ field: 'apiVersion', message: expect.stringMatching(/belongs to Shopify, and this is a BigCommerce store: choose one of STORE_API_OAUTH, LEGACY/) }),
  );
});

test('lastFour shows 4 characters only of secrets of 12 or more', () => {
  expect(lastFour(TOKEN)).toBe('1234');
  expect(lastFour('abcdefghijkl')).toBe('ijkl');
  expect(lastFour('abcdefghijk')).toBeNull();
});
