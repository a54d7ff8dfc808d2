/**
 * The one API every host (Electron, web, CLI, tests) uses to talk to the
 * core: commands in, queries, and a stream of state snapshots and patches.
 * Inputs are zod schemas because they cross a process or network boundary
 * (IPC from a renderer, a socket from a browser) before they reach the core.
 */
import { z } from 'zod';
import type { CardStint, MetricValues, MinuteMetrics, ProductStats, SessionCounters } from '../metrics/index.js';
import type { Advice } from '../recap/advice.js';
import type { FunnelStage, TrafficShare } from '../recap/funnel.js';
import type { LayerMove, LayerShare, UserLayer } from '../recap/layers.js';
import type { Peak } from '../recap/peaks.js';
import type { QuestionCluster } from '../recap/questions.js';
import type { PointImpact } from '../recap/talking-points.js';
import type { PlanLiveView } from '../plan/plan-api.js';
import type { PlanGoals, SegmentKind } from '../plan/plan.js';
import type { CommentIntent } from '../comments/intents.js';
import type { Suggestion } from '../copilot/engine/index.js';
import type { SuggestionText } from '../copilot/engine/cue-text.js';
import type { CommandReply, Gap, Product, Room } from '../protocol/index.js';
import { LIMITS } from '../protocol/index.js';

const id = z.string().min(1).max(LIMITS.maxIdLength);

export const apiCommandSchemas = {
  pinProduct: z.object({ productId: id }),
  unpinProduct: z.object({}),
  pushCoupon: z.object({ couponId: id }),
  pinComment: z.object({ commentId: id }),
} as const;
export type ApiCommandName = keyof typeof apiCommandSchemas;
export type ApiCommandInput<N extends ApiCommandName> = z.infer<(typeof apiCommandSchemas)[N]>;
export type ApiCommandResult = CommandReply;

export type ConnectionStateName = 'connecting' | 'live' | 'reconnecting' | 'ended' | 'failed';

export interface ConnectionView {
  state: ConnectionStateName;
  attempt: number;
  error?: string;
  /** Epoch ms of the last event received, or null before the first. */
  lastEventAt: number | null;
  gateway: string;
  room: string;
}

export interface SessionView {
  id: string;
  room: Room;
  startedAt: number;
  endedAt: number | null;
}

export interface ProductView extends Product {
  /** The merchant's coupon for it from the catalog (满199减30), for the card on air; null when the catalog has none. */
  coupon: string | null;
  exposureUsers: number;
  clickUsers: number;
  paidOrders: number;
  buyers: number;
  gmv: number;
}

export interface WindowView {
  current: MetricValues;
  previous: MetricValues;
}

export interface CommentView {
  seq: number;
  id: string;
  ts: number;
  userName: string;
  text: string;
  /** Marked answered by an assistant (kept in the store). */
  answered: boolean;
  /** The classifier's reading (shared/comments); `productId` is the product it resolves to, if any. */
  intent: CommentIntent;
  question: boolean;
  productId: string | null;
}

export interface IngestView {
  /** Events stored in this session (valid, deduplicated). */
  stored: number;
  rejected: number;
  /** Events dropped as repeats (same seq or same platform id). */
  duplicates: number;
  gaps: Gap[];
  /** Stored events per second over the last few seconds. */
  eventsPerSec: number;
}

export interface CoreSnapshot {
  connection: ConnectionView;
  session: SessionView | null;
  /** Event time of the latest event or heartbeat. */
  now: number;
  totals: MetricValues;
  windows: { m1: WindowView; m5: WindowView };
  onAir: { productId: string; since: number } | null;
  products: ProductView[];
  ingest: IngestView;
  /** The newest comments (at most COMMENT_WINDOW), oldest first. Never the whole history. */
  comments: CommentView[];
  /** Moments marked in this session, oldest first. */
  moments: Moment[];
  /** Per-minute figures of the newest CHART_MINUTES minutes, oldest first (the recap has them all). */
  minutes: MinuteMetrics[];
  /** The co-pilot's talking points, ranked, best first (the host sees the first HOST_SUGGESTIONS). */
  suggestions: Suggestion[];
  /** The session's live plan (直播计划) as it runs, or before the room opens the next one; null when there is none. */
  plan: PlanLiveView | null;
}

export const CHART_MINUTES = 90;

/** One line of `livecue sessions`: when, which room, how long, the headline figures, and the plan it ran. */
export interface SessionSummary {
  id: string;
  room: string;
  startedAt: number;
  endedAt: number | null;
  uv: number | null;
  gmv: number | null;
  viewerConversion: number | null;
  peakOnline: number | null;
  plan: string | null;
}

