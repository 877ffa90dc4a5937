import { useFakeBigCommerce } from '../support/hooks';
import { FULL_SCOPES } from '../support/bigcommerce-scopes';
import { useChildServers } from '../support/child-server';
import { WebhookReceiver, verifiesWith } from '../support/webhook-receiver';

/**
 * kill -9 of the real server between a test that changed a store's status and the delivery of
 * its event: the event was written with the test (outbox), so after the restart it is delivered,
 * once, with the webhook-id the receiver saw before the kill.
 */

const HASH = 'crashevt1';
const GOOD = 'crashgoodtoken000000000000000001';
const BROKEN = 'crashbrokentoken0000000000000002';

const fake = useFakeBigCommerce((fake) => {
  fake.addStore({ hash: HASH });
  fake.addToken({ hash: HASH, token: GOOD, scopes: FULL_SCOPES });
});
let receiver: WebhookReceiver;
beforeAll(async () => {
  receiver = await WebhookReceiver.start();
});
afterAll(() => receiver.stop());
const servers = useChildServers('webhook-crash', () => ({
  BIGCOMMERCE_API_URL: fake.url,
  OUTBOUND_ALLOW_PRIVATE: 'true',
  // Long enough that no second attempt starts between the first refusal and the kill.
  WEBHOOK_RETRY_BASE_SECONDS: '5',
}));
const { gql } = servers;

test('an event whose delivery had not succeeded when the server was killed is delivered after the restart, same webhook-id', async () => {
  const server = await servers.start();
  const secret = (await gql(`mutation($u: String!) { createWebhookEndpoint(url: $u, events: [CONNECTION_FAILED]) { secret } }`, { u: `${receiver.url}/crash` })).data
    .createWebhookEndpoint.secret;
  const storeId = (await gql(`mutation { createEcommerceStore(name: "Crash store") { id } }`)).data.createEcommerceStore.id;
  const save = (apiPassword: string) =>
    gql(`mutation($id: ID!, $c: ApiCredentialsInput!) { updateApiCredentials(id: $id, credentials: $c) { id } }`, {
      id: storeId,
      c: { apiVersion: 'STORE_API_OAUTH', apiLogin: `stores/${HASH}`, apiPassword },
    });
  await save(GOOD);
  expect((await gql(`query($id: ID!) { testConnection(id: $id) { status } }`, { id: storeId })).data.testConnection.status).toBe('OK');

  // The receiver is down (503) until after the kill: the event cannot be delivered before it.
  receiver.answer(...Array.from({ length: 50 }, () => ({ status: 503 })));
  await save(BROKEN);
  expect((await gql(`query($id: ID!) { testConnection(id: $id) { status } }`, { id: storeId })).data.testConnection.status).toBe('INVALID_CREDENTIALS');
  const [refused] = await receiver.waitFor('/crash', 1);
  // The refusal is on record (the delivery waits for its retry): now the kill.
  for (let i = 0; i < 100; i++) {
    const pending = (await gql(`{ allWebhookDeliveries { attempts } }`)).data.allWebhookDeliveries;
    if (pending[0]?.attempts === 1) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await server.kill('SIGKILL');
  const attemptsBeforeKill = receiver.on('/crash').length;
  receiver.clearAnswers();

  await servers.start();
  const delivered = await receiver.waitFor('/crash', attemptsBeforeKill + 1, 30_000);
  const last = delivered[delivered.length - 1];
  expect(last.headers['webhook-id']).toBe(refused.headers['webhook-id']);
  expect(last.body).toBe(refused.body);
  expect(verifiesWith(secret, last)).toBe(true);
  expect(JSON.parse(last.body)).toMatchObject({ type: 'store.connection.failed', data: { storeId, previousStatus: 'OK', status: 'INVALID_CREDENTIALS' } });
  let log = await gql(`{ allWebhookDeliveries { status eventId attempts responseStatus } }`);
  for (let i = 0; i < 100 && log.data.allWebhookDeliveries[0].status !== 'DELIVERED'; i++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    log = await gql(`{ allWebhookDeliveries { status eventId attempts responseStatus } }`);
  }
  expect(log.data.allWebhookDeliveries).toEqual([
    { status: 'DELIVERED', eventId: refused.headers['webhook-id'], attempts: attemptsBeforeKill + 1, responseStatus: 200 },
  ]);
  // One event, no duplicate: the receiver saw one webhook-id.
  expect(new Set(receiver.on('/crash').map((webhook) => webhook.headers['webhook-id'])).size).toBe(1);
}, 120_000);
