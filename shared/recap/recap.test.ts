import { describe, expect, it } from 'vitest';
import type { MetricValues, ProductStats, SessionUser } from '../metrics/index.js';
import { adviseNextTime, describeAdvice } from './advice.js';
import { funnelOf, trafficOf } from './funnel.js';
import { layerOf, layerSizes, sessionLayers, withSession, type UserHistory } from './layers.js';
import { findPeaks, type PeakInput } from './peaks.js';
import { QuestionTally } from './questions.js';
import { pointImpacts } from './talking-points.js';

const MINUTE = 60_000;
const user = (userId: string, did: Partial<SessionUser> = {}): SessionUser => ({
  userId,
  source: null,
  entered: true,
  engaged: false,
  paid: false,
  paidFen: 0,
  groupMember: false,
  ...did,
});

describe('the funnel and traffic sources', () => {
  it('has five steps with the rate of each against the one before', () => {
    const totals = { impressions: 1000, uv: 200, exposureUsers: 100, clickUsers: 40, buyers: 0 } as MetricValues;
    expect(funnelOf(totals)).toEqual([
      { step: 'impressions', count: 1000, rate: null },
      { step: 'uv', count: 200, rate: 0.2 },
      { step: 'exposureUsers', count: 100, rate: 0.5 },
      { step: 'clickUsers', count: 40, rate: 0.4 },
      { step: 'buyers', count: 0, rate: 0 },
    ]);
    expect(funnelOf({ ...totals, impressions: 0 })[1]!.rate).toBeNull();
  });

  it('splits UV, buyers and GMV by source, users with none last', () => {
    const shares = trafficOf([
      user('a', { source: 'search', paid: true, paidFen: 500 }),
      user('b', { source: 'search' }),
      user('c', { source: 'feed' }),
      user('d'),
      user('e', { source: 'feed', entered: false, paid: true, paidFen: 900 }),
    ]);
    expect(shares).toEqual([
      { source: 'feed', uv: 1, buyers: 0, gmv: 0, conversion: 0 },
      { source: 'search', uv: 2, buyers: 1, gmv: 500, conversion: 0.5 },
      { source: null, uv: 1, buyers: 0, gmv: 0, conversion: 0 },
    ]);
  });
});

describe('the five user layers (METRICS.md)', () => {
  it('moves one user 了解 → 兴趣 → 新客 → 老客 → 亲密 over five sessions', () => {
    const sessions: Partial<SessionUser>[] = [{}, { engaged: true }, { paid: true, paidFen: 100 }, { paid: true, paidFen: 100 }, { paid: true, paidFen: 100 }];
    let history: UserHistory | undefined;
    const seen: string[] = [];
    const moves: string[] = [];
    for (const did of sessions) {
      const layers = sessionLayers([user('u', did)], () => history);
      moves.push(...layers.moves.map((m) => `${m.from}>${m.to}`));
      history = withSession(history, user('u', did));
      seen.push(layerOf(history));
    }
    expect(seen).toEqual(['aware', 'interested', 'newCustomer', 'returning', 'intimate']);
    expect(moves).toEqual(['firstVisit>aware', 'aware>interested', 'interested>newCustomer', 'newCustomer>returning', 'returning>intimate']);
  });

  it('counts a group member as 亲密 whatever they paid, and splits UV and GMV by the layer at entry', () => {
    expect(layerOf({ paidSessions: 0, engaged: false, groupMember: true })).toBe('intimate');
    const before = new Map<string, UserHistory>([['old', { paidSessions: 2, engaged: true, groupMember: false }]]);
    const layers = sessionLayers([user('old', { paid: true, paidFen: 700 }), user('new', { paid: true, paidFen: 300 })], (id) => before.get(id));
    expect(layers.atEntry.find((s) => s.layer === 'returning')).toEqual({ layer: 'returning', uv: 1, buyers: 1, gmv: 700 });
    expect(layers.atEntry.find((s) => s.layer === 'firstVisit')).toEqual({ layer: 'firstVisit', uv: 1, buyers: 1, gmv: 300 });
    expect(layers.moves).toEqual([
      { from: 'returning', to: 'intimate', users: 1 },
      { from: 'firstVisit', to: 'newCustomer', users: 1 },
    ]);
    expect(layerSizes(before.values())).toEqual({ aware: 0, interested: 0, newCustomer: 0, returning: 1, intimate: 0 });
  });
});

