/** Shopify's REST rate limit: a bucket of `size` requests that leaks `leakPerSecond`; a full bucket answers 429. */
export class LeakyBucket {
  private level = 0;
  private updatedAt = 0;

  constructor(
    readonly size: number,
    readonly leakPerSecond: number,
  ) {}

  take(now: number): { allowed: boolean; used: number } {
    this.level = Math.max(0, this.level - ((now - this.updatedAt) / 1000) * this.leakPerSecond);
    this.updatedAt = now;
    if (this.level + 1 > this.size) return { allowed: false, used: Math.ceil(this.level) };
    this.level += 1;
    return { allowed: true, used: Math.ceil(this.level) };
  }

  reset(): void {
    this.level = 0;
  }
}
