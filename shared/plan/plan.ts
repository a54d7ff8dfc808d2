/**
 * The live plan (直播计划): what a session is meant to achieve (goals keyed by
 * METRICS.md), which products in what order and role (the line-up), the timed
 * rundown of segments, and the warm-up checklist (播前蓄水). A plan crosses a
 * file, the network and the store, so every part of it is a zod schema.
 */
import { z } from 'zod';

/** The goals a plan can set, as METRICS.md keys: money in fen, rates as fractions, the rest counts. */
export const planGoalKeys = ['gmv', 'uv', 'viewerConversion', 'clickBuyRate', 'newFollowers', 'groupJoins', 'peakOnline'] as const;
export type PlanGoalKey = (typeof planGoalKeys)[number];
export const rateGoalKeys: ReadonlySet<PlanGoalKey> = new Set(['viewerConversion', 'clickBuyRate']);

/** 引流款, 福利款, 主推款, 利润款, 返场. */
export const productRoles = ['traffic', 'deal', 'hero', 'margin', 'encore'] as const;
export type ProductRole = (typeof productRoles)[number];

/** 开场暖场, 福利放送, 主推讲解, 互动抽奖, 过款, 返场, 下播预告, and the team's own. */
export const segmentKinds = ['warmUp', 'deal', 'hero', 'lottery', 'pass', 'encore', 'closing', 'custom'] as const;
export type SegmentKind = (typeof segmentKinds)[number];

/**
 * Checklist items LiveCue checks itself instead of letting anyone tick them: the line-up against the live cart
 * (present, stock, price), hero products' buying points, and the plan's lines against the 真诚经营 check.
 */
export const autoChecks = ['cartHasLineup', 'stockReady', 'priceMatches', 'heroPoints', 'linesCompliant'] as const;
export type AutoCheck = (typeof autoChecks)[number];

export const MAX_PLAN_DURATION_MIN = 24 * 60;
const text = (max: number) => z.string().trim().max(max);
const id = z.string().trim().min(1).max(64);
const productId = z.string().trim().min(1).max(128);

export const lineupItemSchema = z
  .object({
    productId,
    role: z.enum(productRoles),
    /** Fen; null when the plan takes the live price as it is. */
    plannedPrice: z.number().int().min(0).nullable().default(null),
    coupon: text(40).default(''),
    /** Units to have ready; null when not planned. */
    stock: z.number().int().min(0).max(10_000_000).nullable().default(null),
    /** Accepted buying points of this product the host should cover. */
    buyingPointIds: z.array(id).max(30).default([]),
  })
  .strict();
export type LineupItem = z.infer<typeof lineupItemSchema>;

export const segmentSchema = z
  .object({
    id,
    kind: z.enum(segmentKinds),
    title: text(80).default(''),
    /** Seconds from the stream's start. */
    plannedStartSec: z.number().int().min(0),
    plannedDurationSec: z.number().int().min(1, 'a segment lasts at least a second'),
    productIds: z.array(productId).max(50).default([]),
    buyingPointIds: z.array(id).max(50).default([]),
    note: text(1000).default(''),
  })
  .strict();
export type Segment = z.infer<typeof segmentSchema>;

export const checklistItemSchema = z
  .object({
    id,
    title: text(120).min(1),
    critical: z.boolean(),
    owner: text(40).default(''),
    /** Minutes before the scheduled start it is due by (1440 = the day before). */
    dueBeforeMin: z.number().int().min(0).max(30 * 24 * 60).default(0),
    /** Set for the items LiveCue checks itself; ticking those by hand is refused. */
    auto: z.enum(autoChecks).nullable().default(null),
    /** A figure entered with it: pre-heat notes published, reservations (预约), likes… */
    value: text(200).default(''),
    done: z.boolean().default(false),
    doneAt: z.number().int().nullable().default(null),
  })
  .strict();
export type ChecklistItem = z.infer<typeof checklistItemSchema>;

export const planGoalsSchema = z.partialRecord(z.enum(planGoalKeys), z.number().min(0).max(1e13));
export type PlanGoals = z.infer<typeof planGoalsSchema>;

/** What a person writes (a file, the editor): everything but the id, the timestamps and the session it ran. */
export const planInputSchema = z
  .object({
    title: text(120).min(1, 'a plan needs a title'),
    room: text(128).default(''),
    /** Epoch ms; null for a template. */
    scheduledStart: z.number().int().min(0).nullable().default(null),
    durationMin: z.number().int().min(1, 'a stream lasts at least a minute').max(MAX_PLAN_DURATION_MIN),
    /** Segments follow the live room's clock (the default), or change only when the assistant advances them. */
    autoAdvance: z.boolean().default(true),
    goals: planGoalsSchema.default({}),
    lineup: z.array(lineupItemSchema).max(200).default([]),
    segments: z.array(segmentSchema).max(100).default([]),
    checklist: z.array(checklistItemSchema).max(100).default([]),
  })
  .strict();
export type PlanInput = z.input<typeof planInputSchema>;
export type PlanBody = z.output<typeof planInputSchema>;

export interface Plan extends PlanBody {
  id: number;
  /** A template is a plan nobody runs: the starting point for new ones. */
  template: boolean;
  /** Shipped with LiveCue (read-only) or saved by the team. */
  builtIn: boolean;
  createdAt: number;
  updatedAt: number;
  /** The session it was used for, once recorded; null before. */
  sessionKey: number | null;
  /** The plan of the next session recorded into this database (`livecue plan use`). */
  next: boolean;
}

/** The exported file: the plan body with a format marker, so a wrong file is named as such. */
export const PLAN_FILE_FORMAT = 'livecue-plan@1';
export const planFileSchema = planInputSchema.extend({ format: z.literal(PLAN_FILE_FORMAT) });

export const planEndSec = (plan: Pick<PlanBody, 'durationMin'>) => plan.durationMin * 60;
export const segmentEndSec = (s: Pick<Segment, 'plannedStartSec' | 'plannedDurationSec'>) => s.plannedStartSec + s.plannedDurationSec;
