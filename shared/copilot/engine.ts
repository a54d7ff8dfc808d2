/**
 * The co-pilot engine: ranks talking points for the host, every second.
 *
 * Pure and deterministic: time is the live room's event time, passed in.
 * Comments are fed as they are classified (`addComment`); `tick` turns the
 * questions of the last minutes, the product on air, its buying points and
 * the metric windows into a ranked list of suggestions.
 *
 * 真诚经营: a line is either a merchant's buying point or a template below.
 * No template invents scarcity or a price: stock is only quoted when the
 * gateway reports it, a price only as the product's actual price. Every
 * line passes `checkLine`; a flagged buying point is reported in `flagged`
 * and never suggested.
 */
import type { CommentIntent } from '../comments/intents.js';
import type { MetricValues } from '../metrics/keys.js';
import type { BuyingPoint, ProductCategory } from './catalog.js';
import { checkLine, type ComplianceFlag } from './compliance.js';

export const suggestionKinds = ['buyingPoint', 'answer', 'welcome', 'priceAnchor', 'hook', 'switch', 'stockLow', 'groupInvite'] as const;
export type SuggestionKind = (typeof suggestionKinds)[number];

export interface Suggestion {
  /** Stable key: the same cue on the next tick has the same id, so duplicates merge and marks stick. */
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
  /** What it came from: a buying point id, comment ids, a metric key. */
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
  /** Online viewers down this fraction against the minute before → hook or switch. */
  DROP_RATIO: 0.2,
  /** Below this many viewers, swings are noise. */
  DROP_MIN_VIEWERS: 30,
  /** Clicks high but orders low: at least this many click users in 5 minutes... */
  CLICKS_MIN: 30,
  /** ...and paid orders under this share of them. */
  CLICK_BUY_MAX: 0.03,
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

/** Intents of buyers ready to buy: their questions go first. */
const PURCHASE_INTENTS: ReadonlySet<CommentIntent> = new Set(['price', 'stock', 'link', 'promotion', 'shipping', 'suitability', 'spec']);

const PRIORITY = {
  answerOnAir: 70,
  answer: 55,
  cluster: 60,
  clusterPerAsker: 2,
  clusterOnAir: 15,
  priceAnchor: 65,
  welcome: 62,
  stockLow: 58,
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

  markAnswered(commentId: string, answered = true): void {
    if (answered) this.answered.add(commentId);
    else this.answered.delete(commentId);
  }

  /** The host or assistant used or dismissed a suggestion: it leaves and stays away for the cool-down. */
  mark(suggestionId: string, now: number): Suggestion | null {
    const suggestion = this.live.get(suggestionId) ?? null;
    this.live.delete(suggestionId);
    this.coolDown.set(suggestionId, now + COPILOT.COOL_DOWN_MS);
    return suggestion;
  }

  /** The suggestion with this id as last ranked, if it is still up. */
  get(suggestionId: string): Suggestion | null {
    return this.live.get(suggestionId) ?? null;
  }

  tick(input: TickInput): Suggestion[] {
    const { now } = input;
    this.lastNow = now;
    this.loadPoints(input);
    this.ingest(input);
    this.expire(now);
    const candidates: Omit<Suggestion, 'createdAt' | 'expiresAt'>[] = [];
    const ttl = new Map<string, number>();
    const add = (s: Omit<Suggestion, 'createdAt' | 'expiresAt'>, ttlMs: number) => {
      const line = s.line;
      const category = s.productId ? input.categories[s.productId] : undefined;
      if (checkLine(line, category ?? 'other').length > 0) return;
      const until = this.coolDown.get(s.id);
      if (until !== undefined && until > now) return;
      candidates.push(s);
      ttl.set(s.id, ttlMs);
    };
    this.clusterPoints(input, add);
    this.onAirPoints(input, add);
    this.unanswered(input, add);
    this.metricCues(input, add);

    const next = new Map<string, Suggestion>();
    for (const c of candidates) {
      const existing = next.get(c.id);
      if (existing && existing.priority >= c.priority) continue;
      const before = this.live.get(c.id);
      const createdAt = before?.createdAt ?? now;
      const expiresAt = MOMENT_CUES.has(c.kind) && before ? before.expiresAt : now + ttl.get(c.id)!;
      if (expiresAt <= now) {
        this.coolDown.set(c.id, now + COPILOT.COOL_DOWN_MS);
        continue;
      }
      next.set(c.id, { ...c, createdAt, expiresAt });
    }
    this.live.clear();
    for (const [id, s] of next) this.live.set(id, s);
    return [...next.values()].sort((a, b) => b.priority - a.priority || a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  private loadPoints(input: TickInput): void {
    const signature = input.buyingPoints.map((p) => `${p.id}:${p.status}:${p.line}:${p.answers.join(',')}:${p.keywords.join(',')}`).join('|') +
      `#${Object.entries(input.categories).map(([k, v]) => `${k}=${v}`).join(',')}`;
    if (signature === this.pointsSignature) return;
    this.pointsSignature = signature;
    this.pointsById = new Map();
    this.pointsByProduct = new Map();
    this.flagged = [];
    for (const point of input.buyingPoints) {
      if (point.status !== 'accepted') continue;
      const flags = checkLine(point.line, input.categories[point.productId] ?? 'other');
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
      this.count(entry, 1);
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

  private count(entry: QuestionEntry, delta: 1 | -1): void {
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
      this.count(entry, 1);
    }
  }

  private expire(now: number): void {
    const horizon = now - COPILOT.QUESTION_WINDOW_MS;
    while (this.head < this.questions.length && this.questions[this.head]!.comment.ts < horizon) {
      const entry = this.questions[this.head]!;
      this.count(entry, -1);
      this.answered.delete(entry.comment.id);
      this.head++;
    }
    if (this.head > 4096 && this.head > this.questions.length / 2) {
      this.questions.splice(0, this.head);
      this.head = 0;
    }
    for (const [id, until] of this.coolDown) if (until <= now) this.coolDown.delete(id);
  }

  private clusterPoints(input: TickInput, add: (s: Omit<Suggestion, 'createdAt' | 'expiresAt'>, ttl: number) => void): void {
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
  private onAirPoints(input: TickInput, add: (s: Omit<Suggestion, 'createdAt' | 'expiresAt'>, ttl: number) => void): void {
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

  private unanswered(input: TickInput, add: (s: Omit<Suggestion, 'createdAt' | 'expiresAt'>, ttl: number) => void): void {
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
    const picked: QuestionEntry[] = [];
    let scanned = 0;
    for (let i = hi; i >= this.head && scanned < COPILOT.ANSWER_SCAN; i--, scanned++) {
      const entry = this.questions[i]!;
      if (entry.comment.ts < oldest) break;
      if (this.answered.has(entry.comment.id)) continue;
      // A question a suggested buying point answers needs no reminder of its own: the point is the answer.
      if (entry.points.some((id) => (this.clusters.get(id)?.askers.size ?? 0) >= COPILOT.CLUSTER_MIN_ASKERS)) continue;
      picked.push(entry);
    }
    const onAirId = input.onAir?.productId ?? null;
    const rank = (e: QuestionEntry) => (e.productId !== null && e.productId === onAirId ? 2 : 0) + (PURCHASE_INTENTS.has(e.comment.intent) ? 1 : 0);
    picked.sort((a, b) => rank(b) - rank(a) || a.comment.ts - b.comment.ts);
    const products = new Map(input.products.map((p) => [p.id, p]));
    for (const entry of picked.slice(0, COPILOT.ANSWER_MAX)) {
      const { comment } = entry;
      const product = entry.productId ? products.get(entry.productId) : undefined;
      const ageSeconds = Math.floor((now - comment.ts) / 1000);
      const quote = normaliseQuestion(comment.text);
      // A price question is answered with the product's actual price, nothing else.
      const line = comment.intent === 'price' && product ? `${product.title} 现在的价格是 ¥${yuan(product.price)}` : '回答这位观众的提问';
      add(
        {
          id: `answer:${comment.id}`,
          kind: 'answer',
          line,
          reason: `提问已 ${ageSeconds} 秒未回答：「${quote}」`,
          quote,
          priority: (rank(entry) >= 2 ? PRIORITY.answerOnAir : PRIORITY.answer) + (PURCHASE_INTENTS.has(comment.intent) ? 3 : 0),
          productId: entry.productId,
          sources: [comment.id],
        },
        COPILOT.UNANSWERED_UNTIL_MS - (now - comment.ts),
      );
    }
  }

  private metricCues(input: TickInput, add: (s: Omit<Suggestion, 'createdAt' | 'expiresAt'>, ttl: number) => void): void {
    const { m1, m5 } = input.windows;
    const onAir = input.onAir;
    const product = onAir ? input.products.find((p) => p.id === onAir.productId) : undefined;

    // Viewer surge → welcome and hook.
    const entries = num(m1.current.entriesPerMinute);
    const entriesBefore = num(m1.previous.entriesPerMinute);
    if (entries >= COPILOT.SURGE_MIN_ENTRIES && entries >= COPILOT.SURGE_RATIO * Math.max(entriesBefore, 1)) {
      add(
        {
          id: 'cue:welcome',
          kind: 'welcome',
          line: product
            ? `欢迎刚进来的朋友！现在讲的是${product.title}，想了解的扣 1`
            : '欢迎刚进来的朋友！点个关注，想看哪款扣在公屏上',
          reason: `近 1 分钟进场 ${entries} 人，上一分钟 ${entriesBefore} 人`,
          quote: null,
          priority: PRIORITY.welcome,
          productId: product?.id ?? null,
          sources: ['entriesPerMinute'],
        },
        COPILOT.CUE_TTL_MS,
      );
    }

    // Online dropping → interaction hook, or switch product.
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
    }

    // Clicks high but orders low → price anchor (the actual price), answer the top objection.
    const clicks = num(m5.current.clickUsers);
    const orders = num(m5.current.paidOrders);
    if (product && clicks >= COPILOT.CLICKS_MIN && orders < clicks * COPILOT.CLICK_BUY_MAX) {
      add(
        {
          id: `cue:price:${product.id}`,
          kind: 'priceAnchor',
          line: `${product.title} 现在的价格是 ¥${yuan(product.price)}，有顾虑的打在公屏上，我一个个回答`,
          reason: `近 5 分钟 ${clicks} 人点击，成交 ${orders} 单（${pct(clicks > 0 ? orders / clicks : 0)}）`,
          quote: null,
          priority: PRIORITY.priceAnchor,
          productId: product.id,
          sources: ['clickUsers', 'paidOrders'],
        },
        COPILOT.POINT_TTL_MS,
      );
    }

    // On air for long without an order → switch.
    if (onAir && product) {
      if (!this.onAirOrders || this.onAirOrders.productId !== onAir.productId || this.onAirOrders.since !== onAir.since) {
        this.onAirOrders = { productId: onAir.productId, since: onAir.since, orders: product.paidOrders };
      }
      const minutes = Math.floor((input.now - onAir.since) / 60_000);
      if (input.now - onAir.since >= COPILOT.STALE_ON_AIR_MS && product.paidOrders === this.onAirOrders.orders) {
        add(
          {
            id: `cue:switch:${product.id}:${onAir.since}`,
            kind: 'switch',
            line: '这款先讲到这里，我们看下一款',
            reason: `${product.title} 已讲解 ${minutes} 分钟，没有成交`,
            quote: null,
            priority: PRIORITY.switch,
            productId: product.id,
            sources: ['onAir', 'paidOrders'],
          },
          COPILOT.POINT_TTL_MS,
        );
      }

      // Stock low, as the gateway reports it → announce it honestly.
      const stock = product.stock;
      if (stock !== undefined && stock <= COPILOT.LOW_STOCK) {
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
        );
      }
    } else {
      this.onAirOrders = null;
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
