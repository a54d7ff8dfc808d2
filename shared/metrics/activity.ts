/**
 * Counts per minute that are not METRICS.md figures but that the recap's
 * charts and its "what happened" need: comments, product clicks, cart adds
 * and coupon claims (the per-minute metrics count distinct users; these
 * count acts). Bounded by minutes, never by events.
 */

export const activityKinds = ['comments', 'clicks', 'cartAdds', 'couponClaims'] as const;
export type ActivityKind = (typeof activityKinds)[number];

export type MinuteActivity = { minute: number } & Record<ActivityKind, number>;

/** Activity in EngineState: [epoch minute, …counts in activityKinds order]. */
export type ActivityState = number[][];

/** Index of each kind in a minute's counts. */
export const ACTIVITY = { comments: 0, clicks: 1, cartAdds: 2, couponClaims: 3 } as const satisfies Record<ActivityKind, number>;

export class ActivitySeries {
  private readonly byMinute = new Map<number, number[]>();
  // The running minute's counts, so the hot path does no lookup until the minute changes.
  private currentMinute = Number.NaN;
  private current: number[] = [];

  count(kind: (typeof ACTIVITY)[ActivityKind], atMs: number): void {
    const minute = Math.floor(atMs / 60_000);
    if (minute !== this.currentMinute) {
      let counts = this.byMinute.get(minute);
      if (counts === undefined) {
        counts = [0, 0, 0, 0];
        this.byMinute.set(minute, counts);
      }
      this.currentMinute = minute;
      this.current = counts;
    }
    this.current[kind]! += 1;
  }

  /** Minutes with any activity, oldest first. */
  series(): MinuteActivity[] {
    return [...this.byMinute]
      .sort(([a], [b]) => a - b)
      .map(([minute, counts]) => {
        const row = { minute } as MinuteActivity;
        activityKinds.forEach((kind, index) => (row[kind] = counts[index]!));
        return row;
      });
  }

  toJSON(): ActivityState {
    return [...this.byMinute].map(([minute, counts]) => [minute, ...counts]);
  }

  static fromJSON(state: ActivityState): ActivitySeries {
    const series = new ActivitySeries();
    for (const [minute, ...counts] of state) {
      if (minute === undefined || counts.length !== activityKinds.length) throw new Error('metrics state: an activity minute has the wrong shape');
      series.byMinute.set(minute, counts);
    }
    return series;
  }
}
