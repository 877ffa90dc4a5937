import { DomainError } from '../common/errors';

/** Sign-in was refused without checking the password: too many recent failures. */
export class LoginThrottledError extends DomainError {
  readonly code = 'LOGIN_THROTTLED';
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many failed sign-in attempts. Try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s).`);
    this.extensions.retryAfterSeconds = retryAfterSeconds;
  }
}

export interface ThrottleLimit {
  maxFailures: number;
  windowMs: number;
}

export interface ThrottleLimits {
  /** Guessing one account's password from one address. */
  perEmailAndIp: ThrottleLimit;
  /** Spraying many accounts from one address: looser, since a whole office may share one. */
  perIp: ThrottleLimit;
}

export const DEFAULT_THROTTLE_LIMITS: ThrottleLimits = {
  perEmailAndIp: { maxFailures: 5, windowMs: 15 * 60_000 },
  perIp: { maxFailures: 30, windowMs: 15 * 60_000 },
};

/** One reserved attempt: report how it ended exactly once. */
export interface LoginAttempt {
  succeeded(): void;
  /** Returns true when this failure is the one that engaged the throttle. */
  failed(): boolean;
}

const MAX_KEYS = 50_000;

/**
 * Counts failed password checks per email+address and per address, in a sliding window.
 * `begin` checks and reserves in one synchronous step, and an attempt in progress counts
 * as a failure until it succeeds, so neither aliases in one request, batching nor many
 * parallel requests get more guesses than the limit.
 *
 * Kept in memory: with several instances behind a load balancer each counts separately
 * (the effective limit is multiplied by the number of instances), and a restart forgets.
 */
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();
  private readonly inFlight = new Map<string, number>();

  constructor(
    private readonly limits: ThrottleLimits = DEFAULT_THROTTLE_LIMITS,
    private readonly now: () => number = Date.now,
  ) {}

  begin(email: string, ip: string): LoginAttempt {
    const now = this.now();
    const buckets = [
      { key: `email:${ip}:${email.slice(0, 320)}`, limit: this.limits.perEmailAndIp },
      { key: `ip:${ip}`, limit: this.limits.perIp },
    ];
    for (const { key, limit } of buckets) {
      const recent = this.recentFailures(key, limit, now);
      if (recent.length + (this.inFlight.get(key) ?? 0) >= limit.maxFailures) {
        const oldest = recent[0] ?? now;
        throw new LoginThrottledError(Math.max(1, Math.ceil((oldest + limit.windowMs - now) / 1000)));
      }
    }
    for (const { key } of buckets) this.inFlight.set(key, (this.inFlight.get(key) ?? 0) + 1);

    let settled = false;
    const release = () => {
      if (settled) throw new Error('A login attempt was settled twice.');
      settled = true;
      for (const { key } of buckets) {
        const count = (this.inFlight.get(key) ?? 1) - 1;
        if (count > 0) this.inFlight.set(key, count);
        else this.inFlight.delete(key);
      }
    };
    return {
      succeeded: () => {
        release();
        // Only this account's count is cleared: signing in to one's own account must not
        // reset the per-address count an attacker is spending on others.
        this.failures.delete(buckets[0].key);
      },
      failed: () => {
        release();
        const at = this.now();
        let engaged = false;
        for (const { key, limit } of buckets) {
          const recent = this.recentFailures(key, limit, at);
          recent.push(at);
          this.failures.set(key, recent);
          if (recent.length === limit.maxFailures) engaged = true;
        }
        this.bound(at);
        return engaged;
      },
    };
  }

  private recentFailures(key: string, limit: ThrottleLimit, now: number): number[] {
    const recent = (this.failures.get(key) ?? []).filter((at) => at > now - limit.windowMs);
    if (recent.length === 0) this.failures.delete(key);
    else this.failures.set(key, recent);
    return recent;
  }

  /** Keeps memory bounded under a flood of distinct emails: expired entries go first, then the oldest. */
  private bound(now: number): void {
    if (this.failures.size <= MAX_KEYS) return;
    const window = Math.max(this.limits.perEmailAndIp.windowMs, this.limits.perIp.windowMs);
    for (const [key, times] of this.failures) if (times[times.length - 1] <= now - window) this.failures.delete(key);
    for (const key of this.failures.keys()) {
      if (this.failures.size <= MAX_KEYS) break;
      if (key.startsWith('email:')) this.failures.delete(key);
    }
  }
}
