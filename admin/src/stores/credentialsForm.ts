import type { ApiCredentialsInput, ApiVersion, EcommerceStore } from '../types';
import { BIGCOMMERCE_FIELDS } from './bigcommerce/fields';
import { SHOPIFY_FIELDS } from './shopify/fields';
import { WOOCOMMERCE_FIELDS } from './woocommerce/fields';

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

/** The form values that hold credentials (each API version uses some of them). */
type CredentialSource = Exclude<keyof StoreFormValues, 'name' | 'apiVersion' | 'verify'>;

/**
 * A box of the API access section: the form value it holds, the API input field that value goes
 * to, and its words. A secret (apiPassword) is never sent back by the API: empty keeps the saved one.
 */
export type CredentialField =
  | { source: CredentialSource; apiField: 'apiUrl' | 'apiLogin'; label: string; helperText: string; requiredMessage: string }
  | { source: CredentialSource; apiField: 'apiPassword'; label: string; whatToPaste: string; noun?: string };

/** Each platform declares the boxes of its API versions, in the order the section shows them. */
export type CredentialFieldsOf<Version extends ApiVersion> = Record<Version, CredentialField[]>;

const CREDENTIAL_FIELDS: CredentialFieldsOf<ApiVersion> = { ...BIGCOMMERCE_FIELDS, ...SHOPIFY_FIELDS, ...WOOCOMMERCE_FIELDS };

/** The boxes of an API version; none while no version is chosen. */
export function credentialFieldsOf(apiVersion: ApiVersion | null): CredentialField[] {
  return apiVersion ? CREDENTIAL_FIELDS[apiVersion] : [];
}

const NO_CREDENTIALS: Pick<StoreFormValues, CredentialSource> = {
  apiPath: '',
  accessToken: '',
  apiUrl: '',
  legacyUsername: '',
  legacyApiToken: '',
  siteUrl: '',
  consumerKey: '',
  consumerSecret: '',
  shop: '',
  shopifyAdminToken: '',
  shopifyClientId: '',
  shopifyClientSecret: '',
};

export function toFormValues(store: EcommerceStore): StoreFormValues {
  const values: StoreFormValues = { name: store.name, apiVersion: store.apiVersion, ...NO_CREDENTIALS, verify: true };
  for (const field of credentialFieldsOf(store.apiVersion)) {
    if (field.apiField !== 'apiPassword') values[field.source] = store[field.apiField] ?? '';
  }
  return values;
}

/** Whether a secret for this API version is saved, so an empty secret box keeps it. */
export function hasSavedSecret(store: EcommerceStore | undefined, apiVersion: ApiVersion | null): boolean {
  return !!store && store.apiPasswordSet && store.apiVersion === apiVersion;
}

/** The credentials the form describes, or null while no API version is chosen. */
export function toCredentialsInput(values: StoreFormValues): ApiCredentialsInput | null {
  if (!values.apiVersion) return null;
  const input: ApiCredentialsInput = { apiVersion: values.apiVersion };
  for (const field of credentialFieldsOf(values.apiVersion)) {
    const value = (values[field.source] ?? '').trim();
    if (field.apiField !== 'apiPassword' || value) input[field.apiField] = value;
  }
  return input;
}

/** Whether saving the form would change the saved credentials at all. */
export function credentialsChanged(values: StoreFormValues, store: EcommerceStore): boolean {
  const input = toCredentialsInput(values);
  if (!input) return false;
  if (input.apiVersion !== store.apiVersion || input.apiPassword !== undefined) return true;
  const saved = toFormValues(store);
  return credentialFieldsOf(input.apiVersion).some((field) => field.apiField !== 'apiPassword' && input[field.apiField] !== saved[field.source]);
}

/** Where an API input field lands while no API version is chosen: the Store API account's boxes, as the section first offers them. */
const DEFAULT_FORM_FIELDS = { apiUrl: 'apiUrl', apiLogin: 'apiPath', apiPassword: 'accessToken' } as const;

/** The form field that shows an error the server reported for an API input field. */
export function formFieldFor(apiField: string | undefined, apiVersion: ApiVersion | null): keyof StoreFormValues | null {
  switch (apiField) {
    case 'name':
    case 'apiVersion':
      return apiField;
    case 'apiUrl':
    case 'apiLogin':
    case 'apiPassword':
      return credentialFieldsOf(apiVersion).find((field) => field.apiField === apiField)?.source ?? DEFAULT_FORM_FIELDS[apiField];
    default:
      return null;
  }
}
