import { InvalidInputError } from '../common/errors';
import type { ApiVersion } from '../common/api-version';
import type { NormalisedLocation, PlatformConnector } from '../platforms/platform-connector';

/**
 * The rules for API credentials as an admin or a program enters them. The platform's
 * connector owns the shape of the location (apiLogin, apiUrl) and of the secret; these are
 * the rules every secret follows, whatever the platform. Pure functions.
 */

export interface CredentialsInput {
  apiVersion: ApiVersion;
  apiLogin?: string | null;
  apiPassword?: string | null;
  apiUrl?: string | null;
}

/** Credentials after validation and normalisation; `apiPassword` undefined means "keep the saved one". */
export interface NormalisedCredentials extends NormalisedLocation {
  apiVersion: ApiVersion;
  apiPassword: string | undefined;
}

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
        ? 'A new API version needs its own secret: enter the access token, API token or client secret it uses.'
        : 'Enter the secret (access token, API token or client secret): none is saved yet.';
    throw new InvalidInputError('apiPassword', reason);
  }
  // Messages describe the problem, never the value: it is a secret.
  if (secret.length === 0) throw new InvalidInputError('apiPassword', 'The secret is empty.');
  if (/\s/.test(secret)) {
    throw new InvalidInputError('apiPassword', 'The secret contains spaces or line breaks; copy it again without them.');
  }
  if (secret.length > MAX_SECRET_LENGTH) {
    throw new InvalidInputError('apiPassword', `The secret is longer than ${MAX_SECRET_LENGTH} characters; check what was pasted.`);
  }
  return secret;
}

/** Location first (the connector's rules), then the secret (these rules, then the connector's shape checks). */
export function normaliseCredentials(
  input: CredentialsInput,
  saved: SavedCredentialsState,
  connector: Pick<PlatformConnector, 'normaliseLocation' | 'checkSecret'>,
  options: { allowPrivateTargets: boolean },
): NormalisedCredentials {
  const location = connector.normaliseLocation(input, options);
  const apiPassword = normaliseSecret(input, saved);
  if (apiPassword !== undefined) connector.checkSecret(input.apiVersion, apiPassword);
  return { apiVersion: input.apiVersion, ...location, apiPassword };
}

/** Enough of a secret to recognise it, and only for secrets long enough that 4 characters give little away. */
export function lastFour(secret: string): string | null {
  return secret.length >= 12 ? secret.slice(-4) : null;
}
