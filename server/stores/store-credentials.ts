import { InvalidInputError } from '../common/errors';
import { parseLegacyApiUrl, parseStoreHash } from '../platforms/bigcommerce/api-path';
import { API_VERSION_LABELS, ApiVersion } from '../common/api-version';

/**
 * The rules for API credentials as an admin or a program enters them. Pure functions:
 * the service applies the result, tests call them directly through the API.
 */

export interface CredentialsInput {
  apiVersion: ApiVersion;
  apiLogin: string;
  apiPassword?: string | null;
  apiUrl?: string | null;
}

/** Credentials after validation and normalisation; `apiPassword` undefined means "keep the saved one". */
export type NormalisedCredentials =
  | { apiVersion: ApiVersion.STORE_API_OAUTH; storeHash: string; apiPassword: string | undefined }
  | { apiVersion: ApiVersion.LEGACY; username: string; apiUrl: string; apiPassword: string | undefined };

export interface SavedCredentialsState {
  apiVersion: ApiVersion | null;
  hasPassword: boolean;
}

const MAX_SECRET_LENGTH = 1024;

function normaliseSecret(input: CredentialsInput, saved: SavedCredentialsState): string | undefined {
  const secret = input.apiPassword;
  if (secret === undefined || secret === null) {
    if (saved.hasPassword && saved.apiVersion === input.apiVersion) return undefined;
    const reason =
      saved.hasPassword && saved.apiVersion !== input.apiVersion
        ? 'A new API version needs its own secret: enter the access token (or API token for a Legacy account).'
        : 'Enter the access token (or API token for a Legacy account): none is saved yet.';
    throw new InvalidInputError('apiPassword', reason);
  }
  // Messages describe the problem, never the value: it is a secret.
  if (secret.length === 0) throw new InvalidInputError('apiPassword', 'The access token is empty.');
  if (/\s/.test(secret)) {
    throw new InvalidInputError('apiPassword', 'The access token contains spaces or line breaks; copy it again without them.');
  }
  if (secret.length > MAX_SECRET_LENGTH) {
    throw new InvalidInputError('apiPassword', `The access token is longer than ${MAX_SECRET_LENGTH} characters; check what was pasted.`);
  }
  return secret;
}

export function normaliseCredentials(
  input: CredentialsInput,
  saved: SavedCredentialsState,
  options: { allowPrivateTargets: boolean },
): NormalisedCredentials {
  if (input.apiVersion !== ApiVersion.STORE_API_OAUTH && input.apiVersion !== ApiVersion.LEGACY) {
    // Every store is a BigCommerce store until stores can be created on other platforms.
    throw new InvalidInputError(
      'apiVersion',
      `"${API_VERSION_LABELS[input.apiVersion]}" belongs to ${input.apiVersion === ApiVersion.WOOCOMMERCE_REST ? 'WooCommerce' : 'Shopify'}, and this is a BigCommerce store: choose "${API_VERSION_LABELS[ApiVersion.STORE_API_OAUTH]}" or "${API_VERSION_LABELS[ApiVersion.LEGACY]}".`,
    );
  }
  if (input.apiVersion === ApiVersion.STORE_API_OAUTH) {
    const hash = parseStoreHash(input.apiLogin);
    if (!hash.ok) throw new InvalidInputError('apiLogin', hash.reason);
    if (input.apiUrl) {
      throw new InvalidInputError('apiUrl', 'The API URL is only used by Legacy API accounts; leave it empty for a Store API account.');
    }
    return { apiVersion: ApiVersion.STORE_API_OAUTH, storeHash: hash.value, apiPassword: normaliseSecret(input, saved) };
  }

  const username = input.apiLogin.trim();
  if (username === '') throw new InvalidInputError('apiLogin', 'Enter the Legacy API username.');
  if (username.length > 255 || /[:\s]/.test(username)) {
    throw new InvalidInputError('apiLogin', 'The Legacy API username cannot contain spaces or colons.');
  }
  if (!input.apiUrl) throw new InvalidInputError('apiUrl', 'Enter the Legacy API URL, e.g. https://store-abc123.mybigcommerce.com/api/v2/.');
  const apiUrl = parseLegacyApiUrl(input.apiUrl, options.allowPrivateTargets);
  if (!apiUrl.ok) throw new InvalidInputError('apiUrl', apiUrl.reason);
  return { apiVersion: ApiVersion.LEGACY, username, apiUrl: apiUrl.value, apiPassword: normaliseSecret(input, saved) };
}

/** Enough of a secret to recognise it, and only for secrets long enough that 4 characters give little away. */
export function lastFour(secret: string): string | null {
  return secret.length >= 12 ? secret.slice(-4) : null;
}
