/**
 * A seeded, messy but valid session for the metrics tests: users who enter
 * twice, leave twice or leave without entering, late events (ts before the
 * latest time seen), quiet stretches from seconds to over 15 minutes,
 * platform online counts that start mid-session, likes with and without
 * users and totals, count-only exposures, cards shown and hidden, orders
 * paid, refunded in part, refunded twice, and refunds of orders from another
 * session.
 */
import type { LiveEvent, Product } from '../../protocol/index.js';
import { EventFactory } from './events.js';
import { seededRandom } from './random.js';

export type Step =
  | { kind: 'event'; event: LiveEvent }
  | { kind: 'advance'; to: number }
  | { kind: 'end'; at: number };

export interface GeneratedStream {
  startedAt: number;
  products: Product[];
  steps: Step[];
}

const USERS = 30;
const STREAM_PRODUCTS: Product[] = [
  { id: 'p0', title: '保湿面霜', price: 19_900 },
  { id: 'p1', title: '防晒喷雾', price: 8_900 },
  { id: 'p2', title: '洁面乳', price: 5_900 },
];

export function generateStream(seed: number, stepCount: number, options: { end?: boolean } = {}): GeneratedStream {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const between = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const events = new EventFactory();
  // Not on a second boundary, so second and minute edges fall mid-stream.
  const startedAt = Date.UTC(2025, 4, 20, 19, 59, 41, 250);
  const userIds = Array.from({ length: USERS }, (_, i) => `u${i}`);
  // p3 is sold but not in the product list.
  const productIds = ['p0', 'p1', 'p2', 'p3'];
  const paidOrders: { orderId: string; amount: number }[] = [];
  const steps: Step[] = [];
  let time = startedAt;
  let likesTotal = 0;

  for (let index = 0; index < stepCount; index++) {
    const gap = random();
    if (gap < 0.7) time += between(0, 1_500);
    else if (gap < 0.9) time += between(1_500, 10_000);
    else if (gap < 0.98) time += between(10_000, 120_000);
    else if (gap < 0.995) time += between(120_000, 400_000);
    else time += between(950_000, 1_500_000); // longer than the windows' history: the quiet skip

    if (random() < 0.03) {
      steps.push({ kind: 'advance', to: time });
      continue;
    }
    // A late event: stamped before the latest time seen.
    const ts = random() < 0.05 ? Math.max(0, time - between(1, 5_000)) : time;
    const userId = pick(userIds);
    const productId = pick(productIds);
    const roll = random();
    let event: LiveEvent;
    if (roll < 0.2) event = events.enter(ts, userId);
    else if (roll < 0.32) event = events.leave(ts, userId);
    else if (roll < 0.36) event = index > stepCount / 3 ? events.online(ts, between(0, 60)) : events.leave(ts, userId);
    else if (roll < 0.44) event = events.comment(ts, userId);
    else if (roll < 0.5) {
      const count = between(1, 30);
      likesTotal += count;
      const withTotal = random() < 0.3;
      event = events.like(ts, { userId: random() < 0.5 ? userId : undefined, count, total: withTotal ? likesTotal + 7 : undefined });
    } else if (roll < 0.53) event = events.impression(ts, between(0, 200));
    else if (roll < 0.55) event = events.follow(ts, userId);
    else if (roll < 0.57) event = events.share(ts, userId);
    else if (roll < 0.59) event = events.groupJoin(ts, userId);
    else if (roll < 0.66) {
      event = random() < 0.5 ? events.exposure(ts, productId, { userId }) : events.exposure(ts, productId, { count: between(1, 40) });
    } else if (roll < 0.72) event = events.click(ts, productId, userId);
    else if (roll < 0.75) event = events.cartAdd(ts, productId, userId);
    else if (roll < 0.77) event = events.orderCreated(ts, { orderId: `o${index}`, productId, userId, amount: between(100, 30_000) });
    else if (roll < 0.82) {
      const order = { orderId: random() < 0.1 && paidOrders.length > 0 ? pick(paidOrders).orderId : `o${index}`, amount: between(100, 30_000) };
      paidOrders.push(order);
      event = events.orderPaid(ts, { ...order, productId, userId });
    } else if (roll < 0.86) {
      const known = paidOrders.length > 0 && random() < 0.7;
      event = known ? events.refund(ts, pick(paidOrders).orderId, between(1, 20_000)) : events.refund(ts, `other-session-${index}`, between(1, 5_000));
    } else if (roll < 0.9) event = events.cardShown(ts, productId);
    else if (roll < 0.93) event = events.cardHidden(ts, productId);
    else if (roll < 0.95) event = events.couponClaimed(ts, userId);
    else if (roll < 0.97) event = events.retract(ts, ['comment-1']);
    else event = events.streamStatus(ts, 'live');
    steps.push({ kind: 'event', event });
  }
  if (options.end) steps.push({ kind: 'end', at: time + 500 });
  return { startedAt, products: STREAM_PRODUCTS, steps };
}

/** Applies one step to anything engine-shaped (the engine, or the reference model). */
export function applyStep(
  target: { apply(event: LiveEvent): void; advanceTo(ms: number): void; end(endedAt: number): void },
  step: Step,
): void {
  if (step.kind === 'event') target.apply(step.event);
  else if (step.kind === 'advance') target.advanceTo(step.to);
  else target.end(step.at);
}