/** The recap of one stored session, computed from the store alone. */
export interface Recap {
  session: {
    id: string;
    room: Room;
    gateway: string;
    startedAt: number;
    endedAt: number | null;
    events: number;
    lastSeq: number;
  };
  totals: MetricValues;
  /** Comments, likes, shares, cart adds, orders created, coupon claims and product exposures of the session. */
  counters: SessionCounters;
  /** The average of the same room's up to 5 sessions before this one; null when it has none. */
  baseline: { sessions: number; totals: MetricValues } | null;
  /** Every minute of the session, quiet ones included. */
  minutes: RecapMinute[];
  /** Every product card on air, oldest first. */
  cards: CardStint[];
  products: (ProductStats & { title: string | null; price: number | null })[];
  funnel: FunnelStage[];
  traffic: TrafficShare[];
  peaks: Peak[];
  /** null for a session recorded before LiveCue tallied questions. */
  questions: RecapQuestions | null;
  talkingPoints: PointImpact[];
  layers: RecapLayers;
  advice: Advice[];
  rejects: number;
  gaps: Omit<Gap, 'session'>[];
  moments: Moment[];
  /** Talking points the live team marked used or dismissed, in the order they were marked. */
  suggestions: SuggestionMark[];
  /** The live plan the session ran (直播计划), planned against actual; null when it ran none. */
  plan: RecapPlan | null;
}

export type RecapMinute = { minute: number; startsAt: string } & MetricValues & {
    comments: number;
    clicks: number;
    cartAdds: number;
    couponClaims: number;
    questions: number;
    /** Products whose card was on air at some time in the minute. */
    onAir: string[];
  };

export interface RecapQuestions {
  /** Questions the co-pilot classified (at most 2,000 a second; every one at the rates of real rooms). */
  total: number;
  answered: number;
  byIntent: { intent: CommentIntent; asked: number; answered: number }[];
  /** The most asked, clustered by intent, product and wording. */
  top: QuestionCluster[];
  byProduct: { productId: string | null; title: string | null; asked: number; answered: number; topIntent: CommentIntent }[];
}

export interface RecapLayers {
  /** True while the session is not folded into the user histories yet (still live, or never ended): figures against today's histories. */
  provisional: boolean;
  atEntry: LayerShare[];
  moves: LayerMove[];
  /** The merchant's users per layer after this session; null while provisional. */
  sizes: Record<UserLayer, number> | null;
  /** The room's layer sizes over its latest sessions, oldest first, and the share of GMV from 老客 + 亲密. */
  trend: { sessionId: string; startedAt: number; sizes: Record<UserLayer, number>; loyalGmvShare: number | null }[];
}

export interface RecapPlan {
  id: number;
  title: string;
  goals: PlanGoals;
  segments: {
    id: string;
    kind: SegmentKind;
    title: string;
    plannedStartSec: number;
    plannedDurationSec: number;
    /** Live-room time of the real boundaries; null for a segment that never ran. */
    actualStartedAt: number | null;
    actualEndedAt: number | null;
    advancedBy: 'clock' | 'manual' | null;
    /** Paid orders and GMV (fen) of the minutes the segment ran in, each minute shared by the time the segment held of it. */
    paidOrders: number;
    gmv: number;
  }[];
  /** Starts confirmed with critical checklist items open. */
  overrides: { at: number; by: string; openItems: string[] }[];
}

export interface SuggestionMark {
  suggestionId: string;
  kind: string;
  line: string;
  reason: string;
  outcome: SuggestionOutcome;
  /** Event time it was marked at. */
  at: number;
  /** What it said as messages, for a reader of another language; null for a mark stored before LiveCue kept them. */
  text: SuggestionText | null;
}

export const suggestionOutcomes = ['used', 'dismissed'] as const;
export type SuggestionOutcome = (typeof suggestionOutcomes)[number];

/** The top-level keys of a snapshot that changed since the previous update. */
export type CorePatch = Partial<CoreSnapshot>;

export const COMMENT_WINDOW = 200;
/** The state stream is throttled to this many updates per second: live to a glance, and each update costs the pages beside the stream (10 took twice the console's CPU). */
export const MAX_STATE_HZ = 4;

/** A moment the team marked (hotkey or button) during the stream. */
export interface Moment {
  id: number;
  /** Event time (the live room's clock) the moment was marked at. */
  at: number;
  note: string | null;
}
