// Fixed-window counter per key (client IP, address). In memory: one `serve` process is the norm,
// and losing the counters on restart only relaxes the limit briefly.

export class RateLimiter {
  private readonly hits = new Map<string, { count: number; windowStart: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Count one hit; false when the key is over its limit in the current window. */
  take(key: string): boolean {
    const now = this.clock();
    if (this.hits.size > 10_000) this.sweep(now);
    const h = this.hits.get(key);
    if (!h || now - h.windowStart >= this.windowMs) {
      this.hits.set(key, { count: 1, windowStart: now });
      return this.limit >= 1;
    }
    h.count++;
    return h.count <= this.limit;
  }

  /** Whether the key has used up its limit in the current window (counts nothing). */
  isOver(key: string): boolean {
    const h = this.hits.get(key);
    return h !== undefined && this.clock() - h.windowStart < this.windowMs && h.count >= this.limit;
  }

  private sweep(now: number): void {
    for (const [k, h] of this.hits) if (now - h.windowStart >= this.windowMs) this.hits.delete(k);
  }
}
