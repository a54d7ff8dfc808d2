/** Per-product figures: own-product counts, attribution to the card on air, time on air and refunds. */
import { describe, expect, it } from 'vitest';
import { MetricsEngine } from './engine.js';
import { EventFactory, applyAll } from './testing/events.js';

const T0 = Date.UTC(2025, 0, 1, 12, 0, 0);
const s = (seconds: number) => T0 + seconds * 1000;

describe('product figures', () => {
  it('attributes clicks, cart adds and paid orders to the card on air at their time', () => {
    const events = new EventFactory();
    const engine = new MetricsEngine({ startedAt: T0 });
    engine.setProducts([
      { id: 'p1', title: '保湿面霜', price: 9_900 },
      { id: 'p2', title: '防晒喷雾', price: 5_000 },
    ]);
    applyAll(engine, [
      events.cardShown(s(10), 'p1'),
      events.click(s(20), 'p2', 'A'), // p2's click, made while p1 is on air
      events.cartAdd(s(25), 'p1', 'A'),
      events.orderPaid(s(30), { orderId: 'o1', productId: 'p2', userId: 'A', amount: 5_000 }),
      events.cardShown(s(40), 'p2'), // replaces p1: p1 was on air 30 s
      events.cardShown(s(45), 'p2'), // on air already: changes nothing
      events.click(s(50), 'p1', 'B'),
      events.cardHidden(s(55), 'p1'), // not on air: changes nothing
      events.cardHidden(s(60), 'p2'), // p2 on air 20 s
      events.click(s(70), 'p1', 'C'), // no card on air
      events.cardShown(s(80), 'p3'), // not in the product list
    ]);
    engine.advanceTo(s(100));
    expect(engine.onAir()).toEqual({ productId: 'p3', since: s(80) });
    const [p1, p2, p3] = engine.products();
    expect(p1).toMatchObject({ productId: 'p1', title: '保湿面霜', price: 9_900, clicks: 2, clickUsers: 2, cartAdds: 1, timeOnAirMs: 30_000 });
    expect(p1).toMatchObject({ onAirClicks: 1, onAirCartAdds: 1, onAirPaidOrders: 1, onAirGmv: 5_000 });
    expect(p2).toMatchObject({ productId: 'p2', clicks: 1, paidOrders: 1, buyers: 1, gmv: 5_000, timeOnAirMs: 20_000 });
    expect(p2).toMatchObject({ onAirClicks: 1, onAirCartAdds: 0, onAirPaidOrders: 0, onAirGmv: 0 });
    expect(p3).toMatchObject({ productId: 'p3', title: null, price: null, timeOnAirMs: 20_000, clicks: 0 }); // running stint

    engine.end(s(110));
    expect(engine.onAir()).toBeNull();
    expect(engine.products()[2]!.timeOnAirMs).toBe(30_000);
    engine.advanceTo(s(200));
    expect(engine.products()[2]!.timeOnAirMs).toBe(30_000);
  });

  it('counts exposures with and without users, and distinct users per product', () => {
    const events = new EventFactory();
    const engine = new MetricsEngine({ startedAt: T0 });
    applyAll(engine, [
      events.exposure(s(1), 'p1', { userId: 'A' }),
      events.exposure(s(2), 'p1', { userId: 'A' }),
      events.exposure(s(3), 'p1', { count: 50 }),
      events.exposure(s(4), 'p1', { userId: 'B', count: 2 }),
      events.exposure(s(5), 'p2', { userId: 'A' }),
    ]);
    const [p1, p2] = engine.products();
    expect(p1).toMatchObject({ exposures: 54, exposureUsers: 2 }); // 1 + 1 + 50 + 2; A and B
    expect(p2).toMatchObject({ exposures: 1, exposureUsers: 1 });
    expect(engine.totals().exposureUsers).toBe(2); // A and B across products
  });

  it('refunds only this session\'s orders, never more than each order paid', () => {
    const events = new EventFactory();
    const engine = new MetricsEngine({ startedAt: T0 });
    applyAll(engine, [
      events.orderCreated(s(1), { orderId: 'o1', productId: 'p1', userId: 'A', amount: 9_900 }),
      events.orderPaid(s(2), { orderId: 'o1', productId: 'p1', userId: 'A', amount: 9_900 }),
      events.orderPaid(s(3), { orderId: 'o2', productId: 'p2', userId: 'B', amount: 5_000 }),
      events.orderPaid(s(4), { orderId: 'o3', productId: 'p2', userId: 'B', amount: 2_000 }),
      events.refund(s(5), 'o1', 4_000),
      events.refund(s(6), 'o1', 9_000), // only 5,900 of o1 is left
      events.refund(s(7), 'o-earlier-session', 3_000),
      events.refund(s(8), 'o2', 1_000),
    ]);
    const [p1, p2] = engine.products();
    expect(p1).toMatchObject({ orders: 1, paidOrders: 1, buyers: 1, gmv: 9_900, refunds: 9_900 });
    expect(p2).toMatchObject({ orders: 0, paidOrders: 2, buyers: 1, gmv: 7_000, refunds: 1_000 });
    expect(engine.totals()).toMatchObject({ gmv: 16_900, refunds: 10_900, netGmv: 6_000, buyers: 2, paidOrders: 3, aov: 8_450 });
  });
});
