/**
 * A brute-force model of METRICS.md for the tests: it keeps every step and
 * recomputes each figure from scratch by scanning them, with none of the
 * engine's incremental machinery (no buckets, no rings, no running sums).
 * Where the two agree on a long messy stream, the engine's bookkeeping is
 * exact. Slow on purpose: O(events) per figure.
 */
import type { LiveEvent, Product } from '../../protocol/index.js';
import type { MetricValues } from '../keys.js';
import type { MinuteMetrics } from '../minutes.js';
import type { ProductStats } from '../products.js';

type Record =
  | { t: number; kind: 'event'; event: LiveEvent }
  | { t: number; kind: 'advance' }
  | { t: number; kind: 'end' };

/** Everything a period's figures need. */
interface Period {
  pv: number;
  impressions: number;
  paidOrders: number;
  gmv: number;
  refunds: number;
  uv: number;
  interactingUsers: number;
  newFollowers: number;
  groupJoins: number;
  exposureUsers: number;
  clickUsers: number;
  buyers: number;
  presenceMs: number;
  presentUsers: number;
  online: number;
  peak: number;
  durationMs: number;
}

interface Interval {
  userId: string;
  start: number;
  /** Infinity while still present. */
  end: number;
}

/** What a single pass over the records in order tells about each of them. */
interface Replay {
  intervals: Interval[];
  /** Online viewers after each record. */
  onlineAfter: number[];
  /** Refund fen counted for each record (0 for anything but a counted refund). */
  refundCounted: number[];
  /** The card on air when each record happened (before it applied); one more entry: the card on air now. */
  cardBefore: (string | null)[];
}

const MINUTE = 60_000;

export class ReferenceModel {
  private readonly records: Record[] = [];
  private time: number;
  private catalog: Product[] = [];

  constructor(private readonly startedAt: number) {
    this.time = startedAt;
  }

  apply(event: LiveEvent): void {
    this.time = Math.max(this.time, event.ts);
    this.records.push({ t: this.time, kind: 'event', event });
  }

  advanceTo(ms: number): void {
    this.time = Math.max(this.time, ms);
    this.records.push({ t: this.time, kind: 'advance' });
  }

  end(endedAt: number): void {
    this.time = Math.max(this.time, endedAt);
    this.records.push({ t: this.time, kind: 'end' });
  }

  setProducts(products: Product[]): void {
    this.catalog = products;
  }

  totals(): MetricValues {
    const replay = this.replay();
    const period = this.period(replay, -Infinity, Infinity, this.time, this.time - this.startedAt);
    // METRICS.md: over the session, average watch time divides by UV.
    return valuesOf({ ...period, presentUsers: period.uv });
  }

  window(minutes: 1 | 5): { current: MetricValues; previous: MetricValues } {
    const replay = this.replay();
    const seconds = minutes * 60;
    const nowSecond = Math.floor(this.time / 1000);
    const current = this.period(replay, (nowSecond - seconds + 1) * 1000, Infinity, this.time, seconds * 1000);
    const previousSecond = nowSecond - seconds;
    const previous =
      previousSecond < Math.floor(this.startedAt / 1000)
        ? emptyPeriod(seconds * 1000)
        : this.period(replay, (previousSecond - seconds + 1) * 1000, (previousSecond + 1) * 1000, (previousSecond + 1) * 1000, seconds * 1000);
    return { current: valuesOf(current), previous: valuesOf(previous) };
  }

  minuteSeries(): MinuteMetrics[] {
    const replay = this.replay();
    const series: MinuteMetrics[] = [];
    for (let minute = Math.floor(this.startedAt / MINUTE); minute <= Math.floor(this.time / MINUTE); minute++) {
      const start = minute * MINUTE;
      const end = start + MINUTE;
      series.push({ minute, values: valuesOf(this.period(replay, start, end, Math.min(end, this.time), MINUTE)) });
    }
    return series;
  }

