import { randomBytes } from 'node:crypto';
import { useAdminServer, useFakeBigCommerce } from '../support/hooks';
import { WebhookReceiver, verifiesWith, type ReceivedWebhook } from '../support/webhook-receiver';
import { FULL_SCOPES } from './bigcommerce-harness';

/**
 * Events through the API, against the fake BigCommerce and a receiver on 127.0.0.1: a store
 * whose status changes between two consecutive tests, by any path, raises exactly one signed
 * event per type; a finished bulk job raises its counts.
 */

const HASH = 'evts0001';
const GOOD_TOKEN = 'eventsgoodtoken00000000000000001';
const BROKEN_TOKEN = 'eventsbrokentoken000000000000002';

const fake = useFakeBigCommerce((fake) => {
  fake.addStore({ hash: HASH, name: 'Events store' });
  fake.addToken({ hash: HASH, token: GOOD_TOKEN, scopes: FULL_SCOPES });
});
const { gql } = useAdminServer(() => ({ OUTBOUND_ALLOW_PRIVATE: 'true', BIGCOMMERCE_API_URL: fake.url, WEBHOOK_RETRY_BASE_SECONDS: '0.3' }));
let receiver: WebhookReceiver;
beforeAll(async () => {
  receiver = await WebhookReceiver.start();
});
afterAll(() => receiver.stop());

const CREATE_ENDPOINT = `mutation($url: String!, $events: [WebhookEventType!]!) { createWebhookEndpoint(url: $url, events: $events) { secret endpoint { id } } }`;
const SAVE = `mutation($id: ID!, $c: ApiCredentialsInput!, $verify: Boolean) { updateApiCredentials(id: $id, credentials: $c, verify: $verify) { id } }`;
const TEST = `query($id: ID!) { testConnection(id: $id) { status } }`;

async function endpoint(path: string, events: string[]): Promise<string> {
  const result = await gql(CREATE_ENDPOINT, { url: `${receiver.url}${path}`, events });
  expect(result.errors).toBeUndefined();
  return result.data.createWebhookEndpoint.secret;
}

async function newStore(name: string, token = GOOD_TOKEN): Promise<string> {
  const id = (await gql(`mutation($n: String!) { createEcommerceStore(name: $n) { id } }`, { n: name })).data.createEcommerceStore.id;
  expect((await gql(SAVE, { id, c: { apiVersion: 'STORE_API_OAUTH', apiLogin: `stores/${HASH}`, apiPassword: token } })).errors).toBeUndefined();
  return id;
}

const body = (webhook: ReceivedWebhook) => JSON.parse(webhook.body);
const settle = () => new Promise((resolve) => setTimeout(resolve, 1500));

test('a broken token raises one signed store.connection.failed; the fixed one (saved with verify) one store.connection.recovered', async () => {
  const secret = await endpoint('/alerts', ['CONNECTION_FAILED', 'CONNECTION_RECOVERED']);
  const storeId = await newStore('Alerting store');
  expect((await gql(TEST, { id: storeId })).data.testConnection.status).toBe('OK');
  expect((await gql(TEST, { id: storeId })).data.testConnection.status).toBe('OK'); // no change, no event

  await gql(SAVE, { id: storeId, c: { apiVersion: 'STORE_API_OAUTH', apiLogin: `stores/${HASH}`, apiPassword: BROKEN_TOKEN } });
  expect((await gql(TEST, { id: storeId })).data.testConnection.status).toBe('INVALID_CREDENTIALS');
  expect((await gql(TEST, { id: storeId })).data.testConnection.status).toBe('INVALID_CREDENTIALS'); // still broken: no second event
  const [failed] = await receiver.waitFor('/alerts', 1);
  expect(verifiesWith(secret, failed)).toBe(true);
  expect(body(failed)).toEqual({
    type: 'store.connection.failed',
    timestamp: expect.any(String),
    data: {
      storeId,
      storeName: 'Alerting store',
      platform: 'BIGCOMMERCE',
      apiVersion: 'STORE_API_OAUTH',
      previousStatus: 'OK',
      status: 'INVALID_CREDENTIALS',
      message: expect.any(String),
      testedAt: expect.any(String),
      scopes: expect.any(Array),
    },
  });

  // verify-on-save is a test like any other: the fix is announced.
  expect((await gql(SAVE, { id: storeId, verify: true, c: { apiVersion: 'STORE_API_OAUTH', apiLogin: `stores/${HASH}`, apiPassword: GOOD_TOKEN } })).errors).toBeUndefined();
  const [, recovered] = await receiver.waitFor('/alerts', 2);
  expect(verifiesWith(secret, recovered)).toBe(true);
  expect(body(recovered)).toMatchObject({ type: 'store.connection.recovered', data: { storeId, previousStatus: 'INVALID_CREDENTIALS', status: 'OK' } });
  await settle();
  expect(receiver.on('/alerts').map((webhook) => body(webhook).type)).toEqual(['store.connection.failed', 'store.connection.recovered']);
  // No secret of the store travels in an event.
  for (const webhook of receiver.on('/alerts')) {
    expect(webhook.body).not.toContain(GOOD_TOKEN);
    expect(webhook.body).not.toContain(BROKEN_TOKEN);
  }
});

