/**
 * The metrics engine: applies stored events one at a time and answers, at any
 * moment, the METRICS.md figures for the whole session, the rolling windows
 * and each minute, plus per-product figures.
 *
 * Time is event time: an event counts at max(its ts, the latest time seen),
 * so a late event never moves time back, and "now" is the latest time seen
 * from events, advanceTo (heartbeats, the wall clock) or end.
 *
 * apply() is O(1) amortised and allocates only for a new user, product or
 * paid order; time crossing a second or a minute costs O(window length) once
 * per second, never O(users).
 */
import type { LiveEvent, Product, TrafficSource } from '../protocol/index.js';
import { ACTIVITY, ActivitySeries, type ActivityState, type MinuteActivity } from './activity.js';
import { Audience, type AudienceState } from './audience.js';
import type { MetricValues } from './keys.js';
import { MinuteSeries, type MinuteMetrics, type MinutesState } from './minutes.js';
import { Presence, type PresenceState } from './presence.js';
import { ProductBook, type CardStint, type OnAir, type ProductStats, type ProductsState } from './products.js';
import {
  BUYERS,
  CLICK_USERS,
  COUNTED_SLOT_COUNT,
  DURATION_MS,
  EXPOSURE_USERS,
  GMV,
  GROUP_JOINS,
  IMPRESSIONS,
  INTERACTING_USERS,
  NEW_FOLLOWERS,
  ONLINE_VIEWERS,
  PAID_ORDERS,
  PEAK_ONLINE,
  PRESENCE_MS,
  PRESENT_USERS,
  PV,
  REFUNDS,
  TALLY_SIZE,
  USER_SLOT_COUNT,
  UV,
  emptyTally,
  metricValuesOf,
  type CountedSlot,
  type UserSlot,
} from './tally.js';
import { NEVER, UserTable, type UsersState } from './users.js';
import { RollingWindows, WINDOW_SECONDS, type WindowIndex, type WindowsState } from './windows.js';

/** Session totals that are not METRICS.md figures but that the console shows. */
export interface SessionCounters {
  /** The platform's running total once a `like.total` arrived (plus counts after it), else the sum of counts. */
  likes: number;
  comments: number;
  shares: number;
  /** `cart.add` events. */
  cartAdds: number;
  /** `order.created` events. */
  ordersCreated: number;
  couponClaims: number;
  /** Product exposures, counted ones included. */
  productExposures: number;
}

export interface WindowMetrics {
  current: MetricValues;
  previous: MetricValues;
}

/** 2 added the audience, the activity series and card stints; a version-1 snapshot is recounted from the events. */
export const ENGINE_STATE_VERSION = 2;

/** One user as the recap sees them: what they did in the session, where they came from, what they paid. */
export interface SessionUser {
  userId: string;
  source: TrafficSource | null;
  entered: boolean;
  /** Commented, liked with their id, followed, shared, joined the group, clicked a product or added one to cart. */
  engaged: boolean;
  paid: boolean;
  paidFen: number;
  /** A group member by their profile or by joining in this session. */
  groupMember: boolean;
}

/** Everything the engine knows, as plain JSON: bounded by users, products and paid orders, never by events. */
export interface EngineState {
  version: typeof ENGINE_STATE_VERSION;
  /** Whether the clock has started (startedAt given, or some time seen). */
  started: boolean;
  /** Where the clock started: startedAt, or the first time seen. */
  originMs: number;
  nowMs: number;
  /** The latest `online.count.online`, or null while the platform has reported none. */
  platformOnline: number | null;
  peakOnline: number;
  /** The session's counted tally slots (COUNTED_SLOT_COUNT values). */
  session: number[];
  counters: SessionCounters;
  presence: PresenceState;
  users: UsersState;
  windows: WindowsState;
  minutes: MinutesState;
  products: ProductsState;
  audience: AudienceState;
  activity: ActivityState;
}

export class MetricsEngine {
  private started: boolean;
  private originMs: number;
  private nowMs: number;
  private platformOnline: number | null = null;
  private peakOnline = 0;
  /** Session totals of the counted slots (TALLY_SIZE long so it can be read as a tally). */
  private readonly session = new Float64Array(TALLY_SIZE);
  private sessionCounters: SessionCounters = {
    likes: 0,
    comments: 0,
    shares: 0,
    cartAdds: 0,
    ordersCreated: 0,
    couponClaims: 0,
    productExposures: 0,
  };
  private users = new UserTable();
  private presence: Presence;
  private windows: RollingWindows;
  private minutes: MinuteSeries;
  private productBook = new ProductBook();
  private audience = new Audience();
  private activity = new ActivitySeries();

