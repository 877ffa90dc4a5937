/**
 * What merchants paste as "the shop": "acme", "acme.myshopify.com", any
 * "https://acme.myshopify.com/..." URL, or the admin's own URL
 * "https://admin.shopify.com/store/acme/...". All become "acme.myshopify.com", the permanent
 * domain the Admin API answers on; a custom domain cannot be used, because it does not serve
 * the Admin API.
 */

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

const SUFFIX = '.myshopify.com';
/** Shopify shop subdomains: letters, digits and hyphens. */
const SUBDOMAIN = /^[a-z0-9][a-z0-9-]{0,62}$/;
const EXAMPLE = 'It should look like "acme.myshopify.com" (in the Shopify admin: Settings > Domains shows it).';

export function parseShopDomain(input: string): Parsed<string> {
  const trimmed = input.trim().toLowerCase();
  if (trimmed === '') return { ok: false, reason: `The shop is empty. ${EXAMPLE}` };

  let host = trimmed;
  let path = '';
  if (/^[a-z][a-z0-9+.-]*:\/\//.test(trimmed) || trimmed.startsWith('admin.shopify.com/') || /^[^/]+\.myshopify\.com\//.test(trimmed)) {
    let url: URL;
    try {
      url = new URL(/^[a-z][a-z0-9+.-]*:\/\//.test(trimmed) ? trimmed : `https://${trimmed}`);
    } catch {
      return { ok: false, reason: `The shop is not a valid address. ${EXAMPLE}` };
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, reason: `The shop must be a Shopify address. ${EXAMPLE}` };
    if (url.username || url.password || url.port) return { ok: false, reason: `The shop address must not contain a user, password or port. ${EXAMPLE}` };
    host = url.hostname;
    path = url.pathname;
  }

  if (host === 'admin.shopify.com') {
    const store = /^\/store\/([^/]+)/.exec(path);
    if (!store) return { ok: false, reason: `This Shopify admin address does not name a shop. ${EXAMPLE}` };
    host = store[1];
  }
  const subdomain = host.endsWith(SUFFIX) ? host.slice(0, -SUFFIX.length) : host;
  if (subdomain.includes('.')) {
    return { ok: false, reason: `Use the shop's myshopify.com address, not a custom domain. ${EXAMPLE}` };
  }
  if (!SUBDOMAIN.test(subdomain)) return { ok: false, reason: `The shop name may contain only letters, digits and hyphens. ${EXAMPLE}` };
  return { ok: true, value: `${subdomain}${SUFFIX}` };
}

/** "acme" of "acme.myshopify.com": the {shop} of SHOPIFY_API_URL. */
export function shopSubdomain(shopDomain: string): string {
  return shopDomain.endsWith(SUFFIX) ? shopDomain.slice(0, -SUFFIX.length) : shopDomain;
}
