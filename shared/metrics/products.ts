/**
 * Per-product figures, the card on air, and the refund rule.
 *
 * Two attributions are kept side by side:
 * - by the event's own productId: exposures, clicks, cart adds, orders,
 *   paid orders, buyers, GMV, refunds of that product;
 * - by the card on air at the event's time (METRICS.md "Attribution": from
 *   `card.shown` until `card.hidden` or the next `card.shown`): the onAir*
 *   figures of the product whose card was showing, whatever was bought.
 *
 * Refunds count only for orders paid in this session, and never more per
 * order than was paid for it, so net GMV cannot go below what was refunded
 * of this session's own sales.
 */
import type { Product } from '../protocol/index.js';

export interface ProductStats {
  productId: string;
  /** From the latest product list; null for a product only seen in events. */
  title: string | null;
  price: number | null;
  /** Exposure count: an exposure event counts its `count` (1 when absent), with or without a user. */
  exposures: number;
  exposureUsers: number;
  clicks: number;
  clickUsers: number;
  /** `cart.add` events. */
  cartAdds: number;
  /** `order.created` events. */
  orders: number;
  paidOrders: number;
  buyers: number;
  /** Fen. */
  gmv: number;
  /** Fen, by the refund rule. */
  refunds: number;
  /** Time this product's card was on air, the running stint included. */
  timeOnAirMs: number;
  /** Clicks (on any product) while this product's card was on air. */
  onAirClicks: number;
  /** Cart adds (of any product) while this product's card was on air. */
  onAirCartAdds: number;
  /** Paid orders (of any product) while this product's card was on air. */
  onAirPaidOrders: number;
  /** GMV (fen) of those paid orders. */
  onAirGmv: number;
}

export interface OnAir {
  productId: string;
  since: number;
}

/** A time one product's card was on air; `to` is null while it still is. */
export interface CardStint {
  productId: string;
  from: number;
  to: number | null;
}

/** A product in EngineState. */
export interface ProductState {
  productId: string;
  title: string | null;
  price: number | null;
  exposures: number;
  /** Distinct users as indexes into EngineState.users.ids. */
  exposureUsers: number[];
  clicks: number;
  clickUsers: number[];
  cartAdds: number;
  orders: number;
  paidOrders: number;
  buyers: number[];
  gmv: number;
  refunds: number;
  /** On-air time of finished stints. */
  closedOnAirMs: number;
  onAirClicks: number;
  onAirCartAdds: number;
  onAirPaidOrders: number;
  onAirGmv: number;
}

/** A paid order in EngineState: [orderId, productId, paid fen, refunded fen]. */
export type PaidOrderState = [orderId: string, productId: string, paid: number, refunded: number];

export interface ProductsState {
  products: ProductState[];
  paidOrders: PaidOrderState[];
  onAir: OnAir | null;
  /** Finished stints: [productId, from, to]. Bounded by card changes, a few hundred a session. */
  stints: [productId: string, from: number, to: number][];
}

class ProductRecord {
  title: string | null = null;
  price: number | null = null;
  exposures = 0;
  // Distinct users by their index in the engine's UserTable: small integers
  // hash and compare far cheaper than id strings, and take less memory.
  readonly exposureUsers = new Set<number>();
  clicks = 0;
  readonly clickUsers = new Set<number>();
  cartAdds = 0;
  orders = 0;
  paidOrders = 0;
  readonly buyers = new Set<number>();
  gmv = 0;
  refunds = 0;
  closedOnAirMs = 0;
  onAirClicks = 0;
  onAirCartAdds = 0;
  onAirPaidOrders = 0;
  onAirGmv = 0;
}

interface PaidOrder {
  productId: string;
  paid: number;
  refunded: number;
}

export class ProductBook {
  private readonly records = new Map<string, ProductRecord>();
  private readonly paidOrders = new Map<string, PaidOrder>();
  private onAirProductId: string | null = null;
  private onAirSince = 0;
  /** The on-air product's record, so attribution costs no lookup. */
  private onAirRecord: ProductRecord | null = null;
  private readonly stints: [productId: string, from: number, to: number][] = [];

  /** Titles and prices from the live cart. Products dropped from it keep their figures. */
  setCatalog(products: readonly Product[]): void {
    for (const product of products) {
      const record = this.recordFor(product.id);
      record.title = product.title;
      record.price = product.price;
    }
  }

  /** `user` is the user's index in the engine's UserTable, or -1 for a count-only exposure. */
  exposure(productId: string, user: number, count: number): void {
    const record = this.recordFor(productId);
    record.exposures += count;
    if (user !== -1) record.exposureUsers.add(user);
  }

  click(productId: string, user: number): void {
    const record = this.recordFor(productId);
    record.clicks++;
    record.clickUsers.add(user);
    if (this.onAirRecord !== null) this.onAirRecord.onAirClicks++;
  }

  cartAdd(productId: string): void {
    this.recordFor(productId).cartAdds++;
    if (this.onAirRecord !== null) this.onAirRecord.onAirCartAdds++;
  }

  orderCreated(productId: string): void {
    this.recordFor(productId).orders++;
  }

  orderPaid(orderId: string, productId: string, user: number, amount: number): void {
    const record = this.recordFor(productId);
    record.paidOrders++;
    record.gmv += amount;
    record.buyers.add(user);
    if (this.onAirRecord !== null) {
      this.onAirRecord.onAirPaidOrders++;
      this.onAirRecord.onAirGmv += amount;
    }
    // A repeated payment of one order adds to what may be refunded, as it added to GMV.
    const order = this.paidOrders.get(orderId);
    if (order === undefined) this.paidOrders.set(orderId, { productId, paid: amount, refunded: 0 });
    else order.paid += amount;
  }

