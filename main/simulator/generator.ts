/**
 * The scenario generator: a live room's event stream, simulated one second
 * of live-room time at a time, deterministic for a given scenario and seed.
 *
 * Each simulated second is built whole, then handed out in `ts` order:
 * segment changes first (card shown/hidden, stream status), then the
 * second's activity in random interleaving, then the periodic figures
 * (online count, room impressions). Things that follow from an action
 * (a click's order, an order's payment) land in later seconds, so cause
 * always precedes effect in `seq` order.
 */
import type { Command, CommandReply, LiveEvent, Product, TrafficSource } from '../../shared/protocol/index.js';
import { Agenda } from './agenda.js';
import { Audience } from './audience.js';
import { LiveCart } from './cart.js';
import { commandAccepted, commandRejection } from './commands.js';
import { Funnel, type JourneyStep } from './funnel.js';
import { CommentWriter, type CommentIntent } from './phrasebook.js';
import type { EventProducer, Stamp } from './producer.js';
import { cumulativeWeights, Rng, seedFrom } from './rng.js';
import type { Scenario } from './scenarios/index.js';
import { segmentTraffic, Timeline, type Segment } from './timeline.js';

export interface ScenarioGeneratorOptions {
  scenario: Scenario;
  seed: number;
  /** Length of the stream in live-room time; the rundown is scaled to fit. */
  durationMs: number;
  /** Keep going past the end, the rundown starting over (for runs capped by event count rather than time). */
  loop: boolean;
  stamp: Stamp;
  /** How much more (or less) the audience comments than the scenario's viewers do (default 1): a benchmark's chatty room. */
  chattiness?: number;
  /** Called when the cart changes in a way viewers see (price, stock). */
  onCartChange?: (products: Product[]) => void;
}

/** One step of simulated time. */
const STEP_MS = 1000;
/** Periodic figures (online count, impressions, card reach) come every few seconds, as platforms report them. */
const ONLINE_EVERY_STEPS = 5;
const CARD_REACH_EVERY_STEPS = 3;
/** A coupon pushed by the host is claimed briskly for this long. */
const COUPON_PUSH_MS = 60_000;

/** Per viewer per second. */
const COMMENT_RATE = 0.0025;
const EXPOSURE_RATE = 0.006;
const PUSHED_COUPON_CLAIM_RATE = 0.001;
/** Per entry. */
const FOLLOW_PER_ENTRY = 0.03;
const SHARE_PER_ENTRY = 0.012;
const GROUP_JOIN_PER_ENTRY = 0.012;
const STORE_COUPON_PER_ENTRY = 0.02;
const SPAM_SHARE = 0.01;

const openSources: TrafficSource[] = ['feed', 'note', 'search', 'share', 'ad', 'other'];
/** At the start the reservation crowd arrives from notes (播前蓄水); later the feed dominates. */
const openingSourceWeights = cumulativeWeights([30, 35, 10, 8, 12, 5]);
const regularSourceWeights = cumulativeWeights([46, 15, 10, 7, 18, 4]);

type Plan = JourneyStep | { kind: 'retract'; commentId: string } | { kind: 'boast'; user: number; product: number };

export class ScenarioGenerator implements EventProducer {
  private readonly rng: Rng;
  private readonly timeline: Timeline;
  private readonly audience: Audience;
  private readonly cart: LiveCart;
  private readonly writer: CommentWriter;
  private readonly funnel: Funnel;
  /** Five minutes ahead: the longest delay (a refund, up to two minutes) fits. */
  private readonly agenda = new Agenda<Plan>(300);
  private readonly productIndex: Map<string, number>;
  private readonly groupId: string;

