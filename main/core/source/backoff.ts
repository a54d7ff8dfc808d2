/**
 * Exponential backoff with jitter for reconnect delays. Pure: randomness is
 * injected so tests can pin it.
 */

export interface BackoffOptions {
  /** Ceiling of the first delay. */
  initialMs: number;
  /** No delay ever exceeds this, however many attempts failed. */
  maxMs: number;
  /**
   * Share of each delay that is random, in [0, 1]: a delay is drawn uniformly
   * from [(1 − jitter) × ceiling, ceiling]. 1 is "full jitter", which spreads
   * many clients reconnecting to one restarted gateway the most evenly.
   */
  jitter: number;
}

export interface Backoff {
  /** The delay before the next attempt; each call doubles the ceiling until it reaches maxMs. */
  next(): number;
  /** Back to initialMs, once a connection proved healthy. */
  reset(): void;
}

export function createBackoff(options: BackoffOptions, random: () => number = Math.random): Backoff {
  const { initialMs, maxMs, jitter } = options;
  if (!(initialMs > 0) || !(maxMs >= initialMs) || !(jitter >= 0 && jitter <= 1)) {
    throw new RangeError(`invalid backoff ${JSON.stringify(options)}: need 0 < initialMs ≤ maxMs and 0 ≤ jitter ≤ 1`);
  }
  let ceiling = initialMs;
  return {
    next() {
      const delay = ceiling * (1 - jitter * random());
      ceiling = Math.min(maxMs, ceiling * 2);
      return delay;
    },
    reset() {
      ceiling = initialMs;
    },
  };
}
