/**
 * The co-pilot engine: ranks talking points for the host, every second.
 *
 * Pure and deterministic: time is the live room's event time, passed in.
 * Comments are fed as they are classified (`addComment`); `tick` turns the
 * questions of the last minutes, the product on air, its buying points and
 * the metric windows into a ranked list of suggestions:
 * - question clusters → the buying point that answers them (the count of
 *   distinct askers in the reason);
 * - unanswered questions older than 60 s → a reminder, one per product and
 *   intent (3 people asking 多少钱 are one reminder with 3 askers and every
 *   comment id in `sources`);
 * - viewer surge → welcome, and a hook that asks the newcomers something;
 * - clicks high but orders low → the actual price as anchor, the merchant's
 *   coupon quoted verbatim (none in the catalog → no coupon cue), and the top
 *   objection: the intent most askers asked about the card on air, named
 *   with its count;
 * - online dropping → an interaction hook; sustained (the minute and the five
 *   minutes both down) while the card on air has not sold → switch;
 * - a card on air long without orders → switch; stock low → announce it as the
 *   gateway reports it; many new followers → the group chat.
 *
 * Suggestions that say the same thing about the same product (the same
 * normalised statement: the price line of a price answer, the price anchor and
 * a price objection) are merged into one — the highest priority's line, every
 * reason and source — so the host's 3 are 3 different things. Marking a
 * merged suggestion marks all it merged.
 *
 * 真诚经营: a line is either a merchant's buying point or a template below.
 * No template invents scarcity or a price: stock is only quoted when the
 * gateway reports it, a price only as the product's actual price, a coupon
 * only as the merchant wrote it. Every line passes `checkLine` against the
 * product's facts (price, coupon; the stock line against the gateway's
 * stock); a flagged buying point is reported in `flagged` and never
 * suggested.
 */
import { commentIntents, type CommentIntent } from '../comments/intents.js';
import type { MetricValues } from '../metrics/keys.js';
import type { BuyingPoint, ProductCategory } from './catalog.js';
import { checkLine, type ComplianceFlag, type LineContext } from './compliance.js';

export const suggestionKinds = ['buyingPoint', 'answer', 'welcome', 'priceAnchor', 'coupon', 'objection', 'hook', 'switch', 'stockLow', 'groupInvite'] as const;
export type SuggestionKind = (typeof suggestionKinds)[number];

export interface Suggestion {
  /** Stable key: the same cue on the next tick has the same id, so marks stick; a merged suggestion has its highest-priority member's id. */
  id: string;
  kind: SuggestionKind;
  /** What the host can say (zh-CN). */
  line: string;
  /** Why, with its numbers (zh-CN). */
  reason: string;
  /** A buyer's question the suggestion answers, shown as text (never HTML). */
  quote: string | null;
  priority: number;
  productId: string | null;
  /** Event time the cue first appeared, and when it stops being shown. */
  createdAt: number;
  expiresAt: number;
  /** What it came from: buying point ids, comment ids, metric keys (of every suggestion merged into it). */
  sources: string[];
}

/** A comment as the engine needs it: classified, its product resolved (shared/comments). */
export interface EngineComment {
  id: string;
  ts: number;
  /** Counts distinct askers; the user's name when no id is known. */
  userId: string;
  text: string;
  intent: CommentIntent;
  question: boolean;
  productId: string | null;
  answered?: boolean;
}

export interface EngineProduct {
  id: string;
  title: string;
  /** Fen, as the gateway sends it. */
  price: number;
  /** Only what the gateway reports; never guessed. */
  stock?: number | undefined;
  /** Paid orders of the session so far (for "on air long without orders"). */
  paidOrders: number;
  /** The merchant's coupon for it, as written in the catalog (e.g. 满199减30); never invented. */
  coupon?: string | null | undefined;
}

export interface EngineWindow {
  current: MetricValues;
  previous: MetricValues;
}

export interface TickInput {
  now: number;
  onAir: { productId: string; since: number } | null;
  products: readonly EngineProduct[];
  windows: { m1: EngineWindow; m5: EngineWindow };
  /** Accepted buying points only; others are ignored. */
  buyingPoints: readonly BuyingPoint[];
  categories: Readonly<Record<string, ProductCategory>>;
}

export interface FlaggedLine {
  buyingPointId: string;
  productId: string;
  line: string;
  flags: ComplianceFlag[];
}

/** The host sees at most this many at once (the overlay shows the first). */
export const HOST_SUGGESTIONS = 3;