  /** The second being built: ordered head, shuffled body, periodic tail. */
  private readonly head: LiveEvent[] = [];
  private readonly body: LiveEvent[] = [];
  private readonly tail: LiveEvent[] = [];
  private readonly arrivals: number[] = [];
  /** Built but not yet taken, with their offsets. */
  private readonly pending: LiveEvent[] = [];
  private readonly pendingOffsets: number[] = [];
  private pendingNext = 0;
  /** Events caused by commands, handed out before anything pending. */
  private readonly injected: LiveEvent[] = [];

  /** The simulated second being built, or next to be built. */
  private step = 0;
  private seq = 0;
  private lastOffset = 0;
  private closed = false;
  private stopped = false;

  private segment: Segment | undefined;
  /** Product the host explains now, -1 for none. */
  private featured = -1;
  /** Product whose card is on screen, -1 for none. */
  private card = -1;
  /** Once a client pins or unpins, the cards are theirs and the rundown stops pinning. */
  private cardsByClient = false;
  private readonly couponPushes = new Map<string, number>();
  private commentCount = 0;
  private likeTotal = 0;
  private entriesSinceImpression = 0;

  constructor(private readonly options: ScenarioGeneratorOptions) {
    const { scenario } = options;
    this.rng = new Rng(seedFrom(scenario.name, options.seed));
    this.timeline = new Timeline(scenario.rundown, options.durationMs);
    this.audience = new Audience(scenario.audience.size, scenario.audience.userIdPrefix);
    this.cart = new LiveCart(scenario.products);
    this.writer = new CommentWriter(this.rng, scenario.phrases, scenario.products.map((product) => product.shortName));
    this.productIndex = new Map(scenario.products.map((product, index) => [product.id, index]));
    this.groupId = `${scenario.room.id}-fans`;
    for (const segment of scenario.rundown) {
      if (segment.product !== undefined && !scenario.products[segment.product - 1]) {
        throw new RangeError(`rundown segment "${segment.title}" names cart position ${segment.product}, which does not exist`);
      }
    }
    this.funnel = new Funnel(
      this.rng,
      this.cart,
      this.audience,
      scenario.products.map((product) => product.appeal),
      (event) => this.body.push(event),
      {
        schedule: (delay, step) => this.agenda.add(this.step, delay, step),
        bought: (user, product) => {
          if (this.rng.chance(0.2)) this.agenda.add(this.step, this.rng.between(2, 10), { kind: 'boast', user, product });
        },
        missed: (user, product) => {
          if (this.rng.chance(0.5)) this.comment(user, 'stock', product, true);
        },
      },
    );
  }

  get finished(): boolean {
    return this.stopped || (this.closed && this.pendingNext >= this.pending.length && this.injected.length === 0);
  }

  take(max: number, untilOffsetMs: number, out: LiveEvent[]): number {
    if (this.stopped) return 0;
    let taken = 0;
    while (taken < max && this.injected.length > 0) {
      const event = this.injected.shift();
      if (!event) break;
      // A command's effect happens "now": at the point the stream has reached.
      event.ts = this.options.stamp(this.lastOffset);
      out.push(this.number(event));
      taken++;
    }
    while (taken < max) {
      const event = this.pending[this.pendingNext];
      const offset = this.pendingOffsets[this.pendingNext];
      if (event === undefined || offset === undefined) {
        if (this.closed || this.step * STEP_MS > untilOffsetMs) break;
        this.pending.length = 0;
        this.pendingOffsets.length = 0;
        this.pendingNext = 0;
        this.buildStep();
        this.step++;
        continue;
      }
      if (offset > untilOffsetMs) break;
      this.pendingNext++;
      this.lastOffset = offset;
      out.push(this.number(event));
      taken++;
    }
    return taken;
  }

  finish(): void {
    this.stopped = true;
    this.pending.length = 0;
    this.pendingOffsets.length = 0;
    this.pendingNext = 0;
    this.injected.length = 0;
  }

  products(): Product[] {
    return this.cart.snapshot();
  }

