import { GIVE_UP_AFTER_MS, MAX_DELAY_MS, MIN_ATTEMPTS, nextAttempt, parseRetryAfter } from '../../server/webhooks/webhook-retry-policy';

const BASE_MS = 5000;
const start = new Date('2026-01-01T00:00:00Z');

/** Plays a delivery that fails every time, from its first attempt to the moment the policy gives up. */
function failForever(random: () => number) {
  const attemptTimes: number[] = [];
  let now = start;
  for (let attempts = 1; attempts < 1000; attempts++) {
    attemptTimes.push(now.getTime());
    const decision = nextAttempt({ attempts, firstDueAt: start, now, retryAfterMs: null }, BASE_MS, random);
    if ('giveUp' in decision) return attemptTimes;
    now = decision.retryAt;
  }
  throw new Error('never gave up');
}

test.each([0, 0.5, 0.999])('a delivery that always fails is given up only after attempts spread over at least a day (jitter %p)', (r) => {
  const times = failForever(() => r);
  expect(times.length).toBeGreaterThanOrEqual(MIN_ATTEMPTS);
  expect(times[times.length - 1] - times[0]).toBeGreaterThanOrEqual(GIVE_UP_AFTER_MS);
  // ...and not much later than a day and a few hours: it does give up.
  expect(times[times.length - 1] - times[0]).toBeLessThan(GIVE_UP_AFTER_MS + MAX_DELAY_MS + 1);
});

test('the first retry waits about WEBHOOK_RETRY_BASE_SECONDS, then the wait doubles, with jitter in the upper half', () => {
  const delay = (attempts: number, r: number) => {
    const decision = nextAttempt({ attempts, firstDueAt: start, now: start, retryAfterMs: null }, BASE_MS, () => r);
    return 'retryAt' in decision ? decision.retryAt.getTime() - start.getTime() : NaN;
  };
  expect(delay(1, 0)).toBe(2500);
  expect(delay(1, 1)).toBe(5000);
  expect(delay(2, 1)).toBe(10000);
  expect(delay(3, 0.5)).toBe(15000);
  expect(delay(40, 1)).toBe(MAX_DELAY_MS);
});

test('Retry-After is honoured when it asks for more than the backoff would wait', () => {
  const decision = nextAttempt({ attempts: 1, firstDueAt: start, now: start, retryAfterMs: 120_000 }, BASE_MS, () => 0);
  expect('retryAt' in decision && decision.retryAt.getTime() - start.getTime()).toBe(120_000);
  expect(parseRetryAfter('120', start)).toBe(120_000);
  expect(parseRetryAfter(new Date(start.getTime() + 30_000).toUTCString(), start)).toBe(30_000);
  expect(parseRetryAfter('soon', start)).toBeNull();
  expect(parseRetryAfter(undefined, start)).toBeNull();
});