export const COPILOT = {
  /** Questions older than this no longer say what the audience wants now. */
  QUESTION_WINDOW_MS: 5 * 60_000,
  /** A buying point is suggested once this many different people asked for it; one asker is a reply, not a trend. */
  CLUSTER_MIN_ASKERS: 3,
  /** Only the largest clusters become suggestions: more than the console lists is noise (and bounds the tick). */
  CLUSTER_MAX: 6,
  /** A buyer's question left this long deserves a reminder (the spec's 60 s). */
  UNANSWERED_AFTER_MS: 60_000,
  /** After this, an unanswered question is stale: the asker has likely left. */
  UNANSWERED_UNTIL_MS: 3 * 60_000,
  /** At most this many "answer it" reminders at once, so they cannot crowd out everything else. */
  ANSWER_MAX: 2,
  /** Questions looked at per tick when picking reminders (keeps the tick bounded at any rate). */
  ANSWER_SCAN: 400,
  /** Entries in the last minute at least this many times the minute before → a surge... */
  SURGE_RATIO: 2,
  /** ...and at least this many entries, so 2 → 4 viewers is not a surge. */
  SURGE_MIN_ENTRIES: 20,
  /** Online viewers down this fraction against the minute before → hook; down as much over five minutes too (sustained) → switch. */
  DROP_RATIO: 0.2,
  /** A sustained drop only suggests switching a card on air at least this long: a card just shown has not had its chance. */
  DROP_SWITCH_MIN_ON_AIR_MS: 2 * 60_000,
  /** Below this many viewers, swings are noise. */
  DROP_MIN_VIEWERS: 30,
  /** Clicks high but orders low: at least this many click users in 5 minutes... */
  CLICKS_MIN: 30,
  /** ...and paid orders under this share of them. */
  CLICK_BUY_MAX: 0.03,
  /** The top objection needs this many distinct askers of one intent about the card on air (as a cluster does)... */
  OBJECTION_MIN_ASKERS: 3,
  /**
   * ...counted over the newest this many questions of the window: the whole 5 minutes of any room asking under
   * 10 questions a second, the last seconds of a busier one (a large enough sample of what is asked now). Counted
   * when the cue is due, not kept per comment: a distinct-asker count per product and intent costs ~2 ms a tick at
   * 2,000 comments a second.
   */
  OBJECTION_SCAN: 3_000,
  /** A card on air this long without a paid order → switch. */
  STALE_ON_AIR_MS: 8 * 60_000,
  /** Stock at or under this (as the gateway reports it) is worth announcing, honestly. */
  LOW_STOCK: 10,
  /** New followers in 5 minutes that make inviting to the group chat worth a line (the P of NPL). */
  FOLLOWERS_MIN: 10,
  /** How long a metric cue stays up once raised (it is about a moment). */
  CUE_TTL_MS: 60_000,
  /** How long a question-driven point stays up after its last refresh. */
  POINT_TTL_MS: 30_000,
  /** After being used, dismissed or expiring, a cue stays away this long. */
  COOL_DOWN_MS: 5 * 60_000,
} as const;

/** Cues whose expiry is fixed when raised (they are about a moment); others live while their condition holds. */
const MOMENT_CUES: ReadonlySet<SuggestionKind> = new Set(['welcome', 'hook', 'groupInvite']);

/** What the audience asked about, as the host names it (最多人问的是…); chat and "已拍" are no objection. */
const OBJECTION_LABELS: Partial<Record<CommentIntent, string>> = {
  price: '价格',
  spec: '规格',
  suitability: '适不适合自己',
  efficacy: '效果',
  ingredient: '成分',
  usage: '怎么用',
  shipping: '发货',
  link: '链接在哪',
  promotion: '优惠',
  stock: '有没有货',
  aftersales: '售后',
  authenticity: '是不是正品',
};
const objectionLabel = (intent: CommentIntent, category: ProductCategory | undefined) =>
  intent === 'spec' && category === 'apparel' ? '尺码' : (OBJECTION_LABELS[intent] ?? null);

/** The surge hook: a question every newcomer can answer, about the card on air's category. */
const SURGE_HOOKS: Partial<Record<ProductCategory, string>> = {
  skincare: '刚进来的姐妹扣一下自己的肤质，干皮、油皮还是敏感肌，我帮你看适不适合',
  makeup: '刚进来的姐妹把自己的肤色、肤质打在公屏上，我帮你挑色号',
  apparel: '刚进来的朋友把身高体重打在公屏上，我帮你看尺码',
  baby: '刚进来的爸妈把宝宝月龄打在公屏上，我帮你看合不合适',
  food: '刚进来的朋友扣一下平时爱吃什么口味，我帮你看合不合适',
};
const SURGE_HOOK = '刚进来的朋友有什么想问的直接打在公屏上，我挨个回答';

/** Intents of buyers ready to buy: their questions go first. */
const PURCHASE_INTENTS: ReadonlySet<CommentIntent> = new Set(['price', 'stock', 'link', 'promotion', 'shipping', 'suitability', 'spec']);

const PRIORITY = {
  answerOnAir: 70,
  answer: 55,
  cluster: 60,
  clusterPerAsker: 2,
  clusterOnAir: 15,
  priceAnchor: 65,
  coupon: 64,
  welcome: 62,
  surgeHook: 61,
  stockLow: 58,
  dropSwitch: 57,
  hook: 56,
  switch: 54,
  groupInvite: 40,
  onAirPoint: 20,
} as const;

