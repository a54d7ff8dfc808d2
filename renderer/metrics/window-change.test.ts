import { describe, expect, it } from 'vitest';
import { windowChange } from './window-change.js';

describe('windowChange', () => {
  it('compares counts and money relative to the previous window', () => {
    expect(windowChange('count', 120, 100)).toEqual({ direction: 'up', magnitude: 20, unit: 'percent' });
    expect(windowChange('money', 50, 100)).toEqual({ direction: 'down', magnitude: 50, unit: 'percent' });
  });

  it('compares rates in percentage points', () => {
    const change = windowChange('rate', 0.039, 0.031)!;
    expect(change.direction).toBe('up');
    expect(change.unit).toBe('points');
    expect(change.magnitude).toBeCloseTo(0.8);
  });

  it('has no change from nothing or from an undefined figure', () => {
    expect(windowChange('count', 10, 0)).toBeNull();
    expect(windowChange('rate', null, 0.1)).toBeNull();
  });

  it('calls a change that rounds to 0.0 flat', () => {
    expect(windowChange('count', 100_001, 100_000)!.direction).toBe('flat');
  });
});
