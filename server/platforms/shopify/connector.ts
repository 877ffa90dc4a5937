import type { Logger } from 'pino';
import type { Agent } from 'undici';
import { ConnectionStatus, type ConnectionOutcome } from '../../common/connection-outcome';
import type { ConnectorSession } from '../connector-session';
import { MAX_CONNECT_MS, createOutboundDispatcher, type ExchangeObserver, withinDeadline } from '../outbound';
import { failedOutcome, type OutcomeBody } from './classify';
import * as say from './messages';
import { testShopifyCredentials, type ShopifyCredentials } from './test-flow';

export interface ShopifyConnectorOptions {
  /** SHOPIFY_API_URL: "https://{shop}.myshopify.com" (tests: the fake, "http://127.0.0.1:PORT/{shop}"). */
  apiUrlTemplate: string;
  /** SHOPIFY_API_VERSION, "YYYY-MM". */
  apiVersion: string;
  /** HTTP_TIMEOUT_MS: the total deadline of one test, grant, retries and waits included. */
  timeoutMs: number;
  allowPrivateTargets: boolean;
  userAgent: string;
  logger?: Logger;
  /** Told of every request's outcome (the upstream-requests metric). */
  onExchange?: ExchangeObserver;
}

/**
 * Tests Shopify credentials (an admin-created app's Admin API access token, or a Dev
 * Dashboard app's client credentials) and returns a ConnectionOutcome. No database, no
 * GraphQL: an issued access token is kept through the ConnectorSession the caller passes.
 */
export class ShopifyConnector {
  private readonly dispatcher: Agent;
  private readonly logger: Logger | undefined;

  constructor(private readonly options: ShopifyConnectorOptions) {
    if (!options.apiUrlTemplate.includes('{shop}')) throw new Error('apiUrlTemplate must contain {shop}');
    if (!/^\d{4}-\d{2}$/.test(options.apiVersion)) throw new Error('apiVersion must be YYYY-MM');
    if (!(options.timeoutMs > 0)) throw new Error('timeoutMs must be positive');
    this.logger = options.logger?.child({ component: 'shopify-connector' });
    this.dispatcher = createOutboundDispatcher({
      allowPrivateTargets: options.allowPrivateTargets,
      connectTimeoutMs: Math.min(options.timeoutMs, MAX_CONNECT_MS),
      onExchange: options.onExchange,
    });
  }

  /** Never throws, and answers within timeoutMs plus a fraction of a second whatever the peer does. */
  async testConnection(credentials: ShopifyCredentials, session?: ConnectorSession): Promise<ConnectionOutcome> {
    const testedAt = new Date();
    const started = performance.now();
    const target = { apiVersion: credentials.apiVersion, shopDomain: credentials.shopDomain };
    const body = await withinDeadline<OutcomeBody>({
      timeoutMs: this.options.timeoutMs,
      run: (deadline) =>
        testShopifyCredentials(credentials, {
          dispatcher: this.dispatcher,
          deadline,
          userAgent: this.options.userAgent,
          apiUrlTemplate: this.options.apiUrlTemplate,
          apiVersion: this.options.apiVersion,
          session,
          logger: this.logger,
        }),
      onTimeout: () => failedOutcome(target, ConnectionStatus.TIMEOUT, say.timedOut(this.options.timeoutMs)),
      onError: () => failedOutcome(target, ConnectionStatus.UPSTREAM_ERROR, say.internalError()),
      logger: this.logger,
    });
    const durationMs = Math.round(performance.now() - started);
    this.logger?.info({ apiVersion: body.apiVersion, status: body.status, durationMs }, 'shopify connection tested');
    return { ...body, durationMs, testedAt };
  }

  async close(): Promise<void> {
    await this.dispatcher.close();
  }
}
