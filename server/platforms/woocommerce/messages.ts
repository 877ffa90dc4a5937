import { redirectOrigin, type TransportFailure } from '../outbound';
import { siteLabel } from './site-url';

/**
 * Every sentence a WooCommerce connection test can show: one sentence an admin can act on, in
 * WooCommerce's own words (WooCommerce > Settings > Advanced > REST API, "Permissions:
 * Read/Write"), naming the form's fields (site URL, consumer key, consumer secret). Built only
 * from what is not secret: never the secret, never a response body.
 */

const KEYS_PAGE = 'WooCommerce > Settings > Advanced > REST API';
const READ_WRITE = '"Permissions: Read/Write"';
const ROLES = 'an Administrator or Shop manager';

export function connected(storeName: string): string {
  return `Connected to ${storeName}: the key's permission is Read/Write and its user may read orders, products and customers and change orders.`;
}

export function unknownKey(): string {
  return `WooCommerce does not know this consumer key (it answered as if no key was sent): check the key against the list in ${KEYS_PAGE}, where its last 7 characters are shown, and that the site URL is the site the key was made on.`;
}

export function wrongSecret(): string {
  return `WooCommerce knows the consumer key but not this consumer secret: paste the secret that was shown with this key, or, if it was lost, make a new key in ${KEYS_PAGE} with ${READ_WRITE}.`;
}

export function wooCommerceOff(siteUrl: string): string {
  return `${siteLabel(siteUrl)} runs WordPress, but its REST API has no WooCommerce routes (wc/v3): check in Plugins that WooCommerce (version 3.5 or later) is active, and that the site URL is the shop's.`;
}

export function notWordPress(siteUrl: string): string {
  return `No WordPress REST API answers at ${siteLabel(siteUrl)}: check the site URL (the address of the WordPress site, with its subfolder if WordPress lives in one, e.g. "https://example.com/shop").`;
}

export function plainPermalinksWarning(): string {
  return 'WordPress permalinks are set to "Plain", so the REST API answers only at ?rest_route= and not at /wp-json/: storelink used ?rest_route=, but to give every integration the usual address choose another structure (e.g. "Post name") in WordPress under Settings > Permalinks.';
}

export function blocked(html: boolean): string {
  return `Something in front of WooCommerce refused the request (403${html ? ' with a web page' : ''}, not a WooCommerce answer), usually a security plugin or the host's firewall: allow requests to /wp-json/wc/v3/ from storelink there, and try again.`;
}

export function rateLimited(waitMs: number | null, status: 429 | 503): string {
  const who = status === 429 ? 'The site is limiting requests (429 Too Many Requests), usually by its host or a security plugin' : 'The site said it is unavailable for now (503 with Retry-After), usually a host limit or maintenance mode';
  if (waitMs === null) return `${who}: try again in a minute.`;
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  return `${who}: try again in about ${seconds} second${seconds === 1 ? '' : 's'}.`;
}

export function timedOut(siteUrl: string, timeoutMs: number): string {
  const seconds = Math.round(timeoutMs / 100) / 10;
  return `${siteLabel(siteUrl)} did not answer within ${seconds} seconds: check that the site loads in a browser, and try again in a few minutes.`;
}

export function forbiddenTarget(): string {
  return 'The site URL points at a private or local network address, which storelink does not connect to.';
}

export function networkFailure(siteUrl: string, failure: Extract<TransportFailure, 'dns' | 'network'>): string {
  if (failure === 'dns') return `The host name in the site URL (${hostOf(siteUrl)}) does not exist: check the site URL.`;
  return `storelink could not connect to ${hostOf(siteUrl)}: check the site URL and that the site loads in a browser, and try again in a few minutes.`;
}

export function redirected(siteUrl: string, location: string | null): string {
  const destination = redirectOrigin(location, siteUrl);
  return `The site answered with a redirect${destination ? ` to ${destination}` : ''}, which storelink does not follow: enter the address the site really answers on as the site URL (check it in WordPress under Settings > General, "Site Address (URL)").`;
}

