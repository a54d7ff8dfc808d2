/**
 * Rolling windows worked out by hand. At a time in second S, the W-second
 * window covers seconds S−W+1 … S; the previous window is that window's value
 * at the end of second S−W. Times are seconds after T0.
 */
import { describe, expect, it } from 'vitest';
import { MetricsEngine } from './engine.js';
import { EventFactory, applyAll } from './testing/events.js';

const T0 = Date.UTC(2025, 0, 1, 12, 0, 0);
const s = (seconds: number) => T0 + seconds * 1000;

/** A enters at 10, B at 20; C (never entered) comments at 30 and 65; A comments at 70; B pays 5,000 at 100. */
function scenario(): { engine: MetricsEngine; events: EventFactory } {
  const events = new EventFactory();
  const engine = new MetricsEngine({ startedAt: T0 });
  applyAll(engine, [
    events.enter(s(10), 'A'),
    events.enter(s(20), 'B'),
    events.comment(s(30), 'C'),
    events.comment(s(65), 'C'),
    events.comment(s(70), 'A'),
    events.orderPaid(s(100), { orderId: 'o1', productId: 'p1', userId: 'B', amount: 5_000 }),
  ]);
  return { engine, events };
}

describe('rolling windows', () => {
  it('covers the last minute, and the minute before as it stood then', () => {
    const { engine } = scenario();
    engine.advanceTo(s(100.5));
    const { current, previous } = engine.window(1);
    // Seconds 41…100, i.e. 41 s to 100.5 s.
    expect(current).toEqual({
      onlineViewers: 2,
      peakOnline: 2,
      uv: 0, // both entries were before 41 s
      impressions: 0,
      impressionViewRate: null,
      pv: 0,
      entriesPerMinute: 0,
      avgWatchSeconds: 59.5, // A and B present all 59.5 s: 119 s ÷ 2
      interactingUsers: 2, // C (at 65; the comment at 30 moved to 65) and A (70)
      interactionRate: null, // no UV inside the window
      newFollowers: 0,
      groupJoins: 0,
      exposureUsers: 0,
      clickUsers: 0,
      exposureClickRate: null,
      buyers: 1,
      paidOrders: 1,
      gmv: 5_000,
      refunds: 0,
      netGmv: 5_000,
      clickBuyRate: null,
      viewerConversion: null,
      gpm: null,
      uvValue: null,
      aov: 5_000,
    });
    // Seconds −19…40 at the end of second 40: from the start to 41 s.
    expect(previous).toMatchObject({
      pv: 2,
      uv: 2,
      entriesPerMinute: 2,
      interactingUsers: 1, // C's comment at 30, as it was then
      interactionRate: 0.5,
      avgWatchSeconds: 26, // A 10→41 = 31 s, B 20→41 = 21 s: 52 s ÷ 2
      onlineViewers: 2,
      peakOnline: 2,
      buyers: 0,
      gmv: 0,
      gpm: 0, // PV but no GMV: a real 0
      aov: null,
    });
  });

  it('has an empty previous window before the session has run that long', () => {
    const { engine } = scenario();
    engine.advanceTo(s(100.5));
    const { current, previous } = engine.window(5);
    // Seconds −199…100: everything so far.
    expect(current).toMatchObject({
      pv: 2,
      uv: 2,
      entriesPerMinute: 0.4, // 2 entries ÷ 5 minutes
      interactingUsers: 2,
      interactionRate: 1,
      avgWatchSeconds: 85.5, // A 90.5 s + B 80.5 s, ÷ 2
      buyers: 1,
      gmv: 5_000,
      viewerConversion: 0.5,
    });
    expect(previous).toMatchObject({ pv: 0, uv: 0, gmv: 0, onlineViewers: 0, peakOnline: 0, avgWatchSeconds: null, aov: null, entriesPerMinute: 0 });
  });

  it('counts users who left inside the window as present in it, and drops what slid out', () => {
    const { engine, events } = scenario();
    applyAll(engine, [events.leave(s(130), 'A')]);
    engine.advanceTo(s(160));
    let window = engine.window(1);
    // Seconds 101…160.
    expect(window.current).toMatchObject({
      avgWatchSeconds: 44, // A 101→130 = 29 s, B 101→160 = 59 s: 88 s ÷ 2 (A left inside the window)
      interactingUsers: 0, // C's and A's comments slid out
      buyers: 0,
      gmv: 0,
      onlineViewers: 1,
      peakOnline: 2, // 2 when the window began
    });
    // Seconds 41…100 at the end of second 100.
    expect(window.previous).toMatchObject({ avgWatchSeconds: 60, interactingUsers: 2, buyers: 1, gmv: 5_000, onlineViewers: 2, peakOnline: 2 });

    engine.advanceTo(s(200));
    window = engine.window(1);
    // Seconds 141…200: A left before it began.
    expect(window.current).toMatchObject({ avgWatchSeconds: 59, onlineViewers: 1, peakOnline: 1 });
    // Seconds 81…140 at the end of second 140: A 81→130 = 49 s, B 81→141 = 60 s.
    expect(window.previous).toMatchObject({ avgWatchSeconds: 54.5, buyers: 1, gmv: 5_000, interactingUsers: 0, onlineViewers: 1, peakOnline: 2 });
  });

  it('stays exact across a silence longer than its history, and counts again afterwards', () => {
    const { engine, events } = scenario();
    applyAll(engine, [events.leave(s(130), 'A')]);
    engine.advanceTo(s(7_400.5)); // two hours later, B still present
    expect(engine.window(1).current).toMatchObject({ avgWatchSeconds: 59.5, pv: 0, buyers: 0, interactingUsers: 0, onlineViewers: 1, peakOnline: 1 });
    expect(engine.window(1).previous).toMatchObject({ avgWatchSeconds: 60, pv: 0, onlineViewers: 1, peakOnline: 1 });
    expect(engine.window(5).current.avgWatchSeconds).toBe(299.5);
    expect(engine.window(5).previous.avgWatchSeconds).toBe(300);

    applyAll(engine, [events.comment(s(7_401), 'B'), events.comment(s(7_402), 'B'), events.enter(s(7_403), 'A')]);
    expect(engine.window(1).current).toMatchObject({ interactingUsers: 1, pv: 1, uv: 1, onlineViewers: 2, peakOnline: 2 });
    expect(engine.totals()).toMatchObject({ interactingUsers: 3, pv: 3, uv: 2 }); // C and A before the silence, B after
  });

  it('counts a user once per window however often they act, and again in the next window', () => {
    const events = new EventFactory();
    const engine = new MetricsEngine({ startedAt: T0 });
    for (let second = 0; second < 60; second += 5) engine.apply(events.comment(s(second), 'A'));
    expect(engine.window(1).current.interactingUsers).toBe(1);
    applyAll(engine, [events.comment(s(61), 'B'), events.comment(s(125), 'A')]);
    // Seconds 66…125: A at 125 only (B's comment at 61 slid out).
    expect(engine.window(1).current.interactingUsers).toBe(1);
    // Seconds 6…65 at the end of second 65: A (up to 55) and B (61).
    expect(engine.window(1).previous.interactingUsers).toBe(2);
  });
});
