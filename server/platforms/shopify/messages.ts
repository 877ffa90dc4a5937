import { ScopeLevel } from '../../common/connection-outcome';
import { API_VERSION_LABELS, ApiVersion } from '../../common/api-version';
import type { TransportFailure } from '../outbound';
import { REQUIRED_HANDLES, handleOf, type ShopifyRequiredScope } from './scopes';

/**
 * Every sentence a Shopify connection test can show: one sentence an admin can act on, in the
 * Shopify admin's and Dev Dashboard's own words, built only from what is not secret.
 */

export interface ShopifyTarget {
  apiVersion: typeof ApiVersion.SHOPIFY_ADMIN_TOKEN | typeof ApiVersion.SHOPIFY_CLIENT_CREDENTIALS;
  /** "acme.myshopify.com" */
  shopDomain: string;
}

const isAdminToken = (target: ShopifyTarget) => target.apiVersion === ApiVersion.SHOPIFY_ADMIN_TOKEN;
const CUSTOM_APP_PAGE = 'Settings > Apps and sales channels > Develop apps';
const HANDLE_LIST = REQUIRED_HANDLES.join(', ');

export function connected(target: ShopifyTarget, storeName: string | null): string {
  const store = storeName ? `"${storeName}" (${target.shopDomain})` : target.shopDomain;
  return isAdminToken(target)
    ? `Connected to ${store}: the Admin API access token works and has every scope storelink needs, but it belongs to a legacy custom app: move this store to a Dev Dashboard app (see the warnings).`
    : `Connected to ${store}: Shopify issued an access token for the client ID and secret, and it has every scope storelink needs.`;
}

export function invalidCredentials(target: ShopifyTarget): string {
  return isAdminToken(target)
    ? `Shopify did not accept the Admin API access token for ${target.shopDomain}: the app may have been uninstalled or the token revoked, so paste the token again from the app's API credentials in the Shopify admin (${CUSTOM_APP_PAGE}), or reinstall the app and copy the new token.`
    : `Shopify refused the access token it issued for this app on ${target.shopDomain}: check in the Dev Dashboard that the app is still installed on the shop, and test again.`;
}

export function invalidClient(target: ShopifyTarget): string {
  return `Shopify did not accept the client ID and client secret for ${target.shopDomain}: copy both again from the app's Settings in the Shopify Dev Dashboard, and check that the app is installed on this shop.`;
}

export function malformedSecret(target: ShopifyTarget): string {
  return isAdminToken(target)
    ? 'The Admin API access token is empty or contains spaces: paste it again exactly as the Shopify admin showed it.'
    : 'The client ID or client secret is empty or contains spaces: copy them again from the app\'s Settings in the Dev Dashboard.';
}

export function storeNotFound(target: ShopifyTarget): string {
  return `Shopify knows no shop at ${target.shopDomain}: check the shop address (it looks like "acme.myshopify.com"; Settings > Domains in the Shopify admin shows it).`;
}

export function denied(target: ShopifyTarget): string {
  return `Shopify refused this app access to ${target.shopDomain} (403): check that the app is installed on this shop and that the store owner approved its access.`;
}

export function paymentRequired(target: ShopifyTarget): string {
  return `Shopify answered 402 Payment Required: the shop ${target.shopDomain} is frozen or paused (for example by an unpaid bill), so its API is unavailable until the store owner resolves it in the Shopify admin.`;
}

export function rateLimited(waitMs: number | null): string {
  if (waitMs === null) return "Shopify is limiting this app's requests to the shop: try again in a minute.";
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  return `Shopify's API limit for this app on the shop is used up for now: try again in about ${seconds} second${seconds === 1 ? '' : 's'}.`;
}

export function timedOut(timeoutMs: number): string {
  const seconds = Math.round(timeoutMs / 100) / 10;
  return `Shopify did not answer within ${seconds} seconds: try again in a few minutes, and check www.shopifystatus.com if it keeps happening.`;
}

