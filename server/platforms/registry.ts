import type { Logger } from 'pino';
import { InvalidInputError } from '../common/errors';
import type { ApiVersion } from '../common/api-version';
import { Platform } from '../common/platform';
import { BigCommercePlatform } from './bigcommerce/platform';
import type { Exchange } from './outbound';
import type { PlatformConnector } from './platform-connector';
import { ShopifyPlatform } from './shopify/platform';
import { WooCommercePlatform } from './woocommerce/platform';

/** Where each platform is registered, once; everything else asks the registry. */
export class PlatformRegistry {
  private readonly byPlatform = new Map<Platform, PlatformConnector>();
  private readonly byApiVersion = new Map<ApiVersion, PlatformConnector>();

  constructor(connectors: readonly PlatformConnector[]) {
    for (const connector of connectors) {
      if (this.byPlatform.has(connector.platform)) throw new Error(`platform ${connector.platform} registered twice`);
      this.byPlatform.set(connector.platform, connector);
      for (const version of connector.apiVersions) {
        if (this.byApiVersion.has(version)) throw new Error(`API version ${version} registered by two platforms`);
        this.byApiVersion.set(version, connector);
      }
    }
  }

  get platforms(): Platform[] {
    return [...this.byPlatform.keys()];
  }

  get connectors(): PlatformConnector[] {
    return [...this.byPlatform.values()];
  }

  /** The API versions a store should migrate away from. */
  deprecatedApiVersions(): ApiVersion[] {
    return [...this.byApiVersion.entries()].filter(([version, connector]) => connector.needsMigration(version)).map(([version]) => version);
  }

  has(platform: Platform): boolean {
    return this.byPlatform.has(platform);
  }

  forPlatform(platform: Platform): PlatformConnector {
    const connector = this.byPlatform.get(platform);
    if (!connector) throw new InvalidInputError('platform', `storelink cannot connect to ${platform} stores yet.`);
    return connector;
  }

  forApiVersion(apiVersion: ApiVersion): PlatformConnector {
    const connector = this.byApiVersion.get(apiVersion);
    if (!connector) throw new InvalidInputError('apiVersion', `storelink cannot test ${apiVersion} credentials yet.`);
    return connector;
  }

  /** The connector of a store's platform, refusing an API version of another platform (BAD_USER_INPUT on apiVersion). */
  forStore(platform: Platform, apiVersion: ApiVersion): PlatformConnector {
    const connector = this.forPlatform(platform);
    if (!connector.apiVersions.includes(apiVersion)) {
      const owner = this.byApiVersion.get(apiVersion)?.platform;
      throw new InvalidInputError('apiVersion', `${apiVersion} belongs to ${owner ? platformName(owner) : 'another platform'}, and this is a ${platformName(platform)} store: choose one of ${connector.apiVersions.join(', ')}.`);
    }
    return connector;
  }

  async close(): Promise<void> {
    await Promise.all([...this.byPlatform.values()].map((c) => c.close()));
  }
}

export function platformName(platform: Platform): string {
  return { [Platform.BIGCOMMERCE]: 'BigCommerce', [Platform.SHOPIFY]: 'Shopify', [Platform.WOOCOMMERCE]: 'WooCommerce' }[platform];
}

export interface PlatformSettings {
  bigcommerceApiUrl: string;
  shopifyApiUrl: string;
  shopifyApiVersion: string;
  httpTimeoutMs: number;
  allowPrivateTargets: boolean;
  userAgent: string;
  logger?: Logger;
  /** Told of every request a connection test sends, and to which platform (the upstream-requests metric). */
  onUpstreamExchange?: (platform: Platform, exchange: Exchange) => void;
}

/** The one list of platforms storelink connects to. */
export function createPlatformRegistry(settings: PlatformSettings): PlatformRegistry {
  const common = (platform: Platform) => ({
    timeoutMs: settings.httpTimeoutMs,
    allowPrivateTargets: settings.allowPrivateTargets,
    userAgent: settings.userAgent,
    logger: settings.logger,
    onExchange: settings.onUpstreamExchange && ((exchange: Exchange) => settings.onUpstreamExchange?.(platform, exchange)),
  });
  return new PlatformRegistry([
    new BigCommercePlatform({ ...common(Platform.BIGCOMMERCE), apiBaseUrl: settings.bigcommerceApiUrl }),
    new ShopifyPlatform({ ...common(Platform.SHOPIFY), apiUrlTemplate: settings.shopifyApiUrl, apiVersion: settings.shopifyApiVersion }),
    new WooCommercePlatform(common(Platform.WOOCOMMERCE)),
  ]);
}
