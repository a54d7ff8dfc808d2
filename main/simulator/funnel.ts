/**
 * The shopping funnel: product exposure → click → add to cart → order →
 * payment, with refunds. Which product a viewer looks at and how likely
 * they are to act depends on what the host is explaining (the segment's
 * featured product) and which card is pinned; pinning the card of the
 * product being explained converts best, so a good pin visibly helps.
 */
import type { LiveEvent } from '../../shared/protocol/index.js';
import type { Audience } from './audience.js';
import type { LiveCart } from './cart.js';
import { cumulativeWeights, type Rng } from './rng.js';

export type JourneyStep =
  | { kind: 'click'; user: number; product: number }
  | { kind: 'cart'; user: number; product: number; quantity: number }
  | { kind: 'order'; user: number; product: number; quantity: number }
  | { kind: 'pay'; user: number; product: number; quantity: number; orderId: string; amount: number }
  | { kind: 'refund'; orderId: string; amount: number };

export interface FunnelHooks {
  /** Puts a later step on the agenda, `delay` simulated seconds from now. */
  schedule(delay: number, step: JourneyStep): void;
  /** A buyer paid: some say so in the comments (已拍). */
  bought(user: number, product: number): void;
  /** A buyer found the product sold out: some complain (没抢到). */
  missed(user: number, product: number): void;
}

/** Per user exposure, the base chance of a click, before focus boosts. */
const BASE_CLICK_CHANCE = 0.08;
const CART_CHANCE = 0.28;
/** Some buyers order straight from the card without adding to the cart first. */
const DIRECT_ORDER_CHANCE = 0.06;
const CART_TO_ORDER_CHANCE = 0.35;
const PAY_CHANCE = 0.86;
/** Live-commerce refund rates are high; those within the stream are mostly quick cancellations (拍错了, 冲动了). */
const REFUND_CHANCE = 0.1;
/** Share of the online audience that sees a pinned card in a 3-second window. */
const CARD_REACH = 0.25;

export class Funnel {
  private readonly exposureWeights: number[];
  private exposureTotals: Float64Array;
  private readonly clickChance: Float64Array;
  private readonly orderBoost: Float64Array;
  private orderCount = 0;

  constructor(
    private readonly rng: Rng,
    private readonly cart: LiveCart,
    private readonly audience: Audience,
    private readonly appeal: readonly number[],
    private readonly emit: (event: LiveEvent) => void,
    private readonly hooks: FunnelHooks,
  ) {
    this.exposureWeights = [...appeal];
    this.exposureTotals = cumulativeWeights(appeal);
    this.clickChance = new Float64Array(appeal.length).fill(BASE_CLICK_CHANCE);
    this.orderBoost = new Float64Array(appeal.length).fill(1);
  }

  /**
   * What the room is focused on: the product the host explains (-1: none)
   * and the product whose card is on screen (-1: none).
   */
  focus(featured: number, card: number): void {
    this.appeal.forEach((appeal, product) => {
      const explained = product === featured;
      const carded = product === card;
      this.exposureWeights[product] = appeal * (explained ? 5 : 1) * (carded ? 3 : 1);
      this.clickChance[product] = BASE_CLICK_CHANCE * (explained ? 1.5 : 1) * (carded ? 1.6 : 1) * (explained && carded ? 1.3 : 1);
      this.orderBoost[product] = (carded ? 1.2 : 1) * (explained && carded ? 1.15 : 1);
    });
    this.exposureTotals = cumulativeWeights(this.exposureWeights);
  }

  /** The product a viewer is most likely looking at now. */
  drawProduct(): number {
    return this.rng.weighted(this.exposureTotals);
  }

  /** A viewer opens the cart or sees a product: maybe a click follows. */
  expose(user: number): void {
    const product = this.drawProduct();
    this.emit({ seq: 0, ts: 0, type: 'product.exposure', productId: this.cart.productId(product), userId: this.audience.user(user).id });
    if (this.rng.chance(this.clickChance[product] ?? 0)) this.hooks.schedule(this.rng.between(1, 6), { kind: 'click', user, product });
  }

