import { DelegateBackoff, handleWhenResult, retry, type IRetryContext } from 'cockatiel';
import type { Logger } from 'pino';
import type { Deadline } from './deadline';
import type { Exchange } from './http-client';
import type { Probe, ProbeId } from './probes';
import { judge, type Verdict } from './verdicts';

/**
 * Runs probes in rounds: each round sends every outstanding probe at once. After a round,
 * a probe may need a retry (429 on any probe; 5xx or a broken connection on a GET, which
 * is safe to repeat) or a follow-up (a read probe after a refused write). Another round is
 * run only if all of it fits in what is left of the request budget and of the deadline,
 * waits included; otherwise the test stops at once with what it knows, rather than
 * spending the merchant's quota on a round that cannot finish. cockatiel does the waiting
 * and counts the rounds.
 */

export interface ProbeRunOptions {
  probes: readonly Probe[];
  /** The probe to send next after a probe's verdict, if any (e.g. a read after a refused write). */
  followUp?: (probe: Probe, verdict: Verdict) => Probe | undefined;
  send: (probe: Probe) => Promise<Exchange>;
  deadline: Deadline;
  /** Requests the whole run may send, retries and follow-ups included. */
  budget: number;
  logger?: Logger;
}

/** The last verdict of every probe that was sent. */
export type ProbeResults = Map<ProbeId, { probe: Probe; verdict: Verdict }>;

export interface ProbeRun {
  results: ProbeResults;
  requestsSent: number;
}

/** Enough for a retry after a retry; the budget is the real limit. */
const MAX_EXTRA_ROUNDS = 3;

type RoundPlan = { done: true } | { done: false; waitMs: number };

export async function runProbes(options: ProbeRunOptions): Promise<ProbeRun> {
  const { deadline, budget, logger } = options;
  const results: ProbeResults = new Map();
  let outstanding: Probe[] = [...options.probes];
  let requestsSent = 0;

  // cockatiel counts the calls: attempt 0 is the first round, so it is also the number of retries so far.
  const round = async ({ attempt }: IRetryContext): Promise<RoundPlan> => {
    const started = performance.now();
    const batch = outstanding;
    outstanding = [];
    requestsSent += batch.length;
    const judged = await Promise.all(batch.map(async (probe) => ({ probe, verdict: judge(probe, await options.send(probe)) })));

    const waits: number[] = [];
    for (const { probe, verdict } of judged) {
      results.set(probe.id, { probe, verdict });
      const next = options.followUp?.(probe, verdict);
      if (next) {
        outstanding.push(next);
      } else if (shouldRetry(probe, verdict)) {
        outstanding.push(probe);
        waits.push(retryWaitMs(verdict, attempt));
      }
    }
    if (outstanding.length === 0) return { done: true };

    const waitMs = Math.max(0, ...waits);
    const roundMs = performance.now() - started;
    const fitsBudget = requestsSent + outstanding.length <= budget;
    const fitsDeadline = waitMs + roundMs <= deadline.remainingMs();
    if (!fitsBudget || !fitsDeadline || deadline.expired) {
      logger?.debug({ outstanding: outstanding.map((p) => p.id), waitMs, fitsBudget, fitsDeadline }, 'bigcommerce probes: no further round');
      outstanding = [];
      return { done: true };
    }
    logger?.debug({ outstanding: outstanding.map((p) => p.id), waitMs }, 'bigcommerce probes: another round');
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

function shouldRetry(probe: Probe, verdict: Verdict): boolean {
  if (!probe.essential) return false;
  switch (verdict.kind) {
    case 'rate-limited':
      // A 429 was refused before any processing, so even a write probe may be repeated.
      return true;
    case 'server-error':
      return probe.method === 'GET';
    case 'transport':
      // DNS failures, refused targets, oversized bodies and the deadline do not get better by retrying.
      return verdict.failure === 'network' && probe.method === 'GET';
    default:
      return false;
  }
}

function retryWaitMs(verdict: Verdict, previousRetries: number): number {
  // Jitter spreads the retries of several apps on the same store that hit the limit together.
  const jitter = (maxMs: number) => Math.round(Math.random() * maxMs);
  if (verdict.kind === 'rate-limited') {
    return verdict.waitMs !== null ? verdict.waitMs + 50 + jitter(200) : 1000 * 2 ** previousRetries + jitter(250);
  }
  return 200 * 2 ** previousRetries + jitter(100);
}
