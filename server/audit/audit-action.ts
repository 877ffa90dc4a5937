import { stringEnum, type EnumValue } from '../common/string-enum';

/** What happened. Outcomes that matter to an investigation (a failed sign-in) have their own action. */
export const AuditAction = stringEnum(
  'LOGIN_SUCCEEDED', 'LOGIN_FAILED', 'LOGIN_THROTTLED', 'LOGOUT', 'PASSWORD_CHANGED', 'PASSWORD_CHANGE_FAILED',
  'USER_CREATED', 'USER_DISABLED', 'USER_ENABLED', 'USER_ROLE_CHANGED',
  'API_KEY_CREATED', 'API_KEY_REVOKED',
  'STORE_CREATED', 'STORE_RENAMED', 'STORE_DELETED',
  /** New API credentials were saved. */
  'CREDENTIALS_CHANGED',
  /** Credentials saved with verify failed their test; nothing was saved. */
  'CREDENTIALS_REJECTED',
  /** A test of a store's saved credentials. */
  'CONNECTION_TESTED',
  /** A dry run of typed credentials (testCredentials). */
  'CREDENTIALS_TESTED',
  /** `npm run rotate-key` re-encrypted the stored credentials under a new key. */
  'KEY_ROTATED',
  'WEBHOOK_ENDPOINT_CREATED', 'WEBHOOK_ENDPOINT_UPDATED', 'WEBHOOK_ENDPOINT_DELETED', 'WEBHOOK_SECRET_ROTATED',
  /** storelink stopped sending to an endpoint: it answered 410 Gone, or failed every attempt for more than a day. */
  'WEBHOOK_ENDPOINT_DISABLED',
);
export type AuditAction = EnumValue<typeof AuditAction>;

/** Who acted. */
export const AuditActorType = stringEnum(
  'USER', 'API_KEY',
  /** Someone not signed in (a sign-in attempt). */
  'ANONYMOUS',
  /** storelink itself or an operator's command (e.g. rotate-key). */
  'SYSTEM',
);
export type AuditActorType = EnumValue<typeof AuditActorType>;

/** What was acted on. */
export const AuditTargetType = stringEnum('USER', 'API_KEY', 'ECOMMERCE_STORE', 'SECRET_KEY', 'WEBHOOK_ENDPOINT');
export type AuditTargetType = EnumValue<typeof AuditTargetType>;