  command(command: Command): CommandReply {
    if (this.closed || this.stopped) return commandRejection('stream_ended', 'the stream has ended');
    switch (command.type) {
      case 'card.pin': {
        const product = this.productIndex.get(command.productId);
        if (product === undefined) return commandRejection('unknown_product', `no product ${command.productId} in the live cart`);
        this.cardsByClient = true;
        this.showCard(product, this.injected);
        return commandAccepted;
      }
      case 'card.unpin':
        this.cardsByClient = true;
        this.showCard(-1, this.injected);
        return commandAccepted;
      case 'coupon.push':
        this.couponPushes.set(command.couponId, this.lastOffset + COUPON_PUSH_MS);
        return commandAccepted;
      case 'comment.pin':
        // A pinned comment shows on screen; the platform reports nothing back.
        return commandAccepted;
    }
  }

  private number(event: LiveEvent): LiveEvent {
    event.seq = ++this.seq;
    return event;
  }

  /** Builds simulated second number `this.step`. */
  private buildStep(): void {
    const step = this.step;
    const offset = step * STEP_MS;
    const { durationMs } = this.timeline;
    if (!this.options.loop && offset >= durationMs) {
      this.closeStream();
      this.flush(offset);
      return;
    }
    if (step === 0) this.head.push({ seq: 0, ts: 0, type: 'stream.status', status: 'live' });
    const lapOffset = offset % durationMs;
    const segment = this.timeline.segmentAt(lapOffset);
    if (segment !== this.segment) this.beginSegment(segment, offset - lapOffset);
    const intensity = this.timeline.intensityAt(lapOffset, segment);

    for (const plan of this.agenda.takeDue(step)) this.carryOut(plan);
    this.leaves(segment);
    const entries = this.entries(intensity, segment);
    this.chatter(segment, intensity);
    this.interactions(entries, segment);
    this.shopping(offset, entries);
    if (step % CARD_REACH_EVERY_STEPS === 0 && this.card >= 0) this.funnel.cardSeen(this.card, this.audience.online);
    if (step % ONLINE_EVERY_STEPS === ONLINE_EVERY_STEPS - 1) this.periodicFigures();

    for (const user of this.arrivals) this.audience.enter(user);
    this.arrivals.length = 0;
    this.flush(offset);
    const cartChange = this.cart.reportDue(offset);
    if (cartChange) this.options.onCartChange?.(cartChange);
  }

  /** The rundown moves on: flash prices, restocks, coupon pushes and (unless a client took over) the card. */
  private beginSegment(segment: Segment, lapStartMs: number): void {
    const previous = this.segment;
    if (previous?.flashPrice && previous.product !== undefined) this.cart.endFlashSale(previous.product - 1);
    this.segment = segment;
    this.featured = segment.product === undefined ? -1 : segment.product - 1;
    if (this.featured >= 0) {
      if (segment.flashPrice) this.cart.startFlashSale(this.featured);
      if (segment.restock) this.cart.restock(this.featured, segment.restock);
    }
    if (segment.coupon) this.couponPushes.set(segment.coupon, lapStartMs + segment.endMs);
    if (this.cardsByClient) this.funnel.focus(this.featured, this.card);
    else this.showCard(this.featured, this.head);
  }

  private showCard(product: number, into: LiveEvent[]): void {
    if (this.card >= 0 && this.card !== product) into.push({ seq: 0, ts: 0, type: 'card.hidden', productId: this.cart.productId(this.card) });
    if (product >= 0) into.push({ seq: 0, ts: 0, type: 'card.shown', productId: this.cart.productId(product) });
    this.card = product;
    this.funnel.focus(this.featured, this.card);
  }

  private closeStream(): void {
    this.showCard(-1, this.head);
    this.head.push({ seq: 0, ts: 0, type: 'stream.status', status: 'ended' });
    this.closed = true;
  }

