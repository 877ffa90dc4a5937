import { TestServer, clientFor } from '../support/test-server';
import { WebhookReceiver, verifiesWith } from '../support/webhook-receiver';

/**
 * Webhook endpoints and deliveries through the API, against a real receiver on 127.0.0.1:
 * the secret is shown once and signs every attempt (Standard Webhooks), a failing receiver
 * gets the same webhook-id again, 410 disables the endpoint, a redirect is not followed.
 */

const ENDPOINT_FIELDS = 'id url description events enabled disabledReason secretLast4 createdAt updatedAt';
const DELIVERY_FIELDS = 'id endpointId eventId eventType status attempts responseStatus lastError nextAttemptAt createdAt deliveredAt';
const CREATE = `mutation($url: String!, $events: [WebhookEventType!]!, $description: String) {
  createWebhookEndpoint(url: $url, events: $events, description: $description) { secret endpoint { ${ENDPOINT_FIELDS} } } }`;
const SEND_TEST = `mutation($id: ID!) { sendTestWebhook(id: $id) { ${DELIVERY_FIELDS} } }`;
const DELIVERIES = `query($filter: WebhookDeliveryFilter) { allWebhookDeliveries(filter: $filter) { ${DELIVERY_FIELDS} } _allWebhookDeliveriesMeta(filter: $filter) { count } }`;
const ENDPOINT = `query($id: ID!) { WebhookEndpoint(id: $id) { ${ENDPOINT_FIELDS} } }`;

let server: TestServer;
let receiver: WebhookReceiver;
let admin: ReturnType<typeof clientFor>;
let viewer: ReturnType<typeof clientFor>;

beforeAll(async () => {
  receiver = await WebhookReceiver.start();
  server = await TestServer.start({ OUTBOUND_ALLOW_PRIVATE: 'true', WEBHOOK_RETRY_BASE_SECONDS: '0.3' });
  admin = clientFor(server, await server.login());
  await admin('mutation { createUser(email: "viewer@example.com", password: "viewer password 123", role: VIEWER) { id } }');
  viewer = clientFor(server, await server.login('viewer@example.com', 'viewer password 123'));
});
afterAll(async () => {
  await server.destroy();
  await receiver.stop();
});

async function createEndpoint(path: string, events = ['CONNECTION_FAILED']) {
  const result = await admin(CREATE, { url: `${receiver.url}${path}`, events, description: `receiver ${path}` });
  expect(result.errors).toBeUndefined();
  return result.data.createWebhookEndpoint as { secret: string; endpoint: { id: string; secretLast4: string } };
}

async function deliveryOf(id: string) {
  const result = await admin(DELIVERIES, { filter: { ids: [id] } });
  return result.data.allWebhookDeliveries[0];
}

