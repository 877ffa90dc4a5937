import { ConnectionStatus, ScopeLevel, type ScopeCheckOutcome } from '../../common/connection-outcome';
import { ApiVersion } from '../../common/api-version';
import * as say from './messages';
import type { ShopifyTarget } from './messages';
import { probeLabel, type ShopifyProbe } from './probes';
import { SHOPIFY_REQUIRED_SCOPES, evaluateScopes, handleOf } from './scopes';
import type { ShopifyVerdict } from './verdicts';
import type { OutcomeBody } from '../outbound';

/** Turns the answers of a Shopify test into the one outcome an admin sees. */

export type { OutcomeBody };

export interface Judged {
  probe: ShopifyProbe;
  verdict: ShopifyVerdict;
}

export function failedOutcome(target: ShopifyTarget, status: ConnectionStatus, message: string): OutcomeBody {
  return { success: false, status, message, apiVersion: target.apiVersion, storeName: null, storeDomain: null, scopes: [], warnings: [] };
}

type Failure = { rank: number; status: ConnectionStatus; message: string };

/** The failure that explains a judged answer, most actionable first (lowest rank); null for a good answer. */
export function describeFailure({ probe, verdict }: Judged, target: ShopifyTarget, timeoutMs: number): Failure | null {
  const S = ConnectionStatus;
  const f = (rank: number, status: ConnectionStatus, message: string): Failure => ({ rank, status, message });
  const label = probeLabel(probe);
  switch (verdict.kind) {
    case 'shop':
    case 'scopes':
    case 'token':
      return null;
    case 'invalid-client':
      return f(0, S.INVALID_CREDENTIALS, say.invalidClient(target));
    case 'unauthorized':
      return f(0, S.INVALID_CREDENTIALS, say.invalidCredentials(target));
    case 'not-found':
    case 'redirect':
      return f(1, S.STORE_NOT_FOUND, say.storeNotFound(target));
    case 'denied':
      return f(2, S.INVALID_CREDENTIALS, say.denied(target));
    case 'payment-required':
      return f(2, S.UPSTREAM_ERROR, say.paymentRequired(target));
    case 'rate-limited':
      return f(5, S.RATE_LIMITED, say.rateLimited(verdict.waitMs));
    case 'bad-body':
      return f(7, S.UPSTREAM_ERROR, say.badBody(verdict.problem, label));
    case 'server-error':
      return f(8, S.UPSTREAM_ERROR, say.serverError(verdict.status, label));
    case 'unexpected-status':
      return f(8, S.UPSTREAM_ERROR, say.unexpectedStatus(verdict.status, label));
    case 'transport':
      switch (verdict.failure) {
        case 'forbidden-target':
          return f(2, S.NETWORK_ERROR, say.forbiddenTarget());
        case 'timeout':
          return f(4, S.TIMEOUT, say.timedOut(timeoutMs));
        case 'dns':
        case 'network':
          return f(6, S.NETWORK_ERROR, say.networkFailure(target, verdict.failure));
        case 'too-large':
          return f(7, S.UPSTREAM_ERROR, say.tooLarge());
      }
  }
}

export function shopifyOutcome(answers: readonly Judged[], target: ShopifyTarget, options: { timeoutMs: number; requestedVersion: string }): OutcomeBody {
  const shop = answers.find((a) => a.verdict.kind === 'shop')?.verdict as Extract<ShopifyVerdict, { kind: 'shop' }> | undefined;
  const scopesAnswer = answers.find((a) => a.probe.id === 'scopes');
  const base = { apiVersion: target.apiVersion, storeName: shop?.name ?? null, storeDomain: shop?.domain ?? null };

  const warnings: string[] = [];
  if (shop?.answeredVersion && shop.answeredVersion !== options.requestedVersion) warnings.push(say.versionWarning(options.requestedVersion, shop.answeredVersion));

  const scopes = scopesAnswer?.verdict.kind === 'scopes' ? evaluateScopes(scopesAnswer.verdict.handles, say.scopeMessages) : null;
  const failure = answers
    .map((answer) => describeFailure(answer, target, options.timeoutMs))
    .reduce<Failure | null>((best, next) => (next && (!best || next.rank < best.rank) ? next : best), null);
  if (failure) {
    const meaningless = failure.status === ConnectionStatus.INVALID_CREDENTIALS || failure.status === ConnectionStatus.STORE_NOT_FOUND;
    const checks = meaningless ? [] : (scopes?.checks ?? uncheckedScopes(scopesAnswer));
    return { success: false, status: failure.status, message: failure.message, ...base, scopes: checks, warnings };
  }
  if (!scopes) return { success: false, status: ConnectionStatus.UPSTREAM_ERROR, message: say.internalError(), ...base, scopes: [], warnings };

  if (scopes.excess.length > 0) warnings.push(say.leastPrivilegeWarning(target, scopes.excess));
  if (target.apiVersion === ApiVersion.SHOPIFY_ADMIN_TOKEN) warnings.push(say.legacyCustomAppWarning());
  const missing = scopes.checks.flatMap((check, i) => (check.ok ? [] : [{ scope: SHOPIFY_REQUIRED_SCOPES[i], granted: check.granted ?? ScopeLevel.NONE }]));
  if (missing.length > 0) {
    return { success: false, status: ConnectionStatus.MISSING_SCOPES, message: say.missingScopes(target, missing), ...base, scopes: scopes.checks, warnings };
  }
  return { success: true, status: ConnectionStatus.OK, message: say.connected(target, base.storeName), ...base, scopes: scopes.checks, warnings };
}

/** Rows for scopes that could not be read, each saying which answer stopped it. */
function uncheckedScopes(scopesAnswer: Judged | undefined): ScopeCheckOutcome[] {
  const reason = scopesAnswer ? whyUnread(scopesAnswer) : "the test stopped before Shopify listed the token's scopes.";
  return SHOPIFY_REQUIRED_SCOPES.map((scope) => ({
    scope: scope.name,
    apiName: handleOf(scope),
    required: scope.required,
    granted: null,
    verified: false,
    ok: false,
    message: say.scopeMessages.notChecked(reason),
  }));
}

function whyUnread({ probe, verdict }: Judged): string {
  const label = probeLabel(probe);
  switch (verdict.kind) {
    case 'server-error':
    case 'unexpected-status':
      return `Shopify answered ${verdict.status} to ${label}.`;
    case 'rate-limited':
      return `Shopify answered 429 to ${label}.`;
    case 'transport':
      return verdict.failure === 'timeout' ? `Shopify did not answer ${label} before the test's time ran out.` : `storelink got no answer from Shopify to ${label}.`;
    default:
      return `Shopify did not list the token's scopes (${label}).`;
  }
}
