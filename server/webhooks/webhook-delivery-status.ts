import { stringEnum, type EnumValue } from '../common/string-enum';

export const WebhookDeliveryStatus = stringEnum(
  /** Waiting for its first or next attempt. */
  'PENDING', 'DELIVERED',
  /** Given up: the endpoint answered 410, or failed every attempt for more than a day. */
  'FAILED',
);
export type WebhookDeliveryStatus = EnumValue<typeof WebhookDeliveryStatus>;
