import { ConnectionStatus, ScopeLevel, type ScopeCheckOutcome } from '../../common/connection-outcome';
import { ApiVersion } from '../../common/api-version';
import type { ProbeResults as Results } from '../outbound';
import * as say from './messages';
import { probeLabel, type Probe, type ProbeId } from './probes';
import { WOOCOMMERCE_REQUIRED_SCOPES, type RequiredAccess } from './scopes';
import { siteLabel } from './site-url';
import type { Verdict } from './verdicts';
import type { OutcomeBody } from '../outbound';

/** Turns the probes' verdicts into the one outcome an admin sees. */

export type { OutcomeBody };
export type ProbeResults = Results<Probe, Verdict>;

export function failedOutcome(status: ConnectionStatus, message: string): OutcomeBody {
  return { success: false, status, message, apiVersion: ApiVersion.WOOCOMMERCE_REST, storeName: null, storeDomain: null, scopes: [], warnings: [] };
}

export function wooCommerceOutcome(results: ProbeResults, context: { siteUrl: string; plainPermalinks: boolean; timeoutMs: number }): OutcomeBody {
  const failure = firstFailure(results, context.siteUrl, context.timeoutMs);
  const evaluated = WOOCOMMERCE_REQUIRED_SCOPES.map((scope) => evaluate(scope, results));
  const scopes = evaluated.map((e) => e.check);
  const home = verdictOf(results, 'systemStatus');
  const homeUrl = (home?.kind === 'passed' && home.homeUrl) || context.siteUrl;
  const base = { apiVersion: ApiVersion.WOOCOMMERCE_REST, storeName: siteLabel(homeUrl), storeDomain: hostOf(homeUrl) };
  const warnings = [...(context.plainPermalinks ? [say.plainPermalinksWarning()] : []), ...evaluated.flatMap((e) => (e.warning ? [e.warning] : []))];

  if (failure) {
    // After the key or the site was refused, no row and no name means anything.
    const refused = failure.status === ConnectionStatus.INVALID_CREDENTIALS || failure.status === ConnectionStatus.STORE_NOT_FOUND;
    return refused
      ? failedOutcome(failure.status, failure.message)
      : { success: false, ...failure, ...base, scopes, warnings: [] };
  }

  const missing = evaluated.filter((e) => !e.check.ok);
  if (missing.length > 0) {
    const keyPermission = keyPermissionProblem(results);
    const userCannotList = missing.flatMap((e) => (e.userLacks === 'list' ? [e.records] : []));
    const userCannotEdit = missing.some((e) => e.userLacks === 'edit');
    return { success: false, status: ConnectionStatus.MISSING_SCOPES, message: say.missingAccess({ keyPermission, userCannotList, userCannotEdit }), ...base, scopes, warnings };
  }
  return { success: true, status: ConnectionStatus.OK, message: say.connected(base.storeName), ...base, scopes, warnings };
}

function verdictOf(results: ProbeResults, id: ProbeId): Verdict | undefined {
  return results.get(id)?.verdict;
}

/** "Read": the write was refused by the key's permission; "Write": a read was. */
function keyPermissionProblem(results: ProbeResults): 'Read' | 'Write' | null {
  const verdicts = [...results.values()].map((r) => r.verdict);
  if (verdicts.some((v) => v.kind === 'key-permission' && v.lacks === 'read')) return 'Write';
  if (verdicts.some((v) => v.kind === 'key-permission' && v.lacks === 'write')) return 'Read';
  return null;
}

type Failure = { status: ConnectionStatus; message: string };

/** The failure that explains the test best: the key first, then the site, then what went wrong on the way. */
function firstFailure(results: ProbeResults, siteUrl: string, timeoutMs: number): Failure | null {
  let best: { rank: number; failure: Failure } | null = null;
  for (const { probe, verdict } of results.values()) {
    if (!probe.essential && verdict.kind !== 'write-accepted') continue;
    const ranked = describeFailure(probe, verdict, siteUrl, timeoutMs);
    if (ranked && (best === null || ranked.rank < best.rank)) best = ranked;
  }
  return best?.failure ?? null;
}

