/**
 * Terse builders of valid protocol events for the metrics tests. Each call
 * takes the event's server time and returns a LiveEvent with the next seq.
 */
import type { EventOf, LiveEvent } from '../../protocol/index.js';

const userOf = (id: string) => ({ id, name: `name of ${id}` });

export class EventFactory {
  private seq = 0;

  private envelope(ts: number) {
    this.seq++;
    return { seq: this.seq, ts };
  }

  enter(ts: number, userId: string): EventOf<'viewer.enter'> {
    return { ...this.envelope(ts), type: 'viewer.enter', user: userOf(userId), source: 'feed' };
  }

  leave(ts: number, userId: string): EventOf<'viewer.leave'> {
    return { ...this.envelope(ts), type: 'viewer.leave', userId };
  }

  online(ts: number, online: number): EventOf<'online.count'> {
    return { ...this.envelope(ts), type: 'online.count', online };
  }

  comment(ts: number, userId: string, text = '多少钱'): EventOf<'comment'> {
    const envelope = this.envelope(ts);
    return { ...envelope, type: 'comment', id: `comment-${envelope.seq}`, user: userOf(userId), text };
  }

  like(ts: number, like: { userId?: string; count: number; total?: number }): EventOf<'like'> {
    return { ...this.envelope(ts), type: 'like', ...like };
  }

  impression(ts: number, count: number): EventOf<'room.impression'> {
    return { ...this.envelope(ts), type: 'room.impression', count };
  }

  follow(ts: number, userId: string): EventOf<'follow'> {
    return { ...this.envelope(ts), type: 'follow', user: userOf(userId) };
  }

  share(ts: number, userId: string): EventOf<'share'> {
    return { ...this.envelope(ts), type: 'share', user: userOf(userId) };
  }

  groupJoin(ts: number, userId: string): EventOf<'group.join'> {
    return { ...this.envelope(ts), type: 'group.join', user: userOf(userId), groupId: 'fans-1' };
  }

  exposure(ts: number, productId: string, exposure: { userId?: string; count?: number } = {}): EventOf<'product.exposure'> {
    return { ...this.envelope(ts), type: 'product.exposure', productId, ...exposure };
  }

  click(ts: number, productId: string, userId: string): EventOf<'product.click'> {
    return { ...this.envelope(ts), type: 'product.click', productId, user: userOf(userId) };
  }

  cartAdd(ts: number, productId: string, userId: string): EventOf<'cart.add'> {
    return { ...this.envelope(ts), type: 'cart.add', productId, user: userOf(userId), quantity: 1 };
  }

  orderCreated(ts: number, order: { orderId: string; productId: string; userId: string; amount: number }): EventOf<'order.created'> {
    return { ...this.envelope(ts), type: 'order.created', orderId: order.orderId, productId: order.productId, user: userOf(order.userId), quantity: 1, amount: order.amount };
  }

  orderPaid(ts: number, order: { orderId: string; productId: string; userId: string; amount: number }): EventOf<'order.paid'> {
    return { ...this.envelope(ts), type: 'order.paid', orderId: order.orderId, productId: order.productId, user: userOf(order.userId), quantity: 1, amount: order.amount };
  }

  refund(ts: number, orderId: string, amount: number): EventOf<'order.refunded'> {
    return { ...this.envelope(ts), type: 'order.refunded', orderId, amount };
  }

  couponClaimed(ts: number, userId: string): EventOf<'coupon.claimed'> {
    return { ...this.envelope(ts), type: 'coupon.claimed', couponId: 'coupon-1', user: userOf(userId) };
  }

  cardShown(ts: number, productId: string): EventOf<'card.shown'> {
    return { ...this.envelope(ts), type: 'card.shown', productId };
  }

  cardHidden(ts: number, productId: string): EventOf<'card.hidden'> {
    return { ...this.envelope(ts), type: 'card.hidden', productId };
  }

  retract(ts: number, ids: string[]): EventOf<'retract'> {
    return { ...this.envelope(ts), type: 'retract', ids };
  }

  streamStatus(ts: number, status: 'live' | 'paused' | 'ended'): EventOf<'stream.status'> {
    return { ...this.envelope(ts), type: 'stream.status', status };
  }
}

/** Applies events in order. */
export function applyAll(engine: { apply(event: LiveEvent): void }, events: readonly LiveEvent[]): void {
  for (const event of events) engine.apply(event);
}
