import { describe, expect, it } from 'vitest';
import { eventTypes, liveEventSchema, type EventOf, type EventType, type LiveEvent } from '../../shared/protocol/index.js';
import { ScenarioGenerator } from './generator.js';
import { scenarios, type ScenarioName } from './scenarios/index.js';

const MINUTE = 60_000;

function generator(scenario: ScenarioName, seed: number, durationMs = 90 * MINUTE, loop = false) {
  return new ScenarioGenerator({ scenario: scenarios[scenario], seed, durationMs, loop, stamp: (offsetMs) => 1_700_000_000_000 + offsetMs });
}

function takeAll(source: ScenarioGenerator, max = Infinity, untilOffsetMs = Infinity): LiveEvent[] {
  const out: LiveEvent[] = [];
  source.take(max, untilOffsetMs, out);
  return out;
}

function ofType<T extends EventType>(events: readonly LiveEvent[], type: T): EventOf<T>[] {
  return events.filter((event): event is EventOf<T> => event.type === type);
}

describe('scenario generator', () => {
  it('produces the same events for the same seed and different events for another seed', () => {
    const first = takeAll(generator('skincare', 42), 5000);
    const again = takeAll(generator('skincare', 42), 5000);
    const other = takeAll(generator('skincare', 43), 5000);
    expect(again).toEqual(first);
    expect(other).not.toEqual(first);
    // Chunking does not change the sequence: taking in small pieces gives the same stream.
    const chunked = generator('skincare', 42);
    const pieces: LiveEvent[] = [];
    while (pieces.length < 5000) chunked.take(Math.min(37, 5000 - pieces.length), Infinity, pieces);
    expect(pieces).toEqual(first);
  });

  for (const name of ['skincare', 'apparel'] as const) {
    it(`plays a whole ${name} stream of valid events, from going live to ending`, () => {
      const events = takeAll(generator(name, 7, 30 * MINUTE));
      expect(events.length).toBeGreaterThan(30_000);
      expect(events.filter((event) => !liveEventSchema.safeParse(event).success)).toEqual([]);
      expect(events.findIndex((event, i) => event.seq !== i + 1)).toBe(-1);
      expect(events.findIndex((event, i) => i > 0 && event.ts < (events[i - 1]?.ts ?? 0))).toBe(-1);
      expect(events[0]).toMatchObject({ type: 'stream.status', status: 'live' });
      expect(events.at(-1)).toMatchObject({ type: 'stream.status', status: 'ended' });
      expect(new Set(events.map((event) => event.type))).toEqual(new Set(eventTypes));
    });
  }

  it('behaves like a real room: an audience that builds and saturates, and a funnel that narrows', () => {
    const events = takeAll(generator('skincare', 3));
    const counts = ofType(events, 'online.count');
    const peak = Math.max(...counts.map((count) => count.online));
    expect(peak).toBeGreaterThan(500);
    expect(counts[0]?.online).toBeLessThan(peak / 10); // a warm-up, not a wall
    const cumulative = counts.map((count) => count.cumulative ?? 0);
    expect(cumulative).toEqual([...cumulative].sort((a, b) => a - b));
    expect(cumulative.at(-1)).toBeLessThanOrEqual(scenarios.skincare.audience.size);
    const entries = ofType(events, 'viewer.enter');
    expect(new Set(entries.map((entry) => entry.source))).toEqual(new Set(['feed', 'note', 'search', 'follow', 'group', 'share', 'ad', 'other']));
    // Distinct viewers fewer than entries: people come back.
    expect(cumulative.at(-1)).toBeLessThan(entries.length);

    const distinctUsers = (list: { user: { id: string } }[]) => new Set(list.map((event) => event.user.id)).size;
    const exposureUsers = new Set(ofType(events, 'product.exposure').map((event) => event.userId)).size;
    const clickUsers = distinctUsers(ofType(events, 'product.click'));
    const buyers = distinctUsers(ofType(events, 'order.paid'));
    expect(exposureUsers).toBeGreaterThan(clickUsers);
    expect(clickUsers).toBeGreaterThan(buyers);
    expect(buyers / (cumulative.at(-1) ?? 1)).toBeLessThan(0.15);

    // Orders follow their own story: created, then paid, then maybe refunded, with platform ids.
    const seen = new Map<string, string[]>();
    for (const event of events) {
      if (event.type === 'order.created' || event.type === 'order.paid' || event.type === 'order.refunded') {
        const steps = seen.get(event.orderId) ?? [];
        steps.push(event.type);
        seen.set(event.orderId, steps);
        expect(event.id).toBe(`${event.orderId}#${event.type.slice('order.'.length)}`);
      }
    }
    for (const steps of seen.values()) expect(['order.created', 'order.created,order.paid', 'order.created,order.paid,order.refunded']).toContain(steps.join(','));
  });

  it('writes comments the way buyers ask, in many phrasings with product references', () => {
    const comments = ofType(takeAll(generator('skincare', 5)), 'comment');
    const texts = comments.map((comment) => comment.text);
    const share = (pattern: RegExp) => texts.filter((text) => pattern.test(text)).length;
    for (const pattern of [/多少钱|到手|米/, /毫升|小样|多大/, /敏感肌|孕妇|油皮|痘痘肌/, /链接|上车|怎么买/, /发货|包邮|包油|快递/, /已拍|拍了|下单/, /来了|666|主播好美|打卡/, /券|赠品|福袋/]) {
      expect(share(pattern), String(pattern)).toBeGreaterThan(20);
    }
    expect(share(/(\d|[一二三四五六七])号|#\d|链接\d/)).toBeGreaterThan(texts.length / 20);
    expect(new Set(texts).size).toBeGreaterThan(500);
    expect(new Set(comments.map((comment) => comment.id)).size).toBe(comments.length);
  });

  it('rewards pinning the product the host is explaining', () => {
    // Minute 16 of the skincare rundown: the host explains the repair cream (cart #2).
    const cream = 'sk-repair-cream';
    const run = (productId: string) => {
      const room = generator('skincare', 11);
      takeAll(room, Infinity, 16 * MINUTE);
      expect(room.command({ id: 'pin', type: 'card.pin', productId })).toEqual({ ok: true });
      const window = takeAll(room, Infinity, 26 * MINUTE);
      // The card changes at once: the previous card goes, the pinned one shows.
      expect(window.slice(0, 2)).toContainEqual(expect.objectContaining({ type: 'card.shown', productId }));
      const about = (type: 'product.click' | 'order.paid') => ofType(window, type).filter((event) => event.productId === cream).length;
      return { clicks: about('product.click'), paid: about('order.paid'), orders: ofType(window, 'order.paid').length };
    };
    const right = run(cream);
    const wrong = run('sk-peptide-eye-cream');
    expect(right.clicks).toBeGreaterThan(wrong.clicks * 1.5);
    expect(right.paid).toBeGreaterThan(wrong.paid);
    expect(right.orders).toBeGreaterThan(wrong.orders);
  });

  it('answers commands: unknown products are refused, an unpin hides the card, nothing after the end', () => {
    const room = generator('skincare', 1, 2 * MINUTE);
    expect(room.command({ id: 'a', type: 'card.pin', productId: 'nope' })).toMatchObject({ ok: false, error: { code: 'unknown_product' } });
    expect(room.command({ id: 'b', type: 'card.pin', productId: 'sk-sunscreen' })).toEqual({ ok: true });
    expect(room.command({ id: 'c', type: 'card.unpin' })).toEqual({ ok: true });
    const events = takeAll(room);
    expect(events.slice(0, 2).map((event) => event.type)).toEqual(['card.shown', 'card.hidden']);
    // The client took the cards over: the rundown no longer pins any.
    expect(ofType(events, 'card.shown')).toHaveLength(1);
    expect(room.finished).toBe(true);
    expect(room.command({ id: 'd', type: 'coupon.push', couponId: 'sk-fans-20' })).toMatchObject({ ok: false, error: { code: 'stream_ended' } });
  });

  it('keeps going past the rundown when asked to loop, and stops when finished', () => {
    const room = generator('apparel', 2, MINUTE, true);
    const events = takeAll(room, 30_000);
    expect(events).toHaveLength(30_000);
    expect(events.filter((event) => event.type === 'stream.status')).toHaveLength(1);
    expect(events.at(-1)?.ts).toBeGreaterThan(1_700_000_000_000 + 5 * MINUTE);
    room.finish();
    expect(room.finished).toBe(true);
    expect(takeAll(room, 10)).toHaveLength(0);
  });
});
