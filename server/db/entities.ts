import { AuditEvent } from '../audit/audit-event.entity';
import { ApiKey } from '../auth/api-key.entity';
import { Session } from '../auth/session.entity';
import { ConnectionTest } from '../connection-history/connection-test.entity';
import { User } from '../auth/user.entity';
import { ConnectionTestJobItem } from '../jobs/connection-test-job-item.entity';
import { ConnectionTestJob } from '../jobs/connection-test-job.entity';
import { KeyCheck } from '../secrets/key-check.entity';
import { EcommerceStore } from '../stores/ecommerce-store.entity';
import { IssuedAccessToken } from '../stores/issued-access-token.entity';
import { WebhookDelivery } from '../webhooks/webhook-delivery.entity';
import { WebhookEndpoint } from '../webhooks/webhook-endpoint.entity';

export const entities = [
  EcommerceStore,
  User,
  Session,
  KeyCheck,
  ConnectionTest,
  ApiKey,
  AuditEvent,
  ConnectionTestJob,
  ConnectionTestJobItem,
  WebhookEndpoint,
  WebhookDelivery,
  IssuedAccessToken,
];
