import type { Logger } from 'pino';
import type { Agent } from 'undici';
import type { ConnectionOutcome } from '../../common/connection-outcome';
import { MAX_CONNECT_MS } from './answers';
import type { Deadline } from './deadline';
import type { ExchangeObserver } from './http-client';
import { createOutboundDispatcher } from './safe-dispatcher';
import { withinDeadline } from './within-deadline';

/** A test's outcome before it is timed. */
export type OutcomeBody = Omit<ConnectionOutcome, 'durationMs' | 'testedAt'>;

/** What every connector's options have in common. */
export interface ConnectionTestRunnerOptions {
  /** HTTP_TIMEOUT_MS: the total deadline of one test, retries and waits included. */
  timeoutMs: number;
  /** OUTBOUND_ALLOW_PRIVATE: allow http:// and loopback/private addresses (fakes and tests only). */
  allowPrivateTargets: boolean;
  logger?: Logger;
  /** Told of every request's outcome (the upstream-requests metric). */
  onExchange?: ExchangeObserver;
}

/**
 * What every platform connector does around its own test flow: one SSRF-guarded dispatcher for
 * all its requests, one total deadline per test, the test timed and logged, and never a throw.
 */
export class ConnectionTestRunner {
  readonly dispatcher: Agent;
  readonly logger: Logger | undefined;

  /** `platform` as the log names it, e.g. "bigcommerce". */
  constructor(
    private readonly platform: string,
    private readonly options: ConnectionTestRunnerOptions,
  ) {
    if (!(options.timeoutMs > 0)) throw new Error('timeoutMs must be positive');
    this.logger = options.logger?.child({ component: `${platform}-connector` });
    this.dispatcher = createOutboundDispatcher({
      allowPrivateTargets: options.allowPrivateTargets,
      connectTimeoutMs: Math.min(options.timeoutMs, MAX_CONNECT_MS),
      onExchange: options.onExchange,
    });
  }

  /** Answers within timeoutMs plus a fraction of a second whatever the peer does; `onTimeout` and `onError` say what then. */
  async test(flow: { run: (deadline: Deadline) => Promise<OutcomeBody>; onTimeout: () => OutcomeBody; onError: () => OutcomeBody }): Promise<ConnectionOutcome> {
    const testedAt = new Date();
    const started = performance.now();
    const body = await withinDeadline<OutcomeBody>({ timeoutMs: this.options.timeoutMs, ...flow, logger: this.logger });
    const durationMs = Math.round(performance.now() - started);
    this.logger?.info({ apiVersion: body.apiVersion, status: body.status, durationMs }, `${this.platform} connection tested`);
    return { ...body, durationMs, testedAt };
  }

  async close(): Promise<void> {
    await this.dispatcher.close();
  }
}