interface QuestionEntry {
  comment: EngineComment;
  /** The product it is about: its own reference, else the card on air when it was processed. */
  productId: string | null;
  /** Buying points it matched (at processing time). */
  points: string[];
  /** The question as the reason quotes it; computed only when it matched a point. */
  key: string;
}

/** A suggestion before timing and merging: what it says (`say`) decides what it merges with. */
type Candidate = Omit<Suggestion, 'createdAt' | 'expiresAt'> & { ttl: number; say: string; comments: readonly string[] };
type Add = (s: Omit<Suggestion, 'createdAt' | 'expiresAt'>, ttl: number, options?: AddOptions) => void;
interface AddOptions {
  /** The statement it makes, when the line wraps it (最多人问的是价格（3 人），<the price line>); the line otherwise. */
  say?: string;
  /** The comments it answers: marking it marks them answered. */
  comments?: readonly string[];
  /** The gateway's stock, for the one line that quotes it. */
  stock?: number;
}

interface ClusterCount {
  /** Asker → their questions in the window. */
  askers: Map<string, number>;
  /** Question text → how many asked it that way (the reason quotes the most common). */
  texts: Map<string, number>;
}

const NO_POINTS: string[] = [];
const yuan = (fen: number) => (fen % 100 === 0 ? String(fen / 100) : (fen / 100).toFixed(2));
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const num = (v: number | null | undefined) => v ?? 0;
const normaliseQuestion = (text: string) => text.trim().replace(/\s+/g, ' ').replace(/[?？!！。.~～]+$/u, '').slice(0, 40);
/** What a line says, for merging: width, case, spaces and punctuation do not change it. */
const normaliseLine = (text: string) => text.normalize('NFKC').toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');
/** The product's actual price, the one way every template says it (so price answers, anchors and objections merge). */
const priceLine = (product: EngineProduct) => `${product.title} 现在的价格是 ¥${yuan(product.price)}`;
const couponLine = (product: EngineProduct, coupon: string) => `${product.title} 有优惠券：${coupon}，下单前记得先领`;
const intentKey = (productId: string, intent: CommentIntent) => `${productId}\u0001${intent}`;
const INTENT_INDEX = Object.fromEntries(commentIntents.map((intent, i) => [intent, i])) as Record<CommentIntent, number>;
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export class TalkingPointEngine {
  private pending: EngineComment[] = [];
  private readonly questions: QuestionEntry[] = [];
  private head = 0;
  private readonly clusters = new Map<string, ClusterCount>();
  private readonly answered = new Set<string>();
  private pointsSignature = '';
  private pointsById = new Map<string, BuyingPoint>();
  /** Accepted, unflagged points per product. */
  private pointsByProduct = new Map<string, BuyingPoint[]>();
  private readonly live = new Map<string, Suggestion>();
  /** Per suggestion shown: the ids merged into it and the comments it answers. */
  private merged = new Map<string, { ids: readonly string[]; comments: readonly string[] }>();
  /** Every candidate id of the last tick (merged or not) → when it appeared and when it expires. */
  private timing = new Map<string, { createdAt: number; expiresAt: number }>();
  private readonly coolDown = new Map<string, number>();
  private onAirOrders: { productId: string; since: number; orders: number } | null = null;
  private lastNow = 0;
  /** Buying points whose line is flagged: shown to the merchant, never suggested. */
  flagged: FlaggedLine[] = [];

  addComment(comment: EngineComment): void {
    if (!comment.question) return;
    this.pending.push(comment);
    if (comment.answered) this.answered.add(comment.id);
  }

  /**
   * A comment was answered (or not). Answering one of a merged reminder's comments answers them all — the host
   * said the price once for every asker — and what it was merged with cools down.
   */
  markAnswered(commentId: string, answered = true): void {
    if (!answered) {
      // Un-marked: its reminder may come back.
      this.answered.delete(commentId);
      this.coolDown.delete(`answer:${commentId}`);
      return;
    }
    this.answered.add(commentId);
    for (const [id, group] of this.merged) {
      if (group.comments.includes(commentId)) this.settle(id, this.lastNow);
    }
  }

  /**
   * The host or assistant used or dismissed a suggestion: it leaves and stays away for the cool-down, with
   * everything merged into it; the questions it answered count as answered.
   */
  mark(suggestionId: string, now: number): Suggestion | null {
    let id = suggestionId;
    if (!this.live.has(id)) for (const [winner, group] of this.merged) if (group.ids.includes(suggestionId)) id = winner;
    const suggestion = this.live.get(id) ?? null;
    this.coolDown.set(suggestionId, now + COPILOT.COOL_DOWN_MS);
    this.settle(id, now);
    return suggestion;
  }

  private settle(id: string, now: number): void {
    const group = this.merged.get(id);
    this.live.delete(id);
    this.merged.delete(id);
    this.coolDown.set(id, now + COPILOT.COOL_DOWN_MS);
    if (!group) return;
    for (const other of group.ids) this.coolDown.set(other, now + COPILOT.COOL_DOWN_MS);
    for (const comment of group.comments) this.answered.add(comment);
  }

  /** The suggestion with this id as last ranked, if it is still up. */
  get(suggestionId: string): Suggestion | null {
    return this.live.get(suggestionId) ?? null;
  }

  tick(input: TickInput): Suggestion[] {
    const { now } = input;
    this.lastNow = now;
    const products = new Map(input.products.map((p) => [p.id, p]));
    this.loadPoints(input, products);
    this.ingest(input);
    this.expire(now);
    const candidates: Candidate[] = [];
    const add: Add = (s, ttl, options = {}) => {
      const until = this.coolDown.get(s.id);
      if (until !== undefined && until > now) return;
      const product = s.productId !== null ? products.get(s.productId) : undefined;
      const category = s.productId !== null ? input.categories[s.productId] : undefined;
      // The product's title is the platform's listing (the card on air shows it), not a claim a template makes.
      const checked = s.kind !== 'buyingPoint' && product && product.title !== '' ? s.line.split(product.title).join(' ') : s.line;
      const context: LineContext = { price: product?.price ?? null, coupon: product?.coupon ?? null, stock: options.stock ?? null };
      if (checkLine(checked, category ?? 'other', context).length > 0) return;
      candidates.push({ ...s, ttl, say: `${s.productId ?? ''}|${normaliseLine(options.say ?? s.line)}`, comments: options.comments ?? [] });
    };
    this.clusterPoints(input, add);
    this.onAirPoints(input, add);
    this.unanswered(input, products, add);
    this.metricCues(input, products, add);
    return this.rank(candidates, now);
  }

  /** One per id, timed; then one per statement (merged); ranked. */
  private rank(candidates: readonly Candidate[], now: number): Suggestion[] {
    const byId = new Map<string, Candidate>();
    for (const c of candidates) {
      const existing = byId.get(c.id);
      if (!existing || c.priority > existing.priority) byId.set(c.id, c);
    }
    const timing = new Map<string, { createdAt: number; expiresAt: number }>();
    const timed: (Candidate & { createdAt: number; expiresAt: number })[] = [];
    for (const c of byId.values()) {
      const before = this.timing.get(c.id);
      const createdAt = before?.createdAt ?? now;
      const expiresAt = MOMENT_CUES.has(c.kind) && before ? before.expiresAt : now + c.ttl;
      if (expiresAt <= now) {
        this.coolDown.set(c.id, now + COPILOT.COOL_DOWN_MS);
        continue;
      }
      timing.set(c.id, { createdAt, expiresAt });
      timed.push({ ...c, createdAt, expiresAt });
    }
    this.timing = timing;

    // The highest priority of each statement leads; the others add their reasons, sources and comments.
    timed.sort((a, b) => b.priority - a.priority || byText(a.id, b.id));
    const groups = new Map<string, { suggestion: Suggestion; ids: string[]; comments: string[] }>();
    for (const c of timed) {
      const group = groups.get(c.say);
      if (!group) {
        const { ttl: _ttl, say: _say, comments, ...suggestion } = c;
        groups.set(c.say, { suggestion: { ...suggestion, sources: [...suggestion.sources] }, ids: [], comments: [...comments] });
        continue;
      }
      const s = group.suggestion;
      group.ids.push(c.id);
      group.comments.push(...c.comments);
      for (const source of c.sources) if (!s.sources.includes(source)) s.sources.push(source);
      if (!s.reason.includes(c.reason)) s.reason = `${s.reason}；${c.reason}`;
      s.quote ??= c.quote;
      s.createdAt = Math.min(s.createdAt, c.createdAt);
      s.expiresAt = Math.max(s.expiresAt, c.expiresAt);
    }
    this.live.clear();
    this.merged = new Map();
    const ranked: Suggestion[] = [];
    for (const { suggestion, ids, comments } of groups.values()) {
      this.live.set(suggestion.id, suggestion);
      if (ids.length > 0 || comments.length > 0) this.merged.set(suggestion.id, { ids, comments });
      ranked.push(suggestion);
    }
    return ranked.sort((a, b) => b.priority - a.priority || a.createdAt - b.createdAt || byText(a.id, b.id));
  }

  private loadPoints(input: TickInput, products: ReadonlyMap<string, EngineProduct>): void {
    // A line is checked against its product's price and coupon: they are part of what decides it.
    const signature = input.buyingPoints.map((p) => `${p.id}:${p.status}:${p.line}:${p.answers.join(',')}:${p.keywords.join(',')}`).join('|') +
      `#${Object.entries(input.categories).map(([k, v]) => `${k}=${v}`).join(',')}` +
      `#${input.products.map((p) => `${p.id}=${p.price}/${p.coupon ?? ''}`).join(',')}`;
    if (signature === this.pointsSignature) return;
    this.pointsSignature = signature;
    this.pointsById = new Map();
    this.pointsByProduct = new Map();
    this.flagged = [];
    for (const point of input.buyingPoints) {
      if (point.status !== 'accepted') continue;
      // Never the stock: a stored line cannot follow it.
      const product = products.get(point.productId);
      const flags = checkLine(point.line, input.categories[point.productId] ?? 'other', { price: product?.price ?? null, coupon: product?.coupon ?? null });
      if (flags.length > 0) {
        this.flagged.push({ buyingPointId: point.id, productId: point.productId, line: point.line, flags });
        continue;
      }
      this.pointsById.set(point.id, point);
      const list = this.pointsByProduct.get(point.productId) ?? [];
      list.push(point);
      this.pointsByProduct.set(point.productId, list);
    }
    // The points changed: re-match the questions still in the window.
    this.clusters.clear();
    for (let i = this.head; i < this.questions.length; i++) {
      const entry = this.questions[i]!;
      entry.points = this.match(entry.comment, entry.productId);
      this.countPoints(entry, 1);
    }
  }

  private match(comment: EngineComment, productId: string | null): string[] {
    if (productId === null) return NO_POINTS;
    const points = this.pointsByProduct.get(productId);
    if (!points) return NO_POINTS;
    let matched: string[] | null = null;
    for (const point of points) {
      if (!point.answers.includes(comment.intent)) continue;
      if (point.keywords.length > 0 && !point.keywords.some((k) => comment.text.includes(k))) continue;
      (matched ??= []).push(point.id);
    }
    return matched ?? NO_POINTS;
  }

  private countPoints(entry: QuestionEntry, delta: 1 | -1): void {
    if (entry.points.length === 0) return;
    if (entry.key === '') entry.key = normaliseQuestion(entry.comment.text);
    const key = entry.key;
    for (const pointId of entry.points) {
      let cluster = this.clusters.get(pointId);
      if (!cluster) this.clusters.set(pointId, (cluster = { askers: new Map(), texts: new Map() }));
      bump(cluster.askers, entry.comment.userId, delta);
      bump(cluster.texts, key, delta);
      if (cluster.askers.size === 0) this.clusters.delete(pointId);
    }
  }

  private ingest(input: TickInput): void {
    const pending = this.pending;
    this.pending = [];
    for (const comment of pending) {
      const productId = comment.productId ?? input.onAir?.productId ?? null;
      const entry: QuestionEntry = { comment, productId, points: this.match(comment, productId), key: '' };
      this.questions.push(entry);
      this.countPoints(entry, 1);
    }
  }

  private expire(now: number): void {
    const horizon = now - COPILOT.QUESTION_WINDOW_MS;
    while (this.head < this.questions.length && this.questions[this.head]!.comment.ts < horizon) {
      const entry = this.questions[this.head]!;
      this.countPoints(entry, -1);
      this.answered.delete(entry.comment.id);
      this.head++;
    }
    if (this.head > 4096 && this.head > this.questions.length / 2) {
      this.questions.splice(0, this.head);
      this.head = 0;
    }
    for (const [id, until] of this.coolDown) if (until <= now) this.coolDown.delete(id);
  }

  private clusterPoints(input: TickInput, add: Add): void {
    const ranked: [string, ClusterCount][] = [];
    for (const entry of this.clusters) if (entry[1].askers.size >= COPILOT.CLUSTER_MIN_ASKERS) ranked.push(entry);
    ranked.sort((a, b) => b[1].askers.size - a[1].askers.size || (a[0] < b[0] ? -1 : 1));
    for (const [pointId, cluster] of ranked.slice(0, COPILOT.CLUSTER_MAX)) {
      const askers = cluster.askers.size;
      const point = this.pointsById.get(pointId);
      if (!point) continue;
      let top = '';
      let topCount = 0;
      for (const [text, n] of cluster.texts) if (n > topCount || (n === topCount && text < top)) [top, topCount] = [text, n];
      const onAir = input.onAir?.productId === point.productId;
      add(
        {
          id: `point:${point.id}`,
          kind: 'buyingPoint',
          line: point.line,
          reason: `${askers} 位观众问「${top}」`,
          quote: top,
          priority: PRIORITY.cluster + Math.min(askers, 20) * PRIORITY.clusterPerAsker + (onAir ? PRIORITY.clusterOnAir : 0),
          productId: point.productId,
          sources: [point.id],
        },
        COPILOT.POINT_TTL_MS,
      );
    }
  }

  /** The card on air: its first buying point, as the default thing to talk about. */
  private onAirPoints(input: TickInput, add: Add): void {
    if (!input.onAir) return;
    const points = this.pointsByProduct.get(input.onAir.productId) ?? [];
    const title = input.products.find((p) => p.id === input.onAir!.productId)?.title ?? input.onAir.productId;
    points.slice(0, 2).forEach((point, i) =>
      add(
        {
          id: `point:${point.id}`,
          kind: 'buyingPoint',
          line: point.line,
          reason: `讲解中：${title}${point.audience ? ` · ${point.audience}` : ''}`,
          quote: null,
          priority: PRIORITY.onAirPoint - i,
          productId: point.productId,
          sources: [point.id],
        },
        COPILOT.POINT_TTL_MS,
      ),
    );
  }

  private unanswered(input: TickInput, products: ReadonlyMap<string, EngineProduct>, add: Add): void {
    const { now } = input;
    const newest = now - COPILOT.UNANSWERED_AFTER_MS;
    const oldest = now - COPILOT.UNANSWERED_UNTIL_MS;
    // Questions are in arrival order: find the last one old enough (binary search), then walk back.
    let lo = this.head;
    let end = this.questions.length;
    while (lo < end) {
      const mid = (lo + end) >>> 1;
      if (this.questions[mid]!.comment.ts <= newest) lo = mid + 1;
      else end = mid;
    }
    const hi = lo - 1;
    // One reminder per product and intent: three people asking 多少钱 get one answer.
    const groups = new Map<string, QuestionEntry[]>();
    let scanned = 0;
    for (let i = hi; i >= this.head && scanned < COPILOT.ANSWER_SCAN; i--, scanned++) {
      const entry = this.questions[i]!;
      if (entry.comment.ts < oldest) break;
      if (this.answered.has(entry.comment.id)) continue;
      // A question a suggested buying point answers needs no reminder of its own: the point is the answer.
      if (entry.points.some((id) => (this.clusters.get(id)?.askers.size ?? 0) >= COPILOT.CLUSTER_MIN_ASKERS)) continue;
      const key = intentKey(entry.productId ?? '', entry.comment.intent);
      const group = groups.get(key);
      if (group) group.push(entry);
      else groups.set(key, [entry]);
    }
    const onAirId = input.onAir?.productId ?? null;
    const rank = (e: QuestionEntry) => (e.productId !== null && e.productId === onAirId ? 2 : 0) + (PURCHASE_INTENTS.has(e.comment.intent) ? 1 : 0);
    const folded = [...groups.values()].map((entries) => {
      // Walked newest first: the first asker is the last entry.
      entries.reverse();
      const askers = new Set(entries.map((e) => e.comment.userId)).size;
      return { first: entries[0]!, entries, askers };
    });
    folded.sort((a, b) => rank(b.first) - rank(a.first) || b.askers - a.askers || a.first.comment.ts - b.first.comment.ts);
    for (const { first, entries, askers } of folded.slice(0, COPILOT.ANSWER_MAX)) {
      const { comment } = first;
      const product = first.productId ? products.get(first.productId) : undefined;
      const ageSeconds = Math.floor((now - comment.ts) / 1000);
      // The way most of them asked it (the first asker's words on a tie).
      const texts = new Map<string, number>();
      for (const e of entries) bump(texts, normaliseQuestion(e.comment.text), 1);
      let quote = normaliseQuestion(comment.text);
      for (const [text, n] of texts) if (n > texts.get(quote)!) quote = text;
      // A price question is answered with the product's actual price, nothing else.
      const price = comment.intent === 'price' && product ? priceLine(product) : null;
      const line = price ?? (askers > 1 ? `回答这 ${askers} 位观众的提问` : '回答这位观众的提问');
      const reason = askers > 1 ? `${askers} 位观众问「${quote}」，最早的已 ${ageSeconds} 秒未回答` : `提问已 ${ageSeconds} 秒未回答：「${quote}」`;
      const ids = entries.map((e) => e.comment.id);
      add(
        {
          id: `answer:${comment.id}`,
          kind: 'answer',
          line,
          reason,
          quote,
          priority: (rank(first) >= 2 ? PRIORITY.answerOnAir : PRIORITY.answer) + (PURCHASE_INTENTS.has(comment.intent) ? 3 : 0) + Math.min(askers - 1, 5),
          productId: first.productId,
          sources: ids,
        },
        COPILOT.UNANSWERED_UNTIL_MS - (now - comment.ts),
        // Reminders of other intents say "answer them": what they answer is the intent, not the words.
        { say: price ?? `answer:${comment.intent}`, comments: ids },
      );
    }
  }

  private metricCues(input: TickInput, products: ReadonlyMap<string, EngineProduct>, add: Add): void {
    const { m1, m5 } = input.windows;
    const onAir = input.onAir;
    const product = onAir ? products.get(onAir.productId) : undefined;
    const category = product ? input.categories[product.id] : undefined;

    // The card on air's orders since it was shown (for "not converting").
    if (onAir && product) {
      if (!this.onAirOrders || this.onAirOrders.productId !== onAir.productId || this.onAirOrders.since !== onAir.since) {
        this.onAirOrders = { productId: onAir.productId, since: onAir.since, orders: product.paidOrders };
      }
    } else {
      this.onAirOrders = null;
    }
    const onAirMs = onAir ? input.now - onAir.since : 0;
    const minutesOnAir = Math.floor(onAirMs / 60_000);
    const unsold = !!product && this.onAirOrders !== null && product.paidOrders === this.onAirOrders.orders;

    // Viewer surge → welcome, and a hook every newcomer can answer.
    const entries = num(m1.current.entriesPerMinute);
    const entriesBefore = num(m1.previous.entriesPerMinute);
    if (entries >= COPILOT.SURGE_MIN_ENTRIES && entries >= COPILOT.SURGE_RATIO * Math.max(entriesBefore, 1)) {
      const reason = `近 1 分钟进场 ${entries} 人，上一分钟 ${entriesBefore} 人`;
      add(
        {
          id: 'cue:welcome',
          kind: 'welcome',
          line: product
            ? `欢迎刚进来的朋友！现在讲的是${product.title}，想了解的扣 1`
            : '欢迎刚进来的朋友！点个关注，想看哪款扣在公屏上',
          reason,
          quote: null,
          priority: PRIORITY.welcome,
          productId: product?.id ?? null,
          sources: ['entriesPerMinute'],
        },
        COPILOT.CUE_TTL_MS,
      );
      add(
        {
          id: 'cue:hook:surge',
          kind: 'hook',
          line: (category && SURGE_HOOKS[category]) ?? SURGE_HOOK,
          reason,
          quote: null,
          priority: PRIORITY.surgeHook,
          productId: product?.id ?? null,
          sources: ['entriesPerMinute'],
        },
        COPILOT.CUE_TTL_MS,
      );
    }

    // Online dropping → interaction hook; sustained while the card on air does not sell → switch.
    const online = num(m1.current.onlineViewers);
    const onlineBefore = num(m1.previous.onlineViewers);
    if (onlineBefore >= COPILOT.DROP_MIN_VIEWERS && online <= onlineBefore * (1 - COPILOT.DROP_RATIO)) {
      add(
        {
          id: 'cue:hook',
          kind: 'hook',
          line: '还在的朋友扣个 1，想看哪款打在公屏上，下一款就讲它',
          reason: `在线从 ${onlineBefore} 降到 ${online}（-${pct((onlineBefore - online) / onlineBefore)}）`,
          quote: null,
          priority: PRIORITY.hook,
          productId: null,
          sources: ['onlineViewers'],
        },
        COPILOT.CUE_TTL_MS,
      );
      // Sustained: the five minutes are down as much as the minute (online viewers are counted at each window's end).
      const online5Before = num(m5.previous.onlineViewers);
      const sustained = online5Before >= COPILOT.DROP_MIN_VIEWERS && num(m5.current.onlineViewers) <= online5Before * (1 - COPILOT.DROP_RATIO);
      if (sustained && product && unsold && onAirMs >= COPILOT.DROP_SWITCH_MIN_ON_AIR_MS) {
        const online5 = num(m5.current.onlineViewers);
        add(
          {
            id: `cue:switch-drop:${product.id}:${onAir!.since}`,
            kind: 'switch',
            line: '这款先讲到这里，我们看下一款',
            reason: `在线 5 分钟内从 ${online5Before} 降到 ${online5}（-${pct((online5Before - online5) / online5Before)}），${product.title} 已讲解 ${minutesOnAir} 分钟，没有成交`,
            quote: null,
            priority: PRIORITY.dropSwitch,
            productId: product.id,
            sources: ['onlineViewers', 'onAir', 'paidOrders'],
          },
          COPILOT.POINT_TTL_MS,
        );
      }
    }

    // Clicks high but orders low → the actual price as anchor, the merchant's coupon, and the top objection answered.
    const clicks = num(m5.current.clickUsers);
    const orders = num(m5.current.paidOrders);
    if (product && clicks >= COPILOT.CLICKS_MIN && orders < clicks * COPILOT.CLICK_BUY_MAX) {
      const funnel = `近 5 分钟 ${clicks} 人点击，成交 ${orders} 单（${pct(clicks > 0 ? orders / clicks : 0)}）`;
      add(
        {
          id: `cue:price:${product.id}`,
          kind: 'priceAnchor',
          line: `${priceLine(product)}，有顾虑的打在公屏上，我一个个回答`,
          reason: funnel,
          quote: null,
          priority: PRIORITY.priceAnchor,
          productId: product.id,
          sources: ['clickUsers', 'paidOrders'],
        },
        COPILOT.POINT_TTL_MS,
        { say: priceLine(product) },
      );
      // Only the merchant's coupon, word for word: no coupon in the catalog, no coupon cue.
      const coupon = product.coupon?.trim() ?? '';
      if (coupon !== '') {
        add(
          {
            id: `cue:coupon:${product.id}`,
            kind: 'coupon',
            line: couponLine(product, coupon),
            reason: `${funnel}；商品库里的优惠券「${coupon}」`,
            quote: null,
            priority: PRIORITY.coupon,
            productId: product.id,
            sources: ['clickUsers', 'paidOrders', 'coupon'],
          },
          COPILOT.POINT_TTL_MS,
          { say: couponLine(product, coupon) },
        );
      }
      this.objection(product, category, funnel, add);
    }

    // On air for long without an order → switch.
    if (onAir && product && onAirMs >= COPILOT.STALE_ON_AIR_MS && unsold) {
      add(
        {
          id: `cue:switch:${product.id}:${onAir.since}`,
          kind: 'switch',
          line: '这款先讲到这里，我们看下一款',
          reason: `${product.title} 已讲解 ${minutesOnAir} 分钟，没有成交`,
          quote: null,
          priority: PRIORITY.switch,
          productId: product.id,
          sources: ['onAir', 'paidOrders'],
        },
        COPILOT.POINT_TTL_MS,
      );
    }

    // Stock low, as the gateway reports it → announce it honestly (checked against that same stock).
    const stock = product?.stock;
    if (product && stock !== undefined && stock <= COPILOT.LOW_STOCK) {
      add(
        {
          id: `cue:stock:${product.id}`,
          kind: 'stockLow',
          line: stock === 0 ? `${product.title} 已经卖完了，我们看下一款` : `${product.title} 库存还剩 ${stock} 件`,
          reason: `网关库存 ${stock} 件`,
          quote: null,
          priority: PRIORITY.stockLow,
          productId: product.id,
          sources: ['stock'],
        },
        COPILOT.POINT_TTL_MS,
        { stock },
      );
    }

    // Many new followers → invite to the group chat (the P of NPL).
    const followers = num(m5.current.newFollowers);
    if (followers >= COPILOT.FOLLOWERS_MIN) {
      add(
        {
          id: 'cue:group',
          kind: 'groupInvite',
          line: '刚关注的朋友可以加入粉丝群，开播和上新会在群里通知',
          reason: `近 5 分钟新增粉丝 ${followers} 人`,
          quote: null,
          priority: PRIORITY.groupInvite,
          productId: null,
          sources: ['newFollowers'],
        },
        COPILOT.CUE_TTL_MS,
      );
    }
  }

  /**
   * The top objection: of the questions about the card on air in the window, the intent most people asked
   * (distinct askers), named with its count and answered with what the engine knows — the actual price, the
   * merchant's coupon, the buying point the askers' words matched — or the promise to answer it now.
   */
  private objection(product: EngineProduct, category: ProductCategory | undefined, funnel: string, add: Add): void {
    // Distinct askers per intent among the newest questions of the window (all of them unless the room is busy).
    const byIntent: (Set<string> | undefined)[] = [];
    for (let i = this.questions.length - 1, scanned = 0; i >= this.head && scanned < COPILOT.OBJECTION_SCAN; i--, scanned++) {
      const entry = this.questions[i]!;
      if (entry.productId === product.id) (byIntent[INTENT_INDEX[entry.comment.intent]] ??= new Set()).add(entry.comment.userId);
    }
    let top: CommentIntent | null = null;
    let topAskers = 0;
    for (const intent of commentIntents) {
      if (!(intent in OBJECTION_LABELS)) continue;
      const askers = byIntent[INTENT_INDEX[intent]]?.size ?? 0;
      if (askers > topAskers) [top, topAskers] = [intent, askers];
    }
    if (top === null || topAskers < COPILOT.OBJECTION_MIN_ASKERS) return;
    const label = objectionLabel(top, category)!;
    let answer: string;
    let point: BuyingPoint | null = null;
    const coupon = product.coupon?.trim() ?? '';
    if (top === 'price') answer = priceLine(product);
    else if (top === 'promotion' && coupon !== '') answer = couponLine(product, coupon);
    else {
      let best = 0;
      for (const candidate of this.pointsByProduct.get(product.id) ?? []) {
        if (!candidate.answers.includes(top)) continue;
        const askers = this.clusters.get(candidate.id)?.askers.size ?? 0;
        if (askers > best) [point, best] = [candidate, askers];
      }
      answer = point ? point.line : `我先把${label}讲清楚，还有疑问的继续打在公屏上`;
    }
    add(
      {
        id: `cue:objection:${product.id}:${top}`,
        kind: 'objection',
        line: `最多人问的是${label}（${topAskers} 人），${answer}`,
        reason: `最多人问的是${label}（${topAskers} 人）；${funnel}`,
        quote: null,
        priority: PRIORITY.cluster + Math.min(topAskers, 20) * PRIORITY.clusterPerAsker + PRIORITY.clusterOnAir,
        productId: product.id,
        sources: point ? [`intent:${top}`, point.id, 'clickUsers', 'paidOrders'] : [`intent:${top}`, 'clickUsers', 'paidOrders'],
      },
      COPILOT.POINT_TTL_MS,
      { say: answer },
    );
  }

  /** Event time of the last tick. */
  get now(): number {
    return this.lastNow;
  }
}

function bump(map: Map<string, number>, key: string, delta: 1 | -1): void {
  const next = (map.get(key) ?? 0) + delta;
  if (next <= 0) map.delete(key);
  else map.set(key, next);
}
