import { Agent, request } from 'undici';
import { useFakeBigCommerce } from '../support/hooks';
import { FULL_SCOPES } from '../support/bigcommerce-scopes';

/** The fake itself behaves as bigcommerce-api.md says, so tests built on it mean something. */

const TOKEN = 'fulltoken0000000000000000000001';
const READONLY_TOKEN = 'readonlytoken000000000000000002';

const fake = useFakeBigCommerce((fake) => {
  fake.addStore({ hash: 'abc123', name: 'Acme', domain: 'acme.example' });
  fake.addStore({ hash: 'empty1', emptyLists: true });
  fake.addStore({ hash: 'tiny1', rateLimit: { quota: 2, windowMs: 60_000 } });
  fake.addToken({ hash: 'abc123', token: TOKEN, scopes: FULL_SCOPES });
  fake.addToken({ hash: 'abc123', token: READONLY_TOKEN, scopes: { orders: 'READ_ONLY' } });
  fake.addToken({ hash: 'empty1', token: 'emptytoken', scopes: { customers: 'READ_ONLY', orders: 'READ_ONLY' } });
  fake.addToken({ hash: 'tiny1', token: 'tinytoken', scopes: { information: 'READ_ONLY' } });
  fake.addLegacyUser({ hash: 'abc123', username: 'admin', apiToken: 'legacysecret' });
});
beforeEach(() => fake.reset());

async function call(path: string, options: { token?: string; method?: 'GET' | 'POST' | 'PUT' | 'DELETE'; body?: string; headers?: Record<string, string> } = {}) {
  const response = await request(`${fake.url}${path}`, {
    method: options.method ?? 'GET',
    headers: { accept: 'application/json', 'content-type': 'application/json', ...(options.token ? { 'x-auth-token': options.token } : {}), ...options.headers },
    body: options.body,
  });
  const text = await response.body.text();
  return { status: response.statusCode, headers: response.headers, text, json: () => JSON.parse(text) as unknown };
}