  /** Returns the fen that count as refunds: 0 for an order not paid in this session, capped at what is left of the order. */
  refund(orderId: string, amount: number): number {
    const order = this.paidOrders.get(orderId);
    if (order === undefined) return 0;
    const counted = Math.min(amount, order.paid - order.refunded);
    order.refunded += counted;
    this.recordFor(order.productId).refunds += counted;
    return counted;
  }

  /** A card shown while another is on air replaces it; showing the card already on air changes nothing. */
  showCard(productId: string, ms: number): void {
    if (this.onAirProductId === productId) return;
    this.takeCardOffAir(ms);
    this.onAirProductId = productId;
    this.onAirSince = ms;
    this.onAirRecord = this.recordFor(productId);
  }

  /** Hiding a card that is not on air changes nothing. */
  hideCard(productId: string, ms: number): void {
    if (this.onAirProductId === productId) this.takeCardOffAir(ms);
  }

  takeCardOffAir(ms: number): void {
    if (this.onAirRecord === null) return;
    this.onAirRecord.closedOnAirMs += ms - this.onAirSince;
    this.stints.push([this.onAirProductId!, this.onAirSince, ms]);
    this.onAirProductId = null;
    this.onAirRecord = null;
  }

  onAir(): OnAir | null {
    return this.onAirProductId === null ? null : { productId: this.onAirProductId, since: this.onAirSince };
  }

  /** Every card on air so far, oldest first, the running one last. */
  cardStints(): CardStint[] {
    const stints: CardStint[] = this.stints.map(([productId, from, to]) => ({ productId, from, to }));
    if (this.onAirProductId !== null) stints.push({ productId: this.onAirProductId, from: this.onAirSince, to: null });
    return stints;
  }

  /** Catalog products first (in list order), then products only seen in events, in order of appearance. */
  stats(nowMs: number): ProductStats[] {
    return Array.from(this.records, ([productId, record]) => ({
      productId,
      title: record.title,
      price: record.price,
      exposures: record.exposures,
      exposureUsers: record.exposureUsers.size,
      clicks: record.clicks,
      clickUsers: record.clickUsers.size,
      cartAdds: record.cartAdds,
      orders: record.orders,
      paidOrders: record.paidOrders,
      buyers: record.buyers.size,
      gmv: record.gmv,
      refunds: record.refunds,
      timeOnAirMs: record.closedOnAirMs + (record === this.onAirRecord ? nowMs - this.onAirSince : 0),
      onAirClicks: record.onAirClicks,
      onAirCartAdds: record.onAirCartAdds,
      onAirPaidOrders: record.onAirPaidOrders,
      onAirGmv: record.onAirGmv,
    }));
  }

  private recordFor(productId: string): ProductRecord {
    let record = this.records.get(productId);
    if (record === undefined) {
      record = new ProductRecord();
      this.records.set(productId, record);
    }
    return record;
  }

  toJSON(): ProductsState {
    return {
      products: Array.from(this.records, ([productId, record]) => ({
        productId,
        title: record.title,
        price: record.price,
        exposures: record.exposures,
        exposureUsers: Array.from(record.exposureUsers),
        clicks: record.clicks,
        clickUsers: Array.from(record.clickUsers),
        cartAdds: record.cartAdds,
        orders: record.orders,
        paidOrders: record.paidOrders,
        buyers: Array.from(record.buyers),
        gmv: record.gmv,
        refunds: record.refunds,
        closedOnAirMs: record.closedOnAirMs,
        onAirClicks: record.onAirClicks,
        onAirCartAdds: record.onAirCartAdds,
        onAirPaidOrders: record.onAirPaidOrders,
        onAirGmv: record.onAirGmv,
      })),
      paidOrders: Array.from(this.paidOrders, ([orderId, order]) => [orderId, order.productId, order.paid, order.refunded]),
      onAir: this.onAir(),
      stints: this.stints.map((stint) => [...stint]),
    };
  }

  static fromJSON(state: ProductsState): ProductBook {
    const book = new ProductBook();
    for (const product of state.products) {
      const record = book.recordFor(product.productId);
      record.title = product.title;
      record.price = product.price;
      record.exposures = product.exposures;
      for (const user of product.exposureUsers) record.exposureUsers.add(user);
      record.clicks = product.clicks;
      for (const user of product.clickUsers) record.clickUsers.add(user);
      record.cartAdds = product.cartAdds;
      record.orders = product.orders;
      record.paidOrders = product.paidOrders;
      for (const user of product.buyers) record.buyers.add(user);
      record.gmv = product.gmv;
      record.refunds = product.refunds;
      record.closedOnAirMs = product.closedOnAirMs;
      record.onAirClicks = product.onAirClicks;
      record.onAirCartAdds = product.onAirCartAdds;
      record.onAirPaidOrders = product.onAirPaidOrders;
      record.onAirGmv = product.onAirGmv;
    }
    for (const [orderId, productId, paid, refunded] of state.paidOrders) book.paidOrders.set(orderId, { productId, paid, refunded });
    for (const [productId, from, to] of state.stints) book.stints.push([productId, from, to]);
    if (state.onAir !== null) {
      book.onAirProductId = state.onAir.productId;
      book.onAirSince = state.onAir.since;
      book.onAirRecord = book.recordFor(state.onAir.productId);
    }
    return book;
  }
}