const minutesOf = (online: number[], orders: number[] = online.map(() => 0)) =>
  online.map((onlineViewers, i) => ({ minute: i, onlineViewers, paidOrders: orders[i]!, gmv: orders[i]! * 100 }));

const noContext: Omit<PeakInput, 'minutes'> = { cards: [], titles: new Map(), segments: [], pointsUsed: [], questions: [], coupons: [], moments: [] };

describe('peaks and drops', () => {
  it('lists the biggest rises and falls with what happened in the two minutes before', () => {
    const peaks = findPeaks({
      ...noContext,
      minutes: minutesOf([100, 100, 100, 100, 400, 380, 380, 380, 150, 150]),
      cards: [{ productId: 'p1', from: 3 * MINUTE + 10_000 }],
      titles: new Map([['p1', '面霜']]),
      segments: [{ title: '福利', startedAt: 2 * MINUTE }],
      pointsUsed: [{ at: 7 * MINUTE + 5_000, line: '限时赠小样', text: null }],
      moments: [{ at: 9 * MINUTE, note: '掉线' }],
    });
    const rise = peaks.find((p) => p.metric === 'onlineViewers' && p.direction === 'rise')!;
    expect(rise).toMatchObject({ minute: 4, from: 100, to: 400, change: 300 });
    expect(rise.happened).toEqual([
      { kind: 'segmentStarted', at: 2 * MINUTE, title: '福利' },
      { kind: 'cardShown', at: 3 * MINUTE + 10_000, productId: 'p1', title: '面霜' },
    ]);
    const falls = peaks.filter((p) => p.metric === 'onlineViewers' && p.direction === 'fall');
    expect(falls.map((p) => [p.minute, p.change])).toEqual([
      [8, -230],
      [5, -20],
    ]);
    expect(falls[0]!.happened).toEqual([{ kind: 'pointUsed', at: 7 * MINUTE + 5_000, line: '限时赠小样', text: null }]);
  });

  it('calls a burst of questions and a surge of coupon claims only against the session’s typical minute', () => {
    const peaks = findPeaks({
      ...noContext,
      minutes: minutesOf([10, 10, 10, 10, 10, 10], [0, 0, 0, 0, 0, 9]),
      questions: [0, 1, 2, 3, 4, 5].map((minute) => ({ minute, byIntent: minute === 4 ? { spec: 12, price: 3 } : { price: 2 } })),
      coupons: [0, 1, 2, 3, 4, 5].map((minute) => ({ minute, couponClaims: minute === 5 ? 20 : 1 })),
    });
    const orders = peaks.find((p) => p.metric === 'paidOrders' && p.direction === 'rise')!;
    expect(orders.happened).toEqual([
      { kind: 'questionBurst', minute: 4, questions: 15, topIntent: 'spec' },
      { kind: 'couponSurge', minute: 5, claims: 20 },
    ]);
  });
});

describe('talking points: the 3 minutes after against the 3 before', () => {
  it('sums orders, GMV and clicks, and averages online, by whole minutes', () => {
    const minutes = minutesOf([10, 10, 10, 20, 30, 40], [0, 1, 0, 2, 2, 2]);
    const activity = minutes.map((m) => ({ minute: m.minute, comments: 0, clicks: m.minute, cartAdds: 0, couponClaims: 0 }));
    const [impact] = pointImpacts([{ suggestionId: 's', kind: 'point', line: '买一送一', text: null, at: 3 * MINUTE + 20_000 }], minutes, activity);
    expect(impact!.before).toEqual({ paidOrders: 1, gmv: 100, clicks: 3, online: 10 });
    expect(impact!.after).toEqual({ paidOrders: 6, gmv: 600, clicks: 12, online: 30 });
  });
});

