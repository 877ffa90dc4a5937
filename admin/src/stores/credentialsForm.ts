import type { ApiCredentialsInput, ApiVersion, EcommerceStore } from '../types';

/**
 * The store page's form values, and how they map to the API.
 *
 * The API has one apiLogin/apiPassword pair whose meaning depends on the API version (the API
 * path and access token for a Store API account; the username and API token for a Legacy one).
 * The form keeps a field per meaning instead, so that switching "API Version" back and forth
 * never puts a legacy username in the "API path" box, and each error lands beside the box it is about.
 */
export interface StoreFormValues {
  name: string;
  apiVersion: ApiVersion | null;
  /** Store API account: "API login (API path)". */
  apiPath: string;
  /** Store API account: "API password (Access token)"; empty keeps the saved one. */
  accessToken: string;
  /** Legacy API account. */
  apiUrl: string;
  legacyUsername: string;
  /** Legacy API account; empty keeps the saved one. */
  legacyApiToken: string;
  /** WooCommerce REST API key: the WordPress site's address. */
  siteUrl: string;
  /** WooCommerce: "ck_…". */
  consumerKey: string;
  /** WooCommerce: "cs_…"; empty keeps the saved one. */
  consumerSecret: string;
  /** Shopify, both ways in: the shop as typed ("acme", "acme.myshopify.com" or an admin URL). */
  shop: string;
  /** Shopify custom app; empty keeps the saved one. */
  shopifyAdminToken: string;
  /** Shopify Dev Dashboard app. */
  shopifyClientId: string;
  /** Shopify Dev Dashboard app; empty keeps the saved one. */
  shopifyClientSecret: string;
  /** Test the new credentials first and save them only if they work. */
  verify: boolean;
}

export function toFormValues(store: EcommerceStore): StoreFormValues {
  return {
    name: store.name,
    apiVersion: store.apiVersion,
    apiPath: store.apiVersion === 'STORE_API_OAUTH' ? (store.apiLogin ?? '') : '',
    accessToken: '',
    apiUrl: store.apiVersion === 'LEGACY' ? (store.apiUrl ?? '') : '',
    legacyUsername: store.apiVersion === 'LEGACY' ? (store.apiLogin ?? '') : '',
    legacyApiToken: '',
    siteUrl: store.apiVersion === 'WOOCOMMERCE_REST' ? (store.apiUrl ?? '') : '',
    consumerKey: store.apiVersion === 'WOOCOMMERCE_REST' ? (store.apiLogin ?? '') : '',
    consumerSecret: '',
    shop: store.apiVersion === 'SHOPIFY_ADMIN_TOKEN' || store.apiVersion === 'SHOPIFY_CLIENT_CREDENTIALS' ? (store.apiUrl ?? '') : '',
    shopifyAdminToken: '',
    shopifyClientId: store.apiVersion === 'SHOPIFY_CLIENT_CREDENTIALS' ? (store.apiLogin ?? '') : '',
    shopifyClientSecret: '',
    verify: true,
  };
}

/** Whether a secret for this API version is saved, so an empty secret box keeps it. */
export function hasSavedSecret(store: EcommerceStore | undefined, apiVersion: ApiVersion | null): boolean {
  return !!store && store.apiPasswordSet && store.apiVersion === apiVersion;
}

