import { describe, expect, it } from 'vitest';
import { MetricsEngine } from './engine.js';
import { EventFactory } from './testing/events.js';

const MINUTE = 60_000;

/** A small session: A from search buys twice, B from a note only clicks, C, a group member, just watches; D, source unknown, adds to cart. */
function session(): MetricsEngine {
  const e = new EventFactory();
  const engine = new MetricsEngine({ startedAt: 0 });
  engine.apply({ ...e.enter(1_000, 'A'), source: 'search' });
  engine.apply({ ...e.enter(2_000, 'A'), source: 'feed' });
  engine.apply({ ...e.enter(3_000, 'B'), source: 'note' });
  engine.apply({ ...e.enter(4_000, 'C'), source: 'group', user: { id: 'C', name: 'c', groupMember: true } });
  engine.apply({ ...e.enter(5_000, 'D'), source: undefined });
  engine.apply(e.cardShown(10_000, 'p1'));
  engine.apply(e.comment(20_000, 'B'));
  engine.apply(e.click(30_000, 'p1', 'B'));
  engine.apply(e.orderPaid(40_000, { orderId: 'o1', productId: 'p1', userId: 'A', amount: 9_900 }));
  engine.apply(e.cardShown(MINUTE + 5_000, 'p2'));
  engine.apply(e.cartAdd(MINUTE + 6_000, 'p2', 'D'));
  engine.apply(e.couponClaimed(MINUTE + 7_000, 'D'));
  engine.apply(e.orderPaid(MINUTE + 8_000, { orderId: 'o2', productId: 'p2', userId: 'A', amount: 100 }));
  engine.apply(e.cardHidden(MINUTE + 20_000, 'p2'));
  return engine;
}

describe('what the metrics engine keeps for the recap', () => {
  it('knows each user: first source, what they did, what they paid, group membership', () => {
    const users = new Map(session().sessionUsers().map((u) => [u.userId, u]));
    expect(users.get('A')).toMatchObject({ source: 'search', entered: true, engaged: false, paid: true, paidFen: 10_000, groupMember: false });
    expect(users.get('B')).toMatchObject({ source: 'note', engaged: true, paid: false, paidFen: 0 });
    expect(users.get('C')).toMatchObject({ source: 'group', engaged: false, groupMember: true });
    expect(users.get('D')).toMatchObject({ source: null, engaged: true, paid: false });
  });

  it('counts comments, clicks, cart adds and coupon claims per minute, and every card stint', () => {
    const engine = session();
    expect(engine.activitySeries()).toEqual([
      { minute: 0, comments: 1, clicks: 1, cartAdds: 0, couponClaims: 0 },
      { minute: 1, comments: 0, clicks: 0, cartAdds: 1, couponClaims: 1 },
    ]);
    expect(engine.cardStints()).toEqual([
      { productId: 'p1', from: 10_000, to: MINUTE + 5_000 },
      { productId: 'p2', from: MINUTE + 5_000, to: MINUTE + 20_000 },
    ]);
  });

  it('survives a snapshot round trip unchanged, the running card included', () => {
    const engine = session();
    engine.apply(new EventFactory().cardShown(MINUTE + 30_000, 'p3'));
    const restored = MetricsEngine.fromJSON(JSON.parse(JSON.stringify(engine.toJSON())));
    expect(restored.sessionUsers()).toEqual(engine.sessionUsers());
    expect(restored.activitySeries()).toEqual(engine.activitySeries());
    expect(restored.cardStints()).toEqual(engine.cardStints());
    expect(restored.cardStints().at(-1)).toEqual({ productId: 'p3', from: MINUTE + 30_000, to: null });
  });
});