  products(): ProductStats[] {
    const replay = this.replay();
    const stats = new Map<string, ProductStats>();
    const statsOf = (productId: string): ProductStats => {
      let entry = stats.get(productId);
      if (entry === undefined) {
        const product = this.catalog.find((p) => p.id === productId);
        entry = {
          productId,
          title: product?.title ?? null,
          price: product?.price ?? null,
          exposures: 0,
          exposureUsers: 0,
          clicks: 0,
          clickUsers: 0,
          cartAdds: 0,
          orders: 0,
          paidOrders: 0,
          buyers: 0,
          gmv: 0,
          refunds: 0,
          timeOnAirMs: 0,
          onAirClicks: 0,
          onAirCartAdds: 0,
          onAirPaidOrders: 0,
          onAirGmv: 0,
        };
        stats.set(productId, entry);
      }
      return entry;
    };
    for (const product of this.catalog) statsOf(product.id);
    const users = new Map<string, { exposure: Set<string>; click: Set<string>; buyer: Set<string> }>();
    const usersOf = (productId: string) => {
      let entry = users.get(productId);
      if (entry === undefined) {
        entry = { exposure: new Set(), click: new Set(), buyer: new Set() };
        users.set(productId, entry);
      }
      return entry;
    };
    const orderProduct = new Map<string, string>();
    let stintStart = 0;
    for (const [index, record] of this.records.entries()) {
      const card = replay.cardBefore[index] ?? null;
      const cardAfter = replay.cardBefore[index + 1] ?? null;
      if (cardAfter !== card) {
        if (card !== null) statsOf(card).timeOnAirMs += record.t - stintStart;
        stintStart = record.t;
      }
      if (record.kind !== 'event') continue;
      const event = record.event;
      switch (event.type) {
        case 'product.exposure':
          statsOf(event.productId).exposures += event.count ?? 1;
          if (event.userId !== undefined) usersOf(event.productId).exposure.add(event.userId);
          break;
        case 'product.click':
          statsOf(event.productId).clicks++;
          usersOf(event.productId).click.add(event.user.id);
          if (card !== null) statsOf(card).onAirClicks++;
          break;
        case 'cart.add':
          statsOf(event.productId).cartAdds++;
          if (card !== null) statsOf(card).onAirCartAdds++;
          break;
        case 'order.created':
          statsOf(event.productId).orders++;
          break;
        case 'order.paid':
          statsOf(event.productId).paidOrders++;
          statsOf(event.productId).gmv += event.amount;
          usersOf(event.productId).buyer.add(event.user.id);
          if (!orderProduct.has(event.orderId)) orderProduct.set(event.orderId, event.productId);
          if (card !== null) {
            statsOf(card).onAirPaidOrders++;
            statsOf(card).onAirGmv += event.amount;
          }
          break;
        case 'order.refunded': {
          const productId = orderProduct.get(event.orderId);
          if (productId !== undefined) statsOf(productId).refunds += replay.refundCounted[index] ?? 0;
          break;
        }
        case 'card.shown':
          statsOf(event.productId);
          break;
        default:
          break;
      }
    }
    const onAirNow = replay.cardBefore[this.records.length] ?? null;
    if (onAirNow !== null) statsOf(onAirNow).timeOnAirMs += this.time - stintStart;
    for (const [productId, sets] of users) {
      const entry = statsOf(productId);
      entry.exposureUsers = sets.exposure.size;
      entry.clickUsers = sets.click.size;
      entry.buyers = sets.buyer.size;
    }
    return [...stats.values()];
  }

  /** One pass in order: presence intervals, online viewers, counted refunds and the card on air. */
  private replay(): Replay {
    const intervals: Interval[] = [];
    const open = new Map<string, Interval>();
    const onlineAfter: number[] = [];
    const refundCounted: number[] = [];
    const cardBefore: (string | null)[] = [];
    const refundable = new Map<string, number>();
    let platformOnline: number | null = null;
    let card: string | null = null;
    for (const record of this.records) {
      cardBefore.push(card);
      let counted = 0;
      if (record.kind === 'end') {
        for (const interval of open.values()) interval.end = record.t;
        open.clear();
        card = null;
      } else if (record.kind === 'event') {
        const event = record.event;
        if (event.type === 'viewer.enter' && !open.has(event.user.id)) {
          const interval = { userId: event.user.id, start: record.t, end: Infinity };
          intervals.push(interval);
          open.set(event.user.id, interval);
        } else if (event.type === 'viewer.leave') {
          const interval = open.get(event.userId);
          if (interval) {
            interval.end = record.t;
            open.delete(event.userId);
          }
        } else if (event.type === 'online.count') platformOnline = event.online;
        else if (event.type === 'order.paid') refundable.set(event.orderId, (refundable.get(event.orderId) ?? 0) + event.amount);
        else if (event.type === 'order.refunded' && refundable.has(event.orderId)) {
          const left = refundable.get(event.orderId)!;
          counted = Math.min(left, event.amount);
          refundable.set(event.orderId, left - counted);
        } else if (event.type === 'card.shown') card = event.productId;
        else if (event.type === 'card.hidden' && card === event.productId) card = null;
      }
      refundCounted.push(counted);
      onlineAfter.push(platformOnline ?? open.size);
    }
    cardBefore.push(card);
    return { intervals, onlineAfter, refundCounted, cardBefore };
  }

