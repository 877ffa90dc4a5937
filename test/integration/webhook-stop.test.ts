import pino from 'pino';
import type { DataSource } from 'typeorm';
import { AuditService } from '../../server/audit/audit.service';
import { openDatabase } from '../../server/db/data-source';
import { SecretCipher } from '../../server/secrets/secret-cipher';
import { loadPreviousSecretKeys, loadSecretKey } from '../../server/secrets/secret-key';
import { WebhookDeliveryQueue } from '../../server/webhooks/webhook-delivery-queue';
import { WebhookDeliveryService } from '../../server/webhooks/webhook-delivery.service';
import { WebhookEndpointService } from '../../server/webhooks/webhook-endpoint.service';
import { WebhookSender } from '../../server/webhooks/webhook-sender';
import { WebhookWorker } from '../../server/webhooks/webhook-worker';
import { ADMIN, TestServer } from '../support/test-server';
import { WebhookReceiver } from '../support/webhook-receiver';

/**
 * A webhook worker stopped while its claim is under way (SIGTERM during a poll): what the claim
 * brings in is given back at once, not sent during the shutdown. Before, stop() counted the
 * attempts under way before the claim answered, so the claimed delivery was sent while the
 * database closed and, its result lost, sent again once its lease ran out.
 *
 * The worker runs here on its own, on the database of a stopped server, so nothing else claims.
 */

let server: TestServer;
let receiver: WebhookReceiver;
let dataSource: DataSource | undefined;
let sender: WebhookSender | undefined;

beforeAll(async () => {
  receiver = await WebhookReceiver.start();
  server = await TestServer.start({ OUTBOUND_ALLOW_PRIVATE: 'true' });
});
afterAll(async () => {
  await sender?.close();
  await dataSource?.destroy();
  await server.destroy();
  await receiver.stop();
});

test('a claim under way when the worker stops: the delivery is not sent and another instance can take it at once', async () => {
  const token = await server.login(ADMIN.email, ADMIN.password);
  const created = await server.graphql(`mutation($u: String!) { createWebhookEndpoint(url: $u, events: [CONNECTION_FAILED]) { endpoint { id } } }`, { u: `${receiver.url}/stop` }, token);
  const endpointId = created.data.createWebhookEndpoint.endpoint.id;
  const config = server.config();
  await server.stop();

  const logger = pino({ level: 'silent' });
  dataSource = await openDatabase(config.database);
  const cipher = new SecretCipher(loadSecretKey(config, logger), loadPreviousSecretKeys(config));
  const endpoints = new WebhookEndpointService(dataSource, cipher, new AuditService(dataSource), { allowPrivateTargets: true });
  const deliveries = new WebhookDeliveryService(dataSource, endpoints);
  const queue = new WebhookDeliveryQueue(dataSource, deliveries, endpoints, { leaseMs: 60_000, retryBaseMs: 1000 });
  sender = new WebhookSender({ allowPrivateTargets: true, userAgent: 'storelink-tests' });
  const worker = new WebhookWorker(queue, endpoints, sender, logger, { concurrency: 4, pollMs: 60_000 });
  const delivery = await deliveries.sendTest(endpointId);

  worker.kick();
  await worker.stop(60_000);

  expect(receiver.on('/stop')).toEqual([]);
  // Given back, not left to its lease: the next claim (another instance, or this one restarted) gets it now.
  const next = await queue.claim(10);
  expect(next.map((claimed) => claimed.id)).toEqual([delivery.id]);
  expect(next[0].attempts).toBe(0);
});
