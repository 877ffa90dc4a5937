import type { Logger } from 'pino';
import type { Agent } from 'undici';
import { ConnectionStatus, type ConnectionOutcome } from '../../common/connection-outcome';
import { ApiVersion } from '../../common/api-version';
import { failedOutcome, type OutcomeBody } from './classify';
import type { FlowContext } from './flow-context';
import { testLegacyAccount, type LegacyCredentials } from './legacy';
import * as say from './messages';
import type { TestedTarget } from './messages';
import { MAX_CONNECT_MS, createOutboundDispatcher, type ExchangeObserver, withinDeadline, type Deadline } from '../outbound';
import { testStoreApiAccount, type StoreApiCredentials } from './store-api';

export interface BigCommerceConnectorOptions {
  /** BIGCOMMERCE_API_URL, e.g. https://api.bigcommerce.com (tests: the fake on http://127.0.0.1:PORT). */
  apiBaseUrl: string;
  /** HTTP_TIMEOUT_MS: the total deadline of one connection test, retries and waits included. */
  timeoutMs: number;
  /** OUTBOUND_ALLOW_PRIVATE: allow http:// legacy URLs and loopback/private addresses (fakes and tests only). */
  allowPrivateTargets: boolean;
  /** e.g. "storelink/0.1.0". */
  userAgent: string;
  logger?: Logger;
  /** Told of every request's outcome (the upstream-requests metric). */
  onExchange?: ExchangeObserver;
}

export type BigCommerceCredentials = StoreApiCredentials | LegacyCredentials;


/**
 * Tests BigCommerce credentials against the live API. It knows nothing about storage: it
 * takes credentials and returns a ConnectionOutcome, which the connections service records.
 */
export class BigCommerceConnector {
  private readonly dispatcher: Agent;
  private readonly apiBaseUrl: string;
  private readonly logger: Logger | undefined;

  constructor(private readonly options: BigCommerceConnectorOptions) {
    const base = new URL(options.apiBaseUrl);
    if (base.protocol !== 'https:' && base.protocol !== 'http:') throw new Error('apiBaseUrl must be an http(s) URL');
    if (!(options.timeoutMs > 0)) throw new Error('timeoutMs must be positive');
    this.apiBaseUrl = base.href.replace(/\/+$/, '');
    this.logger = options.logger?.child({ component: 'bigcommerce-connector' });
    this.dispatcher = createOutboundDispatcher({
      allowPrivateTargets: options.allowPrivateTargets,
      connectTimeoutMs: Math.min(options.timeoutMs, MAX_CONNECT_MS),
      onExchange: options.onExchange,
    });
  }

  /** Never throws, and answers within timeoutMs plus a fraction of a second whatever the peer does. */
  async testConnection(credentials: BigCommerceCredentials): Promise<ConnectionOutcome> {
    const testedAt = new Date();
    const started = performance.now();
    const target = testedTarget(credentials);
    const body = await withinDeadline<OutcomeBody>({
      timeoutMs: this.options.timeoutMs,
      run: (deadline) => this.run(credentials, deadline),
      onTimeout: () => failedOutcome(target, ConnectionStatus.TIMEOUT, say.timedOut(target, this.options.timeoutMs)),
      onError: () => failedOutcome(target, ConnectionStatus.UPSTREAM_ERROR, say.internalError()),
      logger: this.logger,
    });
    const durationMs = Math.round(performance.now() - started);
    this.logger?.info({ apiVersion: body.apiVersion, status: body.status, durationMs }, 'bigcommerce connection tested');
    return { ...body, durationMs, testedAt };
  }

  async close(): Promise<void> {
    await this.dispatcher.close();
  }

  private run(credentials: BigCommerceCredentials, deadline: Deadline): Promise<OutcomeBody> {
    const context: FlowContext = {
      dispatcher: this.dispatcher,
      deadline,
      userAgent: this.options.userAgent,
      allowPrivateTargets: this.options.allowPrivateTargets,
      logger: this.logger,
    };
    switch (credentials.apiVersion) {
      case ApiVersion.STORE_API_OAUTH:
        return testStoreApiAccount(credentials, this.apiBaseUrl, context);
      case ApiVersion.LEGACY:
        return testLegacyAccount(credentials, context);
    }
  }
}

function testedTarget(credentials: BigCommerceCredentials): TestedTarget {
  return credentials.apiVersion === ApiVersion.LEGACY
    ? { apiVersion: ApiVersion.LEGACY, apiUrl: credentials.apiUrl }
    : { apiVersion: ApiVersion.STORE_API_OAUTH, apiPath: `stores/${credentials.storeHash}` };
}
