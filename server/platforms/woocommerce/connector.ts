import type { Logger } from 'pino';
import type { Agent } from 'undici';
import { ConnectionStatus, type ConnectionOutcome } from '../../common/connection-outcome';
import { MAX_CONNECT_MS, createOutboundDispatcher, type ExchangeObserver, withinDeadline } from '../outbound';
import { failedOutcome, type OutcomeBody } from './classify';
import * as say from './messages';
import { WOOCOMMERCE_REQUEST_BUDGET } from './probes';
import { testWooCommerceKey, type WooCommerceCredentials } from './test-flow';

export interface WooCommerceConnectorOptions {
  /** HTTP_TIMEOUT_MS: the total deadline of one test, retries and waits included. */
  timeoutMs: number;
  /** OUTBOUND_ALLOW_PRIVATE: allow http:// sites and loopback/private addresses (fakes and tests only). */
  allowPrivateTargets: boolean;
  userAgent: string;
  logger?: Logger;
  /** Told of every request's outcome (the upstream-requests metric). */
  onExchange?: ExchangeObserver;
}

/**
 * Tests a WooCommerce REST API key (consumer key and secret) against the merchant's own site
 * and returns a ConnectionOutcome. No database, no GraphQL; platform.ts puts it behind the
 * platform interface. The site URL is typed by a user: it is checked when entered and again
 * before every test, and every connection goes through the SSRF-guarded dispatcher, as for
 * the BigCommerce legacy URL.
 */
export class WooCommerceConnector {
  readonly requestBudget = WOOCOMMERCE_REQUEST_BUDGET;
  private readonly dispatcher: Agent;
  private readonly logger: Logger | undefined;

  constructor(private readonly options: WooCommerceConnectorOptions) {
    if (!(options.timeoutMs > 0)) throw new Error('timeoutMs must be positive');
    this.logger = options.logger?.child({ component: 'woocommerce-connector' });
    this.dispatcher = createOutboundDispatcher({
      allowPrivateTargets: options.allowPrivateTargets,
      connectTimeoutMs: Math.min(options.timeoutMs, MAX_CONNECT_MS),
      onExchange: options.onExchange,
    });
  }

  /** Never throws, never writes, and answers within timeoutMs plus a fraction of a second whatever the site does. */
  async testConnection(credentials: WooCommerceCredentials): Promise<ConnectionOutcome> {
    const testedAt = new Date();
    const started = performance.now();
    const body = await withinDeadline<OutcomeBody>({
      timeoutMs: this.options.timeoutMs,
      run: (deadline) =>
        testWooCommerceKey(credentials, {
          dispatcher: this.dispatcher,
          deadline,
          userAgent: this.options.userAgent,
          allowPrivateTargets: this.options.allowPrivateTargets,
          logger: this.logger,
        }),
      onTimeout: () => failedOutcome(ConnectionStatus.TIMEOUT, say.timedOut(credentials.siteUrl, this.options.timeoutMs)),
      onError: () => failedOutcome(ConnectionStatus.UPSTREAM_ERROR, say.internalError()),
      logger: this.logger,
    });
    const durationMs = Math.round(performance.now() - started);
    this.logger?.info({ apiVersion: body.apiVersion, status: body.status, durationMs }, 'woocommerce connection tested');
    return { ...body, durationMs, testedAt };
  }

  async close(): Promise<void> {
    await this.dispatcher.close();
  }
}
