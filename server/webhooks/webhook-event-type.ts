import { stringEnum, type EnumValue } from '../common/string-enum';

/** What a webhook announces. The GraphQL names are the contract's; `wireName` is the Standard Webhooks `type` a receiver sees. */
export const WebhookEventType = stringEnum(
  'CONNECTION_FAILED', 'CONNECTION_RECOVERED', 'CONNECTION_STATUS_CHANGED', 'CONNECTION_TEST_JOB_COMPLETED',
  /** sendTestWebhook only: no endpoint subscribes to it. */
  'WEBHOOK_TEST',
);
export type WebhookEventType = EnumValue<typeof WebhookEventType>;

export const WIRE_NAMES: Record<WebhookEventType, string> = {
  [WebhookEventType.CONNECTION_FAILED]: 'store.connection.failed',
  [WebhookEventType.CONNECTION_RECOVERED]: 'store.connection.recovered',
  [WebhookEventType.CONNECTION_STATUS_CHANGED]: 'store.connection.status_changed',
  [WebhookEventType.CONNECTION_TEST_JOB_COMPLETED]: 'connection_test_job.completed',
  [WebhookEventType.WEBHOOK_TEST]: 'webhook.test',
};

/** The events an endpoint may subscribe to. */
export const SUBSCRIBABLE_EVENTS: readonly WebhookEventType[] = [
  WebhookEventType.CONNECTION_FAILED,
  WebhookEventType.CONNECTION_RECOVERED,
  WebhookEventType.CONNECTION_STATUS_CHANGED,
  WebhookEventType.CONNECTION_TEST_JOB_COMPLETED,
];
