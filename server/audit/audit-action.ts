/** What happened. Outcomes that matter to an investigation (a failed sign-in) have their own action. */
export enum AuditAction {
  LOGIN_SUCCEEDED = 'LOGIN_SUCCEEDED',
  LOGIN_FAILED = 'LOGIN_FAILED',
  LOGIN_THROTTLED = 'LOGIN_THROTTLED',
  LOGOUT = 'LOGOUT',
  PASSWORD_CHANGED = 'PASSWORD_CHANGED',
  PASSWORD_CHANGE_FAILED = 'PASSWORD_CHANGE_FAILED',
  USER_CREATED = 'USER_CREATED',
  USER_DISABLED = 'USER_DISABLED',
  USER_ENABLED = 'USER_ENABLED',
  USER_ROLE_CHANGED = 'USER_ROLE_CHANGED',
  API_KEY_CREATED = 'API_KEY_CREATED',
  API_KEY_REVOKED = 'API_KEY_REVOKED',
  STORE_CREATED = 'STORE_CREATED',
  STORE_RENAMED = 'STORE_RENAMED',
  STORE_DELETED = 'STORE_DELETED',
  /** New API credentials were saved. */
  CREDENTIALS_CHANGED = 'CREDENTIALS_CHANGED',
  /** Credentials saved with verify failed their test; nothing was saved. */
  CREDENTIALS_REJECTED = 'CREDENTIALS_REJECTED',
  /** A test of a store's saved credentials. */
  CONNECTION_TESTED = 'CONNECTION_TESTED',
  /** A dry run of typed credentials (testCredentials). */
  CREDENTIALS_TESTED = 'CREDENTIALS_TESTED',
  /** `npm run rotate-key` re-encrypted the stored credentials under a new key. */
  KEY_ROTATED = 'KEY_ROTATED',
  WEBHOOK_ENDPOINT_CREATED = 'WEBHOOK_ENDPOINT_CREATED',
  WEBHOOK_ENDPOINT_UPDATED = 'WEBHOOK_ENDPOINT_UPDATED',
  WEBHOOK_ENDPOINT_DELETED = 'WEBHOOK_ENDPOINT_DELETED',
  WEBHOOK_SECRET_ROTATED = 'WEBHOOK_SECRET_ROTATED',
  /** storelink stopped sending to an endpoint: it answered 410 Gone, or failed every attempt for more than a day. */
  WEBHOOK_ENDPOINT_DISABLED = 'WEBHOOK_ENDPOINT_DISABLED',
}

/** Who acted. */
export enum AuditActorType {
  USER = 'USER',
  API_KEY = 'API_KEY',
  /** Someone not signed in (a sign-in attempt). */
  ANONYMOUS = 'ANONYMOUS',
  /** storelink itself or an operator's command (e.g. rotate-key). */
  SYSTEM = 'SYSTEM',
}

/** What was acted on. */
export enum AuditTargetType {
  USER = 'USER',
  API_KEY = 'API_KEY',
  ECOMMERCE_STORE = 'ECOMMERCE_STORE',
  SECRET_KEY = 'SECRET_KEY',
  WEBHOOK_ENDPOINT = 'WEBHOOK_ENDPOINT',
}