  /** Without startedAt the clock starts at the first event (or advanceTo / end). */
  constructor(options: { startedAt?: number } = {}) {
    this.started = options.startedAt !== undefined;
    this.originMs = options.startedAt ?? 0;
    this.nowMs = this.originMs;
    this.presence = new Presence(this.originMs);
    this.windows = new RollingWindows(this.originMs);
    this.minutes = MinuteSeries.startingAt(this.originMs);
  }

  /** Applies one valid, deduplicated event. Types that change no metric (retract, stream.status, unknown ones) only move time. */
  apply(event: LiveEvent): void {
    this.advanceTime(event.ts);
    this.minutes.touch();
    switch (event.type) {
      case 'viewer.enter': {
        const user = this.enter(event.user.id);
        if (event.source !== undefined) this.audience.noteSource(user, event.source);
        if (event.user.groupMember === true) this.audience.noteGroupMember(user);
        break;
      }
      case 'viewer.leave':
        this.leave(event.userId);
        break;
      case 'online.count':
        this.platformOnline = event.online;
        this.onlineChanged();
        break;
      case 'comment':
        this.sessionCounters.comments++;
        this.activity.count(ACTIVITY.comments, this.nowMs);
        this.markUser(this.users.indexOf(event.user.id), INTERACTING_USERS);
        break;
      case 'like':
        this.sessionCounters.likes = event.total ?? this.sessionCounters.likes + event.count;
        if (event.userId !== undefined) this.markUser(this.users.indexOf(event.userId), INTERACTING_USERS);
        break;
      case 'room.impression':
        this.count(IMPRESSIONS, event.count);
        break;
      case 'follow': {
        const user = this.users.indexOf(event.user.id);
        this.markUser(user, INTERACTING_USERS);
        this.markUser(user, NEW_FOLLOWERS);
        break;
      }
      case 'share':
        this.sessionCounters.shares++;
        this.markUser(this.users.indexOf(event.user.id), INTERACTING_USERS);
        break;
      case 'group.join': {
        const user = this.users.indexOf(event.user.id);
        this.markUser(user, INTERACTING_USERS);
        this.markUser(user, GROUP_JOINS);
        this.audience.noteGroupMember(user);
        break;
      }
      case 'product.exposure': {
        const count = event.count ?? 1;
        const user = event.userId === undefined ? -1 : this.users.indexOf(event.userId);
        this.sessionCounters.productExposures += count;
        this.productBook.exposure(event.productId, user, count);
        if (user !== -1) this.markUser(user, EXPOSURE_USERS);
        break;
      }
      case 'product.click': {
        const user = this.users.indexOf(event.user.id);
        this.markUser(user, CLICK_USERS);
        this.productBook.click(event.productId, user);
        this.activity.count(ACTIVITY.clicks, this.nowMs);
        break;
      }
      case 'cart.add':
        this.sessionCounters.cartAdds++;
        this.productBook.cartAdd(event.productId);
        this.audience.noteCartAdd(this.users.indexOf(event.user.id));
        this.activity.count(ACTIVITY.cartAdds, this.nowMs);
        break;
      case 'order.created':
        this.sessionCounters.ordersCreated++;
        this.productBook.orderCreated(event.productId);
        break;
      case 'order.paid': {
        const user = this.users.indexOf(event.user.id);
        this.count(PAID_ORDERS, 1);
        this.count(GMV, event.amount);
        this.markUser(user, BUYERS);
        this.productBook.orderPaid(event.orderId, event.productId, user, event.amount);
        this.audience.notePaid(user, event.amount);
        break;
      }
      case 'order.refunded': {
        const counted = this.productBook.refund(event.orderId, event.amount);
        if (counted > 0) this.count(REFUNDS, counted);
        break;
      }
      case 'coupon.claimed':
        this.sessionCounters.couponClaims++;
        this.activity.count(ACTIVITY.couponClaims, this.nowMs);
        break;
      case 'card.shown':
        this.productBook.showCard(event.productId, this.nowMs);
        break;
      case 'card.hidden':
        this.productBook.hideCard(event.productId, this.nowMs);
        break;
      default:
        // retract (a retracted comment still happened) and stream.status count for nothing.
        break;
    }
  }