test('the scopes that are not ok are named in the event', async () => {
  await endpoint('/scopes', ['CONNECTION_STATUS_CHANGED']);
  const hash = `sc${randomBytes(4).toString('hex')}`;
  const token = randomBytes(16).toString('hex');
  fake.addStore({ hash });
  fake.addToken({ hash, token, scopes: FULL_SCOPES });
  const id = (await gql(`mutation { createEcommerceStore(name: "Scoped store") { id } }`)).data.createEcommerceStore.id;
  await gql(SAVE, { id, c: { apiVersion: 'STORE_API_OAUTH', apiLogin: `stores/${hash}`, apiPassword: token } });
  expect((await gql(TEST, { id })).data.testConnection.status).toBe('OK');
  const readOnly = randomBytes(16).toString('hex');
  fake.addToken({ hash, token: readOnly, scopes: { ...FULL_SCOPES, orders: 'READ_ONLY' } });
  await gql(SAVE, { id, c: { apiVersion: 'STORE_API_OAUTH', apiLogin: `stores/${hash}`, apiPassword: readOnly } });
  expect((await gql(TEST, { id })).data.testConnection.status).toBe('MISSING_SCOPES');
  const [changed] = await receiver.waitFor('/scopes', 1);
  expect(body(changed)).toMatchObject({
    type: 'store.connection.status_changed',
    data: { storeId: id, previousStatus: 'OK', status: 'MISSING_SCOPES', scopes: [{ scope: 'Orders', apiName: expect.any(String), required: 'MODIFY', granted: 'READ_ONLY' }] },
  });
});

test('a bulk job raises the change of each store it finds changed, and connection_test_job.completed with its counts', async () => {
  await endpoint('/jobs', ['CONNECTION_FAILED', 'CONNECTION_TEST_JOB_COMPLETED']);
  const healthy = await newStore('Job store healthy');
  const breaking = await newStore('Job store breaking');
  await gql(TEST, { id: healthy });
  await gql(TEST, { id: breaking });
  await gql(SAVE, { id: breaking, c: { apiVersion: 'STORE_API_OAUTH', apiLogin: `stores/${HASH}`, apiPassword: BROKEN_TOKEN } });
  const job = (await gql(`mutation($ids: [ID!]) { testAllConnections(filter: { ids: $ids }) { id } }`, { ids: [healthy, breaking] })).data.testAllConnections;
  const received = await receiver.waitFor('/jobs', 2);
  await settle();
  const events = receiver.on('/jobs').map(body);
  expect(events.map((event) => event.type).sort()).toEqual(['connection_test_job.completed', 'store.connection.failed']);
  expect(events.find((event) => event.type === 'store.connection.failed').data).toMatchObject({ storeId: breaking, previousStatus: 'OK' });
  expect(events.find((event) => event.type === 'connection_test_job.completed').data).toMatchObject({
    jobId: job.id,
    scheduled: false,
    total: 2,
    tested: 2,
    ok: 1,
    failed: 1,
    changed: 1,
    skipped: 0,
    byStatus: expect.arrayContaining([{ status: 'OK', count: 1 }, { status: 'INVALID_CREDENTIALS', count: 1 }]),
  });
  expect(received.length).toBeGreaterThanOrEqual(2);
});
