/**
 * Parsing of what merchants paste into "API login (API path)" and the legacy "API URL".
 * Merchants copy these from different places in the control panel and its .txt download,
 * so every form BigCommerce shows is accepted and normalised; anything else is refused
 * with a reason that says what a valid value looks like.
 */

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

const STORE_HASH = /^[a-z0-9]+$/;
const STORE_API_HOST = 'api.bigcommerce.com';
const API_PATH_EXAMPLE = 'It should look like "stores/abcd1234" (the API path BigCommerce showed when the API account was created).';

/**
 * Accepts "stores/abcd1234", "https://api.bigcommerce.com/stores/abcd1234/v3/" (or /v2/,
 * with or without the trailing slash), or a bare "abcd1234", in any case; returns the hash.
 */
export function parseStoreHash(input: string): Parsed<string> {
  const trimmed = input.trim().toLowerCase();
  if (trimmed === '') return { ok: false, reason: `The API path is empty. ${API_PATH_EXAMPLE}` };

  // Pasted without the scheme: "api.bigcommerce.com/stores/abcd1234/v3/".
  let path = trimmed.startsWith(`${STORE_API_HOST}/`) ? trimmed.slice(STORE_API_HOST.length) : trimmed;
  if (/^[a-z][a-z0-9+.-]*:\/\//.test(trimmed)) {
    let url: URL;
    try {
      url = new URL(trimmed);
    } catch {
      return { ok: false, reason: `The API path is not a valid URL. ${API_PATH_EXAMPLE}` };
    }
    if (url.protocol !== 'https:' || url.hostname !== STORE_API_HOST || url.port !== '' || url.username || url.password) {
      return { ok: false, reason: `The API path must be on https://${STORE_API_HOST}. ${API_PATH_EXAMPLE}` };
    }
    if (url.search || url.hash) return { ok: false, reason: `The API path must not have a query or fragment. ${API_PATH_EXAMPLE}` };
    path = url.pathname;
  }

  const segments = path.replace(/^\/+/, '').replace(/\/+$/, '').split('/');
  let hash: string | undefined;
  if (segments.length === 1) {
    hash = segments[0];
  } else if (segments[0] === 'stores' && (segments.length === 2 || (segments.length === 3 && /^v[23]$/.test(segments[2])))) {
    hash = segments[1];
  }
  if (hash === undefined || hash === 'stores') {
    return { ok: false, reason: `The API path has an unexpected form. ${API_PATH_EXAMPLE}` };
  }
  if (!STORE_HASH.test(hash)) {
    return { ok: false, reason: `The store hash may contain only letters and digits. ${API_PATH_EXAMPLE}` };
  }
  return { ok: true, value: hash };
}

/** The API path as the control panel and the merchant guide show it. */
export function formatApiPath(storeHash: string): string {
  return `stores/${storeHash}`;
}

/**
 * A legacy API URL: the store's own domain with "/api/v2/". Accepts the bare origin or the
 * origin with "/api" or "/api/v2" and returns "https://host/api/v2/".
 */
export function parseLegacyApiUrl(input: string, allowPrivateTargets: boolean): Parsed<string> {
  const example = 'It should look like "https://store-abc123.mybigcommerce.com/api/v2/".';
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return { ok: false, reason: `The API URL must be an absolute URL. ${example}` };
  }
  const schemeAllowed = url.protocol === 'https:' || (allowPrivateTargets && url.protocol === 'http:');
  if (!schemeAllowed) return { ok: false, reason: `The API URL must start with https://. ${example}` };
  if (url.username || url.password) {
    return { ok: false, reason: `The API URL must not contain a username or password; enter them in their own fields. ${example}` };
  }
  if (url.search || url.hash) return { ok: false, reason: `The API URL must not have a query or fragment. ${example}` };
  const path = url.pathname.replace(/\/+$/, '').toLowerCase();
  if (!['', '/api', '/api/v2'].includes(path)) {
    return { ok: false, reason: `The API URL must point at the store's API root, not a resource. ${example}` };
  }
  return { ok: true, value: `${url.protocol}//${url.host}/api/v2/` };
}
