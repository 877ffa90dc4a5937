/**
 * The WordPress site a WooCommerce key belongs to, from whatever a merchant pastes: the
 * address bar of the shop, of wp-admin, of a REST API URL, with or without https://.
 * WordPress may live in a subfolder (https://example.com/shop), so the path up to the
 * WordPress part is kept; everything WordPress adds after it is dropped.
 */

export type ParsedSite = { ok: true; value: string } | { ok: false; reason: string };

const EXAMPLE = 'It should look like "https://shop.example.com" or "https://example.com/shop" (the address of the WordPress site).';

/** Where a WordPress-generated path starts: everything from here on is not part of the site root. */
const WORDPRESS_PARTS = /\/(?:wp-admin|wp-json|wp-login\.php|wp-content|wp-includes|index\.php)(?:\/|$|\?)/i;

export function parseSiteUrl(input: string, options: { allowPrivateTargets: boolean }): ParsedSite {
  const trimmed = input.trim();
  if (trimmed === '') return { ok: false, reason: `Enter the site URL. ${EXAMPLE}` };
  // Pasted without a scheme: "shop.example.com/wp-admin/". https:// is the only scheme WooCommerce's Basic auth works over.
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed.replace(/^\/+/, '')}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return { ok: false, reason: `The site URL is not a valid address. ${EXAMPLE}` };
  }
  const schemeAllowed = url.protocol === 'https:' || (options.allowPrivateTargets && url.protocol === 'http:');
  if (!schemeAllowed) {
    return { ok: false, reason: `The site URL must start with https://, because WooCommerce accepts API keys only over an encrypted connection. ${EXAMPLE}` };
  }
  if (url.username || url.password) {
    return { ok: false, reason: `The site URL must not contain a username or password; the consumer key and secret go in their own fields. ${EXAMPLE}` };
  }
  if (/\/wc-api\//i.test(`${url.pathname}/`) || /rest_route=\/?wc-api/i.test(url.search)) {
    return {
      ok: false,
      reason:
        'The site URL points at the legacy WooCommerce API (/wc-api/), which WooCommerce removed in version 9.0: storelink uses the WooCommerce REST API (/wp-json/wc/v3/), so enter the address of the site itself, e.g. "https://shop.example.com".',
    };
  }
  // Query and fragment never belong to the site root (a pasted "?rest_route=/wc/v3" or "#top").
  const cut = WORDPRESS_PARTS.exec(`${url.pathname}`);
  const root = (cut ? url.pathname.slice(0, cut.index) : url.pathname).replace(/\/+$/, '');
  return { ok: true, value: `${url.protocol}//${url.host}${root}` };
}

/** The host (and subfolder) of a normalised site URL, as a shop's name when nothing better is known. */
export function siteLabel(siteUrl: string): string {
  try {
    const url = new URL(siteUrl);
    return `${url.host}${url.pathname.replace(/\/+$/, '')}`;
  } catch {
    return siteUrl;
  }
}
