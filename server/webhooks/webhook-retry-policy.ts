/**
 * When to try a failed delivery again, and when to give up. Pure, so the schedule can be
 * checked without waiting a day: exponential backoff from WEBHOOK_RETRY_BASE_SECONDS with full
 * jitter in the upper half, capped per wait, a Retry-After answer honoured (within the cap),
 * and giving up only once attempts have failed for at least a day and at least MIN_ATTEMPTS times.
 */

export const MAX_DELAY_MS = 6 * 3600_000;
export const GIVE_UP_AFTER_MS = 24 * 3600_000;
export const MIN_ATTEMPTS = 8;

export type RetryDecision = { retryAt: Date } | { giveUp: true };

export interface FailedAttempt {
  /** Attempts made so far, this one included. */
  attempts: number;
  /** When the event was first due (the delivery's createdAt). */
  firstDueAt: Date;
  now: Date;
  /** Retry-After of the answer, already parsed; null when absent. */
  retryAfterMs: number | null;
}

export function nextAttempt(failed: FailedAttempt, baseMs: number, random: () => number = Math.random): RetryDecision {
  const elapsed = failed.now.getTime() - failed.firstDueAt.getTime();
  if (failed.attempts >= MIN_ATTEMPTS && elapsed >= GIVE_UP_AFTER_MS) return { giveUp: true };
  const exponential = Math.min(MAX_DELAY_MS, baseMs * 2 ** Math.min(failed.attempts - 1, 30));
  // Half fixed, half random: retries of many deliveries spread out instead of arriving together.
  let delay = exponential / 2 + (exponential / 2) * random();
  if (failed.retryAfterMs !== null) delay = Math.max(delay, Math.min(failed.retryAfterMs, MAX_DELAY_MS));
  return { retryAt: new Date(failed.now.getTime() + delay) };
}

/** Retry-After as seconds or an HTTP date (RFC 9110), in ms from now; null when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now: Date): number | null {
  if (value === undefined) return null;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  if (Number.isNaN(date)) return null;
  return Math.max(0, date - now.getTime());
}