  /** Time passes without events. Never goes back: an earlier time is ignored. */
  advanceTo(nowMs: number): void {
    this.advanceTime(nowMs);
  }

  /**
   * The session ended: the presence of everyone still present, and the card
   * on air, stop at endedAt (at the latest time seen, if that is later).
   * O(users), once.
   */
  end(endedAt: number): void {
    this.advanceTime(endedAt);
    for (let user = 0; user < this.users.size; user++) {
      if (this.presence.leave(this.users, user, this.nowMs)) this.windows.userLeft();
    }
    this.productBook.takeCardOffAir(this.nowMs);
    this.onlineChanged();
    this.minutes.touch();
  }

  setProducts(products: Product[]): void {
    this.productBook.setCatalog(products);
  }

  now(): number {
    return this.nowMs;
  }

  /**
   * The whole session so far. Entries per minute is PV per minute of session
   * (null before any time has passed); average watch time divides by UV, the
   * users who were ever present.
   */
  totals(): MetricValues {
    const tally = this.session.slice();
    tally[PRESENCE_MS] = this.presence.accruedMs;
    tally[PRESENT_USERS] = tally[UV]!;
    tally[ONLINE_VIEWERS] = this.onlineViewers();
    tally[PEAK_ONLINE] = this.peakOnline;
    tally[DURATION_MS] = this.started ? this.nowMs - this.originMs : 0;
    return metricValuesOf(tally);
  }

  /** The last N minutes and the N minutes before them (definition in windows.ts). */
  window(minutes: 1 | 5): WindowMetrics {
    const window: WindowIndex = minutes === 1 ? 0 : 1;
    if (!this.started) {
      const empty = emptyTally(WINDOW_SECONDS[window] * 1000);
      return { current: metricValuesOf(empty), previous: metricValuesOf(empty) };
    }
    const current = this.windows.current(window, this.presence.accruedMs, this.presence.presentCount, this.onlineViewers());
    return { current: metricValuesOf(current), previous: metricValuesOf(this.windows.previous(window)) };
  }

  /** Per-minute figures, oldest first: all of them, or the newest `newest`. */
  minuteSeries(newest = Infinity): MinuteMetrics[] {
    return this.started ? this.minutes.series(this.presence.accruedMs, newest) : [];
  }

  /** The minutes that changed since the last call, for the store to upsert. */
  takeDirtyMinutes(): MinuteMetrics[] {
    return this.started ? this.minutes.takeDirty(this.presence.accruedMs) : [];
  }

  products(): ProductStats[] {
    return this.productBook.stats(this.nowMs);
  }

  onAir(): OnAir | null {
    return this.productBook.onAir();
  }

  counters(): SessionCounters {
    return { ...this.sessionCounters };
  }

  /** Comments, clicks, cart adds and coupon claims per minute (minutes with none left out). */
  activitySeries(): MinuteActivity[] {
    return this.activity.series();
  }

  cardStints(): CardStint[] {
    return this.productBook.cardStints();
  }

  /** Every user of the session, for traffic sources and the user layers. O(users): for the recap, not the live path. */
  sessionUsers(): SessionUser[] {
    const users: SessionUser[] = [];
    const { lastSeconds } = this.users;
    this.users.ids().forEach((userId, user) => {
      const did = (slot: number) => lastSeconds[user * USER_SLOT_COUNT + slot] !== NEVER;
      users.push({
        userId,
        source: this.audience.source(user),
        entered: did(UV),
        engaged: did(INTERACTING_USERS) || did(CLICK_USERS) || this.audience.addedToCart(user),
        paid: did(BUYERS),
        paidFen: this.audience.paidFen(user),
        groupMember: this.audience.isGroupMember(user),
      });
    });
    return users;
  }


  /** METRICS.md: the platform's figure once it has reported one; before that, users present. */
  private onlineViewers(): number {
    return this.platformOnline ?? this.presence.presentCount;
  }

  private advanceTime(ms: number): void {
    if (!this.started) {
      this.startClock(ms);
      return;
    }
    if (ms <= this.nowMs) return;
    const online = this.onlineViewers();
    this.windows.advanceTo(Math.floor(ms / 1000), this.presence, online);
    // Presence accrues into the running minute, which the store must then see again.
    if (this.presence.presentCount > 0) this.minutes.touch();
    this.minutes.advanceTo(Math.floor(ms / 60_000), this.presence, online);
    this.presence.accrueTo(ms);
    this.nowMs = ms;
  }

