import { formatApiPath, parseLegacyApiUrl, parseStoreHash } from '../../server/platforms/bigcommerce/api-path';

describe('parseStoreHash', () => {
  it.each([
    ['stores/abcd1234', 'abcd1234'],
    ['/stores/abcd1234/', 'abcd1234'],
    ['abcd1234', 'abcd1234'],
    ['x62tqn', 'x62tqn'],
    ['https://api.bigcommerce.com/stores/hpj4hvw2bb/v3/', 'hpj4hvw2bb'],
    ['https://api.bigcommerce.com/stores/hpj4hvw2bb/v3', 'hpj4hvw2bb'],
    ['https://api.bigcommerce.com/stores/hpj4hvw2bb/v2/', 'hpj4hvw2bb'],
    ['https://api.bigcommerce.com/stores/hpj4hvw2bb', 'hpj4hvw2bb'],
    ['https://api.bigcommerce.com/stores/hpj4hvw2bb/', 'hpj4hvw2bb'],
    ['api.bigcommerce.com/stores/hpj4hvw2bb/v3/', 'hpj4hvw2bb'],
    ['HTTPS://API.BIGCOMMERCE.COM/STORES/HPJ4HVW2BB/V3/', 'hpj4hvw2bb'],
    ['Stores/ABCD1234', 'abcd1234'],
    ['  stores/abcd1234  \n', 'abcd1234'],
  ])('accepts %j as hash %j', (input, hash) => {
    expect(parseStoreHash(input)).toEqual({ ok: true, value: hash });
  });

  it.each([
    ['', /empty/],
    ['   ', /empty/],
    ['http://api.bigcommerce.com/stores/abcd1234/v3/', /must be on https:\/\/api\.bigcommerce\.com/],
    ['https://api.bigcommerce.com.evil.example/stores/abcd1234/v3/', /must be on https:\/\/api\.bigcommerce\.com/],
    ['https://evil.example/stores/abcd1234/v3/', /must be on https:\/\/api\.bigcommerce\.com/],
    ['https://api.bigcommerce.com:8443/stores/abcd1234/v3/', /must be on https:\/\/api\.bigcommerce\.com/],
    ['https://user:pass@api.bigcommerce.com/stores/abcd1234/', /must be on https:\/\/api\.bigcommerce\.com/],
    ['https://api.bigcommerce.com/stores/abcd1234/v3/?x=1', /query or fragment/],
    ['https://api.bigcommerce.com/stores/abcd1234/v3/#top', /query or fragment/],
    ['https://api.bigcommerce.com/stores/abcd1234/v3/catalog', /unexpected form/],
    ['stores/abcd1234/v4', /unexpected form/],
    ['stores/abcd1234/extra/v3', /unexpected form/],
    ['shops/abcd1234', /unexpected form/],
    ['stores', /unexpected form/],
    ['stores/', /unexpected form/],
    ['stores/abc-123', /only letters and digits/],
    ['stores/abc_123', /only letters and digits/],
    ['stores/abc%20123', /only letters and digits/],
    ['abc.123', /only letters and digits/],
    ['stores/ab cd', /only letters and digits/],
    ['stores/..', /only letters and digits/],
  ])('refuses %j', (input, reason) => {
    const parsed = parseStoreHash(input);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.reason).toMatch(reason);
      // Every refusal shows what a valid value looks like.
      expect(parsed.reason).toContain('stores/abcd1234');
    }
  });

  it('formats the hash back as the control panel shows the API path', () => {
    expect(formatApiPath('abcd1234')).toBe('stores/abcd1234');
  });
});

describe('parseLegacyApiUrl', () => {
  it.each([
    ['https://store-abc123.mybigcommerce.com/api/v2/', 'https://store-abc123.mybigcommerce.com/api/v2/'],
    ['https://store-abc123.mybigcommerce.com/api/v2', 'https://store-abc123.mybigcommerce.com/api/v2/'],
    ['https://store-abc123.mybigcommerce.com/api', 'https://store-abc123.mybigcommerce.com/api/v2/'],
    ['https://store-abc123.mybigcommerce.com/', 'https://store-abc123.mybigcommerce.com/api/v2/'],
    ['https://store-abc123.mybigcommerce.com', 'https://store-abc123.mybigcommerce.com/api/v2/'],
    ['  https://Shop.Example.com/API/V2/  ', 'https://shop.example.com/api/v2/'],
    ['https://shop.example.com:8443/api/v2/', 'https://shop.example.com:8443/api/v2/'],
  ])('normalises %j to %j', (input, normalised) => {
    expect(parseLegacyApiUrl(input, false)).toEqual({ ok: true, value: normalised });
  });

  it('accepts http:// only when insecure http is allowed (local fakes)', () => {
    expect(parseLegacyApiUrl('http://127.0.0.1:4010/api/v2/', true)).toEqual({ ok: true, value: 'http://127.0.0.1:4010/api/v2/' });
    const refused = parseLegacyApiUrl('http://127.0.0.1:4010/api/v2/', false);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.reason).toMatch(/must start with https:\/\//);
  });

  it.each([
    ['', /absolute URL/],
    ['store-abc123.mybigcommerce.com/api/v2/', /absolute URL/],
    ['ftp://store-abc123.mybigcommerce.com/api/v2/', /must start with https:\/\//],
    ['javascript:alert(1)', /must start with https:\/\//],
    ['https://admin:secret@store-abc123.mybigcommerce.com/api/v2/', /must not contain a username or password/],
    ['https://store-abc123.mybigcommerce.com/api/v2/?debug=1', /query or fragment/],
    ['https://store-abc123.mybigcommerce.com/api/v2/#x', /query or fragment/],
    ['https://store-abc123.mybigcommerce.com/api/v2/orders', /API root, not a resource/],
    ['https://store-abc123.mybigcommerce.com/api/v3/', /API root, not a resource/],
    ['https://store-abc123.mybigcommerce.com/shop/api/v2/', /API root, not a resource/],
  ])('refuses %j', (input, reason) => {
    const parsed = parseLegacyApiUrl(input, false);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.reason).toMatch(reason);
      expect(parsed.reason).toContain('https://store-abc123.mybigcommerce.com/api/v2/');
    }
  });

  it('never echoes an embedded password in its reason', () => {
    const parsed = parseLegacyApiUrl('https://admin:hunter2secret@shop.example.com/api/v2/', false);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).not.toContain('hunter2secret');
  });
});
