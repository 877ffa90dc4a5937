import { createHash } from 'node:crypto';
import { RateLimiterRes } from 'rate-limiter-flexible';
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

/** What the throttle uses of a rate-limiter-flexible limiter: `points` per window, counted per key. */
export interface ThrottleCounter {
  readonly points: number;
  consume(key: string, points: number): Promise<RateLimiterRes>;
  reward(key: string, points: number): Promise<RateLimiterRes>;
  delete(key: string): Promise<boolean>;
}

/** The failure counters, one per limit, each counting `maxFailures` points per window (see login-throttle-store.ts). */
export interface ThrottleCounters {
  perEmailAndIp: ThrottleCounter;
  perIp: ThrottleCounter;
}

/** One reserved attempt: report how it ended exactly once. */
export interface LoginAttempt {
  succeeded(): Promise<void>;
  /** Resolves to true when this failure is the one that engaged the throttle. */
  failed(): Promise<boolean>;
}

/** A point taken from one counter, and until when the window it was taken in lasts. */
interface Reservation {
  counter: ThrottleCounter;
  key: string;
  consumed: number;
  windowEndsAt: number;
}

/**
 * Counts failed password checks per email+address and per address. `begin` takes a point from
 * both counters before the password is checked, in one atomic database statement each, and
 * the point stays spent unless the attempt succeeds: an attempt in progress counts as a
 * failure, so neither aliases in one request, batching, parallel requests nor several
 * instances get more guesses than the limit. The counters live in the database, so every
 * instance shares them and a restart forgets nothing.
 *
 * A window starts with the first failure of a key and lasts `windowMs`; the count starts
 * again after it (rate-limiter-flexible's fixed windows).
 */
export class LoginThrottle {
  constructor(
    private readonly counters: ThrottleCounters,
    private readonly now: () => number = Date.now,
  ) {}

  async begin(email: string, ip: string): Promise<LoginAttempt> {
    // Hashed: a password typed into the email field must not be stored as it was typed.
    const emailKey = digest(`${ip}\n${email.slice(0, 320)}`);
    const ipKey = digest(ip);
    const byEmail = await this.reserve(this.counters.perEmailAndIp, emailKey);
    let byIp: Reservation;
    try {
      byIp = await this.reserve(this.counters.perIp, ipKey);
    } catch (error) {
      await this.refund(byEmail);
      throw error;
    }

    let settled = false;
    const settle = () => {
      if (settled) throw new Error('A login attempt was settled twice.');
      settled = true;
    };
    return {
      succeeded: async () => {
        settle();
        // Only this account's count is cleared: signing in to one's own account must not
        // reset the per-address count an attacker is spending on others; the address only
        // gets back the point this attempt reserved.
        await Promise.all([this.counters.perEmailAndIp.delete(emailKey), this.refund(byIp)]);
      },
      failed: async () => {
        settle();
        return [byEmail, byIp].some((reservation) => reservation.consumed === reservation.counter.points);
      },
    };
  }

  private async reserve(counter: ThrottleCounter, key: string): Promise<Reservation> {
    try {
      const result = await counter.consume(key, 1);
      return { counter, key, consumed: result.consumedPoints, windowEndsAt: this.now() + result.msBeforeNext };
    } catch (refusal) {
      if (!(refusal instanceof RateLimiterRes)) throw refusal;
      throw new LoginThrottledError(Math.max(1, Math.ceil(refusal.msBeforeNext / 1000)));
    }
  }

  /** Gives a reserved point back, unless its window has ended (the point would become credit in the next one). */
  private async refund(reservation: Reservation): Promise<void> {
    if (this.now() < reservation.windowEndsAt) await reservation.counter.reward(reservation.key, 1);
  }
}

function digest(value: string): string {
  return createHash('sha256').update(value).digest('base64url');
}
