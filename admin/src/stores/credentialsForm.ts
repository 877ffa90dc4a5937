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
    (input.apiVersion === 'LEGACY' && (input.apiLogin !== saved.legacyUsername || input.apiUrl !== saved.apiUrl))
  );
}

/** The form field that shows an error the server reported for an API input field. */
export function formFieldFor(apiField: string | undefined, apiVersion: ApiVersion | null): keyof StoreFormValues | null {
  switch (apiField) {
    case 'name':
      return 'name';
    case 'apiVersion':
      return 'apiVersion';
    case 'apiUrl':
      return 'apiUrl';
    case 'apiLogin':
      return apiVersion === 'LEGACY' ? 'legacyUsername' : 'apiPath';
    case 'apiPassword':
      return apiVersion === 'LEGACY' ? 'legacyApiToken' : 'accessToken';
    default:
      return null;
  }
}
