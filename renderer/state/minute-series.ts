/**
 * Per-minute series for the console's charts.
 *
 * The core sends the newest minutes' figures (`snapshot.minutes`), and they
 * win. For minutes older than those (a page open for hours), the page's own
 * samples stand in: it samples the totals on every update, keyed by the
 * minute of `snapshot.now` (event time, so a demo played fast still charts
 * per stream minute). A minute's count is the total at its last sample minus
 * the total at the previous minute's last sample (or zero, in the minute the
 * session started); a minute whose previous minute was not observed is
 * unknown (null, a gap in the chart) rather than a guess.
 * Comments per minute are counted from the comments the page holds.
 */
import type { CoreSnapshot } from '../../shared/api/contract.js';
import type { MetricValues } from '../../shared/metrics/keys.js';
import type { CommentLog } from '../comments/comment-log.js';

export const chartKeys = ['online', 'entries', 'comments', 'orders', 'gmv'] as const;
export type ChartKey = (typeof chartKeys)[number];

export interface MinuteSeries {
  /** Epoch seconds at the start of each minute (uPlot's x axis), oldest first. */
  times: number[];
  values: Record<ChartKey, (number | null)[]>;
}

/** The newest minutes charted: a full day of streaming. */
export const MAX_CHART_MINUTES = 24 * 60;
const MS_PER_MINUTE = 60_000;

type Sample = Pick<MetricValues, 'onlineViewers' | 'pv' | 'paidOrders' | 'gmv'>;

export const emptySeries = (): MinuteSeries => ({
  times: [],
  values: { online: [], entries: [], comments: [], orders: [], gmv: [] },
});

export class MinuteSampler {
  /** The last sample taken in each minute. */
  private readonly samples = new Map<number, Sample>();
  private firstMinute: number | null = null;
  private lastMinute: number | null = null;
  /** The session's first minute: nothing was counted before it. */
  private startMinute: number | null = null;

  record(snapshot: CoreSnapshot): void {
    if (snapshot.session === null) return;
    this.startMinute = Math.floor(snapshot.session.startedAt / MS_PER_MINUTE);
    const minute = Math.floor(snapshot.now / MS_PER_MINUTE);
    const { onlineViewers, pv, paidOrders, gmv } = snapshot.totals;
    this.samples.set(minute, { onlineViewers, pv, paidOrders, gmv });
    this.firstMinute = this.firstMinute === null ? minute : Math.min(this.firstMinute, minute);
    this.lastMinute = this.lastMinute === null ? minute : Math.max(this.lastMinute, minute);
    this.dropBefore(this.lastMinute - MAX_CHART_MINUTES + 1);
  }

  reset(): void {
    this.samples.clear();
    this.firstMinute = null;
    this.lastMinute = null;
    this.startMinute = null;
  }

  build(log: CommentLog, snapshot: CoreSnapshot | null): MinuteSeries {
    const reported = new Map((snapshot?.minutes ?? []).map((m) => [m.minute, m.values]));
    const known = [...reported.keys(), ...(this.firstMinute === null ? [] : [this.firstMinute, this.lastMinute!])];
    if (known.length === 0) return emptySeries();
    const last = Math.max(...known);
    const first = Math.max(Math.min(...known), last - MAX_CHART_MINUTES + 1);
    const oldestComment = log.size > 0 ? Math.floor(log.at(0)!.ts / MS_PER_MINUTE) : first;
    const commentsFrom = Math.min(oldestComment, this.firstMinute ?? oldestComment);

    const series = emptySeries();
    for (let minute = first; minute <= last; minute++) {
      const values = reported.get(minute);
      series.times.push(minute * 60);
      series.values.online.push(values ? values.onlineViewers : (this.samples.get(minute)?.onlineViewers ?? null));
      series.values.entries.push(values ? values.entriesPerMinute : this.increase(minute, 'pv'));
      series.values.orders.push(values ? values.paidOrders : this.increase(minute, 'paidOrders'));
      series.values.gmv.push(values ? values.gmv : this.increase(minute, 'gmv'));
      // Before the oldest comment held (history not loaded that far), the count is unknown, not 0.
      series.values.comments.push(minute >= commentsFrom ? log.inMinute(minute) : null);
    }
    return series;
  }

  private increase(minute: number, key: 'pv' | 'paidOrders' | 'gmv'): number | null {
    const now = this.samples.get(minute)?.[key];
    const before = minute === this.startMinute ? 0 : this.samples.get(minute - 1)?.[key];
    return now === undefined || now === null || before === undefined || before === null ? null : now - before;
  }

  private dropBefore(minute: number): void {
    if (this.firstMinute === null || this.firstMinute >= minute) return;
    for (const key of this.samples.keys()) if (key < minute) this.samples.delete(key);
    this.firstMinute = minute;
  }
}
