import { DelegateBackoff, handleWhenResult, retry, type IRetryContext } from 'cockatiel';
import type { Logger } from 'pino';
import type { Deadline } from './deadline';
import type { Exchange, HttpMethod, TransportFailure } from './http-client';

/**
 * Runs probes in rounds: each round sends every outstanding probe at once. After a round,
 * a probe may need a retry (429 on any probe; 5xx or a broken connection on a GET, which
 * is safe to repeat) or a follow-up (e.g. a read probe after a refused write). Another round
 * is run only if all of it fits in what is left of the request budget and of the deadline,
 * waits included; otherwise the run stops at once with what it knows, rather than spending
 * the merchant's quota on a round that cannot finish. cockatiel does the waiting and counts
 * the rounds. Platform-neutral: each platform judges its own answers.
 */

export interface RunnableProbe {
  id: string;
  method: HttpMethod;
  /** false: the result only refines a warning, so it is never retried. */
  essential: boolean;
}

/** Why a judged answer might be worth sending again, in platform-neutral words. */
export type RetrySignal =
  | { reason: 'rate-limited'; waitMs: number | null }
  | { reason: 'server-error' }
  /** A connection that failed or was cut off; not DNS, a refused target, the deadline or an oversized body. */
  | { reason: 'network' };

export interface ProbeRunOptions<P extends RunnableProbe, V> {
  probes: readonly P[];
  judge: (probe: P, exchange: Exchange) => V;
  /** What about this verdict could get better by retrying; null when nothing would. */
  retrySignal: (verdict: V) => RetrySignal | null;
  /** The probe to send next after a probe's verdict, if any (e.g. a read after a refused write). */
  followUp?: (probe: P, verdict: V) => P | undefined;
  send: (probe: P) => Promise<Exchange>;
  deadline: Deadline;
  /** Requests the whole run may send, retries and follow-ups included. */
  budget: number;
  logger?: Logger;
}

/** The last verdict of every probe that was sent, by probe id. */
export type ProbeResults<P extends RunnableProbe, V> = Map<P['id'], { probe: P; verdict: V }>;

export interface ProbeRun<P extends RunnableProbe, V> {
  results: ProbeResults<P, V>;
  requestsSent: number;
}

/** Enough for a retry after a retry; the budget is the real limit. */
const MAX_EXTRA_ROUNDS = 3;

type RoundPlan = { done: true } | { done: false; waitMs: number };

export async function runProbes<P extends RunnableProbe, V>(options: ProbeRunOptions<P, V>): Promise<ProbeRun<P, V>> {
  const { deadline, budget, logger } = options;
  const results: ProbeResults<P, V> = new Map();
  let outstanding: P[] = [...options.probes];
  let requestsSent = 0;

  // cockatiel counts the calls: attempt 0 is the first round, so it is also the number of retries so far.
  const round = async ({ attempt }: IRetryContext): Promise<RoundPlan> => {
    const started = performance.now();
    const batch = outstanding;
    outstanding = [];
    requestsSent += batch.length;
    const judged = await Promise.all(batch.map(async (probe) => ({ probe, verdict: options.judge(probe, await options.send(probe)) })));

    const waits: number[] = [];
    for (const { probe, verdict } of judged) {
      results.set(probe.id, { probe, verdict });
      const next = options.followUp?.(probe, verdict);
      const wait = next ? null : retryWaitMs(probe, options.retrySignal(verdict), attempt);
      if (next) {
        outstanding.push(next);
      } else if (wait !== null) {
        outstanding.push(probe);
        waits.push(wait);
      }
    }
    if (outstanding.length === 0) return { done: true };

    const waitMs = Math.max(0, ...waits);
    const roundMs = performance.now() - started;
    const fitsBudget = requestsSent + outstanding.length <= budget;
    const fitsDeadline = waitMs + roundMs <= deadline.remainingMs();
    if (!fitsBudget || !fitsDeadline || deadline.expired) {
      logger?.debug({ outstanding: outstanding.map((p) => p.id), waitMs, fitsBudget, fitsDeadline }, 'probes: no further round');
      outstanding = [];
      return { done: true };
    }
    logger?.debug({ outstanding: outstanding.map((p) => p.id), waitMs }, 'probes: another round');
    return { done: false, waitMs };
  };

  const rounds = retry(
    handleWhenResult((plan) => !(plan as RoundPlan).done),
    {
      maxAttempts: MAX_EXTRA_ROUNDS,
      backoff: new DelegateBackoff((context) => {
        const plan = 'value' in context.result ? (context.result.value as RoundPlan) : undefined;
        return plan && !plan.done ? plan.waitMs : 0;
      }),
    },
  );
  await rounds.execute(round, deadline.signal);
  return { results, requestsSent };
}

/** How long to wait before sending the probe again, or null when it is not retried. */
function retryWaitMs(probe: RunnableProbe, signal: RetrySignal | null, previousRetries: number): number | null {
  if (!probe.essential || signal === null) return null;
  // Jitter spreads the retries of several apps on the same store that hit the limit together.
  const jitter = (maxMs: number) => Math.round(Math.random() * maxMs);
  switch (signal.reason) {
    case 'rate-limited':
      // A 429 was refused before any processing, so even a write may be repeated.
      return signal.waitMs !== null ? signal.waitMs + 50 + jitter(200) : 1000 * 2 ** previousRetries + jitter(250);
    case 'server-error':
    case 'network':
      // Only a GET is safe to repeat after the peer may have started on it.
      return probe.method === 'GET' ? 200 * 2 ** previousRetries + jitter(100) : null;
  }
}

/** The retry signal of the verdict kinds every platform shares (429, 5xx, transport failures). */
export function commonRetrySignal(verdict: { kind: string; waitMs?: number | null; failure?: TransportFailure }): RetrySignal | null {
  switch (verdict.kind) {
    case 'rate-limited':
      return { reason: 'rate-limited', waitMs: verdict.waitMs ?? null };
    case 'server-error':
      return { reason: 'server-error' };
    case 'transport':
      // DNS failures, refused targets, oversized bodies and the deadline do not get better by retrying.
      return verdict.failure === 'network' ? { reason: 'network' } : null;
    default:
      return null;
  }
}
