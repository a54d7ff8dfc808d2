/**
 * Goals against the stream so far. A goal that adds up over the stream (GMV,
 * UV, followers, group joins) has a pace: the share of the goal the plan needs
 * by this minute, taken as even over the planned length — the simplest pace a
 * team can check by hand. Rates and peak online are compared as they stand.
 */
import type { MetricValues } from '../metrics/keys.js';
import { planGoalKeys, type PlanGoalKey, type PlanGoals } from './plan.js';

const cumulative: ReadonlySet<PlanGoalKey> = new Set(['gmv', 'uv', 'newFollowers', 'groupJoins']);

export interface GoalProgress {
  key: PlanGoalKey;
  goal: number;
  actual: number | null;
  /** actual / goal (may pass 1). */
  fraction: number | null;
  /** Where the plan needs to be by now; null for goals with no pace (rates, peak online). */
  pace: number | null;
  /** On or above the pace (or the goal, for goals without one); null while nothing is measured. */
  onTrack: boolean | null;
}

export function goalProgress(goals: PlanGoals, totals: MetricValues, elapsedSec: number, planSec: number): GoalProgress[] {
  const share = planSec > 0 ? Math.min(1, Math.max(0, elapsedSec / planSec)) : 1;
  return planGoalKeys.flatMap((key) => {
    const goal = goals[key];
    if (goal === undefined) return [];
    const actual = totals[key];
    const pace = cumulative.has(key) ? goal * share : null;
    const target = pace ?? goal;
    return [{ key, goal, actual, fraction: actual === null || goal === 0 ? null : actual / goal, pace, onTrack: actual === null ? null : actual >= target }];
  });
}
