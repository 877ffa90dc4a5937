import { startFakeBigCommerce, type FakeBigCommerce } from '../fakes/bigcommerce';
import { TestServer, clientFor } from '../support/test-server';
import { FULL_SCOPES } from './bigcommerce-harness';

/** /livez, /readyz and /metrics as an orchestrator and Prometheus use them. */

let fake: FakeBigCommerce;
let server: TestServer;
let admin: ReturnType<typeof clientFor>;
let sessionToken: string;

beforeAll(async () => {
  fake = await startFakeBigCommerce();
  fake.addStore({ hash: 'ops00001', name: 'Metrics store' });
  fake.addToken({ hash: 'ops00001', token: 'opsfullscopes000000000000000001', scopes: FULL_SCOPES });
  server = await TestServer.start({ OUTBOUND_ALLOW_PRIVATE: 'true', BIGCOMMERCE_API_URL: fake.url });
  sessionToken = await server.login();
  admin = clientFor(server, sessionToken);
});
afterAll(async () => {
  await server.destroy();
  await fake.stop();
});

test('/livez and /readyz answer 200 without a token, and reveal nothing', async () => {
  for (const path of ['/livez', '/readyz']) {
    const response = await fetch(`${server.url}${path}`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  }
});

test('/metrics wants an API key: 401 without one, or with a session token; then Prometheus text with the documented names', async () => {
  expect((await fetch(`${server.url}/metrics`)).status).toBe(401);
  expect((await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${sessionToken}` } })).status).toBe(401);
  expect((await fetch(`${server.url}/metrics`, { headers: { authorization: 'Bearer sl_notakey' } })).status).toBe(401);

  const key = (await admin('mutation { createApiKey(name: "Prometheus", role: VIEWER) { key } }')).data.createApiKey.key;
  const store = (await admin('mutation { createEcommerceStore(name: "Metrics store Zebra") { id } }')).data.createEcommerceStore;
  await admin('mutation($id: ID!, $c: ApiCredentialsInput!) { updateApiCredentials(id: $id, credentials: $c) { id } }', {
    id: store.id,
    c: { apiVersion: 'STORE_API_OAUTH', apiLogin: 'stores/ops00001', apiPassword: 'opsfullscopes000000000000000001' },
  });
  expect((await admin('query($id: ID!) { testConnection(id: $id) { status } }', { id: store.id })).data.testConnection.status).toBe('OK');

  const response = await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${key}` } });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
  const text = await response.text();
  expect(text).toMatch(/^storelink_connection_tests_total\{platform="BIGCOMMERCE",status="OK"\} 1$/m);
  expect(text).toMatch(/^storelink_connection_test_duration_seconds_count\{platform="BIGCOMMERCE"\} 1$/m);
  expect(text).toMatch(/^storelink_stores\{platform="BIGCOMMERCE",api_version="STORE_API_OAUTH"\} 1$/m);
  // Every request the test sent to the fake, by what it came to: the reads answered 200, the
  // writes to records that cannot exist 404 (BigCommerce's answer past the scope check).
  const upstream = [...text.matchAll(/^storelink_upstream_requests_total\{platform="BIGCOMMERCE",outcome="(\w+)"\} (\d+)$/gm)];
  const byOutcome = Object.fromEntries(upstream.map(([, outcome, count]) => [outcome, Number(count)]));
  expect(byOutcome['2xx']).toBeGreaterThan(0);
  expect(byOutcome['4xx']).toBeGreaterThan(0);
  expect(Object.values(byOutcome).reduce((sum, count) => sum + count, 0)).toBe(fake.requests.length);
  expect(text).toContain('# TYPE storelink_webhook_deliveries_total counter');
  expect(text).toContain('process_cpu_user_seconds_total');
  // No store id or name, nor the key, in any label or value.
  expect(text).not.toContain(store.id);
  expect(text).not.toContain('Zebra');
  expect(text).not.toContain(key);
});

test('/readyz answers 503 while the database does not answer; /livez still 200', async () => {
  // The server's own connection pool, closed under it: every query now fails, as with a database that went away.
  await server.dataSource.destroy();
  const ready = await fetch(`${server.url}/readyz`);
  expect(ready.status).toBe(503);
  expect(await ready.json()).toEqual({ status: 'not ready' });
  expect((await fetch(`${server.url}/livez`)).status).toBe(200);
});
