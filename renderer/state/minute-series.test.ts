import { describe, expect, it } from 'vitest';
import type { MinuteMetrics } from '../../shared/metrics/minutes.js';
import { CommentLog } from '../comments/comment-log.js';
import { comment, metrics, snapshot, T0 } from '../testing/fixtures.js';
import type { CoreSnapshot } from '../../shared/api/contract.js';
import { MinuteSampler } from './minute-series.js';

const MINUTE = 60_000;
const T0_MINUTE = T0 / MINUTE;
/** A session that started well before T0, so the page joins it mid-stream. */
const at = (msAfterT0: number, totals: Parameters<typeof metrics>[0]) =>
  snapshot({ now: T0 + msAfterT0, totals: metrics(totals), session: { ...snapshot().session!, startedAt: T0 - 30 * MINUTE } });

describe('MinuteSampler', () => {
  it('charts each minute’s increase of the totals, and the latest online value', () => {
    const sampler = new MinuteSampler();
    sampler.record(at(50_000, { onlineViewers: 80, pv: 100, paidOrders: 2, gmv: 10_000 }));
    sampler.record(at(MINUTE + 30_000, { onlineViewers: 95, pv: 130, paidOrders: 3, gmv: 15_000 }));
    sampler.record(at(MINUTE + 59_000, { onlineViewers: 90, pv: 160, paidOrders: 5, gmv: 30_000 }));
    const series = sampler.build(new CommentLog(), null);
    expect(series.times).toEqual([T0 / 1000, T0 / 1000 + 60]);
    expect(series.values.online).toEqual([80, 90]);
    // The first minute was not seen from its start: its increase is unknown, not a guess.
    expect(series.values.entries).toEqual([null, 60]);
    expect(series.values.orders).toEqual([null, 3]);
    expect(series.values.gmv).toEqual([null, 20_000]);
  });

  it('counts the session’s first minute from zero', () => {
    const sampler = new MinuteSampler();
    const fromStart = (ms: number, pv: number) => snapshot({ now: T0 + ms, totals: metrics({ pv }), session: { ...snapshot().session!, startedAt: T0 + 20_000 } });
    sampler.record(fromStart(30_000, 12));
    sampler.record(fromStart(59_000, 40));
    expect(sampler.build(new CommentLog(), null).values.entries).toEqual([40]);
  });

  it('leaves a minute unknown when the one before it was never observed', () => {
    const sampler = new MinuteSampler();
    sampler.record(at(0, { pv: 10 }));
    sampler.record(at(3 * MINUTE, { pv: 70 }));
    expect(sampler.build(new CommentLog(), null).values.entries).toEqual([null, null, null, null]);
  });

  it('counts comments per minute from the comments held', () => {
    const sampler = new MinuteSampler();
    sampler.record(at(0, {}));
    sampler.record(at(MINUTE, {}));
    const log = new CommentLog();
    log.merge([comment(1, { ts: T0 + 1_000 }), comment(2, { ts: T0 + MINUTE + 1 }), comment(3, { ts: T0 + MINUTE + 2 })]);
    expect(sampler.build(log, null).values.comments).toEqual([1, 2]);
  });

  it('uses the host’s per-minute series when the snapshot carries one', () => {
    const sampler = new MinuteSampler();
    const minutes: MinuteMetrics[] = [
      { minute: T0_MINUTE, values: metrics({ onlineViewers: 50, entriesPerMinute: 12, paidOrders: 1, gmv: 9_900 }) },
      { minute: T0_MINUTE + 1, values: metrics({ onlineViewers: 70, entriesPerMinute: 30, paidOrders: 4, gmv: 39_600 }) },
    ];
    const withMinutes: CoreSnapshot = { ...at(MINUTE + 5_000, { pv: 42 }), minutes };
    sampler.record(withMinutes);
    const series = sampler.build(new CommentLog(), withMinutes);
    expect(series.values.entries).toEqual([12, 30]);
    expect(series.values.gmv).toEqual([9_900, 39_600]);
  });

  it('starts over when reset (a new session)', () => {
    const sampler = new MinuteSampler();
    sampler.record(at(0, { onlineViewers: 1 }));
    sampler.reset();
    expect(sampler.build(new CommentLog(), null).times).toEqual([]);
  });
});