  private carryOut(plan: Plan): void {
    switch (plan.kind) {
      case 'retract':
        this.body.push({ seq: 0, ts: 0, type: 'retract', ids: [plan.commentId] });
        return;
      case 'boast':
        this.comment(plan.user, 'purchased', plan.product, this.rng.chance(0.3));
        return;
      default:
        this.funnel.advance(plan);
    }
  }

  private leaves(segment: Segment): void {
    const { averageWatchSeconds } = this.options.scenario.audience;
    const hazard = 1 / (averageWatchSeconds * segmentTraffic[segment.kind].stay);
    const count = this.rng.poisson(this.audience.online * hazard);
    for (let i = 0; i < count; i++) {
      const user = this.audience.drawPresent(this.rng);
      if (user < 0) return;
      this.audience.leave(user);
      this.body.push({ seq: 0, ts: 0, type: 'viewer.leave', userId: this.audience.user(user).id });
    }
  }

  /** Arrivals join the room at the end of the second, so nobody comments before entering. */
  private entries(intensity: number, segment: Segment): number {
    const count = this.rng.poisson(this.options.scenario.audience.entriesPerSecond * intensity);
    const sources = segment.kind === 'opening' ? openingSourceWeights : regularSourceWeights;
    for (let i = 0; i < count; i++) {
      let visitor = this.audience.drawVisitor(this.rng);
      if (this.audience.isPresent(visitor)) visitor = this.audience.drawVisitor(this.rng);
      const user = this.audience.user(visitor);
      const source: TrafficSource =
        user.groupMember && this.rng.chance(0.4)
          ? 'group'
          : user.follower && this.rng.chance(0.45)
            ? 'follow'
            : (openSources[this.rng.weighted(sources)] ?? 'feed');
      this.body.push({ seq: 0, ts: 0, type: 'viewer.enter', user, source });
      this.arrivals.push(visitor);
    }
    this.entriesSinceImpression += count;
    return count;
  }

  private chatter(segment: Segment, intensity: number): void {
    const online = this.audience.online;
    const traffic = segmentTraffic[segment.kind];
    const comments = this.rng.poisson(online * COMMENT_RATE * traffic.chat * (this.options.chattiness ?? 1));
    for (let i = 0; i < comments; i++) {
      const user = this.audience.drawPresent(this.rng);
      if (user < 0) break;
      if (this.rng.chance(SPAM_SHARE)) {
        const commentId = this.postComment(user, this.writer.spam());
        this.agenda.add(this.step, this.rng.between(2, 8), { kind: 'retract', commentId });
        continue;
      }
      const intent = this.writer.intentFor(segment.kind);
      const product = this.featured >= 0 && this.rng.chance(0.7) ? this.featured : this.funnel.drawProduct();
      this.comment(user, intent, product, this.rng.chance(product === this.featured ? 0.25 : 0.6));
    }
    // Likes arrive aggregated, and in floods when something exciting happens.
    let likeEvents = this.rng.poisson((online / 150) * intensity);
    if (this.rng.chance(segment.kind === 'deal' ? 0.06 : 0.02)) likeEvents += this.rng.between(10, 30);
    for (let i = 0; i < likeEvents; i++) {
      const count = 1 + Math.floor(this.rng.next() ** 3 * 60);
      this.likeTotal += count;
      const user = this.rng.chance(0.8) ? this.audience.drawPresent(this.rng) : -1;
      this.body.push(
        user >= 0
          ? { seq: 0, ts: 0, type: 'like', userId: this.audience.user(user).id, count, total: this.likeTotal }
          : { seq: 0, ts: 0, type: 'like', count, total: this.likeTotal },
      );
    }
  }

