/** What the engine takes in and hands out: suggestions, the comments and products it reads, a tick's input. */
import type { CommentIntent } from '../../comments/intents.js';
import type { MetricValues } from '../../metrics/keys.js';
import type { BuyingPoint, ProductCategory } from '../../catalog/catalog.js';
import type { ComplianceFlag } from '../compliance.js';
import type { SuggestionText } from './cue-text.js';

export const suggestionKinds = [
  'buyingPoint',
  'answer',
  'welcome',
  'priceAnchor',
  'coupon',
  'objection',
  'hook',
  'switch',
  'stockLow',
  'groupInvite',
  'prepareNext',
  'segmentStart',
  'moveOn',
  'encore',
] as const;
/** The cues the live plan's rundown raises (plan-cues.ts); only a session that runs a plan has them. */
export const planCueKinds: ReadonlySet<SuggestionKind> = new Set(['prepareNext', 'segmentStart', 'moveOn', 'encore']);
export type SuggestionKind = (typeof suggestionKinds)[number];

export interface Suggestion {
  /** Stable key: the same cue on the next tick has the same id, so marks stick; a merged suggestion has its highest-priority member's id. */
  id: string;
  kind: SuggestionKind;
  /** What the host can say, in Chinese (the engine's working text: what it checks and merges). */
  line: string;
  /** Why, with its numbers, in Chinese. */
  reason: string;
  /** The same as messages, for a reader of another language (cue-text.ts renders them): the line, and every reason merged. */
  text: SuggestionText;
  /** A buyer's question the suggestion answers, shown as text (never HTML). */
  quote: string | null;
  priority: number;
  productId: string | null;
  /** Event time the cue first appeared, and when it stops being shown. */
  createdAt: number;
  expiresAt: number;
  /** What it came from: buying point ids, comment ids, metric keys (of every suggestion merged into it). */
  sources: string[];
  /**
   * For a question waiting for its answer (`answer`): how many asked, since when, of which intent, and the buying
   * point whose line answers that intent (null when the catalog has none: the line then says so and no other line
   * is offered in its place). The host's overlay shows the question itself, large, and this answer under it.
   */
  question?: { intent: CommentIntent; askers: number; since: number; answerPointId: string | null };
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
  /** The live plan's rundown as it runs; absent when the session runs no plan. */
  rundown?: RundownCue | null;
}

/** What the co-pilot reads of the rundown (the core derives it from the plan and the stored boundaries). */
export interface RundownCue {
  current: {
    id: string;
    title: string;
    startedAt: number;
    plannedEndAt: number;
    productIds: readonly string[];
    /** The buying points to hit in it that are not used yet: they rank above other points while it runs. */
    buyingPointIds: readonly string[];
  } | null;
  next: { id: string; title: string; dueAt: number; productId: string | null } | null;
  /** Hero products under the plan's pace when a segment that featured them ended (GMV in fen). */
  underPace: readonly { productId: string; gmv: number; expected: number }[];
}

export interface FlaggedLine {
  buyingPointId: string;
  productId: string;
  line: string;
  flags: ComplianceFlag[];
}
