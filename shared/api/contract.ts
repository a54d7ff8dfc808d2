/**
 * The one API every host (Electron, web, CLI, tests) uses to talk to the
 * core: commands in, queries, and a stream of state snapshots and patches.
 * Inputs are zod schemas because they cross a process or network boundary
 * (IPC from a renderer, a socket from a browser) before they reach the core.
 */
import { z } from 'zod';
import type { MetricValues, MinuteMetrics, ProductStats } from '../metrics/index.js';
import type { Moment } from './bridge.js';
import type { PlanLiveView } from './plan-api.js';
import type { PlanGoals, SegmentKind } from '../plan/plan.js';
import type { CommentIntent } from '../comments/intents.js';
import type { Suggestion } from '../copilot/engine.js';
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
  minutes: ({ minute: number; startsAt: string } & MetricValues)[];
  products: (ProductStats & { title: string | null; price: number | null })[];
  rejects: number;
  gaps: Omit<Gap, 'session'>[];
  moments: Moment[];
  /** Talking points the live team marked used or dismissed, in the order they were marked. */
  suggestions: SuggestionMark[];
  /** The live plan the session ran (直播计划), planned against actual; null when it ran none. */
  plan: RecapPlan | null;
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
}

export const suggestionOutcomes = ['used', 'dismissed'] as const;
export type SuggestionOutcome = (typeof suggestionOutcomes)[number];

/** The top-level keys of a snapshot that changed since the previous update. */
export type CorePatch = Partial<CoreSnapshot>;

export const COMMENT_WINDOW = 200;
/** The state stream is throttled to this many updates per second. */
export const MAX_STATE_HZ = 10;
