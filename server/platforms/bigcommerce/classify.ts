import { ConnectionStatus, ScopeLevel, type ScopeCheckOutcome } from '../../common/connection-outcome';
import * as say from './messages';
import type { TestedTarget } from './messages';
import type { ProbeResults as Results } from '../outbound';
import { probeLabel, type Probe, type ProbeId } from './probes';
import { REQUIRED_SCOPES, compareLevels, type RequiredScope } from './scopes';
import type { StoreInfo, Verdict } from './verdicts';
import type { OutcomeBody } from '../outbound';

/** Turns the probes' verdicts into the one outcome an admin sees. */

export type { OutcomeBody };

export type ProbeResults = Results<Probe, Verdict>;

export function failedOutcome(target: TestedTarget, status: ConnectionStatus, message: string): OutcomeBody {
  return { success: false, status, message, apiVersion: target.apiVersion, storeName: null, storeDomain: null, scopes: [], warnings: [] };
}

export function storeApiOutcome(results: ProbeResults, target: TestedTarget, timeoutMs: number): OutcomeBody {
  const store = storeInfo(results);
  const base = { apiVersion: target.apiVersion, storeName: store?.name ?? null, storeDomain: store?.domain ?? null };
  const failure = firstFailure(results, target, timeoutMs);
  const evaluated = REQUIRED_SCOPES.map((scope) => evaluateScope(scope, results));
  const scopes = evaluated.map((e) => e.check);

  if (failure) {
    // After a refusal of the credentials or the store, no scope result means anything.
    const scopesMeaningful = failure.status !== ConnectionStatus.INVALID_CREDENTIALS && failure.status !== ConnectionStatus.STORE_NOT_FOUND;
    return { success: false, ...failure, ...base, scopes: scopesMeaningful ? scopes : [], warnings: [] };
  }

  const warnings = evaluated.flatMap((e) => (e.warning ? [e.warning] : []));
  const missing = scopes.filter((s) => !s.ok);
  if (missing.length > 0) {
    const everyScopeIsNone = scopes.every((s) => s.granted === ScopeLevel.NONE);
    return {
      success: false,
      status: ConnectionStatus.MISSING_SCOPES,
      message: say.missingScopes(
        missing.map((s) => ({ scope: s.scope, required: s.required, granted: s.granted })),
        everyScopeIsNone,
      ),
      ...base,
      scopes,
      warnings,
    };
  }
  return { success: true, status: ConnectionStatus.OK, message: say.connected(target, base.storeName), ...base, scopes, warnings };
}

/**
 * Legacy accounts are not scoped: they can do everything, so the scope list stays empty and a
 * warning says why, instead of reporting checks that were never made.
 */
export function legacyOutcome(results: ProbeResults, target: TestedTarget, timeoutMs: number): OutcomeBody {
  const store = storeInfo(results);
  const failure = firstFailure(results, target, timeoutMs);
  if (failure) return { ...failedOutcome(target, failure.status, failure.message), storeName: store?.name ?? null };
  // Without scopes, a 403 can only mean the account may not use the API at all.
  if (results.get('store')?.verdict.kind === 'denied') {
    return failedOutcome(target, ConnectionStatus.INVALID_CREDENTIALS, say.invalidCredentials(target));
  }
  return {
    success: true,
    status: ConnectionStatus.OK,
    message: say.connected(target, store?.name ?? null),
    apiVersion: target.apiVersion,
    storeName: store?.name ?? null,
    storeDomain: store?.domain ?? null,
    scopes: [],
    warnings: [say.legacyWarnings.deprecated(), say.legacyWarnings.unscoped()],
  };
}

function storeInfo(results: ProbeResults): StoreInfo | null {
  const verdict = results.get('store')?.verdict;
  return verdict?.kind === 'passed' ? verdict.store : null;
}

type Failure = { status: ConnectionStatus; message: string };

/**
 * The failure that explains the test best, when one of the essential probes failed for a
 * reason other than a scope: wrong credentials first, then a wrong store, then what went
 * wrong on the way, most actionable first.
 */
function firstFailure(results: ProbeResults, target: TestedTarget, timeoutMs: number): Failure | null {
  let best: { rank: number; failure: Failure } | null = null;
  for (const { probe, verdict } of results.values()) {
    // An accepted write is an alarm wherever it happens; other answers to optional probes only refine a warning.
    if (!probe.essential && verdict.kind !== 'write-accepted') continue;
    const ranked = describeFailure(probe, verdict, target, timeoutMs);
    if (ranked && (best === null || ranked.rank < best.rank)) best = ranked;
  }
  return best?.failure ?? null;
}

