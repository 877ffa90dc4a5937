import { request } from 'undici';
import { startFakeShopify, type FakeShopify } from '../fakes/shopify';

/** The fake itself behaves as shopify-api.md says, so tests built on it mean something. */

let fake: FakeShopify;
const TOKEN = 'shpat_0123456789abcdef0123456789abcdef';

beforeAll(async () => {
  fake = await startFakeShopify();
  fake.addShop({ shop: 'acme', name: 'Acme', domain: 'acme.example' });
  fake.addShop({ shop: 'tiny', bucket: { size: 2, leakPerSecond: 0.001 } });
  fake.addAdminToken({ shop: 'acme', token: TOKEN, scopes: ['write_orders', 'read_products'] });
  fake.addAdminToken({ shop: 'tiny', token: 'shpat_tiny', scopes: [] });
  fake.addApp({ shop: 'acme', clientId: 'cid', clientSecret: 'shpss_secret', scopes: ['read_orders'] });
});
afterAll(() => fake.stop());
beforeEach(() => fake.reset());

async function call(path: string, options: { token?: string; method?: 'GET' | 'POST'; body?: string; contentType?: string } = {}) {
  const response = await request(`${fake.url}${path}`, {
    method: options.method ?? 'GET',
    headers: { accept: 'application/json', ...(options.token ? { 'x-shopify-access-token': options.token } : {}), ...(options.contentType ? { 'content-type': options.contentType } : {}) },
    body: options.body,
  });
  const text = await response.body.text();
  return { status: response.statusCode, headers: response.headers, text, json: () => JSON.parse(text) as Record<string, unknown> };
}

it('serves shop.json with the shop, the answering API version and the call limit', async () => {
  const res = await call('/acme/admin/api/2026-01/shop.json', { token: TOKEN });
  expect(res.status).toBe(200);
  expect(res.json().shop).toMatchObject({ name: 'Acme', domain: 'acme.example', myshopify_domain: 'acme.myshopify.com' });
  expect(res.headers['x-shopify-api-version']).toBe('2026-01');
  expect(res.headers['x-shopify-shop-api-call-limit']).toBe('1/40');
});

it('answers an unsupported version with the oldest supported one, and says so', async () => {
  const res = await call('/acme/admin/api/2022-01/shop.json', { token: TOKEN });
  expect(res.status).toBe(200);
  expect(res.headers['x-shopify-api-version']).toBe('2025-04');
});

it('lists the exact scopes of a token at access_scopes.json', async () => {
  const res = await call('/acme/admin/oauth/access_scopes.json', { token: TOKEN });
  expect(res.json()).toEqual({ access_scopes: [{ handle: 'write_orders' }, { handle: 'read_products' }] });
});

it('answers a wrong token with 401 and Shopify JSON, an unknown shop with an HTML 404', async () => {
  const wrong = await call('/acme/admin/api/2026-01/shop.json', { token: 'shpat_wrong' });
  expect(wrong.status).toBe(401);
  expect(wrong.json()).toEqual({ errors: '[API] Invalid API key or access token (unrecognized login or wrong password)' });
  const unknown = await call('/nope/admin/api/2026-01/shop.json', { token: TOKEN });
  expect(unknown.status).toBe(404);
  expect(unknown.headers['content-type']).toMatch(/text\/html/);
});

it('grants client-credentials tokens from form or JSON bodies, and refuses a wrong secret with invalid_client', async () => {
  const form = await call('/acme/admin/oauth/access_token', { method: 'POST', contentType: 'application/x-www-form-urlencoded', body: 'grant_type=client_credentials&client_id=cid&client_secret=shpss_secret' });
  expect(form.status).toBe(200);
  expect(form.json()).toMatchObject({ access_token: expect.stringMatching(/^shpca_/), scope: 'read_orders', expires_in: 86399 });
  const issued = form.json().access_token as string;
  expect((await call('/acme/admin/oauth/access_scopes.json', { token: issued })).json()).toEqual({ access_scopes: [{ handle: 'read_orders' }] });

  const json = await call('/acme/admin/oauth/access_token', { method: 'POST', contentType: 'application/json', body: JSON.stringify({ grant_type: 'client_credentials', client_id: 'cid', client_secret: 'wrong' }) });
  expect(json.status).toBe(401);
  expect(json.json()).toMatchObject({ error: 'invalid_client' });
  expect(fake.grants).toHaveLength(1);
  expect(JSON.stringify(fake.requests)).not.toContain('shpss_secret');
  expect(JSON.stringify(fake.requests)).not.toContain(TOKEN);

  fake.expireIssuedTokens();
  expect((await call('/acme/admin/oauth/access_scopes.json', { token: issued })).status).toBe(401);
});

it('answers 429 with Retry-After once the bucket is full', async () => {
  expect((await call('/tiny/admin/oauth/access_scopes.json', { token: 'shpat_tiny' })).status).toBe(200);
  expect((await call('/tiny/admin/oauth/access_scopes.json', { token: 'shpat_tiny' })).status).toBe(200);
  const limited = await call('/tiny/admin/oauth/access_scopes.json', { token: 'shpat_tiny' });
  expect(limited.status).toBe(429);
  expect(limited.headers['retry-after']).toBe('1.0');
});

it('plays faults: a frozen shop answers 402', async () => {
  fake.addShop({ shop: 'frozen', frozen: true });
  fake.addAdminToken({ shop: 'frozen', token: 'shpat_frozen', scopes: [] });
  expect((await call('/frozen/admin/api/2026-01/shop.json', { token: 'shpat_frozen' })).status).toBe(402);
  fake.setBehaviour({ faults: [{ path: '/admin/oauth/access_scopes.json', times: 1, type: 'rate-limit', retryAfterSeconds: 7 }] });
  const limited = await call('/acme/admin/oauth/access_scopes.json', { token: TOKEN });
  expect([limited.status, limited.headers['retry-after']]).toEqual([429, '7']);
});
