import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLatestValueCoalescer } from './latest-value-coalescer.js';

describe('createLatestValueCoalescer', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());
  const clock = () => Date.now();

  it('sends the first value at once and only the newest of a burst after the interval', () => {
    const deliver = vi.fn();
    const coalescer = createLatestValueCoalescer<number>(100, deliver, clock);
    for (let seq = 1; seq <= 50; seq++) coalescer.push(seq);
    expect(deliver.mock.calls).toEqual([[1]]);
    vi.advanceTimersByTime(99);
    expect(deliver.mock.calls).toEqual([[1]]);
    vi.advanceTimersByTime(1);
    expect(deliver.mock.calls).toEqual([[1], [50]]);
  });

  it('sends at once again after a quiet interval', () => {
    const deliver = vi.fn();
    const coalescer = createLatestValueCoalescer<number>(100, deliver, clock);
    coalescer.push(1);
    vi.advanceTimersByTime(150);
    coalescer.push(2);
    expect(deliver.mock.calls).toEqual([[1], [2]]);
  });

  it('forgets the pending value on cancel and leaves no timer', () => {
    const deliver = vi.fn();
    const coalescer = createLatestValueCoalescer<number>(100, deliver, clock);
    coalescer.push(1);
    coalescer.push(2);
    coalescer.cancel();
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(1000);
    expect(deliver.mock.calls).toEqual([[1]]);
  });
});
