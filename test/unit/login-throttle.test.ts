import { LoginThrottle, LoginThrottledError } from '../../server/auth/login-throttle';

const limits = { perEmailAndIp: { maxFailures: 3, windowMs: 1000 }, perIp: { maxFailures: 5, windowMs: 2000 } };

function throttle() {
  let now = 10_000;
  return { throttle: new LoginThrottle(limits, () => now), advance: (ms: number) => (now += ms) };
}

test('failures within the window engage it, and it lets go once they age out', () => {
  const { throttle: t, advance } = throttle();
  for (let i = 0; i < 3; i++) t.begin('a@x', '1.1.1.1').failed();
  expect(() => t.begin('a@x', '1.1.1.1')).toThrow(LoginThrottledError);
  advance(1001);
  expect(() => t.begin('a@x', '1.1.1.1').failed()).not.toThrow();
});

test('the failure that reaches the limit says so, once', () => {
  const { throttle: t } = throttle();
  expect([t.begin('a@x', 'ip').failed(), t.begin('a@x', 'ip').failed(), t.begin('a@x', 'ip').failed()]).toEqual([false, false, true]);
});

test('attempts in progress count, so concurrent attempts cannot exceed the limit', () => {
  const { throttle: t } = throttle();
  const open = [t.begin('a@x', 'ip'), t.begin('a@x', 'ip'), t.begin('a@x', 'ip')];
  expect(() => t.begin('a@x', 'ip')).toThrow(LoginThrottledError);
  open[0].succeeded();
  expect(() => t.begin('a@x', 'ip').succeeded()).not.toThrow();
});

test('retryAfterSeconds is when the oldest failure ages out', () => {
  const { throttle: t, advance } = throttle();
  t.begin('a@x', 'ip').failed();
  advance(400);
  t.begin('a@x', 'ip').failed();
  t.begin('a@x', 'ip').failed();
  try {
    t.begin('a@x', 'ip');
    throw new Error('not throttled');
  } catch (error) {
    expect((error as LoginThrottledError).retryAfterSeconds).toBe(1);
    expect((error as LoginThrottledError).extensions).toEqual({ retryAfterSeconds: 1 });
  }
});

test('settling an attempt twice is a bug, and says so', () => {
  const attempt = throttle().throttle.begin('a@x', 'ip');
  attempt.failed();
  expect(() => attempt.failed()).toThrow(/settled twice/);
});
