/**
 * A store's shared API quota as BigCommerce enforces it: a number of requests per window,
 * reported on every response, and a 429 with X-Retry-After once it is used up.
 */
export class StoreQuota {
  private windowStart = 0;
  private used = 0;

  constructor(
    readonly quota: number,
    readonly windowMs: number,
  ) {}

  /** Counts one request if the quota allows it; the headers describe the state either way. */
  take(now: number): { allowed: boolean; headers: Record<string, string> } {
    this.roll(now);
    const allowed = this.used < this.quota;
    if (allowed) this.used++;
    const headers = this.headers(now);
    if (!allowed) headers['X-Retry-After'] = String(Math.ceil(Number(headers['X-Rate-Limit-Time-Reset-Ms']) / 1000));
    return { allowed, headers };
  }

  /** The headers without counting a request (for answers that do not use the quota, such as a 401). */
  peek(now: number): Record<string, string> {
    this.roll(now);
    return this.headers(now);
  }

  private roll(now: number): void {
    if (now - this.windowStart >= this.windowMs) {
      this.windowStart = now;
      this.used = 0;
    }
  }

  private headers(now: number): Record<string, string> {
    const resetMs = Math.max(0, Math.ceil(this.windowStart + this.windowMs - now));
    return rateLimitHeaders({ windowMs: this.windowMs, resetMs, quota: this.quota, left: this.quota - this.used });
  }

  reset(): void {
    this.windowStart = 0;
    this.used = 0;
  }
}

export function rateLimitHeaders(state: { windowMs: number; resetMs: number; quota: number; left: number }): Record<string, string> {
  return {
    'X-Rate-Limit-Time-Window-Ms': String(state.windowMs),
    'X-Rate-Limit-Time-Reset-Ms': String(state.resetMs),
    'X-Rate-Limit-Requests-Quota': String(state.quota),
    'X-Rate-Limit-Requests-Left': String(state.left),
  };
}