  /** The pinned card shown to part of the room: counted, not attributed to users (as platforms report it). */
  cardSeen(card: number, online: number): void {
    const count = Math.round(online * CARD_REACH);
    if (count > 0) this.emit({ seq: 0, ts: 0, type: 'product.exposure', productId: this.cart.productId(card), count });
  }

  advance(step: JourneyStep): void {
    switch (step.kind) {
      case 'click':
        return this.click(step.user, step.product);
      case 'cart':
        return this.addToCart(step.user, step.product, step.quantity);
      case 'order':
        return this.order(step.user, step.product, step.quantity);
      case 'pay':
        return this.pay(step);
      case 'refund':
        this.emit({ seq: 0, ts: 0, type: 'order.refunded', id: `${step.orderId}#refunded`, orderId: step.orderId, amount: step.amount });
        return;
    }
  }

  private click(user: number, product: number): void {
    this.emit({ seq: 0, ts: 0, type: 'product.click', productId: this.cart.productId(product), user: this.audience.user(user) });
    const roll = this.rng.next();
    if (roll < CART_CHANCE) {
      this.hooks.schedule(this.rng.between(2, 15), { kind: 'cart', user, product, quantity: this.quantity() });
    } else if (roll < CART_CHANCE + DIRECT_ORDER_CHANCE * this.buyingMood(product)) {
      this.hooks.schedule(this.rng.between(3, 20), { kind: 'order', user, product, quantity: this.quantity() });
    }
  }

  private addToCart(user: number, product: number, quantity: number): void {
    this.emit({ seq: 0, ts: 0, type: 'cart.add', productId: this.cart.productId(product), user: this.audience.user(user), quantity });
    if (this.rng.chance(CART_TO_ORDER_CHANCE * this.buyingMood(product))) {
      this.hooks.schedule(this.rng.between(3, 25), { kind: 'order', user, product, quantity });
    }
  }

  private order(user: number, product: number, quantity: number): void {
    if (!this.cart.inStock(product, quantity)) {
      this.hooks.missed(user, product);
      return;
    }
    const orderId = `o${1_000_000 + ++this.orderCount}`;
    const amount = this.cart.price(product) * quantity;
    const productId = this.cart.productId(product);
    this.emit({ seq: 0, ts: 0, type: 'order.created', id: `${orderId}#created`, orderId, productId, user: this.audience.user(user), quantity, amount });
    if (this.rng.chance(PAY_CHANCE)) this.hooks.schedule(this.rng.between(3, 40), { kind: 'pay', user, product, quantity, orderId, amount });
  }

  private pay(step: Extract<JourneyStep, { kind: 'pay' }>): void {
    // Stock is taken at payment, so an order created just before a sell-out can fail to pay.
    if (!this.cart.sell(step.product, step.quantity)) {
      this.hooks.missed(step.user, step.product);
      return;
    }
    const { orderId, quantity, amount } = step;
    this.emit({
      seq: 0,
      ts: 0,
      type: 'order.paid',
      id: `${orderId}#paid`,
      orderId,
      productId: this.cart.productId(step.product),
      user: this.audience.user(step.user),
      quantity,
      amount,
    });
    this.hooks.bought(step.user, step.product);
    if (this.rng.chance(REFUND_CHANCE)) this.hooks.schedule(this.rng.between(10, 120), { kind: 'refund', orderId, amount });
  }

  /** A flash price and a pinned card both make a hesitant buyer more likely to go through. */
  private buyingMood(product: number): number {
    return (this.orderBoost[product] ?? 1) * (this.cart.isOnFlashSale(product) ? 1.4 : 1);
  }

  private quantity(): number {
    const roll = this.rng.next();
    return roll < 0.8 ? 1 : roll < 0.95 ? 2 : 3;
  }
}