function describeFailure(probe: Probe, verdict: Verdict, target: TestedTarget, timeoutMs: number): { rank: number; failure: Failure } | null {
  const S = ConnectionStatus;
  const f = (rank: number, status: ConnectionStatus, message: string) => ({ rank, failure: { status, message } });
  switch (verdict.kind) {
    case 'passed':
    case 'denied':
      return null;
    case 'unauthorized':
      return f(0, S.INVALID_CREDENTIALS, say.invalidCredentials(target));
    case 'not-found':
      return f(1, S.STORE_NOT_FOUND, say.storeNotFound(target));
    case 'write-accepted':
      return f(1.5, S.UPSTREAM_ERROR, say.writeAccepted(verdict.status, probeLabel(probe)));
    case 'redirect':
      return f(3, S.UPSTREAM_ERROR, say.redirected(target, verdict.location));
    case 'rate-limited':
      return f(5, S.RATE_LIMITED, say.rateLimited(verdict.waitMs));
    case 'bad-body':
      return f(7, S.UPSTREAM_ERROR, say.badBody(target, verdict.problem));
    case 'server-error':
      return f(8, S.UPSTREAM_ERROR, say.serverError(target, verdict.status));
    case 'unexpected-status':
      return f(8, S.UPSTREAM_ERROR, say.unexpectedStatus(target, verdict.status, probeLabel(probe)));
    case 'transport':
      switch (verdict.failure) {
        case 'forbidden-target':
          return f(2, S.NETWORK_ERROR, say.forbiddenTarget(target));
        case 'timeout':
          return f(4, S.TIMEOUT, say.timedOut(target, timeoutMs));
        case 'dns':
        case 'network':
          return f(6, S.NETWORK_ERROR, say.networkFailure(target, verdict.failure));
        case 'too-large':
          return f(7, S.UPSTREAM_ERROR, say.tooLarge(target));
      }
  }
}

/** What the probes prove about one scope; "at least read" and "below modify" are as far as some probes see. */
type Knowledge =
  | { kind: 'exact'; level: ScopeLevel }
  | { kind: 'at-least-read' }
  | { kind: 'below-modify' }
  | { kind: 'unknown' };

function knowledgeOf(readVerdict: Verdict | undefined, writeVerdict: Verdict | undefined): Knowledge {
  // Modify includes read access, so a write past the scope check settles the level whatever the read said.
  if (writeVerdict?.kind === 'passed' || writeVerdict?.kind === 'write-accepted') return { kind: 'exact', level: ScopeLevel.MODIFY };
  if (readVerdict?.kind === 'denied') return { kind: 'exact', level: ScopeLevel.NONE };
  if (writeVerdict?.kind === 'denied') {
    return readVerdict?.kind === 'passed' ? { kind: 'exact', level: ScopeLevel.READ_ONLY } : { kind: 'below-modify' };
  }
  return readVerdict?.kind === 'passed' ? { kind: 'at-least-read' } : { kind: 'unknown' };
}

function evaluateScope(scope: RequiredScope, results: ProbeResults): { check: ScopeCheckOutcome; warning: string | null } {
  const verdict = (id: ProbeId | undefined) => (id ? results.get(id)?.verdict : undefined);
  const known = knowledgeOf(verdict(scope.readProbe), verdict(scope.writeProbe));
  const notChecked = () => whyNotChecked(scope, results);
  const { name, required, apiName } = scope;
  const check = (granted: ScopeLevel | null, verified: boolean, ok: boolean, message: string | null): ScopeCheckOutcome => ({
    scope: name,
    apiName,
    required,
    granted,
    verified,
    ok,
    message,
  });

  switch (known.kind) {
    case 'exact': {
      const order = compareLevels(known.level, required);
      if (order < 0) return { check: check(known.level, true, false, say.scopeMessages.lacking(required, known.level)), warning: null };
      if (order > 0) {
        return {
          check: check(known.level, true, true, say.scopeMessages.broader(required, known.level)),
          warning: say.broaderThanNeededWarning(name, required, known.level),
        };
      }
      return { check: check(known.level, true, true, null), warning: null };
    }
    case 'at-least-read':
      if (required === ScopeLevel.READ_ONLY) return { check: check(null, true, true, say.scopeMessages.atLeastRead()), warning: null };
      if (scope.writeProbe === undefined) {
        // No safe probe exists for this Modify: reading works, and the admin is asked to confirm the rest.
        return { check: check(null, false, true, say.scopeMessages.modifyUnverifiable(name)), warning: say.confirmModifyWarning(name) };
      }
      return { check: check(null, false, false, notChecked()), warning: null };
    case 'below-modify':
      // Proves a Modify requirement unmet; says nothing about whether read access is there.
      if (required === ScopeLevel.MODIFY) return { check: check(null, true, false, say.scopeMessages.lackingUnknown(required)), warning: null };
      return { check: check(null, false, false, notChecked()), warning: null };
    case 'unknown':
      return { check: check(null, false, false, notChecked()), warning: null };
  }
}

/** The answer that kept a scope from being checked, in words; "stopped before an answer" only when there was none. */
function whyNotChecked(scope: RequiredScope, results: ProbeResults): string {
  for (const id of [scope.writeProbe, scope.readProbe]) {
    const result = id ? results.get(id) : undefined;
    if (!result) continue;
    const label = probeLabel(result.probe);
    const { verdict } = result;
    switch (verdict.kind) {
      case 'unexpected-status':
      case 'server-error':
        return say.scopeMessages.unexpectedAnswer(verdict.status, label);
      case 'rate-limited':
        return say.scopeMessages.unexpectedAnswer(429, label);
      case 'redirect':
        return say.scopeMessages.redirectAnswer(label);
      case 'bad-body':
        return say.scopeMessages.unreadableAnswer(label);
      case 'transport':
        return say.scopeMessages.noAnswer(label, verdict.failure);
      default:
        continue;
    }
  }
  return say.scopeMessages.notChecked();
}
