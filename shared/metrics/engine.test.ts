/**
 * Every METRICS.md figure over one small session worked out by hand, the
 * zero-denominator rule, the extra counters and the keys.
 */
import { describe, expect, it } from 'vitest';
import type { LiveEvent } from '../protocol/index.js';
import { MetricsEngine } from './engine.js';
import { metricKeys, metricLabels } from './keys.js';
import { EventFactory, applyAll } from './testing/events.js';

const T0 = Date.UTC(2025, 0, 1, 12, 0, 0);
const s = (seconds: number) => T0 + seconds * 1000;

/**
 * Three viewers A, B, C; two products. Times in seconds after the start.
 * A: enters at 10 (and again at 35, while present), comments, shares, clicks p1, pays o1.
 * B: enters at 20, likes with their id, joins the fan group, clicks p2, pays o2.
 * C: enters at 30, follows, is exposed to p1, leaves at 110 (and "leaves" again at 115).
 */
function handScenario(): { engine: MetricsEngine; events: EventFactory } {
  const events = new EventFactory();
  const engine = new MetricsEngine({ startedAt: T0 });
  engine.setProducts([
    { id: 'p1', title: '保湿面霜', price: 9_900 },
    { id: 'p2', title: '防晒喷雾', price: 5_000 },
  ]);
  applyAll(engine, [
    events.impression(s(0), 1_000),
    events.enter(s(10), 'A'),
    events.enter(s(20), 'B'),
    events.enter(s(30), 'C'),
    events.enter(s(35), 'A'), // present already: a view (PV), not a new presence
    events.comment(s(40), 'A'),
    events.like(s(45), { userId: 'B', count: 5 }),
    events.like(s(46), { count: 10 }), // no user: likes, but nobody interacting
    events.like(s(47), { count: 3, total: 100 }), // the platform's total wins
    events.follow(s(50), 'C'),
    events.share(s(55), 'A'),
    events.groupJoin(s(58), 'B'),
    events.impression(s(60), 500),
    events.exposure(s(70), 'p1', { userId: 'A' }),
    events.exposure(s(71), 'p1', { count: 20 }), // count-only: exposures, no user
    events.exposure(s(72), 'p2', { userId: 'B' }),
    events.exposure(s(73), 'p1', { userId: 'C' }),
    events.click(s(80), 'p1', 'A'),
    events.click(s(81), 'p2', 'B'),
    events.orderCreated(s(90), { orderId: 'o1', productId: 'p1', userId: 'A', amount: 9_900 }),
    events.orderPaid(s(95), { orderId: 'o1', productId: 'p1', userId: 'A', amount: 9_900 }),
    events.orderPaid(s(100), { orderId: 'o2', productId: 'p2', userId: 'B', amount: 5_000 }),
    events.leave(s(110), 'C'),
    events.leave(s(115), 'C'), // absent already: nothing
    events.leave(s(120), 'D'), // never entered: nothing
    events.refund(s(130), 'o1', 3_000), // part of o1
    events.refund(s(140), 'o9-from-yesterday', 2_000), // not paid in this session: nothing
    events.refund(s(150), 'o2', 6_000), // more than o2's 5,000: capped at 5,000
    events.refund(s(160), 'o2', 100), // o2 fully refunded already: nothing
  ]);
  engine.advanceTo(s(190));
  return { engine, events };
}

