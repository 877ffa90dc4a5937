import { ScopeLevel } from '../../common/connection-outcome';
import { API_VERSION_LABELS, ApiVersion } from '../../common/api-version';
import { redirectOrigin, type TransportFailure } from '../outbound';
import { REQUIRED_SCOPES, levelLabel } from './scopes';

/**
 * Every sentence a connection test can show. Each is one sentence an admin can act on, names
 * fields as the form does ("API path", "access token", "API URL"), and is built only from
 * things that are not secret: never a token, never a response body.
 */

/** Which credentials were tested, in the words the form uses. */
export type TestedTarget = { apiVersion: typeof ApiVersion.STORE_API_OAUTH; apiPath: string } | { apiVersion: typeof ApiVersion.LEGACY; apiUrl: string };

const STORE_API_LABEL = API_VERSION_LABELS[ApiVersion.STORE_API_OAUTH];
const TOKEN_TYPE = '"V2/V3 API token"';
const ACCOUNTS_PAGE = 'Settings > Store-level API accounts';

function quoted(value: string): string {
  return `"${value}"`;
}

const isLegacy = (target: TestedTarget): target is Extract<TestedTarget, { apiVersion: typeof ApiVersion.LEGACY }> =>
  target.apiVersion === ApiVersion.LEGACY;

/** "BigCommerce" for the Store API; the store's own host for a legacy URL, which may not be BigCommerce at all. */
function peer(target: TestedTarget): string {
  return isLegacy(target) ? `the API URL's server (${hostOf(target.apiUrl)})` : 'BigCommerce';
}

export function connected(target: TestedTarget, storeName: string | null): string {
  const store = storeName ? `to ${quoted(storeName)}` : 'to the store';
  if (isLegacy(target)) {
    return `Connected ${store} with the Legacy API account, which still works but is deprecated: move this store to a Store API account (see the warnings).`;
  }
  return `Connected ${store}: the access token works and has every scope storelink needs that can be checked.`;
}

export function invalidCredentials(target: TestedTarget): string {
  if (isLegacy(target)) {
    return 'The store did not accept the username and API token: check both against the Legacy API account in the control panel.';
  }
  return "BigCommerce did not accept the access token: paste the whole Access Token of this store's API account again, and check that the account still exists.";
}

export function malformedSecret(target: TestedTarget): string {
  return isLegacy(target)
    ? 'The username or API token is empty or contains characters they cannot contain: enter them again.'
    : 'The access token is empty or contains spaces: paste the Access Token again exactly as BigCommerce showed it.';
}

export function storeNotFound(target: TestedTarget): string {
  if (isLegacy(target)) {
    return `No BigCommerce store API answers at the API URL ${target.apiUrl}: check it (it looks like "https://store-abc123.mybigcommerce.com/api/v2/").`;
  }
  return `BigCommerce knows no store with the API path ${quoted(target.apiPath)}: copy the API path again from the API account's details (it looks like "stores/abcd1234").`;
}

export function insecureScheme(): string {
  return 'The API URL must start with https://, because storelink does not send credentials over an unencrypted connection.';
}

export function forbiddenTarget(target: TestedTarget): string {
  if (isLegacy(target)) return 'The API URL points at a private or local network address, which storelink does not connect to.';
  return 'The BigCommerce API address configured for storelink (BIGCOMMERCE_API_URL) points at a private or local network address, which storelink does not connect to unless OUTBOUND_ALLOW_PRIVATE is set.';
}

export function rateLimited(waitMs: number | null): string {
  if (waitMs === null) return 'BigCommerce is limiting requests because of high load: try again in a minute.';
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  return `The store's BigCommerce API limit, which every app connected to the store shares, is used up for now: try again in about ${seconds} second${seconds === 1 ? '' : 's'}.`;
}

export function timedOut(target: TestedTarget, timeoutMs: number): string {
  const seconds = Math.round(timeoutMs / 100) / 10;
  return `${capitalised(peer(target))} did not answer within ${seconds} seconds: try again in a few minutes${
    isLegacy(target) ? ', and check the API URL if it keeps happening' : ', and check status.bigcommerce.com if it keeps happening'
  }.`;
}

export function networkFailure(target: TestedTarget, failure: Extract<TransportFailure, 'dns' | 'network'>): string {
  if (isLegacy(target)) {
    return failure === 'dns'
      ? `The host name ${hostOf(target.apiUrl, 'hostname')} in the API URL does not exist: check the API URL.`
      : `storelink could not connect to ${hostOf(target.apiUrl)}: check the API URL, and try again in a few minutes.`;
  }
  return 'storelink could not connect to BigCommerce (the connection failed or was cut off): try again in a few minutes.';
}

export function redirected(target: TestedTarget, location: string | null): string {
  const destination = redirectOrigin(location, isLegacy(target) ? target.apiUrl : undefined);
  const to = destination ? ` to ${destination}` : '';
  if (isLegacy(target)) {
    return `The API URL redirects${to}, which storelink does not follow: enter the address the store's API really answers on (it ends in /api/v2/).`;
  }
  return `BigCommerce answered with a redirect${to}, which storelink does not follow: check the API path, and try again later.`;
}

export function serverError(target: TestedTarget, status: number): string {
  return `${capitalised(peer(target))} had an internal error (status ${status}) and did not recover during the test: try again in a few minutes.`;
}

