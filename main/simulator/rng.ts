/**
 * Seeded randomness for the simulator. Scenarios must be reproducible (same
 * seed → same event sequence), so nothing here touches Math.random.
 */

/** A list with at least one element, so picking from it always yields a value. */
export type NonEmpty<T> = readonly [T, ...T[]];

/**
 * mulberry32: one 32-bit word of state, a handful of integer ops per draw.
 * Statistically plenty for a traffic simulation and far cheaper than a
 * cryptographic generator on the hot path (several draws per event).
 */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Uniform integer in [0, n). */
  below(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** Uniform integer in [min, max], both included. */
  between(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: NonEmpty<T>): T {
    return items[this.below(items.length)] ?? items[0];
  }

  /** Index drawn from running totals of weights (see `cumulativeWeights`). */
  weighted(cumulative: Float64Array): number {
    const target = this.next() * (cumulative[cumulative.length - 1] ?? 0);
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((cumulative[mid] ?? 0) > target) high = mid;
      else low = mid + 1;
    }
    return low;
  }

  /**
   * How many of a Poisson process's arrivals fall in one step with the given
   * mean. Knuth's product method for small means (the common case: a few
   * events of a kind per simulated second), a rounded normal beyond that.
   */
  poisson(mean: number): number {
    if (mean <= 0) return 0;
    if (mean > 30) {
      const normal = Math.sqrt(-2 * Math.log(1 - this.next())) * Math.cos(2 * Math.PI * this.next());
      return Math.max(0, Math.round(mean + Math.sqrt(mean) * normal));
    }
    const limit = Math.exp(-mean);
    let product = this.next();
    let arrivals = 0;
    while (product > limit) {
      arrivals++;
      product *= this.next();
    }
    return arrivals;
  }
}

/** Running totals of `weights`, the form `Rng.weighted` draws from. */
export function cumulativeWeights(weights: readonly number[]): Float64Array {
  const totals = new Float64Array(weights.length);
  let sum = 0;
  weights.forEach((weight, i) => {
    sum += weight;
    totals[i] = sum;
  });
  return totals;
}

/**
 * A stateless 32-bit integer hash (lowbias32). Gives a user the same traits
 * in every session, whatever the seed, so returning customers look the same
 * across sessions.
 */
export function hash32(value: number): number {
  let x = value >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

/** Folds a text into a seed, so each scenario draws a different stream from the same seed. */
export function seedFrom(text: string, seed: number): number {
  let h = hash32(seed);
  for (let i = 0; i < text.length; i++) h = hash32(h ^ text.charCodeAt(i));
  return h;
}
