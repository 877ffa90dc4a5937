import { InvalidInputError } from '../../server/common/errors';
import { ApiVersion } from '../../server/common/api-version';
import { WooCommercePlatform, checkConsumerKey, checkConsumerSecret, parseSiteUrl } from '../../server/platforms/woocommerce';

const strict = { allowPrivateTargets: false };
const KEY = `ck_${'0123456789abcdef0123'.repeat(2)}`;
const SECRET = `cs_${'fedcba9876543210fedc'.repeat(2)}`;

describe('the site URL, in any form a merchant pastes', () => {
  it.each([
    ['shop.example.com', 'https://shop.example.com'],
    ['https://shop.example.com/', 'https://shop.example.com'],
    ['  HTTPS://Shop.Example.com  ', 'https://shop.example.com'],
    ['https://shop.example.com/wp-admin/admin.php?page=wc-settings&tab=advanced', 'https://shop.example.com'],
    ['https://shop.example.com/wp-json/wc/v3/orders', 'https://shop.example.com'],
    ['example.com/shop/', 'https://example.com/shop'],
    ['https://example.com/shop/wp-admin/', 'https://example.com/shop'],
    ['https://example.com/shop/wp-json/', 'https://example.com/shop'],
    ['https://example.com/shop/?rest_route=/wc/v3', 'https://example.com/shop'],
    ['https://example.com:8443/shop#top', 'https://example.com:8443/shop'],
  ])('%s -> %s', (input, expected) => {
    expect(parseSiteUrl(input, strict)).toEqual({ ok: true, value: expected });
  });

  it('refuses http:// unless private targets are allowed (local fakes)', () => {
    expect(parseSiteUrl('http://shop.example.com', strict)).toMatchObject({ ok: false, reason: expect.stringMatching(/must start with https:\/\//) });
    expect(parseSiteUrl('http://127.0.0.1:4012/shop', { allowPrivateTargets: true })).toEqual({ ok: true, value: 'http://127.0.0.1:4012/shop' });
  });

  it('refuses the legacy API, naming the REST API', () => {
    const parsed = parseSiteUrl('https://shop.example.com/wc-api/v3/', strict);
    expect(parsed).toMatchObject({ ok: false, reason: expect.stringMatching(/legacy WooCommerce API \(\/wc-api\/\).*REST API \(\/wp-json\/wc\/v3\/\)/) });
  });

  it('refuses credentials in the URL and other schemes', () => {
    expect(parseSiteUrl('https://ck_x:cs_y@shop.example.com', strict)).toMatchObject({ ok: false });
    expect(parseSiteUrl('ftp://shop.example.com', strict)).toMatchObject({ ok: false });
    expect(parseSiteUrl('', strict)).toMatchObject({ ok: false });
  });
});

describe('normaliseLocation and checkSecret: BAD_USER_INPUT naming the field', () => {
  const connector = new WooCommercePlatform({ timeoutMs: 1000, allowPrivateTargets: false, userAgent: 'storelink-tests' });
  afterAll(() => connector.close());
  const fieldOf = (run: () => unknown): string | null => {
    try {
      run();
      return null;
    } catch (err) {
      expect(err).toBeInstanceOf(InvalidInputError);
      expect((err as InvalidInputError).code).toBe('BAD_USER_INPUT');
      return (err as InvalidInputError).field;
    }
  };

  it('normalises a good location', () => {
    expect(connector.normaliseLocation({ apiVersion: ApiVersion.WOOCOMMERCE_REST, apiLogin: ` ${KEY} `, apiUrl: 'example.com/shop/wp-admin/' }, strict)).toEqual({
      apiLogin: KEY,
      apiUrl: 'https://example.com/shop',
      storeHash: null,
    });
  });

  it('names apiUrl for a legacy /wc-api/ URL and apiLogin for a key of the wrong shape', () => {
    expect(fieldOf(() => connector.normaliseLocation({ apiVersion: ApiVersion.WOOCOMMERCE_REST, apiLogin: KEY, apiUrl: 'https://a.example/wc-api/v3' }, strict))).toBe('apiUrl');
    for (const key of ['', 'ck_123', SECRET, `${KEY}x`, KEY.replace('ck_', 'CK-')]) {
      expect(fieldOf(() => connector.normaliseLocation({ apiVersion: ApiVersion.WOOCOMMERCE_REST, apiLogin: key, apiUrl: 'https://a.example' }, strict))).toBe('apiLogin');
    }
  });

  it('names apiPassword for a secret of the wrong shape, and never repeats it', () => {
    expect(() => checkConsumerSecret(SECRET)).not.toThrow();
    for (const secret of ['', KEY, `${SECRET} `, 'cs_not-hex-at-all-0000000000000000000000000', 'hunter2-secret-value']) {
      try {
        connector.checkSecret(ApiVersion.WOOCOMMERCE_REST, secret);
        throw new Error('accepted');
      } catch (err) {
        expect((err as InvalidInputError).field).toBe('apiPassword');
        if (secret.length > 3) expect((err as Error).message).not.toContain(secret.trim().slice(3));
      }
    }
    expect(checkConsumerKey(KEY)).toBe(KEY);
  });
});