describe('the question tally', () => {
  it('clusters the same question by intent, product and wording, counts askers once and answers once', () => {
    const tally = new QuestionTally();
    const ask = (id: string, userId: string, text: string, intent: 'spec' | 'price' = 'spec') => tally.add({ id, ts: Number(id.slice(1)) * 1000, userId, text, intent, productId: 'p1' });
    ask('c1', 'u1', '多大码？');
    ask('c2', 'u2', '多大码??');
    ask('c3', 'u1', '多大码？');
    ask('c4', 'u3', '多少钱', 'price');
    ask('c4', 'u3', '多少钱', 'price');
    tally.answered(['c1', 'c2', 'c1', 'not-a-question'], { line: '尺码按平时穿的选' });
    const restored = QuestionTally.fromJSON(JSON.parse(JSON.stringify(tally.toJSON())));
    restored.unanswered('c2');
    const [spec, price] = restored.list();
    expect(restored.questions).toBe(4);
    expect(spec).toMatchObject({ intent: 'spec', text: '多大码？', asked: 3, askers: 2, answered: 1, answeredBy: '尺码按平时穿的选' });
    expect(price).toMatchObject({ intent: 'price', asked: 1, answered: 0, answeredBy: null });
    expect(restored.perMinute()).toEqual([{ minute: 0, byIntent: { spec: 3, price: 1 } }]);
  });
});

describe('suggestions for next time', () => {
  const product = (productId: string, figures: Partial<ProductStats>): ProductStats =>
    ({ productId, title: productId, price: 100, exposures: 0, exposureUsers: 0, clicks: 0, clickUsers: 0, cartAdds: 0, orders: 0, paidOrders: 0, buyers: 0, gmv: 0, refunds: 0, timeOnAirMs: 0, onAirClicks: 0, onAirCartAdds: 0, onAirPaidOrders: 0, onAirGmv: 0, ...figures }) as ProductStats;

  it('names a product that converts far below the session, with its top objection, and offers a plan task', () => {
    const advice = adviseNextTime({
      totals: { clickBuyRate: 0.04, gmv: 60_000 } as MetricValues,
      durationMs: 60 * MINUTE,
      products: [product('连衣裙', { clickUsers: 100, buyers: 2 }), product('面霜', { clickUsers: 100, buyers: 5 })],
      questions: [{ intent: 'spec', productId: '连衣裙', text: '多大码', asked: 38, askers: 30, answered: 0, answeredBy: null, firstAt: 0, lastAt: 0 }],
      segments: [{ kind: 'hero', title: '主推', ranMs: 10 * MINUTE, gmv: 30_000 }],
      hasNextPlan: true,
    });
    const weak = advice.find((a) => a.rule === 'weakConversion')!;
    expect(weak).toMatchObject({ productId: '连衣裙', clickBuy: 0.02, objection: { intent: 'spec', asked: 38, answered: false }, action: { kind: 'addChecklistItem' } });
    expect(describeAdvice(weak, 'en')).toBe('"连衣裙" click → buy 2.0% vs 4.0% for the session; top objection: spec (规格), 38 questions; no buying point answers it');
    expect(advice.some((a) => a.rule === 'weakConversion' && a.productId === '面霜')).toBe(false);
    expect(advice.find((a) => a.rule === 'unanswered')).toMatchObject({ asked: 38, answered: 0 });
    expect(advice.find((a) => a.rule === 'strongSegment')).toMatchObject({ segmentTitle: '主推', action: { kind: 'lengthenSegment', bySec: 120 } });
  });

  it('offers no plan change when there is no next plan, and says nothing of a product with too few clicks', () => {
    const advice = adviseNextTime({
      totals: { clickBuyRate: 0.04, gmv: 0 } as MetricValues,
      durationMs: 60 * MINUTE,
      products: [product('连衣裙', { clickUsers: 10, buyers: 0, timeOnAirMs: 6 * MINUTE })],
      questions: [{ intent: 'spec', productId: '连衣裙', text: '多大码', asked: 6, askers: 6, answered: 1, answeredBy: null, firstAt: 0, lastAt: 0 }],
      segments: [],
      hasNextPlan: false,
    });
    expect(advice.map((a) => a.rule)).toEqual(['unanswered', 'idleCard']);
    expect(advice.every((a) => a.action === null)).toBe(true);
  });
});
