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
  USER_ROLE_CHANGED: 'Role changed',
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

export const TARGET_TYPE_LABELS: Record<string, string> = { USER: 'user', API_KEY: 'API key', ECOMMERCE_STORE: 'store', SECRET_KEY: 'encryption key' };

const ACTOR_TYPE_LABELS: Record<string, string> = { USER: '', API_KEY: 'API key', ANONYMOUS: 'not signed in', SYSTEM: 'storelink itself' };

/** Who acted: the user's email, an API key's name (said to be a key), or storelink's own schedule. */
export function actorLabel(event: { actorType: string; actorName: string | null }): string {
  const kind = ACTOR_TYPE_LABELS[event.actorType] ?? '';
  if (event.actorType === 'SYSTEM') return kind;
  if (!event.actorName) return kind || '—';
  return kind ? `${event.actorName} (${kind})` : event.actorName;
}

/** What the credential fields are called on the store page. */
const FIELD_WORDS: Record<string, string> = {
  name: 'name',
  apiVersion: 'API version',
  apiLogin: 'API login',
  apiUrl: 'API URL',
  apiPassword: 'secret (access token or API token)',
};

/** A connection test's outcome as the store page says it. */
const STATUS_WORDS: Record<string, string> = {
  OK: 'connection OK',
  INVALID_CREDENTIALS: 'credentials rejected',
  STORE_NOT_FOUND: 'store not found',
  MISSING_SCOPES: 'missing scopes',
  RATE_LIMITED: 'rate limited by BigCommerce',
  TIMEOUT: 'timed out',
  NETWORK_ERROR: 'BigCommerce unreachable',
  UPSTREAM_ERROR: 'BigCommerce error',
  NOT_CONFIGURED: 'no credentials set up',
};

const ROLE_WORDS: Record<string, string> = { ADMIN: 'administrator', VIEWER: 'viewer (read-only)' };

const list = (words: string[]) => (words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`);

function detailInWords(detail: string): string {
  if (STATUS_WORDS[detail]) return `Result: ${STATUS_WORDS[detail]}`;
  const role = /^role (\w+)$/.exec(detail)?.[1];
  if (role) return `Role: ${ROLE_WORDS[role] ?? role.toLowerCase()}`;
  return detail.charAt(0).toUpperCase() + detail.slice(1);
}

/** What an audit event says changed (AuditEvent in schema.graphql): never a secret, only its last 4. */
export interface AuditChange {
  action: string;
  changedFields: string[];
  oldApiVersion: string | null;
  newApiVersion: string | null;
  oldLast4: string | null;
  newLast4: string | null;
  detail: string | null;
}

/** A credential change in sentences: what changed, from which API version to which, and which secret (by its last 4). */
export function changeInWords(event: AuditChange): string {
  const sentences: string[] = [];
  const fields = event.changedFields.filter((field) => field !== 'name' || event.changedFields.length > 1);
  if (fields.length) {
    const named = list(fields.map((field) => FIELD_WORDS[field] ?? field));
    sentences.push(event.action === 'CREDENTIALS_CHANGED' || event.action === 'STORE_RENAMED' ? `Changed the ${named}` : `Tried to change the ${named}`);
  }
  if (event.oldApiVersion !== event.newApiVersion && event.oldApiVersion && event.newApiVersion) {
    sentences.push(`From ${apiVersionLabel(event.oldApiVersion)} to ${apiVersionLabel(event.newApiVersion)}`);
  } else if (event.newApiVersion) {
    sentences.push(`On ${apiVersionLabel(event.newApiVersion)}`);
  }
  if (event.oldLast4 !== event.newLast4 && event.newLast4) {
    const saved = event.action === 'CREDENTIALS_CHANGED';
    if (event.oldLast4) sentences.push(`Secret ending …${event.oldLast4} ${saved ? 'replaced by' : 'and'} one ending …${event.newLast4}`);
    else sentences.push(`${saved ? 'New secret' : 'Secret'} ending …${event.newLast4}`);
  } else if (event.newLast4) {
    sentences.push(`Secret ending …${event.newLast4}`);
  }
  if (event.detail) sentences.push(detailInWords(event.detail));
  return sentences.join('. ');
}