/** The credentials the form describes, or null while no API version is chosen. */
export function toCredentialsInput(values: StoreFormValues): ApiCredentialsInput | null {
  const trimmed = (value: string | null | undefined) => (value ?? '').trim();
  if (values.apiVersion === 'STORE_API_OAUTH') {
    const input: ApiCredentialsInput = { apiVersion: 'STORE_API_OAUTH', apiLogin: trimmed(values.apiPath) };
    if (trimmed(values.accessToken)) input.apiPassword = trimmed(values.accessToken);
    return input;
  }
  if (values.apiVersion === 'LEGACY') {
    const input: ApiCredentialsInput = { apiVersion: 'LEGACY', apiLogin: trimmed(values.legacyUsername), apiUrl: trimmed(values.apiUrl) };
    if (trimmed(values.legacyApiToken)) input.apiPassword = trimmed(values.legacyApiToken);
    return input;
  }
  if (values.apiVersion === 'SHOPIFY_ADMIN_TOKEN') {
    const input: ApiCredentialsInput = { apiVersion: 'SHOPIFY_ADMIN_TOKEN', apiUrl: trimmed(values.shop) };
    if (trimmed(values.shopifyAdminToken)) input.apiPassword = trimmed(values.shopifyAdminToken);
    return input;
  }
  if (values.apiVersion === 'SHOPIFY_CLIENT_CREDENTIALS') {
    const input: ApiCredentialsInput = { apiVersion: 'SHOPIFY_CLIENT_CREDENTIALS', apiUrl: trimmed(values.shop), apiLogin: trimmed(values.shopifyClientId) };
    if (trimmed(values.shopifyClientSecret)) input.apiPassword = trimmed(values.shopifyClientSecret);
    return input;
  }
  if (values.apiVersion === 'WOOCOMMERCE_REST') {
    const input: ApiCredentialsInput = { apiVersion: 'WOOCOMMERCE_REST', apiLogin: trimmed(values.consumerKey), apiUrl: trimmed(values.siteUrl) };
    if (trimmed(values.consumerSecret)) input.apiPassword = trimmed(values.consumerSecret);
    return input;
  }
  return null;
}

/** Whether saving the form would change the saved credentials at all. */
export function credentialsChanged(values: StoreFormValues, store: EcommerceStore): boolean {
  const input = toCredentialsInput(values);
  if (!input) return false;
  const saved = toFormValues(store);
  return (
    input.apiVersion !== store.apiVersion ||
    input.apiPassword !== undefined ||
    (input.apiVersion === 'STORE_API_OAUTH' && input.apiLogin !== saved.apiPath) ||
    (input.apiVersion === 'LEGACY' && (input.apiLogin !== saved.legacyUsername || input.apiUrl !== saved.apiUrl)) ||
    (input.apiVersion === 'WOOCOMMERCE_REST' && (input.apiLogin !== saved.consumerKey || input.apiUrl !== saved.siteUrl)) ||
    (input.apiVersion === 'SHOPIFY_ADMIN_TOKEN' && input.apiUrl !== saved.shop) ||
    (input.apiVersion === 'SHOPIFY_CLIENT_CREDENTIALS' && (input.apiUrl !== saved.shop || input.apiLogin !== saved.shopifyClientId))
  );
}

/** Which form field holds each API input field, for the API versions whose fields are not the Store API's. */
const FIELDS_OF_VERSION: Partial<Record<ApiVersion, Partial<Record<'apiUrl' | 'apiLogin' | 'apiPassword', keyof StoreFormValues>>>> = {
  LEGACY: { apiUrl: 'apiUrl', apiLogin: 'legacyUsername', apiPassword: 'legacyApiToken' },
  WOOCOMMERCE_REST: { apiUrl: 'siteUrl', apiLogin: 'consumerKey', apiPassword: 'consumerSecret' },
  SHOPIFY_ADMIN_TOKEN: { apiUrl: 'shop', apiPassword: 'shopifyAdminToken' },
  SHOPIFY_CLIENT_CREDENTIALS: { apiUrl: 'shop', apiLogin: 'shopifyClientId', apiPassword: 'shopifyClientSecret' },
};

/** The form field that shows an error the server reported for an API input field. */
export function formFieldFor(apiField: string | undefined, apiVersion: ApiVersion | null): keyof StoreFormValues | null {
  const ofVersion = apiVersion ? FIELDS_OF_VERSION[apiVersion] : undefined;
  switch (apiField) {
    case 'name':
      return 'name';
    case 'apiVersion':
      return 'apiVersion';
    case 'apiUrl':
      return ofVersion?.apiUrl ?? 'apiUrl';
    case 'apiLogin':
      return ofVersion?.apiLogin ?? 'apiPath';
    case 'apiPassword':
      return ofVersion?.apiPassword ?? 'accessToken';
    default:
      return null;
  }
}
