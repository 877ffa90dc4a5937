import { RateLimiterMemory } from 'rate-limiter-flexible';
import { LoginThrottle, LoginThrottledError } from '../../server/auth/login-throttle';

/**
 * The throttle's rules (reservation, refund, which failure engages it) over rate-limiter-flexible's
 * in-memory counters; the database-backed counters are covered by test/integration/auth-throttle.test.ts.
 */

function throttle(windowSeconds = 60) {
  return new LoginThrottle({
    perEmailAndIp: new RateLimiterMemory({ points: 3, duration: windowSeconds }),
    perIp: new RateLimiterMemory({ points: 5, duration: windowSeconds }),
  });
}

async function refusal(attempt: Promise<unknown>): Promise<LoginThrottledError> {
  try {
    await attempt;
  } catch (error) {
    if (error instanceof LoginThrottledError) return error;
    throw error;
  }
  throw new Error('not throttled');
}

test('failures within the window engage it, and it lets go once the window ends', async () => {
  const t = throttle(1);
  for (let i = 0; i < 3; i++) await (await t.begin('a@x', '1.1.1.1')).failed();
  await refusal(t.begin('a@x', '1.1.1.1'));
  await new Promise((resolve) => setTimeout(resolve, 1100));
  await (await t.begin('a@x', '1.1.1.1')).failed();
});

test('the failure that reaches the limit says so, once', async () => {
  const t = throttle();
  const engaged = [];
  for (let i = 0; i < 3; i++) engaged.push(await (await t.begin('a@x', 'ip')).failed());
  expect(engaged).toEqual([false, false, true]);
});

test('attempts in progress count, so concurrent attempts cannot exceed the limit', async () => {
  const t = throttle();
  const open = await Promise.all([t.begin('a@x', 'ip'), t.begin('a@x', 'ip'), t.begin('a@x', 'ip')]);
  await refusal(t.begin('a@x', 'ip'));
  await open[0].succeeded();
  await (await t.begin('a@x', 'ip')).succeeded();
});

test('a refused attempt spends nothing of the address, and a success gives the address its point back', async () => {
  const t = throttle();
  for (let i = 0; i < 3; i++) await (await t.begin('a@x', 'ip')).failed();
  for (let i = 0; i < 5; i++) await refusal(t.begin('a@x', 'ip'));
  await (await t.begin('b@x', 'ip')).succeeded();
  // 3 failures of the address so far: two more are allowed, the third is refused.
  await (await t.begin('c@x', 'ip')).failed();
  await (await t.begin('d@x', 'ip')).failed();
  await refusal(t.begin('e@x', 'ip'));
});

test('retryAfterSeconds is when the window of the first failure ends', async () => {
  const t = throttle(60);
  for (let i = 0; i < 3; i++) await (await t.begin('a@x', 'ip')).failed();
  const error = await refusal(t.begin('a@x', 'ip'));
  expect(error.retryAfterSeconds).toBeGreaterThan(58);
  expect(error.retryAfterSeconds).toBeLessThanOrEqual(60);
  expect(error.extensions).toEqual({ retryAfterSeconds: error.retryAfterSeconds });
});

test('settling an attempt twice is a bug, and says so', async () => {
  const attempt = await throttle().begin('a@x', 'ip');
  await attempt.failed();
  await expect(attempt.failed()).rejects.toThrow(/settled twice/);
});