async function waitForDelivery(id: string, status: string, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const delivery = await deliveryOf(id);
    if (delivery.status === status) return delivery;
    if (Date.now() > deadline) throw new Error(`delivery ${id} is ${JSON.stringify(delivery)}, expected ${status}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

test('the secret is shown once, and a test event arrives signed with it, in the Standard Webhooks shape', async () => {
  const { secret, endpoint } = await createEndpoint('/signed', ['CONNECTION_FAILED', 'CONNECTION_RECOVERED']);
  expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
  expect(endpoint.secretLast4).toBe(secret.slice(-4));

  const delivery = (await admin(SEND_TEST, { id: endpoint.id })).data.sendTestWebhook;
  expect(delivery).toMatchObject({ endpointId: endpoint.id, eventType: 'WEBHOOK_TEST', eventId: expect.stringMatching(/^msg_[0-9a-f]{32}$/) });
  const [webhook] = await receiver.waitFor('/signed', 1);
  expect(webhook.headers['webhook-id']).toBe(delivery.eventId);
  expect(Math.abs(Number(webhook.headers['webhook-timestamp']) - Date.now() / 1000)).toBeLessThan(30);
  expect(verifiesWith(secret, webhook)).toBe(true);
  expect(verifiesWith(`whsec_${Buffer.alloc(32).toString('base64')}`, webhook)).toBe(false);
  expect(webhook.headers['content-type']).toBe('application/json');
  const body = JSON.parse(webhook.body);
  expect(body).toEqual({ type: 'webhook.test', timestamp: expect.any(String), data: expect.objectContaining({ endpointId: endpoint.id }) });
  expect(new Date(body.timestamp).toISOString()).toBe(body.timestamp);

  const done = await waitForDelivery(delivery.id, 'DELIVERED');
  expect(done).toMatchObject({ attempts: 1, responseStatus: 200, lastError: null, nextAttemptAt: null });
  expect(done.deliveredAt).not.toBeNull();

  // Never again: not in a read, not in the list, not in the database.
  const read = JSON.stringify(await admin(`{ allWebhookEndpoints { ${ENDPOINT_FIELDS} } }`));
  expect(read).not.toContain(secret.slice(6, 30));
  expect(server.databaseBytes().includes(Buffer.from(secret.slice(6)))).toBe(false);
});

test('a receiver that fails once gets the same webhook-id again, and the delivery ends DELIVERED', async () => {
  const { secret, endpoint } = await createEndpoint('/flaky');
  receiver.answer({ status: 500 });
  const delivery = (await admin(SEND_TEST, { id: endpoint.id })).data.sendTestWebhook;
  const [first, second] = await receiver.waitFor('/flaky', 2);
  expect(second.headers['webhook-id']).toBe(first.headers['webhook-id']);
  expect(second.body).toBe(first.body);
  expect(verifiesWith(secret, first) && verifiesWith(secret, second)).toBe(true);
  const done = await waitForDelivery(delivery.id, 'DELIVERED');
  expect(done).toMatchObject({ attempts: 2, responseStatus: 200, eventId: first.headers['webhook-id'] });
});

test('Retry-After is honoured: the next attempt waits as long as the receiver asked', async () => {
  const { endpoint } = await createEndpoint('/busy');
  receiver.answer({ status: 503, headers: { 'retry-after': '2' } });
  const delivery = (await admin(SEND_TEST, { id: endpoint.id })).data.sendTestWebhook;
  const [first, second] = await receiver.waitFor('/busy', 2, 20_000);
  expect(second.receivedAt - first.receivedAt).toBeGreaterThanOrEqual(1900);
  await waitForDelivery(delivery.id, 'DELIVERED');
});

test('410 Gone disables the endpoint at once, says why, and the audit trail records it', async () => {
  const { endpoint } = await createEndpoint('/gone');
  receiver.answer({ status: 410 });
  const delivery = (await admin(SEND_TEST, { id: endpoint.id })).data.sendTestWebhook;
  const failed = await waitForDelivery(delivery.id, 'FAILED');
  expect(failed).toMatchObject({ attempts: 1, responseStatus: 410, nextAttemptAt: null });
  const read = (await admin(ENDPOINT, { id: endpoint.id })).data.WebhookEndpoint;
  expect(read).toMatchObject({ enabled: false, disabledReason: expect.stringContaining('410') });
  const audit = await admin('query($id: String) { allAuditEvents(filter: { targetId: $id, actions: [WEBHOOK_ENDPOINT_DISABLED] }) { actorType actorName success detail } }', {
    id: endpoint.id,
  });
  expect(audit.data.allAuditEvents).toEqual([{ actorType: 'SYSTEM', actorName: 'webhook-deliveries', success: false, detail: expect.stringContaining('410') }]);

  // Nothing more is sent to it; a test event is refused until it is enabled again.
  const refused = await admin(SEND_TEST, { id: endpoint.id });
  expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
  const enabled = await admin(`mutation($id: ID!) { updateWebhookEndpoint(id: $id, enabled: true) { enabled disabledReason } }`, { id: endpoint.id });
  expect(enabled.data.updateWebhookEndpoint).toEqual({ enabled: true, disabledReason: null });
  expect(receiver.on('/gone')).toHaveLength(1);
});

test('a redirect is not followed: the attempt fails with the 3xx and the target gets nothing', async () => {
  const { endpoint } = await createEndpoint('/moved');
  receiver.answer({ status: 307, headers: { location: `${receiver.url}/redirect-target` } }, { status: 307, headers: { location: `${receiver.url}/redirect-target` } });
  const delivery = (await admin(SEND_TEST, { id: endpoint.id })).data.sendTestWebhook;
  await receiver.waitFor('/moved', 1);
  const deadline = Date.now() + 5000;
  let after = await deliveryOf(delivery.id);
  while (after.attempts < 1 && Date.now() < deadline) after = await deliveryOf(delivery.id);
  expect(after).toMatchObject({ status: 'PENDING', responseStatus: 307, lastError: expect.stringContaining('redirect') });
  await receiver.waitFor('/moved', 2);
  expect(receiver.on('/redirect-target')).toHaveLength(0);
});

test('redeliver sends the same event again (same webhook-id and body) as a new log entry', async () => {
  const { endpoint } = await createEndpoint('/again');
  const original = (await admin(SEND_TEST, { id: endpoint.id })).data.sendTestWebhook;
  await waitForDelivery(original.id, 'DELIVERED');
  const again = await admin(`mutation($id: ID!) { redeliverWebhook(deliveryId: $id) { ${DELIVERY_FIELDS} } }`, { id: original.id });
  expect(again.data.redeliverWebhook).toMatchObject({ eventId: original.eventId, endpointId: endpoint.id });
  expect(again.data.redeliverWebhook.id).not.toBe(original.id);
  const [first, second] = await receiver.waitFor('/again', 2);
  expect(second.headers['webhook-id']).toBe(first.headers['webhook-id']);
  expect(second.body).toBe(first.body);
  const log = await admin(DELIVERIES, { filter: { endpointId: endpoint.id } });
  expect(log.data._allWebhookDeliveriesMeta.count).toBe(2);
});

test('rotating the secret returns a new one once; for a day both sign, so receivers can switch without a gap', async () => {
  const { secret: oldSecret, endpoint } = await createEndpoint('/rotated');
  const rotated = (await admin(`mutation($id: ID!) { rotateWebhookSecret(id: $id) { secret endpoint { secretLast4 } } }`, { id: endpoint.id })).data.rotateWebhookSecret;
  expect(rotated.secret).not.toBe(oldSecret);
  expect(rotated.endpoint.secretLast4).toBe(rotated.secret.slice(-4));
  await admin(SEND_TEST, { id: endpoint.id });
  const [webhook] = await receiver.waitFor('/rotated', 1);
  expect(String(webhook.headers['webhook-signature']).split(' ')).toHaveLength(2);
  expect(verifiesWith(rotated.secret, webhook)).toBe(true);
  expect(verifiesWith(oldSecret, webhook)).toBe(true);
  const audit = await admin('query($id: String) { allAuditEvents(filter: { targetId: $id, actions: [WEBHOOK_SECRET_ROTATED] }) { oldLast4 newLast4 } }', { id: endpoint.id });
  expect(audit.data.allAuditEvents).toEqual([{ oldLast4: oldSecret.slice(-4), newLast4: rotated.secret.slice(-4) }]);
});

test('bad input is refused naming the field, and changes nothing', async () => {
  const before = (await admin('{ _allWebhookEndpointsMeta { count } }')).data._allWebhookEndpointsMeta.count;
  const cases: Array<[Record<string, unknown>, string]> = [
    [{ url: 'ftp://alerts.example.com/hook', events: ['CONNECTION_FAILED'] }, 'url'],
    [{ url: 'not a url', events: ['CONNECTION_FAILED'] }, 'url'],
    [{ url: `${receiver.url}/x`, events: [] }, 'events'],
    [{ url: `${receiver.url}/x`, events: ['WEBHOOK_TEST'] }, 'events'],
    [{ url: `${receiver.url}/x`, events: ['CONNECTION_FAILED'], description: 'x'.repeat(501) }, 'description'],
  ];
  for (const [variables, field] of cases) {
    const result = await admin(CREATE, variables);
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  }
  expect((await admin('{ _allWebhookEndpointsMeta { count } }')).data._allWebhookEndpointsMeta.count).toBe(before);
});

test('a viewer reads endpoints and deliveries, and changes nothing', async () => {
  const { endpoint } = await createEndpoint('/viewer');
  expect((await viewer(ENDPOINT, { id: endpoint.id })).data.WebhookEndpoint.id).toBe(endpoint.id);
  expect((await viewer(DELIVERIES, {})).errors).toBeUndefined();
  for (const [document, variables] of [
    [SEND_TEST, { id: endpoint.id }],
    [`mutation($id: ID!) { updateWebhookEndpoint(id: $id, enabled: false) { id } }`, { id: endpoint.id }],
    [`mutation($id: ID!) { rotateWebhookSecret(id: $id) { secret } }`, { id: endpoint.id }],
    [`mutation($id: ID!) { deleteWebhookEndpoint(id: $id) { id } }`, { id: endpoint.id }],
  ] as const) {
    expect((await viewer(document, variables)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  }
  expect((await admin(ENDPOINT, { id: endpoint.id })).data.WebhookEndpoint.enabled).toBe(true);
  expect(receiver.on('/viewer')).toHaveLength(0);
});

test('deleting an endpoint takes its delivery log with it', async () => {
  const { endpoint } = await createEndpoint('/deleted');
  const delivery = (await admin(SEND_TEST, { id: endpoint.id })).data.sendTestWebhook;
  await waitForDelivery(delivery.id, 'DELIVERED');
  expect((await admin(`mutation($id: ID!) { deleteWebhookEndpoint(id: $id) { id url } }`, { id: endpoint.id })).data.deleteWebhookEndpoint.id).toBe(endpoint.id);
  expect((await admin(ENDPOINT, { id: endpoint.id })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
  expect((await admin(DELIVERIES, { filter: { endpointId: endpoint.id } })).data._allWebhookDeliveriesMeta.count).toBe(0);
});
