import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createBackoff } from './backoff.js';

const noJitter = { initialMs: 100, maxMs: 1000, jitter: 0 };

describe('createBackoff', () => {
  it('doubles the delay after every attempt', () => {
    const backoff = createBackoff(noJitter);
    expect([backoff.next(), backoff.next(), backoff.next(), backoff.next()]).toEqual([100, 200, 400, 800]);
  });

  it('never exceeds maxMs, however many attempts failed', () => {
    const backoff = createBackoff(noJitter);
    const delays = Array.from({ length: 2000 }, () => backoff.next());
    expect(delays.slice(4, 8)).toEqual([1000, 1000, 1000, 1000]);
    expect(Math.max(...delays)).toBe(1000);
    expect(delays.every(Number.isFinite)).toBe(true);
  });

  it('starts over from initialMs after reset', () => {
    const backoff = createBackoff(noJitter);
    backoff.next();
    backoff.next();
    backoff.reset();
    expect(backoff.next()).toBe(100);
  });

  it('draws each delay within [(1 - jitter) × ceiling, ceiling]', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), { minLength: 1, maxLength: 20 }),
        (jitter, draws) => {
          let draw = 0;
          const backoff = createBackoff({ initialMs: 100, maxMs: 1000, jitter }, () => draws[draw++ % draws.length] ?? 0);
          draws.forEach((_, attempt) => {
            const ceiling = Math.min(1000, 100 * 2 ** attempt);
            const delay = backoff.next();
            expect(delay).toBeGreaterThanOrEqual((1 - jitter) * ceiling - 1e-9);
            expect(delay).toBeLessThanOrEqual(ceiling);
          });
        },
      ),
    );
  });

  it('uses the whole range with full jitter', () => {
    expect(createBackoff({ initialMs: 100, maxMs: 1000, jitter: 1 }, () => 0).next()).toBe(100);
    expect(createBackoff({ initialMs: 100, maxMs: 1000, jitter: 1 }, () => 0.999).next()).toBeCloseTo(0.1);
  });

  it.each([
    { initialMs: 0, maxMs: 1000, jitter: 0.5 },
    { initialMs: 100, maxMs: 50, jitter: 0.5 },
    { initialMs: 100, maxMs: 1000, jitter: 1.5 },
    { initialMs: Number.NaN, maxMs: 1000, jitter: 0.5 },
  ])('refuses nonsense options %j', (options) => {
    expect(() => createBackoff(options)).toThrow(RangeError);
  });
});