describe('the Store API', () => {
  it('GET /v2/store returns the store information', async () => {
    const res = await call('/stores/abc123/v2/store', { token: TOKEN });
    expect(res.status).toBe(200);
    expect(res.json()).toMatchObject({
      id: 'abc123',
      name: 'Acme',
      domain: 'acme.example',
      secure_url: 'https://acme.example',
      status: 'live',
      control_panel_base_url: 'https://store-abc123.mybigcommerce.com',
      plan_name: 'Standard',
      currency: 'USD',
      timezone: expect.objectContaining({ name: expect.any(String) }),
    });
  });

  it('GET /v2/time returns Unix seconds', async () => {
    const res = await call('/stores/abc123/v2/time', { token: TOKEN });
    const { time } = res.json() as { time: number };
    expect(Math.abs(time - Date.now() / 1000)).toBeLessThan(5);
  });

  it('answers 401 for a missing or unknown token', async () => {
    expect((await call('/stores/abc123/v2/store')).status).toBe(401);
    expect((await call('/stores/abc123/v2/store', { token: 'nope' })).status).toBe(401);
    expect((await call('/stores/empty1/v2/store', { token: TOKEN })).status).toBe(401);
  });

  it('answers an unknown store hash with an openresty HTML 404', async () => {
    const res = await call('/stores/zzz999/v2/store', { token: TOKEN });
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.text).toContain('<center>openresty</center>');
  });

  it('answers a missing scope with the v3 403 body on v3 paths and an array on v2 paths', async () => {
    const v3 = await call('/stores/abc123/v3/customers', { token: READONLY_TOKEN });
    expect(v3.status).toBe(403);
    expect(v3.json()).toEqual({
      status: 403,
      title: "You don't have a required scope to access the endpoint",
      type: 'https://developer.bigcommerce.com/api-docs/getting-started/api-status-codes',
      errors: {},
    });
    const v2 = await call('/stores/abc123/v2/store', { token: READONLY_TOKEN });
    expect(v2.status).toBe(403);
    expect(v2.json()).toEqual([{ status: 403, message: "You don't have a required scope to access the endpoint" }]);
  });

  it('lets a read-only scope read but not write', async () => {
    expect((await call('/stores/abc123/v2/orders', { token: READONLY_TOKEN })).status).toBe(200);
    expect((await call('/stores/abc123/v2/orders', { token: READONLY_TOKEN, method: 'POST', body: '{}' })).status).toBe(403);
  });

  it('refuses `{}` with 400 (v2) or 422 (v3) when writing is allowed, and creates nothing', async () => {
    const before = (await call('/stores/abc123/v3/catalog/products', { token: TOKEN })).json();
    const v2 = await call('/stores/abc123/v2/orders', { token: TOKEN, method: 'POST', body: '{}' });
    expect(v2.status).toBe(400);
    expect(Array.isArray(v2.json())).toBe(true);
    const v3 = await call('/stores/abc123/v3/catalog/products', { token: TOKEN, method: 'POST', body: '{}' });
    expect(v3.status).toBe(422);
    expect(v3.json()).toMatchObject({ status: 422, title: expect.any(String), errors: expect.any(Object) });
    expect((await call('/stores/abc123/v3/catalog/products', { token: TOKEN })).json()).toEqual(before);
    expect(fake.dataChanges).toEqual([]);
  });

  it('answers an update of a record that cannot exist with 404 past the scope check, and 403 without the scope', async () => {
    expect((await call('/stores/abc123/v2/orders/0', { token: TOKEN, method: 'PUT', body: '{}' })).status).toBe(404);
    expect((await call('/stores/abc123/v3/catalog/products/0', { token: TOKEN, method: 'PUT', body: '{}' })).status).toBe(404);
    expect((await call('/stores/abc123/v2/orders/0', { token: READONLY_TOKEN, method: 'PUT', body: '{}' })).status).toBe(403);
    expect((await call('/stores/abc123/v3/catalog/products/0', { token: READONLY_TOKEN, method: 'PUT', body: '{}' })).status).toBe(403);
    expect(fake.dataChanges).toEqual([]);
    expect(fake.unsafeWrites).toEqual([]);
  });

  it('takes the customers write body as an array, as the spec does', async () => {
    const CUSTOMERS_TOKEN = 'customerswriter00000000000000003';
    fake.addToken({ hash: 'abc123', token: CUSTOMERS_TOKEN, scopes: { customers: 'MODIFY' } });
    const object = await call('/stores/abc123/v3/customers', { token: CUSTOMERS_TOKEN, method: 'POST', body: '{"email":"a@example.com"}' });
    expect(object.status).toBe(422);
    const updateUnknown = await call('/stores/abc123/v3/customers', { token: CUSTOMERS_TOKEN, method: 'PUT', body: '[{"id":0}]' });
    expect(updateUnknown.status).toBe(422);
    expect(fake.dataChanges).toEqual([]);
    const created = await call('/stores/abc123/v3/customers', { token: CUSTOMERS_TOKEN, method: 'POST', body: '[{"email":"a@example.com"}]' });
    expect(created.status).toBe(200);
    expect(fake.dataChanges).toEqual([{ storeHash: 'abc123', action: 'created', resource: 'customers', id: 2 }]);
  });

  it('refuses a request without the Accept and Content-Type headers the spec requires', async () => {
    const noContentType = await call('/stores/abc123/v2/store', { token: TOKEN, headers: { 'content-type': '' } });
    expect(noContentType.status).toBe(400);
    expect(noContentType.text).toMatch(/Content-Type/);
    const noAccept = await call('/stores/abc123/v3/customers', { token: TOKEN, headers: { accept: '' } });
    expect(noAccept.status).toBe(400);
    expect(noAccept.text).toMatch(/Accept/);
  });

  it('a store that accepts empty writes creates an order from `POST {}`, and the fake records it', async () => {
    fake.addStore({ hash: 'lax1', acceptsEmptyWrites: true });
    fake.addToken({ hash: 'lax1', token: 'laxtoken', scopes: { orders: 'MODIFY' } });
    const created = await call('/stores/lax1/v2/orders', { token: 'laxtoken', method: 'POST', body: '{}' });
    expect(created.status).toBe(201);
    expect(fake.dataChanges).toEqual([{ storeHash: 'lax1', action: 'created', resource: 'orders', id: 101 }]);
    expect(fake.unsafeWrites.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /stores/lax1/v2/orders']);
  });

  it('records every write that could change a store', async () => {
    await call('/stores/abc123/v3/catalog/products', { token: TOKEN, method: 'POST', body: '{"name":"Real product","price":1}' });
    await call('/stores/abc123/v2/orders', { token: TOKEN, method: 'POST', body: '{}' });
    await call('/stores/abc123/v2/orders/100', { token: TOKEN, method: 'PUT', body: '{}' });
    await call('/stores/abc123/v3/catalog/products', { token: TOKEN, method: 'DELETE' });
    expect(fake.unsafeWrites.map((r) => `${r.method} ${r.path} ${r.body}`)).toEqual([
      'POST /stores/abc123/v3/catalog/products {"name":"Real product","price":1}',
      'POST /stores/abc123/v2/orders {}',
      'PUT /stores/abc123/v2/orders/100 {}',
      'DELETE /stores/abc123/v3/catalog/products ',
    ]);
    expect(fake.dataChanges.map((c) => `${c.action} ${c.resource} ${c.id}`)).toEqual(['created products 78', 'updated orders 100']);
  });

  it('answers a transactions probe for an order that does not exist with 404, and 204 for an order without transactions', async () => {
    expect((await call('/stores/abc123/v3/orders/0/transactions', { token: TOKEN })).status).toBe(404);
    expect((await call('/stores/abc123/v3/orders/100/transactions', { token: TOKEN })).status).toBe(204);
    expect((await call('/stores/abc123/v3/orders/0/transactions', { token: READONLY_TOKEN })).status).toBe(403);
  });

  it('answers empty lists with 204 and no body when configured', async () => {
    const customers = await call('/stores/empty1/v3/customers', { token: 'emptytoken' });
    expect(customers.status).toBe(204);
    expect(customers.text).toBe('');
    expect((await call('/stores/empty1/v2/orders', { token: 'emptytoken' })).status).toBe(204);
  });

  it('sends rate-limit headers on every answer and 429 with X-Retry-After past the quota', async () => {
    const first = await call('/stores/tiny1/v2/store', { token: 'tinytoken' });
    expect(first.headers['x-rate-limit-requests-quota']).toBe('2');
    expect(first.headers['x-rate-limit-requests-left']).toBe('1');
    expect(first.headers['x-rate-limit-time-window-ms']).toBe('60000');
    expect(Number(first.headers['x-rate-limit-time-reset-ms'])).toBeGreaterThan(59_000);
    const forbidden = await call('/stores/tiny1/v2/orders', { token: 'tinytoken' });
    expect(forbidden.status).toBe(403);
    expect(forbidden.headers['x-rate-limit-requests-left']).toBe('0');
    const unauthorised = await call('/stores/tiny1/v2/store', { token: 'wrong' });
    expect(unauthorised.status).toBe(401);
    expect(unauthorised.headers['x-rate-limit-requests-quota']).toBe('2');
    const limited = await call('/stores/tiny1/v2/store', { token: 'tinytoken' });
    expect(limited.status).toBe(429);
    expect(limited.headers['x-retry-after']).toBe('60');
  });
});

