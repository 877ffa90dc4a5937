import { InvalidInputError } from '../../common/errors';
import type { ConnectionOutcome } from '../../common/connection-outcome';
import { ApiVersion } from '../../common/api-version';
import { Platform } from '../../common/platform';
import type { ConnectorSession } from '../connector-session';
import type { CredentialsLocationInput, NormalisedLocation, PlatformConnector, TestableCredentials } from '../platform-connector';
import { ShopifyConnector, type ShopifyConnectorOptions } from './connector';
import { SHOPIFY_REQUEST_BUDGET } from './probes';
import { SHOPIFY_REQUIRED_SCOPES, handleOf } from './scopes';
import { parseShopDomain } from './shop-domain';

const CLIENT_ID = /^[\x21-\x7e]{1,255}$/;

/**
 * Shopify behind the platform interface. apiUrl is the shop ("acme.myshopify.com"); apiLogin
 * is the Dev Dashboard app's client ID (client credentials only); the secret is the Admin API
 * access token or the client secret.
 */
export class ShopifyPlatform implements PlatformConnector {
  readonly platform = Platform.SHOPIFY;
  readonly apiVersions = [ApiVersion.SHOPIFY_CLIENT_CREDENTIALS, ApiVersion.SHOPIFY_ADMIN_TOKEN] as const;
  readonly requestBudget = SHOPIFY_REQUEST_BUDGET;
  readonly requiredScopes = SHOPIFY_REQUIRED_SCOPES.map((scope) => ({ scope: scope.name, apiName: handleOf(scope), required: scope.required }));
  private readonly connector: ShopifyConnector;

  constructor(options: ShopifyConnectorOptions) {
    this.connector = new ShopifyConnector(options);
  }

  normaliseLocation(input: CredentialsLocationInput): NormalisedLocation {
    const shop = parseShopDomain(input.apiUrl ?? '');
    if (!shop.ok) throw new InvalidInputError('apiUrl', shop.reason);
    if (input.apiVersion === ApiVersion.SHOPIFY_ADMIN_TOKEN) {
      if (input.apiLogin?.trim()) {
        throw new InvalidInputError('apiLogin', 'A custom app made in the Shopify admin needs no login: leave it empty and enter the Admin API access token as the password.');
      }
      return { apiLogin: null, apiUrl: shop.value, storeHash: null };
    }
    const clientId = (input.apiLogin ?? '').trim();
    if (clientId === '') throw new InvalidInputError('apiLogin', "Enter the app's client ID (Dev Dashboard > the app > Settings).");
    if (!CLIENT_ID.test(clientId)) throw new InvalidInputError('apiLogin', 'The client ID cannot contain spaces; copy it again from the Dev Dashboard.');
    return { apiLogin: clientId, apiUrl: shop.value, storeHash: null };
  }

  checkSecret(apiVersion: ApiVersion, secret: string): void {
    // Token shapes vary (shpat_, shpca_, shppa_); only characters and length are checked, never a prefix.
    if (secret.length < 16) {
      const what = apiVersion === ApiVersion.SHOPIFY_ADMIN_TOKEN ? 'Admin API access token' : 'client secret';
      throw new InvalidInputError('apiPassword', `The ${what} is shorter than any Shopify issues; copy it again in full.`);
    }
  }

  needsMigration(apiVersion: ApiVersion): boolean {
    return apiVersion === ApiVersion.SHOPIFY_ADMIN_TOKEN;
  }

  migrationTarget(apiVersion: ApiVersion): ApiVersion | null {
    return apiVersion === ApiVersion.SHOPIFY_ADMIN_TOKEN ? ApiVersion.SHOPIFY_CLIENT_CREDENTIALS : null;
  }

  quotaKey(credentials: NormalisedLocation): string {
    return `shopify:${credentials.apiUrl ?? ''}`;
  }

  testConnection(credentials: TestableCredentials, session?: ConnectorSession): Promise<ConnectionOutcome> {
    const shopDomain = credentials.apiUrl ?? '';
    if (credentials.apiVersion === ApiVersion.SHOPIFY_ADMIN_TOKEN) {
      return this.connector.testConnection({ apiVersion: ApiVersion.SHOPIFY_ADMIN_TOKEN, shopDomain, accessToken: credentials.secret });
    }
    return this.connector.testConnection(
      { apiVersion: ApiVersion.SHOPIFY_CLIENT_CREDENTIALS, shopDomain, clientId: credentials.apiLogin ?? '', clientSecret: credentials.secret },
      session,
    );
  }

  close(): Promise<void> {
    return this.connector.close();
  }
}