describe('MetricsEngine totals', () => {
  it('computes every METRICS.md figure of the hand-worked session', () => {
    const { engine } = handScenario();
    expect(engine.totals()).toEqual({
      onlineViewers: 2, // no platform count yet: A and B are present
      peakOnline: 3, // A, B and C between 30 s and 110 s
      uv: 3, // A, B, C
      impressions: 1_500, // 1,000 + 500
      impressionViewRate: 4 / 1_500, // PV ÷ impressions
      pv: 4, // four viewer.enter, A's second one included
      entriesPerMinute: 1.26, // 4 entries over 190 s = 3.1667 min → 1.263
      avgWatchSeconds: 143.33, // A 10→190 = 180 s, B 20→190 = 170 s, C 30→110 = 80 s: 430 s ÷ 3
      interactingUsers: 3, // A comment+share, B like with id + group join, C follow
      interactionRate: 1, // 3 ÷ 3
      newFollowers: 1, // C
      groupJoins: 1, // B
      exposureUsers: 3, // A, B, C (the count-only exposure adds no user)
      clickUsers: 2, // A, B
      exposureClickRate: 2 / 3,
      buyers: 2, // A, B
      paidOrders: 2,
      gmv: 14_900, // 9,900 + 5,000
      refunds: 8_000, // 3,000 of o1 + 5,000 (capped) of o2; the other session's order counts nothing
      netGmv: 6_900, // 14,900 − 8,000
      clickBuyRate: 1, // 2 buyers ÷ 2 click users
      viewerConversion: 2 / 3, // 2 buyers ÷ 3 UV
      gpm: 3_725_000, // 14,900 ÷ 4 PV × 1000
      uvValue: 4_966.67, // 14,900 ÷ 3
      aov: 7_450, // 14,900 ÷ 2 buyers
    });
  });

  it('keeps the extra counters, with the platform like total winning over summed counts', () => {
    const { engine, events } = handScenario();
    expect(engine.counters()).toEqual({
      likes: 100, // 5 + 10, then the platform's total of 100
      comments: 1,
      shares: 1,
      cartAdds: 0,
      ordersCreated: 1,
      couponClaims: 0,
      productExposures: 23, // 1 + 20 + 1 + 1
    });
    applyAll(engine, [events.like(s(200), { count: 4 }), events.cartAdd(s(201), 'p1', 'A'), events.couponClaimed(s(202), 'B')]);
    expect(engine.counters()).toMatchObject({ likes: 104, cartAdds: 1, couponClaims: 1 });
  });

  it('gives null, never 0 or NaN, for a rate whose denominator is 0', () => {
    const events = new EventFactory();
    const engine = new MetricsEngine({ startedAt: T0 });
    const empty = engine.totals();
    for (const key of ['impressionViewRate', 'entriesPerMinute', 'avgWatchSeconds', 'interactionRate', 'exposureClickRate', 'clickBuyRate', 'viewerConversion', 'gpm', 'uvValue', 'aov'] as const) {
      expect(empty[key], key).toBeNull();
    }
    expect(empty).toMatchObject({ uv: 0, pv: 0, gmv: 0, netGmv: 0, onlineViewers: 0, peakOnline: 0 });

    // A buyer nobody saw enter or click (an order webhook without the chat feed).
    applyAll(engine, [events.orderPaid(s(60), { orderId: 'o1', productId: 'p1', userId: 'X', amount: 1_000 })]);
    expect(engine.totals()).toMatchObject({
      buyers: 1,
      gmv: 1_000,
      aov: 1_000,
      entriesPerMinute: 0, // a minute has passed: 0 entries per minute is a real 0
      viewerConversion: null, // no UV
      clickBuyRate: null, // no click users
      uvValue: null,
      gpm: null, // no PV
      impressionViewRate: null,
    });
    for (const value of Object.values(engine.totals())) expect(Number.isNaN(value)).toBe(false);
  });

  it('ignores types it does not count, and types it does not know, without throwing', () => {
    const { engine, events } = handScenario();
    const before = engine.totals();
    applyAll(engine, [events.retract(s(190), ['comment-6']), events.streamStatus(s(190), 'paused')]);
    const unknown = { seq: 999, ts: s(190), type: 'gift.sent', user: { id: 'A', name: 'A' }, value: 100 } as unknown as LiveEvent;
    expect(() => engine.apply(unknown)).not.toThrow();
    expect(engine.totals()).toEqual(before);
  });

  it('starts the clock at the first event when no start time is given', () => {
    const events = new EventFactory();
    const engine = new MetricsEngine();
    expect(engine.minuteSeries()).toEqual([]);
    expect(engine.totals().entriesPerMinute).toBeNull();
    applyAll(engine, [events.enter(s(30), 'A'), events.enter(s(60), 'B')]);
    expect(engine.now()).toBe(s(60));
    // 2 entries in the 30 s since the first event.
    expect(engine.totals()).toMatchObject({ pv: 2, entriesPerMinute: 4, avgWatchSeconds: 15 });
    expect(engine.minuteSeries().map((m) => m.minute)).toEqual([T0 / 60_000, T0 / 60_000 + 1]);
  });
});

describe('metric keys', () => {
  it('lists the METRICS.md keys in table order, each with both labels', () => {
    expect(metricKeys).toEqual([
      'onlineViewers', 'peakOnline', 'uv', 'impressions', 'impressionViewRate', 'pv', 'entriesPerMinute',
      'avgWatchSeconds', 'interactingUsers', 'interactionRate', 'newFollowers', 'groupJoins', 'exposureUsers',
      'clickUsers', 'exposureClickRate', 'buyers', 'paidOrders', 'gmv', 'refunds', 'netGmv', 'clickBuyRate',
      'viewerConversion', 'gpm', 'uvValue', 'aov',
    ]);
    expect(Object.keys(metricLabels)).toEqual([...metricKeys]);
    expect(metricLabels.gpm).toEqual({ zh: '千次观看成交金额', en: 'GPM' });
    expect(metricLabels.avgWatchSeconds.zh).toBe('人均观看时长');
  });

  it('answers every key in totals, windows and minutes', () => {
    const { engine } = handScenario();
    const periods = [engine.totals(), engine.window(1).current, engine.window(5).previous, ...engine.minuteSeries().map((m) => m.values)];
    for (const values of periods) expect(Object.keys(values)).toEqual([...metricKeys]);
  });
});
