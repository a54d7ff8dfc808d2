/**
 * Each device's bridge requests are metered by a token bucket: `perSecond`
 * on average, bursts up to `burst` (a console opening fires a few dozen at
 * once). Beyond it a request is answered `rate_limited` without being
 * served, so one flooding client cannot stall the core for the others.
 */
export interface RateOptions {
  perSecond: number;
  burst: number;
  now?: () => number;
}

export const DEFAULT_RATE: RateOptions = { perSecond: 50, burst: 200 };

export interface RateLimiter {
  /** Takes one request from `key`'s bucket; false when it is empty. */
  take(key: string): boolean;
  forget(key: string): void;
}

export function rateLimiter(options: RateOptions = DEFAULT_RATE): RateLimiter {
  const now = options.now ?? Date.now;
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    take(key) {
      const at = now();
      const bucket = buckets.get(key) ?? { tokens: options.burst, at };
      bucket.tokens = Math.min(options.burst, bucket.tokens + ((at - bucket.at) / 1000) * options.perSecond);
      bucket.at = at;
      buckets.set(key, bucket);
      if (bucket.tokens < 1) return false;
      bucket.tokens -= 1;
      return true;
    },
    forget: (key) => void buckets.delete(key),
  };
}