export function networkFailure(target: ShopifyTarget, failure: Extract<TransportFailure, 'dns' | 'network'>): string {
  return failure === 'dns'
    ? `The shop address ${target.shopDomain} does not resolve: check the shop address.`
    : 'storelink could not connect to Shopify (the connection failed or was cut off): try again in a few minutes.';
}

export function forbiddenTarget(): string {
  return 'The Shopify API address configured for storelink (SHOPIFY_API_URL) points at a private or local network address, which storelink does not connect to unless OUTBOUND_ALLOW_PRIVATE is set.';
}

export function serverError(status: number, probe: string): string {
  return `Shopify answered ${status} to ${probe} (an internal error) and did not recover during the test: try again in a few minutes.`;
}

export function unexpectedStatus(status: number, probe: string): string {
  return `Shopify answered ${status} to ${probe}, which storelink did not expect: check the shop address, and try again later.`;
}

export function badBody(problem: 'html' | 'unreadable', probe: string): string {
  return problem === 'html'
    ? `Shopify answered ${probe} with a web page instead of API data, which usually means a wrong shop address or something in between: check the shop address, and try again.`
    : `Shopify answered ${probe} with something storelink could not read: try again in a few minutes.`;
}

export function tooLarge(): string {
  return 'Shopify sent a far larger answer than these API calls ever return, so storelink stopped reading it: check the shop address.';
}

export function internalError(): string {
  return 'storelink could not finish the connection test because of an unexpected error on its side: try again, and report it if it keeps happening.';
}

export interface MissingShopifyScope {
  scope: ShopifyRequiredScope;
  granted: ScopeLevel;
}

export function missingScopes(target: ShopifyTarget, missing: MissingShopifyScope[]): string {
  const list = missing.map(({ scope, granted }) => `${scope.name} needs ${handleOf(scope)} (granted: ${granted === ScopeLevel.NONE ? 'none' : handleOf(scope, granted)})`).join(', ');
  const handles = missing.map(({ scope }) => handleOf(scope)).join(', ');
  return isAdminToken(target)
    ? `The access token is missing scopes: ${list}; in the Shopify admin (${CUSTOM_APP_PAGE} > the app > Configuration) tick ${handles} under Admin API access scopes and save, then reinstall the app and copy the new Admin API access token here, because a token keeps the scopes it was issued with.`
    : `The app's access token is missing scopes: ${list}; in the Shopify Dev Dashboard add ${handles} to the app's access scopes, release a new version and update the app on the shop; storelink then fetches a token with the new scopes by itself.`;
}

export const scopeMessages = {
  lacking: (scope: ShopifyRequiredScope, granted: ScopeLevel) =>
    granted === ScopeLevel.NONE
      ? `Needs ${handleOf(scope)}, but the token does not have it.`
      : `Needs ${handleOf(scope)}, but the token has only ${handleOf(scope, granted)}.`,
  broader: (scope: ShopifyRequiredScope) => `Granted write_${scope.resource}, but ${handleOf(scope)} is enough.`,
  notChecked: (reason: string) => `Not checked: ${reason}`,
};

export function leastPrivilegeWarning(target: ShopifyTarget, excess: string[]): string {
  const where = isAdminToken(target) ? `the app's Configuration in the Shopify admin (then reinstall it and copy the new token)` : `the app's access scopes in the Dev Dashboard (then release and update it)`;
  return `The access token has scopes storelink does not need: ${excess.join(', ')}; for least privilege, remove them in ${where}.`;
}

export function versionWarning(requested: string, answered: string): string {
  return `Shopify answered with API version ${answered} instead of ${requested}, which it no longer supports: SHOPIFY_API_VERSION is out of date, so set it to a supported version (${answered} or newer).`;
}

export function legacyCustomAppWarning(): string {
  return `This store uses an admin-created custom app ("legacy custom app"), which Shopify no longer lets anyone create since 2026-01-01: in the Shopify Dev Dashboard create an app with the scopes ${HANDLE_LIST}, install it on the shop, then set "API Version" to "${API_VERSION_LABELS[ApiVersion.SHOPIFY_CLIENT_CREDENTIALS]}" here and enter its client ID and client secret.`;
}