describe('the legacy API', () => {
  const basic = (user: string, password: string) => ({ authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` });

  it('serves v2 resources with Basic auth at legacyApiUrl', async () => {
    expect(fake.legacyApiUrl).toBe(`${fake.url}/api/v2/`);
    const res = await call('/api/v2/store', { headers: basic('admin', 'legacysecret') });
    expect(res.status).toBe(200);
    expect(res.json()).toMatchObject({ id: 'abc123', name: 'Acme' });
  });

  it('answers 401 for a wrong password or no auth', async () => {
    expect((await call('/api/v2/store', { headers: basic('admin', 'wrong') })).status).toBe(401);
    expect((await call('/api/v2/store')).status).toBe(401);
  });
});

describe('the request log and faults', () => {
  it('logs requests with secrets redacted and timestamps', async () => {
    await call('/stores/abc123/v2/store?x=1', { token: TOKEN });
    const [entry] = fake.requests;
    expect(entry).toMatchObject({ method: 'GET', path: '/stores/abc123/v2/store?x=1', storeHash: 'abc123', authenticated: true, status: 200 });
    expect(entry.headers['x-auth-token']).toBe('[redacted]');
    expect(JSON.stringify(fake.requests)).not.toContain(TOKEN);
    expect(entry.respondedAt).toBeGreaterThanOrEqual(entry.receivedAt);
  });

  it('applies a fault only to matching requests, only `times` times', async () => {
    fake.setBehaviour({ faults: [{ path: '/v2/store', method: 'GET', times: 2, type: 'status', status: 503 }] });
    expect((await call('/stores/abc123/v2/time', { token: TOKEN })).status).toBe(200);
    expect((await call('/stores/abc123/v2/store', { token: TOKEN })).status).toBe(503);
    expect((await call('/api/v2/store', { headers: { authorization: 'x' } })).status).toBe(503);
    expect((await call('/stores/abc123/v2/store', { token: TOKEN })).status).toBe(200);
  });

  it('counts TCP connections', async () => {
    const before = fake.connectionCount;
    const agent = new Agent();
    const response = await request(`${fake.url}/stores/abc123/v2/time`, { dispatcher: agent, headers: { 'x-auth-token': TOKEN } });
    await response.body.dump();
    await agent.close();
    expect(fake.connectionCount).toBe(before + 1);
  });
});
