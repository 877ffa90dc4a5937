import { request } from 'undici';
import { startFakeWooCommerce, type FakeWooCommerce } from '../fakes/woocommerce';

/** The fake WooCommerce itself behaves as woocommerce-api.md says, so the connector's tests mean something. */

let fake: FakeWooCommerce;
const KEY = `ck_${'1'.repeat(40)}`;
const SECRET = `cs_${'2'.repeat(40)}`;
const READ_KEY = `ck_${'3'.repeat(40)}`;
const READ_SECRET = `cs_${'4'.repeat(40)}`;

beforeAll(async () => {
  fake = await startFakeWooCommerce();
  fake.addSite({ path: '/shop', name: 'Acme' });
  fake.addKey({ site: '/shop', consumerKey: KEY, consumerSecret: SECRET, permission: 'read_write', user: { login: 'manager', role: 'shop_manager' } });
  fake.addKey({ site: '/shop', consumerKey: READ_KEY, consumerSecret: READ_SECRET, permission: 'read', user: { login: 'manager', role: 'shop_manager' } });
});
afterAll(() => fake.stop());
beforeEach(() => fake.reset());

const basic = (key: string, secret: string) => `Basic ${Buffer.from(`${key}:${secret}`).toString('base64')}`;
async function call(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, auth?: string, body?: string) {
  const response = await request(`${fake.url}${path}`, { method, headers: { ...(auth ? { authorization: auth } : {}), 'content-type': 'application/json' }, body });
  const text = await response.body.text();
  return { status: response.statusCode, json: text.startsWith('{') || text.startsWith('[') ? (JSON.parse(text) as Record<string, unknown>) : null, text };
}

it('records every real write, and nothing for a write to order 0', async () => {
  expect((await call('PUT', '/shop/wp-json/wc/v3/orders/0', basic(KEY, SECRET), '{}')).json).toMatchObject({ code: 'woocommerce_rest_shop_order_invalid_id', data: { status: 400 } });
  expect(fake.writes).toEqual([]);
  expect(fake.unsafeWrites).toEqual([]);

  expect((await call('POST', '/shop/wp-json/wc/v3/orders', basic(KEY, SECRET), '{}')).status).toBe(201);
  expect((await call('PUT', '/shop/wp-json/wc/v3/orders/101', basic(KEY, SECRET), '{"status":"completed"}')).status).toBe(200);
  expect(fake.writes.map((w) => `${w.action} ${w.resource}`)).toEqual(['created orders', 'updated orders']);
  expect(fake.unsafeWrites).toHaveLength(2);
});

it('tells unknown keys, wrong secrets and key permissions apart as WooCommerce does', async () => {
  expect((await call('GET', '/shop/wp-json/wc/v3/orders', basic(`ck_${'9'.repeat(40)}`, SECRET))).json).toMatchObject({ code: 'woocommerce_rest_cannot_view', data: { status: 401 } });
  expect((await call('GET', '/shop/wp-json/wc/v3/orders', basic(KEY, READ_SECRET))).json).toMatchObject({ code: 'woocommerce_rest_authentication_error', message: 'Consumer secret is invalid.' });
  expect((await call('PUT', '/shop/wp-json/wc/v3/orders/101', basic(READ_KEY, READ_SECRET), '{"status":"x"}')).json).toMatchObject({
    code: 'woocommerce_rest_authentication_error',
    message: 'The API key provided does not have write permissions.',
  });
  expect(fake.writes).toEqual([]);
  // The query-parameter form works too (which is why storelink must never use it), and is logged redacted.
  expect((await call('GET', `/shop/wp-json/wc/v3/orders?consumer_key=${KEY}&consumer_secret=${SECRET}`)).status).toBe(200);
  expect(fake.requests.at(-1)).toMatchObject({ credentialsInQuery: true, path: '/shop/wp-json/wc/v3/orders?consumer_key=%5Bredacted%5D&consumer_secret=%5Bredacted%5D' });
});

it('answers rest_no_route for unknown routes and HTML outside WordPress', async () => {
  expect((await call('GET', '/shop/wp-json/wc/v9/orders', basic(KEY, SECRET))).json).toMatchObject({ code: 'rest_no_route' });
  const page = await call('GET', '/elsewhere/wp-json/wc/v3/orders');
  expect(page.status).toBe(404);
  expect(page.text).toMatch(/^<!DOCTYPE html>/);
});
