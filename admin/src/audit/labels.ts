/** What each audit action means, in the words an admin reads in the list. */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  LOGIN_SUCCEEDED: 'Signed in',
  LOGIN_FAILED: 'Sign-in failed',
  LOGIN_THROTTLED: 'Sign-in throttled',
  LOGOUT: 'Signed out',
  PASSWORD_CHANGED: 'Password changed',
  PASSWORD_CHANGE_FAILED: 'Password change refused',
  USER_CREATED: 'User created',
  USER_DISABLED: 'User disabled',
  USER_ENABLED: 'User enabled',
  API_KEY_CREATED: 'API key created',
  API_KEY_REVOKED: 'API key revoked',
  STORE_CREATED: 'Store created',
  STORE_RENAMED: 'Store renamed',
  STORE_DELETED: 'Store deleted',
  CREDENTIALS_CHANGED: 'API credentials changed',
  CREDENTIALS_REJECTED: 'API credentials refused (test failed)',
  CONNECTION_TESTED: 'Connection tested',
  CREDENTIALS_TESTED: 'Credentials tested (dry run)',
  KEY_ROTATED: 'Encryption key rotated',
};

export const AUDIT_ACTION_CHOICES = Object.entries(AUDIT_ACTION_LABELS).map(([id, name]) => ({ id, name }));

const API_VERSION_SHORT: Record<string, string> = { LEGACY: 'Legacy (Basic auth)', STORE_API_OAUTH: 'Store API (OAuth)' };
export const apiVersionLabel = (value: string | null | undefined) => (value ? (API_VERSION_SHORT[value] ?? value) : '—');