  /**
   * The figures of the records with from ≤ t < cutoff, presence counted up to
   * presenceEnd. Users present in the period: an interval that starts before
   * the cutoff and ends at or after `from`.
   */
  private period(replay: Replay, from: number, cutoff: number, presenceEnd: number, durationMs: number): Period {
    const period = emptyPeriod(durationMs);
    const distinct = {
      uv: new Set<string>(),
      interacting: new Set<string>(),
      followers: new Set<string>(),
      groups: new Set<string>(),
      exposure: new Set<string>(),
      click: new Set<string>(),
      buyers: new Set<string>(),
    };
    for (const [index, record] of this.records.entries()) {
      const online = replay.onlineAfter[index]!;
      if (record.t < from) {
        period.peak = online; // the value in force when the period begins
        period.online = online;
        continue;
      }
      if (record.t >= cutoff) break;
      period.online = online;
      period.peak = Math.max(period.peak, online);
      if (record.kind !== 'event') continue;
      const event = record.event;
      switch (event.type) {
        case 'viewer.enter':
          period.pv++;
          distinct.uv.add(event.user.id);
          break;
        case 'room.impression':
          period.impressions += event.count;
          break;
        case 'comment':
        case 'share':
          distinct.interacting.add(event.user.id);
          break;
        case 'like':
          if (event.userId !== undefined) distinct.interacting.add(event.userId);
          break;
        case 'follow':
          distinct.interacting.add(event.user.id);
          distinct.followers.add(event.user.id);
          break;
        case 'group.join':
          distinct.interacting.add(event.user.id);
          distinct.groups.add(event.user.id);
          break;
        case 'product.exposure':
          if (event.userId !== undefined) distinct.exposure.add(event.userId);
          break;
        case 'product.click':
          distinct.click.add(event.user.id);
          break;
        case 'order.paid':
          period.paidOrders++;
          period.gmv += event.amount;
          distinct.buyers.add(event.user.id);
          break;
        case 'order.refunded':
          period.refunds += replay.refundCounted[index]!;
          break;
        default:
          break;
      }
    }
    period.uv = distinct.uv.size;
    period.interactingUsers = distinct.interacting.size;
    period.newFollowers = distinct.followers.size;
    period.groupJoins = distinct.groups.size;
    period.exposureUsers = distinct.exposure.size;
    period.clickUsers = distinct.click.size;
    period.buyers = distinct.buyers.size;
    const present = new Set<string>();
    for (const interval of replay.intervals) {
      const overlap = Math.min(interval.end, presenceEnd) - Math.max(interval.start, from);
      if (overlap > 0) period.presenceMs += overlap;
      if (interval.start < cutoff && interval.end >= from) present.add(interval.userId);
    }
    period.presentUsers = present.size;
    return period;
  }
}

function emptyPeriod(durationMs: number): Period {
  return {
    pv: 0,
    impressions: 0,
    paidOrders: 0,
    gmv: 0,
    refunds: 0,
    uv: 0,
    interactingUsers: 0,
    newFollowers: 0,
    groupJoins: 0,
    exposureUsers: 0,
    clickUsers: 0,
    buyers: 0,
    presenceMs: 0,
    presentUsers: 0,
    online: 0,
    peak: 0,
    durationMs,
  };
}

/** METRICS.md's formulas, written out again (same floating-point operations as the engine). */
function valuesOf(p: Period): MetricValues {
  const rate = (numerator: number, denominator: number) => (denominator === 0 ? null : numerator / denominator);
  const twoDecimals = (value: number) => Math.round(value * 100) / 100;
  const rounded = (numerator: number, denominator: number) => (denominator === 0 ? null : twoDecimals(numerator / denominator));
  return {
    onlineViewers: p.online,
    peakOnline: p.peak,
    uv: p.uv,
    impressions: p.impressions,
    impressionViewRate: rate(p.pv, p.impressions),
    pv: p.pv,
    entriesPerMinute: rounded(p.pv, p.durationMs / MINUTE),
    avgWatchSeconds: rounded(p.presenceMs / 1000, p.presentUsers),
    interactingUsers: p.interactingUsers,
    interactionRate: rate(p.interactingUsers, p.uv),
    newFollowers: p.newFollowers,
    groupJoins: p.groupJoins,
    exposureUsers: p.exposureUsers,
    clickUsers: p.clickUsers,
    exposureClickRate: rate(p.clickUsers, p.exposureUsers),
    buyers: p.buyers,
    paidOrders: p.paidOrders,
    gmv: p.gmv,
    refunds: p.refunds,
    netGmv: p.gmv - p.refunds,
    clickBuyRate: rate(p.buyers, p.clickUsers),
    viewerConversion: rate(p.buyers, p.uv),
    gpm: p.pv === 0 ? null : twoDecimals((p.gmv / p.pv) * 1000),
    uvValue: rounded(p.gmv, p.uv),
    aov: rounded(p.gmv, p.buyers),
  };
}
