import type { Logger } from 'pino';
import type { Dispatcher } from 'undici';
import { ConnectionStatus } from '../../common/connection-outcome';
import type { ApiVersion } from '../../common/api-version';
import { runProbes, sendRequest, type Deadline, type Exchange } from '../outbound';
import { failedOutcome, wooCommerceOutcome, type OutcomeBody, type ProbeResults } from './classify';
import { looksLikeConsumerKey, looksLikeConsumerSecret } from './key-shape';
import * as say from './messages';
import { REST_INDEX_PROBE, TEST_PROBES, WOOCOMMERCE_REQUEST_BUDGET, probeUrl, type Probe, type RouteStyle } from './probes';
import { parseSiteUrl } from './site-url';
import { judge, retrySignal, type Verdict } from './verdicts';

export interface WooCommerceCredentials {
  apiVersion: typeof ApiVersion.WOOCOMMERCE_REST;
  /** The site root, as parseSiteUrl normalised it. */
  siteUrl: string;
  consumerKey: string;
  consumerSecret: string;
}

export interface WooCommerceFlowContext {
  dispatcher: Dispatcher;
  deadline: Deadline;
  userAgent: string;
  allowPrivateTargets: boolean;
  logger?: Logger;
}

/**
 * One test: every probe at once against /wp-json/; when nothing there answers like WordPress,
 * the wc/v3 namespace through ?rest_route= tells plain permalinks (then every probe again that
 * way) from a site without WooCommerce or without WordPress.
 */
export async function testWooCommerceKey(credentials: WooCommerceCredentials, context: WooCommerceFlowContext): Promise<OutcomeBody> {
  const site = parseSiteUrl(credentials.siteUrl, { allowPrivateTargets: context.allowPrivateTargets });
  if (!site.ok) {
    const insecure = /^\s*http:/i.test(credentials.siteUrl);
    return failedOutcome(insecure ? ConnectionStatus.NETWORK_ERROR : ConnectionStatus.STORE_NOT_FOUND, site.reason);
  }
  if (!looksLikeConsumerKey(credentials.consumerKey) || !looksLikeConsumerSecret(credentials.consumerSecret)) {
    return failedOutcome(ConnectionStatus.INVALID_CREDENTIALS, say.malformedKey());
  }

  const flow = new Flow(context, site.value, `Basic ${Buffer.from(`${credentials.consumerKey}:${credentials.consumerSecret}`, 'utf8').toString('base64')}`);
  const outcome = (results: ProbeResults, plainPermalinks: boolean) =>
    wooCommerceOutcome(results, { siteUrl: site.value, plainPermalinks, timeoutMs: context.deadline.totalMs });

  const pretty = await flow.run(TEST_PROBES, 'wp-json');
  const reads = TEST_PROBES.filter((p) => p.kind === 'read').map((p) => pretty.get(p.id)?.verdict.kind);
  if (!reads.every((kind) => kind === 'not-wordpress')) return outcome(pretty, false);

  const index = await flow.run([REST_INDEX_PROBE], 'rest_route');
  const found = index.get(REST_INDEX_PROBE.id)?.verdict;
  if (found?.kind === 'passed') return outcome(await flow.run(TEST_PROBES, 'rest_route'), true);
  // WordPress answers at ?rest_route= but WooCommerce does not: say that, rather than "not WordPress".
  return found?.kind === 'no-route' ? outcome(index, false) : outcome(pretty, false);
}

/** The requests of one test, sharing one deadline and one request budget. */
class Flow {
  private requestsSent = 0;

  constructor(
    private readonly context: WooCommerceFlowContext,
    private readonly siteUrl: string,
    /** Basic auth only: WooCommerce also takes the key in the query, where it ends up in server logs. */
    private readonly authorization: string,
  ) {}

  async run(probes: readonly Probe[], style: RouteStyle): Promise<ProbeResults> {
    const run = await runProbes<Probe, Verdict>({
      probes,
      judge,
      retrySignal,
      send: (probe) => this.send(probe, style),
      deadline: this.context.deadline,
      budget: WOOCOMMERCE_REQUEST_BUDGET - this.requestsSent,
      logger: this.context.logger,
    });
    this.requestsSent += run.requestsSent;
    return run.results;
  }

  private async send(probe: Probe, style: RouteStyle): Promise<Exchange> {
    const started = performance.now();
    const exchange = await sendRequest(
      this.context.dispatcher,
      {
        method: probe.method,
        url: probeUrl(this.siteUrl, style, probe),
        headers: {
          accept: 'application/json',
          'user-agent': this.context.userAgent,
          authorization: this.authorization,
          ...(probe.body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        body: probe.body,
      },
      this.context.deadline,
    );
    this.context.logger?.debug(
      {
        probe: probe.id,
        style,
        ...(exchange.kind === 'response' ? { status: exchange.status } : { failure: exchange.failure, code: exchange.code }),
        ms: Math.round(performance.now() - started),
      },
      'woocommerce probe',
    );
    return exchange;
  }
}