export function unexpectedStatus(target: TestedTarget, status: number, probe: string): string {
  return `${capitalised(peer(target))} answered ${status} to ${probe}, which storelink did not expect: check the ${
    isLegacy(target) ? 'API URL' : 'API path'
  }, and try again later.`;
}

export function badBody(target: TestedTarget, problem: 'html' | 'unreadable'): string {
  const field = isLegacy(target) ? 'API URL' : 'API path';
  if (problem === 'html') {
    return `The answer was a web page instead of BigCommerce API data, which usually means a wrong address or something in between: check the ${field}, and try again.`;
  }
  return `${capitalised(peer(target))} sent an answer storelink could not read: try again in a few minutes, and check the ${field} if it keeps happening.`;
}

export function tooLarge(target: TestedTarget): string {
  return `${capitalised(peer(target))} sent a far larger answer than any BigCommerce API sends, so storelink stopped reading it: check the ${
    isLegacy(target) ? 'API URL' : 'API path'
  }.`;
}

/** The alarm: a write that must not get through (to a record that cannot exist) was answered as done. */
export function writeAccepted(status: number, probe: string): string {
  return `BigCommerce answered ${status} to ${probe}, a write to a record that cannot exist which every store must refuse, so storelink cannot rule out that the store changed something: check the store's recent orders, products and customers, and report this answer to BigCommerce support.`;
}

export function internalError(): string {
  return 'storelink could not finish the connection test because of an unexpected error on its side: try again, and report it if it keeps happening.';
}

export interface MissingScope {
  scope: string;
  required: ScopeLevel;
  /** null: not the required level, but which lower level could not be told. */
  granted: ScopeLevel | null;
}

export function missingScopes(missing: MissingScope[], everyScopeIsNone: boolean): string {
  const list = missing
    .map(({ scope, required, granted }) => `${scope} needs ${levelLabel(required)} (granted: ${granted ? levelLabel(granted) : `less than ${levelLabel(required)}`})`)
    .join(', ');
  const otherStore = everyScopeIsNone ? ' (if every scope shows None, also check that the API path is the one of the same API account)' : '';
  return `The access token is missing scopes: ${list}; scopes cannot be changed on an existing API account, so create a new one (${ACCOUNTS_PAGE}, token type ${TOKEN_TYPE}) with these scopes and enter its API path and access token here${otherStore}.`;
}

export const scopeMessages = {
  lacking: (required: ScopeLevel, granted: ScopeLevel) =>
    granted === ScopeLevel.NONE
      ? `Needs ${levelLabel(required)}, but the token has no access (None).`
      : `Needs ${levelLabel(required)}, but the token has only ${levelLabel(granted)}.`,
  lackingUnknown: (required: ScopeLevel) => `Needs ${levelLabel(required)}, but the token does not have it (whether it has Read-only could not be checked).`,
  atLeastRead: () => 'Read access confirmed, which is all storelink needs.',
  broader: (required: ScopeLevel, granted: ScopeLevel) => `Granted ${levelLabel(granted)}, but ${levelLabel(required)} is enough.`,
  modifyUnverifiable: (scope: string) =>
    `Read access confirmed; Modify cannot be checked without changing data, so confirm in the control panel that ${scope} is set to Modify.`,
  notChecked: () => 'Not checked, because the test stopped before BigCommerce answered this check.',
  unexpectedAnswer: (status: number, probe: string) => `Not checked: BigCommerce answered ${status} to ${probe}, which does not say whether the token has this scope.`,
  redirectAnswer: (probe: string) => `Not checked: BigCommerce answered ${probe} with a redirect, which storelink does not follow.`,
  unreadableAnswer: (probe: string) => `Not checked: BigCommerce answered ${probe} with something other than API data.`,
  noAnswer: (probe: string, failure: TransportFailure) =>
    failure === 'timeout'
      ? `Not checked: BigCommerce did not answer ${probe} before the test's time ran out.`
      : `Not checked: storelink could not get an answer from BigCommerce to ${probe}.`,
};

export function broaderThanNeededWarning(scope: string, required: ScopeLevel, granted: ScopeLevel): string {
  return `The access token has ${scope} set to ${levelLabel(granted)}, but storelink needs only ${levelLabel(
    required,
  )}: for least privilege, use an API account with ${scope} set to ${levelLabel(required)} (scopes cannot be changed later, so that means a new API account).`;
}

export function confirmModifyWarning(scope: string): string {
  return `storelink cannot check ${scope} Modify access without changing data: confirm in the BigCommerce control panel (${ACCOUNTS_PAGE}) that this API account has ${scope} set to Modify.`;
}

const REQUIRED_SCOPE_LIST = (() => {
  const items = REQUIRED_SCOPES.map((s) => `${s.name} ${levelLabel(s.required)}`);
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
})();

export const legacyWarnings = {
  deprecated: () =>
    `Legacy API accounts have been deprecated by BigCommerce since July 2018 and may stop working: in the control panel (${ACCOUNTS_PAGE}) create an API account with token type ${TOKEN_TYPE} and the scopes ${REQUIRED_SCOPE_LIST}, then set "API Version" to ${quoted(
      STORE_API_LABEL,
    )} here and enter its API path and access token.`,
  unscoped: () =>
    'Legacy API accounts are not limited by scopes and have full access to the store, so there are no scopes to check; a Store API account needs only the five scopes above.',
};

/** Messages must never throw, even for a URL that failed validation. */
function hostOf(url: string, part: 'host' | 'hostname' = 'host'): string {
  try {
    return new URL(url)[part];
  } catch {
    return 'the API URL';
  }
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