  private interactions(entries: number, segment: Segment): void {
    const sharing = segment.kind === 'deal' ? 2 : 1;
    const joining = segment.kind === 'interlude' || segment.kind === 'closing' ? 2 : 1;
    for (let i = this.rng.poisson(entries * FOLLOW_PER_ENTRY); i > 0; i--) {
      const user = this.audience.drawPresent(this.rng);
      if (user < 0 || this.audience.user(user).follower) continue;
      this.body.push({ seq: 0, ts: 0, type: 'follow', user: this.audience.user(user) });
      this.audience.follow(user);
    }
    for (let i = this.rng.poisson(entries * SHARE_PER_ENTRY * sharing); i > 0; i--) {
      const user = this.audience.drawPresent(this.rng);
      if (user >= 0) this.body.push({ seq: 0, ts: 0, type: 'share', user: this.audience.user(user) });
    }
    for (let i = this.rng.poisson(entries * GROUP_JOIN_PER_ENTRY * joining); i > 0; i--) {
      const user = this.audience.drawPresent(this.rng);
      if (user < 0 || this.audience.user(user).groupMember) continue;
      this.body.push({ seq: 0, ts: 0, type: 'group.join', user: this.audience.user(user), groupId: this.groupId });
      this.audience.joinGroup(user);
    }
  }

  private shopping(offset: number, entries: number): void {
    const online = this.audience.online;
    for (let i = this.rng.poisson(online * EXPOSURE_RATE); i > 0; i--) {
      const user = this.audience.drawPresent(this.rng);
      if (user >= 0) this.funnel.expose(user);
    }
    const { coupons } = this.options.scenario;
    for (let i = this.rng.poisson(entries * STORE_COUPON_PER_ENTRY); i > 0; i--) this.claimCoupon(this.rng.pick(coupons));
    for (const [couponId, until] of this.couponPushes) {
      if (offset >= until) {
        this.couponPushes.delete(couponId);
        continue;
      }
      for (let i = this.rng.poisson(online * PUSHED_COUPON_CLAIM_RATE); i > 0; i--) this.claimCoupon(couponId);
    }
  }

  private claimCoupon(couponId: string): void {
    const user = this.audience.drawPresent(this.rng);
    if (user >= 0) this.body.push({ seq: 0, ts: 0, type: 'coupon.claimed', couponId, user: this.audience.user(user) });
  }

  private periodicFigures(): void {
    this.tail.push({ seq: 0, ts: 0, type: 'online.count', online: this.audience.online, cumulative: this.audience.cumulative });
    // Roughly one in ten feed impressions of the room turns into an entry.
    const impressions = this.entriesSinceImpression * this.rng.between(7, 12);
    if (impressions > 0) this.tail.push({ seq: 0, ts: 0, type: 'room.impression', count: impressions });
    this.entriesSinceImpression = 0;
  }

  private comment(user: number, intent: CommentIntent, product: number, mention: boolean): void {
    this.postComment(user, this.writer.write(intent, product, mention && this.writer.isAboutProduct(intent)));
  }

  private postComment(user: number, text: string): string {
    const id = `c${++this.commentCount}`;
    this.body.push({ seq: 0, ts: 0, type: 'comment', id, user: this.audience.user(user), text });
    return id;
  }

  /** Lays the built second out in time: head at its start, body spread across it in random order, tail at its end. */
  private flush(offset: number): void {
    for (const event of this.head) this.schedule(event, offset);
    const body = this.body;
    const count = body.length;
    for (let i = count - 1; i > 0; i--) {
      const j = this.rng.below(i + 1);
      const swap = body[i];
      const other = body[j];
      if (swap && other) {
        body[i] = other;
        body[j] = swap;
      }
    }
    body.forEach((event, i) => this.schedule(event, offset + Math.floor(((i + this.rng.next()) * STEP_MS) / count)));
    for (const event of this.tail) this.schedule(event, offset + STEP_MS - 1);
    this.head.length = 0;
    this.body.length = 0;
    this.tail.length = 0;
  }

  private schedule(event: LiveEvent, offset: number): void {
    event.ts = this.options.stamp(offset);
    this.pending.push(event);
    this.pendingOffsets.push(offset);
  }
}
