import { registerEnumType } from 'type-graphql';
import { AuditAction, AuditActorType, AuditTargetType } from '../audit/audit-action';
import { UserRole } from '../common/user-role';
import { ConnectionStatus, ScopeLevel } from '../common/connection-outcome';
import { ApiVersion } from '../common/api-version';
import { ConnectionHealth } from '../common/connection-health';
import { Platform } from '../common/platform';
import { WebhookDeliveryStatus } from '../webhooks/webhook-delivery-status';
import { WebhookEventType } from '../webhooks/webhook-event-type';

/** The domain enums, registered once under the names the GraphQL contract fixes. */
export function registerEnums(): void {
  registerEnumType(Platform, { name: 'Platform' });
  registerEnumType(ApiVersion, {
    name: 'ApiVersion',
    valuesConfig: {
      LEGACY: { description: 'Legacy API account (Basic auth). Deprecated by BigCommerce.' },
      STORE_API_OAUTH: { description: 'Store API Account (OAuth).' },
      WOOCOMMERCE_REST: { description: 'WooCommerce REST API key (consumer key and secret).' },
    },
  });
  registerEnumType(ConnectionStatus, { name: 'ConnectionStatus' });
  registerEnumType(ScopeLevel, { name: 'ScopeLevel' });
  registerEnumType(ConnectionHealth, { name: 'ConnectionHealth' });
  registerEnumType(UserRole, {
    name: 'UserRole',
    valuesConfig: {
      ADMIN: { description: 'Everything, including credentials, users, API keys and the audit trail.' },
      VIEWER: { description: 'Reads stores and their connection history, and runs connection tests. Changes nothing.' },
    },
  });
  registerEnumType(AuditAction, { name: 'AuditAction' });
  registerEnumType(AuditActorType, { name: 'AuditActorType' });
  registerEnumType(AuditTargetType, { name: 'AuditTargetType' });
  registerEnumType(WebhookEventType, {
    name: 'WebhookEventType',
    valuesConfig: {
      CONNECTION_FAILED: { description: 'store.connection.failed: a store\'s connection went from OK to not OK.' },
      CONNECTION_RECOVERED: { description: 'store.connection.recovered: from not OK back to OK.' },
      CONNECTION_STATUS_CHANGED: { description: 'store.connection.status_changed: any change of status between two tests.' },
      CONNECTION_TEST_JOB_COMPLETED: { description: 'connection_test_job.completed: a bulk re-test finished, with its counts.' },
      WEBHOOK_TEST: { description: 'webhook.test: sent by sendTestWebhook only; cannot be subscribed to.' },
    },
  });
  registerEnumType(WebhookDeliveryStatus, { name: 'WebhookDeliveryStatus' });
}
