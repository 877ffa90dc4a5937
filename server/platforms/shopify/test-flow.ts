import type { Logger } from 'pino';
import type { Dispatcher } from 'undici';
import { ConnectionStatus } from '../../common/connection-outcome';
import { ApiVersion } from '../../common/api-version';
import type { ConnectorSession } from '../connector-session';
import { runProbes, sendRequest, type Deadline, type Exchange } from '../outbound';
import { failedOutcome, shopifyOutcome, type Judged, type OutcomeBody } from './classify';
import * as say from './messages';
import type { ShopifyTarget } from './messages';
import { GRANT_PROBE, SCOPES_PROBE, SHOPIFY_REQUEST_BUDGET, shopProbe, type ShopifyProbe } from './probes';
import { parseShopDomain, shopSubdomain } from './shop-domain';
import { judge, retrySignal, type ShopifyVerdict } from './verdicts';

export type ShopifyCredentials =
  | { apiVersion: typeof ApiVersion.SHOPIFY_ADMIN_TOKEN; shopDomain: string; accessToken: string }
  | { apiVersion: typeof ApiVersion.SHOPIFY_CLIENT_CREDENTIALS; shopDomain: string; clientId: string; clientSecret: string };

export interface ShopifyFlowContext {
  dispatcher: Dispatcher;
  deadline: Deadline;
  userAgent: string;
  /** SHOPIFY_API_URL, with "{shop}" for the shop's subdomain. */
  apiUrlTemplate: string;
  /** SHOPIFY_API_VERSION, "YYYY-MM". */
  apiVersion: string;
  session?: ConnectorSession;
  logger?: Logger;
}

/** An issued token is renewed this long before Shopify says it expires, so no test runs into its expiry. */
export const RENEW_BEFORE_EXPIRY_MS = 5 * 60_000;
/** When Shopify leaves out expires_in: about the 24 hours it documents, less a margin. */
const DEFAULT_LIFETIME_MS = 23 * 3600_000;
const HEADER_SAFE = /^[\x21-\x7e]+$/;

export async function testShopifyCredentials(credentials: ShopifyCredentials, context: ShopifyFlowContext): Promise<OutcomeBody> {
  const shop = parseShopDomain(credentials.shopDomain);
  const target: ShopifyTarget = { apiVersion: credentials.apiVersion, shopDomain: shop.ok ? shop.value : credentials.shopDomain };
  if (!shop.ok) return failedOutcome(target, ConnectionStatus.STORE_NOT_FOUND, shop.reason);
  const secrets = credentials.apiVersion === ApiVersion.SHOPIFY_ADMIN_TOKEN ? [credentials.accessToken] : [credentials.clientId, credentials.clientSecret];
  if (!secrets.every((s) => HEADER_SAFE.test(s))) return failedOutcome(target, ConnectionStatus.INVALID_CREDENTIALS, say.malformedSecret(target));

  const flow = new Flow(context, `${context.apiUrlTemplate.replace('{shop}', shopSubdomain(shop.value)).replace(/\/+$/, '')}/`);
  const outcome = (answers: Judged[]) => shopifyOutcome(answers, target, { timeoutMs: context.deadline.totalMs, requestedVersion: context.apiVersion });

  if (credentials.apiVersion === ApiVersion.SHOPIFY_ADMIN_TOKEN) return outcome(await flow.read(credentials.accessToken));

  const saved = await context.session?.getIssuedToken();
  if (saved && saved.expiresAt.getTime() - Date.now() > RENEW_BEFORE_EXPIRY_MS) {
    const answers = await flow.read(saved.token);
    // A 401 to a token that should still be valid: revoked or replaced; fetch a new one once.
    if (!answers.some((a) => a.verdict.kind === 'unauthorized')) return outcome(answers);
    await context.session?.clearIssuedToken();
  }
  const grant = await flow.grant(credentials.clientId, credentials.clientSecret);
  if (grant.verdict.kind !== 'token') return outcome([grant]);
  const lifetimeMs = grant.verdict.expiresInSeconds !== null ? grant.verdict.expiresInSeconds * 1000 : DEFAULT_LIFETIME_MS;
  await context.session?.saveIssuedToken({ token: grant.verdict.accessToken, expiresAt: new Date(Date.now() + lifetimeMs) });
  return outcome(await flow.read(grant.verdict.accessToken));
}

/** The requests of one test, sharing one deadline and one request budget. */
class Flow {
  private requestsSent = 0;

  constructor(
    private readonly context: ShopifyFlowContext,
    private readonly shopRoot: string,
  ) {}

  /** shop.json and access_scopes.json at once: neither changes anything. */
  async read(accessToken: string): Promise<Judged[]> {
    const run = await this.run([shopProbe(this.context.apiVersion), SCOPES_PROBE], { 'x-shopify-access-token': accessToken });
    return [...run.values()];
  }

  /** The client-credentials grant; the body carries the secret, so neither it nor the answer is logged. */
  async grant(clientId: string, clientSecret: string): Promise<Judged> {
    const body = JSON.stringify({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret });
    const run = await this.run([GRANT_PROBE], {}, body);
    return run.get('grant') ?? { probe: GRANT_PROBE, verdict: { kind: 'transport', failure: 'timeout' } };
  }

  private async run(probes: ShopifyProbe[], authHeaders: Record<string, string>, body?: string) {
    const { context } = this;
    const result = await runProbes<ShopifyProbe, ShopifyVerdict>({
      probes,
      judge,
      retrySignal,
      send: (probe) => this.send(probe, authHeaders, body),
      deadline: context.deadline,
      budget: SHOPIFY_REQUEST_BUDGET - this.requestsSent,
      logger: context.logger,
    });
    this.requestsSent += result.requestsSent;
    return result.results;
  }

  private async send(probe: ShopifyProbe, authHeaders: Record<string, string>, body: string | undefined): Promise<Exchange> {
    const started = performance.now();
    const exchange = await sendRequest(
      this.context.dispatcher,
      {
        method: probe.method,
        url: new URL(probe.path, this.shopRoot).href,
        headers: {
          accept: 'application/json',
          'user-agent': this.context.userAgent,
          ...(probe.method === 'POST' ? { 'content-type': 'application/json' } : {}),
          ...authHeaders,
        },
        body: probe.method === 'POST' ? body : undefined,
      },
      this.context.deadline,
    );
    this.context.logger?.debug(
      { probe: probe.id, ...(exchange.kind === 'response' ? { status: exchange.status } : { failure: exchange.failure }), ms: Math.round(performance.now() - started) },
      'shopify probe',
    );
    return exchange;
  }
}
