import { InvalidInputError } from '../../common/errors';
import type { ConnectionOutcome } from '../../common/connection-outcome';
import { ApiVersion } from '../../common/api-version';
import { Platform } from '../../common/platform';
import type { CredentialsLocationInput, NormalisedLocation, PlatformConnector, TestableCredentials } from '../platform-connector';
import { WooCommerceConnector, type WooCommerceConnectorOptions } from './connector';
import { checkConsumerKey, checkConsumerSecret } from './key-shape';
import { WOOCOMMERCE_REQUEST_BUDGET } from './probes';
import { WOOCOMMERCE_REQUIRED_SCOPES } from './scopes';
import { parseSiteUrl } from './site-url';

/**
 * WooCommerce behind the platform interface. apiUrl is the site root ("https://example.com/shop"),
 * apiLogin the consumer key ("ck_…"), the secret the consumer secret ("cs_…").
 */
export class WooCommercePlatform implements PlatformConnector {
  readonly platform = Platform.WOOCOMMERCE;
  readonly apiVersions = [ApiVersion.WOOCOMMERCE_REST] as const;
  readonly requestBudget = WOOCOMMERCE_REQUEST_BUDGET;
  readonly requiredScopes = WOOCOMMERCE_REQUIRED_SCOPES.map((row) => ({ scope: row.name, apiName: row.apiName, required: row.required }));
  private readonly connector: WooCommerceConnector;

  constructor(options: WooCommerceConnectorOptions) {
    this.connector = new WooCommerceConnector(options);
  }

  normaliseLocation(input: CredentialsLocationInput, options: { allowPrivateTargets: boolean }): NormalisedLocation {
    const site = parseSiteUrl(input.apiUrl ?? '', options);
    if (!site.ok) throw new InvalidInputError('apiUrl', site.reason);
    return { apiLogin: checkConsumerKey(input.apiLogin), apiUrl: site.value, storeHash: null };
  }

  checkSecret(_apiVersion: ApiVersion, secret: string): void {
    checkConsumerSecret(secret);
  }

  needsMigration(): boolean {
    return false;
  }

  migrationTarget(): ApiVersion | null {
    return null;
  }

  /** WooCommerce has no quota of its own: what tests share is the site's host and whatever guards it. */
  quotaKey(credentials: NormalisedLocation): string {
    try {
      return `woocommerce:${new URL(credentials.apiUrl ?? '').host}`;
    } catch {
      return `woocommerce:${credentials.apiUrl ?? ''}`;
    }
  }

  testConnection(credentials: TestableCredentials): Promise<ConnectionOutcome> {
    return this.connector.testConnection({
      apiVersion: ApiVersion.WOOCOMMERCE_REST,
      siteUrl: credentials.apiUrl ?? '',
      consumerKey: credentials.apiLogin ?? '',
      consumerSecret: credentials.secret,
    });
  }

  close(): Promise<void> {
    return this.connector.close();
  }
}
