import { InvalidInputError } from '../../common/errors';
import type { ConnectionOutcome } from '../../common/connection-outcome';
import { ApiVersion } from '../../common/api-version';
import { Platform } from '../../common/platform';
import type { CredentialsLocationInput, NormalisedLocation, PlatformConnector, TestableCredentials } from '../platform-connector';
import { formatApiPath, parseLegacyApiUrl, parseStoreHash } from './api-path';
import { BigCommerceConnector, type BigCommerceConnectorOptions } from './connector';
import { REQUEST_BUDGET } from './probes';
import { REQUIRED_SCOPES } from './scopes';

/** BigCommerce behind the platform interface: Store API accounts, and the deprecated Legacy API accounts. */
export class BigCommercePlatform implements PlatformConnector {
  readonly platform = Platform.BIGCOMMERCE;
  readonly apiVersions = [ApiVersion.STORE_API_OAUTH, ApiVersion.LEGACY] as const;
  readonly requestBudget = REQUEST_BUDGET;
  readonly requiredScopes = REQUIRED_SCOPES.map(({ name, apiName, required }) => ({ scope: name, apiName, required }));
  private readonly connector: BigCommerceConnector;

  constructor(options: BigCommerceConnectorOptions) {
    this.connector = new BigCommerceConnector(options);
  }

  normaliseLocation(input: CredentialsLocationInput, options: { allowPrivateTargets: boolean }): NormalisedLocation {
    if (input.apiVersion === ApiVersion.STORE_API_OAUTH) {
      const hash = parseStoreHash(input.apiLogin ?? '');
      if (!hash.ok) throw new InvalidInputError('apiLogin', hash.reason);
      if (input.apiUrl) {
        throw new InvalidInputError('apiUrl', 'The API URL is only used by Legacy API accounts; leave it empty for a Store API account.');
      }
      return { apiLogin: formatApiPath(hash.value), apiUrl: null, storeHash: hash.value };
    }
    const username = (input.apiLogin ?? '').trim();
    if (username === '') throw new InvalidInputError('apiLogin', 'Enter the Legacy API username.');
    if (username.length > 255 || /[:\s]/.test(username)) {
      throw new InvalidInputError('apiLogin', 'The Legacy API username cannot contain spaces or colons.');
    }
    if (!input.apiUrl) throw new InvalidInputError('apiUrl', 'Enter the Legacy API URL, e.g. https://store-abc123.mybigcommerce.com/api/v2/.');
    const apiUrl = parseLegacyApiUrl(input.apiUrl, options.allowPrivateTargets);
    if (!apiUrl.ok) throw new InvalidInputError('apiUrl', apiUrl.reason);
    return { apiLogin: username, apiUrl: apiUrl.value, storeHash: null };
  }

  checkSecret(): void {
    // Tokens are not documented beyond "no whitespace", which the store's secret rules already enforce.
  }

  needsMigration(apiVersion: ApiVersion): boolean {
    return apiVersion === ApiVersion.LEGACY;
  }

  migrationTarget(apiVersion: ApiVersion): ApiVersion | null {
    return apiVersion === ApiVersion.LEGACY ? ApiVersion.STORE_API_OAUTH : null;
  }

  quotaKey(credentials: NormalisedLocation & { apiVersion: ApiVersion }): string {
    // The quota is per store: a legacy account and a Store API account of one store share it, but only the hash says so.
    if (credentials.storeHash) return `bigcommerce:${credentials.storeHash}`;
    return `bigcommerce-legacy:${hostOf(credentials.apiUrl)}`;
  }

  testConnection(credentials: TestableCredentials): Promise<ConnectionOutcome> {
    if (credentials.apiVersion === ApiVersion.STORE_API_OAUTH) {
      return this.connector.testConnection({ apiVersion: ApiVersion.STORE_API_OAUTH, storeHash: credentials.storeHash ?? '', accessToken: credentials.secret });
    }
    return this.connector.testConnection({ apiVersion: ApiVersion.LEGACY, apiUrl: credentials.apiUrl ?? '', username: credentials.apiLogin ?? '', apiToken: credentials.secret });
  }

  close(): Promise<void> {
    return this.connector.close();
  }
}

function hostOf(url: string | null): string {
  try {
    return new URL(url ?? '').host;
  } catch {
    return url ?? '';
  }
}
