export enum WebhookDeliveryStatus {
  /** Waiting for its first or next attempt. */
  PENDING = 'PENDING',
  DELIVERED = 'DELIVERED',
  /** Given up: the endpoint answered 410, or failed every attempt for more than a day. */
  FAILED = 'FAILED',
}
