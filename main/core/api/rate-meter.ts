/** Events per second over a short sliding window, for the progress line and the UI. */
export class RateMeter {
  private readonly buckets: { at: number; count: number }[] = [];

  constructor(
    private readonly windowMs = 3000,
    private readonly now: () => number = Date.now,
  ) {}

  add(count: number): void {
    const at = this.now();
    this.buckets.push({ at, count });
    this.evict(at);
  }

  perSecond(): number {
    const at = this.now();
    this.evict(at);
    const total = this.buckets.reduce((sum, b) => sum + b.count, 0);
    return Math.round((total * 1000) / this.windowMs);
  }

  private evict(at: number): void {
    while (this.buckets.length > 0 && at - this.buckets[0]!.at > this.windowMs) this.buckets.shift();
  }
}
