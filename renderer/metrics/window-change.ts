import type { MetricKind } from './metric-kinds.js';

export type Direction = 'up' | 'down' | 'flat';

/**
 * A window against the window before it ("last 5 minutes vs the 5 before").
 * Rates change in percentage points (3.1% → 3.9% is +0.8pp, not +25.8%);
 * everything else changes relative to the previous value.
 */
export interface WindowChange {
  direction: Direction;
  /** Percentage points for rates, percent for everything else; never negative. */
  magnitude: number;
  unit: 'points' | 'percent';
}

export function windowChange(kind: MetricKind, current: number | null, previous: number | null): WindowChange | null {
  if (current === null || previous === null) return null;
  if (kind === 'rate') return changeOf((current - previous) * 100, 'points');
  // From nothing there is no percentage: the figure is new, not "infinitely" up.
  if (previous === 0) return null;
  return changeOf(((current - previous) / previous) * 100, 'percent');
}

function changeOf(change: number, unit: WindowChange['unit']): WindowChange {
  // Shown with one decimal: what would read as 0.0 is flat, not a tiny arrow.
  const direction: Direction = Math.abs(change) < 0.05 ? 'flat' : change > 0 ? 'up' : 'down';
  return { direction, magnitude: Math.abs(change), unit };
}