function describeFailure(probe: Probe, verdict: Verdict, siteUrl: string, timeoutMs: number): { rank: number; failure: Failure } | null {
  const S = ConnectionStatus;
  const f = (rank: number, status: ConnectionStatus, message: string) => ({ rank, failure: { status, message } });
  switch (verdict.kind) {
    case 'passed':
    case 'key-permission':
    case 'user-denied':
      return null;
    case 'wrong-secret':
      return f(0, S.INVALID_CREDENTIALS, say.wrongSecret());
    case 'anonymous':
      // A write to a missing order may pass anonymously; only a read's 401 proves the key unknown.
      return probe.kind === 'write' ? null : f(0.5, S.INVALID_CREDENTIALS, say.unknownKey());
    case 'no-route':
      return f(1, S.STORE_NOT_FOUND, say.wooCommerceOff(siteUrl));
    case 'not-wordpress':
      return f(1.2, S.STORE_NOT_FOUND, say.notWordPress(siteUrl));
    case 'write-accepted':
      return f(1.5, S.UPSTREAM_ERROR, say.writeAccepted(verdict.status, probeLabel(probe)));
    case 'redirect':
      return f(3, S.UPSTREAM_ERROR, say.redirected(siteUrl, verdict.location));
    case 'blocked':
      return f(3.5, S.UPSTREAM_ERROR, say.blocked(verdict.html));
    case 'rate-limited':
      return f(5, S.RATE_LIMITED, say.rateLimited(verdict.waitMs, verdict.status));
    case 'bad-body':
      return f(7, S.UPSTREAM_ERROR, say.badBody(verdict.problem));
    case 'server-error':
      return f(8, S.UPSTREAM_ERROR, say.serverError(siteUrl, verdict.status));
    case 'unexpected-status':
      return f(8, S.UPSTREAM_ERROR, say.unexpectedStatus(verdict.status, probeLabel(probe)));
    case 'transport':
      switch (verdict.failure) {
        case 'forbidden-target':
          return f(2, S.NETWORK_ERROR, say.forbiddenTarget());
        case 'timeout':
          return f(4, S.TIMEOUT, say.timedOut(siteUrl, timeoutMs));
        case 'dns':
        case 'network':
          return f(6, S.NETWORK_ERROR, say.networkFailure(siteUrl, verdict.failure));
        case 'too-large':
          return f(7, S.UPSTREAM_ERROR, say.tooLarge());
      }
  }
}

const CAPABILITY: Record<RequiredAccess['name'], string> = { Orders: 'read_private_shop_orders', Products: 'read_private_products', Customers: 'list_users' };

interface Evaluated {
  check: ScopeCheckOutcome;
  warning: string | null;
  /** What the key's user may not do with the row's records, for the summary. */
  userLacks: 'list' | 'edit' | null;
  records: string;
}

function evaluate(scope: RequiredAccess, results: ProbeResults): Evaluated {
  const readVerdict = verdictOf(results, scope.readProbe);
  const writeVerdict = scope.writeProbe ? verdictOf(results, scope.writeProbe) : undefined;
  const row = (granted: ScopeLevel | null, verified: boolean, ok: boolean, message: string | null, extra: Partial<Evaluated> = {}): Evaluated => ({
    check: { scope: scope.name, apiName: scope.apiName, required: scope.required, granted, verified, ok, message },
    warning: null,
    userLacks: null,
    records: scope.records,
    ...extra,
  });

  if (readVerdict?.kind === 'key-permission') return row(ScopeLevel.NONE, true, false, say.scopeMessages.keyWriteOnly(scope.records));
  if (readVerdict?.kind === 'user-denied') {
    return row(ScopeLevel.NONE, true, false, say.scopeMessages.userDenied(scope.records, CAPABILITY[scope.name]), { userLacks: 'list' });
  }
  if (readVerdict?.kind !== 'passed') return row(null, false, false, whyNotChecked(results, scope));
  if (scope.required === ScopeLevel.READ_ONLY) return row(null, true, true, say.scopeMessages.readConfirmed());

  switch (writeVerdict?.kind) {
    case 'key-permission':
      return row(ScopeLevel.READ_ONLY, true, false, say.scopeMessages.keyReadOnly());
    case 'user-denied':
      return row(ScopeLevel.READ_ONLY, true, false, say.scopeMessages.userCannotEdit(), { userLacks: 'edit' });
    case 'passed':
    case 'write-accepted': {
      // Order 0 does not exist, so WooCommerce skipped the user's edit check: a user who may open
      // the system status (manage_woocommerce) is an Administrator or Shop manager, who may edit orders.
      if (verdictOf(results, 'systemStatus')?.kind === 'passed') return row(ScopeLevel.MODIFY, true, true, null);
      return row(null, false, true, say.scopeMessages.editUnverified(), { warning: say.confirmEditWarning() });
    }
    default:
      return row(null, false, false, whyNotChecked(results, scope));
  }
}

function whyNotChecked(results: ProbeResults, scope: RequiredAccess): string {
  for (const id of [scope.writeProbe, scope.readProbe]) {
    const result = id ? results.get(id) : undefined;
    if (!result) continue;
    const label = probeLabel(result.probe);
    const { verdict } = result;
    if (verdict.kind === 'server-error' || verdict.kind === 'unexpected-status') return say.scopeMessages.unexpectedAnswer(verdict.status, label);
    if (verdict.kind === 'rate-limited') return say.scopeMessages.unexpectedAnswer(verdict.status, label);
    if (verdict.kind === 'transport' || verdict.kind === 'bad-body' || verdict.kind === 'redirect' || verdict.kind === 'blocked') return say.scopeMessages.noAnswer(label);
  }
  return say.scopeMessages.notChecked();
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
}
