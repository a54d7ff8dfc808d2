import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLatestValueCoalescer } from './latest-value-coalescer.js';

describe('createLatestValueCoalescer', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('delivers only the newest of the values pushed within the delay', () => {
    const deliver = vi.fn();
    const coalescer = createLatestValueCoalescer<number>(100, deliver);
    for (let seq = 1; seq <= 50; seq++) coalescer.push(seq);
    expect(deliver).not.toHaveBeenCalled();
    vi.advanceTimersByTime(100);
    expect(deliver.mock.calls).toEqual([[50]]);
    coalescer.push(51);
    vi.advanceTimersByTime(100);
    expect(deliver.mock.calls).toEqual([[50], [51]]);
  });

  it('forgets the pending value on cancel and leaves no timer', () => {
    const deliver = vi.fn();
    const coalescer = createLatestValueCoalescer<number>(100, deliver);
    coalescer.push(1);
    coalescer.cancel();
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(1000);
    expect(deliver).not.toHaveBeenCalled();
  });
});
