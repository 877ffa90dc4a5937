import type { Logger } from 'pino';
import type { Agent } from 'undici';
import { ConnectionStatus, type ConnectionOutcome } from '../../connections/connection-outcome';
import { ApiVersion } from '../../stores/api-version';
import { failedOutcome, type OutcomeBody } from './classify';
import { Deadline } from './deadline';
import type { FlowContext } from './flow-context';
import { testLegacyAccount, type LegacyCredentials } from './legacy';
import * as say from './messages';
import type { TestedTarget } from './messages';
import { createOutboundDispatcher } from './safe-dispatcher';
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
}

export type BigCommerceCredentials = StoreApiCredentials | LegacyCredentials;

/** Waiting for a connection longer than this means the host is unreachable, whatever the total deadline. */
const MAX_CONNECT_MS = 5000;
/** Grace after the deadline for the aborted requests to unwind before the last-resort guard answers. */
const DEADLINE_SLACK_MS = 250;

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
    });
  }

  /** Never throws, and answers within timeoutMs plus a fraction of a second whatever the peer does. */
  async testConnection(credentials: BigCommerceCredentials): Promise<ConnectionOutcome> {
    const testedAt = new Date();
    const started = performance.now();
    const deadline = new Deadline(this.options.timeoutMs);
    const target = testedTarget(credentials);
    let guard: NodeJS.Timeout | undefined;
    let body: OutcomeBody;
    try {
      // Every request already stops at the deadline; this is only for anything that would not.
      const lastResort = new Promise<OutcomeBody>((resolve) => {
        guard = setTimeout(
          () => resolve(failedOutcome(target, ConnectionStatus.TIMEOUT, say.timedOut(target, this.options.timeoutMs))),
          this.options.timeoutMs + DEADLINE_SLACK_MS,
        );
      });
      body = await Promise.race([this.run(credentials, deadline), lastResort]);
    } catch (err) {
      this.logger?.error({ err }, 'bigcommerce connection test failed unexpectedly');
      body = failedOutcome(target, ConnectionStatus.UPSTREAM_ERROR, say.internalError());
    } finally {
      clearTimeout(guard);
      deadline.dispose();
    }
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