  /** Nothing was counted before the first time seen, so the parts simply start there. */
  private startClock(ms: number): void {
    this.started = true;
    this.originMs = ms;
    this.nowMs = ms;
    this.presence = new Presence(ms);
    this.windows = new RollingWindows(ms);
    this.minutes = MinuteSeries.startingAt(ms);
  }

  /** Adds to a counted slot of the session, the windows and the running minute. */
  private count(slot: CountedSlot, amount: number): void {
    this.session[slot]! += amount;
    this.windows.add(slot, amount);
    this.minutes.count(slot, amount);
  }

  /** The user did the thing of a distinct-user slot now: counted once per session, minute and window. */
  private markUser(user: number, slot: UserSlot): void {
    const second = this.windows.second;
    const at = user * USER_SLOT_COUNT + slot;
    const lastSecond = this.users.lastSeconds[at]!;
    if (lastSecond === second) return;
    if (lastSecond === NEVER) this.session[slot]! += 1;
    this.minutes.countUser(slot, lastSecond);
    this.windows.moveUser(slot, lastSecond);
    this.users.lastSeconds[at] = second;
  }

  private enter(userId: string): number {
    const user = this.users.indexOf(userId);
    this.count(PV, 1);
    this.markUser(user, UV);
    if (!this.presence.enter(this.users, user)) return user;
    const lastLeaveMs = this.users.lastLeaveMs[user]!;
    if (lastLeaveMs !== NEVER) this.windows.userReturned(lastLeaveMs);
    this.minutes.userBecamePresent(lastLeaveMs);
    this.onlineChanged();
    return user;
  }

  /** A leave of a user never seen is a leave while absent: it changes nothing, and adds no user. */
  private leave(userId: string): void {
    const user = this.users.find(userId);
    if (user === -1 || !this.presence.leave(this.users, user, this.nowMs)) return;
    this.windows.userLeft();
    this.onlineChanged();
  }

  private onlineChanged(): void {
    const online = this.onlineViewers();
    if (online > this.peakOnline) this.peakOnline = online;
    this.windows.noteOnline(online);
    this.minutes.noteOnline(online);
  }

  toJSON(): EngineState {
    return {
      version: ENGINE_STATE_VERSION,
      started: this.started,
      originMs: this.originMs,
      nowMs: this.nowMs,
      platformOnline: this.platformOnline,
      peakOnline: this.peakOnline,
      session: Array.from(this.session.subarray(0, COUNTED_SLOT_COUNT)),
      counters: { ...this.sessionCounters },
      presence: this.presence.toJSON(),
      users: this.users.toJSON(),
      windows: this.windows.toJSON(),
      minutes: this.minutes.toJSON(),
      products: this.productBook.toJSON(),
      audience: this.audience.toJSON(this.users.size),
      activity: this.activity.toJSON(),
    };
  }

  /** Continuing after fromJSON gives exactly what never stopping would have. */
  static fromJSON(state: EngineState): MetricsEngine {
    if (state.version !== ENGINE_STATE_VERSION) throw new Error(`metrics state: version ${String(state.version)}, expected ${ENGINE_STATE_VERSION}`);
    if (state.session.length !== COUNTED_SLOT_COUNT) throw new Error(`metrics state: session has ${state.session.length} values, expected ${COUNTED_SLOT_COUNT}`);
    const engine = new MetricsEngine({ startedAt: state.originMs });
    engine.started = state.started;
    engine.nowMs = state.nowMs;
    engine.platformOnline = state.platformOnline;
    engine.peakOnline = state.peakOnline;
    engine.session.set(state.session);
    engine.sessionCounters = { ...state.counters };
    engine.presence = Presence.fromJSON(state.presence);
    engine.users = UserTable.fromJSON(state.users);
    engine.windows = RollingWindows.fromJSON(state.windows);
    engine.minutes = MinuteSeries.fromJSON(state.minutes);
    engine.productBook = ProductBook.fromJSON(state.products);
    engine.audience = Audience.fromJSON(state.audience, engine.users.size);
    engine.activity = ActivitySeries.fromJSON(state.activity);
    return engine;
  }
}