export function serverError(siteUrl: string, status: number): string {
  return `${siteLabel(siteUrl)} had an internal error (status ${status}) and did not recover during the test: try again in a few minutes, and check WooCommerce > Status > Logs if it keeps happening.`;
}

export function unexpectedStatus(status: number, probe: string): string {
  return `The site answered ${status} to ${probe}, which WooCommerce does not send: check the site URL, and try again later.`;
}

export function badBody(problem: 'html' | 'unreadable'): string {
  if (problem === 'html') {
    return 'The site answered with a web page instead of WooCommerce API data (a maintenance page, a login or a security check): check the site URL, and that nothing in front of WordPress intercepts /wp-json/.';
  }
  return 'The site sent an answer storelink could not read as WooCommerce API data: check the site URL, and try again in a few minutes.';
}

export function tooLarge(): string {
  return 'The site sent a far larger answer than WooCommerce sends for one record, so storelink stopped reading it: check the site URL.';
}

export function writeAccepted(status: number, probe: string): string {
  return `The site answered ${status} to ${probe}, a change to an order that cannot exist which WooCommerce must refuse, so storelink cannot rule out that something changed: check the shop's recent orders, and report this answer to the site's developer.`;
}

export function internalError(): string {
  return 'storelink could not finish the connection test because of an unexpected error on its side: try again, and report it if it keeps happening.';
}

/** The fix for what the key lacks: one sentence, the key's permission first. */
export function missingAccess(problems: { keyPermission: 'Read' | 'Write' | null; userCannotList: string[]; userCannotEdit: boolean }): string {
  const parts: string[] = [];
  if (problems.keyPermission !== null) {
    parts.push(
      `the key's permission is ${problems.keyPermission}, and storelink needs Read/Write: in ${KEYS_PAGE}, edit the key and set ${READ_WRITE} (the consumer key and secret stay the same)`,
    );
  }
  const lacks = [
    ...(problems.userCannotList.length > 0 ? [`list ${orList(problems.userCannotList)}`] : []),
    ...(problems.userCannotEdit ? ['change orders'] : []),
  ];
  if (lacks.length > 0) {
    parts.push(
      `the key's user may not ${lacks.join(' or ')}: in ${KEYS_PAGE}, make a key for ${ROLES}, or give the user that role in Users`,
    );
  }
  const sentence = parts.join('; and ');
  return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`;
}

export const scopeMessages = {
  readConfirmed: () => 'Read access confirmed, which is all storelink needs.',
  editUnverified: () =>
    "The key's permission is Read/Write and its user may read orders; whether the user may also change orders cannot be checked without changing one, so confirm the user is an Administrator or Shop manager.",
  keyReadOnly: () => `The key's permission is Read: set ${READ_WRITE} on the key.`,
  keyWriteOnly: (records: string) => `The key's permission is Write, so it may not read ${records}: set ${READ_WRITE} on the key.`,
  userDenied: (records: string, capability: string) => `The key's user may not list ${records} (WordPress capability ${capability}).`,
  userCannotEdit: () => "The key's user may read orders but not change them (WordPress capability edit_shop_orders).",
  notChecked: () => 'Not checked, because the test stopped before WooCommerce answered this check.',
  unexpectedAnswer: (status: number, probe: string) => `Not checked: the site answered ${status} to ${probe}, which does not say what the key may do.`,
  noAnswer: (probe: string) => `Not checked: no usable answer from the site to ${probe}.`,
};

export function confirmEditWarning(): string {
  return `storelink cannot check without changing an order whether the key's user may change orders, and the user may not open WooCommerce's system status: confirm in Users that the key's user (shown in ${KEYS_PAGE}) is ${ROLES}.`;
}

function orList(items: string[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'the site';
  }
}

export function malformedKey(): string {
  return `The saved consumer key or secret is not shaped like a WooCommerce key ("ck_…" and "cs_…"): enter both again from ${KEYS_PAGE}.`;
}
