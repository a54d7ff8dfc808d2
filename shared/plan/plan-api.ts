/**
 * The live plan's bridge requests (直播计划): list, edit, templates, files,
 * the checklist, and the rundown while it runs. Spread into
 * `bridgeRequestSchemas` / `BridgeResponses` of bridge.ts. A plan is checked
 * whole (shared/plan/check.ts) before it is stored; a bad one is refused with
 * its problems, field by field, and nothing changes.
 */
import { z } from 'zod';
import type { PlanCheck, PlanProblem } from './check.js';
import type { Plan } from './plan.js';
import type { Readiness } from './readiness.js';
import type { SegmentRun } from './rundown.js';

/**
 * A plan file's size, in UTF-8 bytes as written by the export: the shipped
 * 4-hour template is about 5.6 KB, so this is 18 of them. Every plan travels
 * in one socket.io message of at most MAX_BRIDGE_MESSAGE_BYTES (256 KB): an
 * import sends the file as a JSON string, whose escaping can at worst double
 * it, so a plan this size always fits. The core refuses a bigger plan on save
 * too, so every stored plan exports to a file that imports back.
 */
export const MAX_PLAN_FILE_BYTES = 100_000;

/** Built-in templates have negative ids; plans and saved templates positive ones. */
const planId = z.number().int().refine((n) => n !== 0, 'no plan has id 0');
const storedId = z.number().int().positive();

export const planRequestSchemas = {
  /** Plans newest first, then saved templates. */
  listPlans: z.object({}).strict(),
  /** A plan with its readiness and what the check finds (warnings included). */
  getPlan: z.object({ id: storedId }).strict(),
  /** The shipped templates, then the team's saved ones. */
  planTemplates: z.object({}).strict(),
  /** A new plan: from a template, as a copy of a past plan (checklist unticked), or empty. */
  createPlan: z
    .object({
      from: z.union([z.object({ template: planId }).strict(), z.object({ plan: storedId }).strict()]).nullable().default(null),
      title: z.string().trim().min(1).max(120).optional(),
      scheduledStart: z.number().int().min(0).nullable().optional(),
    })
    .strict(),
  /** Replaces the plan's content; `plan` is checked by the core (planInputSchema and the catalog), not here, so problems come back field by field. */
  savePlan: z.object({ id: storedId, plan: z.unknown() }).strict(),
  deletePlan: z.object({ id: storedId }).strict(),
  savePlanAsTemplate: z.object({ id: storedId, title: z.string().trim().min(1).max(120) }).strict(),
  exportPlan: z.object({ id: storedId }).strict(),
  /** Characters never outnumber UTF-8 bytes: a longer string is over the limit whatever it holds; the core counts the bytes (plan-file.ts). */
  importPlan: z.object({ data: z.string().max(MAX_PLAN_FILE_BYTES) }).strict(),
  /** The plan of the next session recorded (null: none). */
  usePlan: z.object({ id: storedId.nullable() }).strict(),
  /** Ticks (or unticks) a checklist item by hand, with an optional figure; items LiveCue checks itself are refused. */
  tickChecklistItem: z.object({ planId: storedId, itemId: z.string().min(1).max(64), done: z.boolean(), value: z.string().trim().max(200).optional() }).strict(),
  /** The assistant moves the rundown on to the next segment (after the last, it is finished). */
  advanceSegment: z.object({}).strict(),
  /** The stream started with critical items open: who confirmed it, recorded with the time. */
  confirmStart: z.object({ by: z.string().trim().min(1).max(40) }).strict(),
} as const;

export interface PlanDetail {
  plan: Plan;
  readiness: Readiness;
  check: PlanCheck;
}

export type PlanSaveResult = { saved: true; detail: PlanDetail } | { saved: false; problems: PlanProblem[] };
export type PlanImportResult = { imported: true; plan: Plan } | { imported: false; problems: PlanProblem[] };

/** The plan as the live screens follow it: in every state snapshot, before and during the stream. */
export interface PlanLiveView {
  plan: Plan;
  readiness: Readiness;
  /** The real boundaries so far; empty before the stream. */
  runs: SegmentRun[];
  /** Live-room time the session started at; null before the room opens. */
  sessionStartedAt: number | null;
  /** Live-room seconds per planned second (scaleRundown): 1, or N in a rehearsal at N×. */
  timeScale: number;
  /** A rehearsal (彩排) against the demo room, stored apart from real sessions. */
  rehearsal: boolean;
  /** Buying points of the plan the team marked used this session. */
  hitPointIds: string[];
  /** What the live screens print for the plan's ids, from the catalog: each planned buying point's line, each line-up product's title. */
  labels: { points: Record<string, string>; products: Record<string, string> };
  /** The room went live with critical items open and nobody has confirmed it yet. */
  needsConfirmation: boolean;
  /** Who confirmed starting with critical items open, and when; null when nobody had to. */
  override: { at: number; by: string; openItems: string[] } | null;
}

export interface PlanResponses {
  listPlans: Plan[];
  getPlan: PlanDetail;
  planTemplates: Plan[];
  createPlan: Plan;
  savePlan: PlanSaveResult;
  deletePlan: { id: number; deleted: boolean };
  savePlanAsTemplate: Plan;
  exportPlan: { fileName: string; data: string };
  importPlan: PlanImportResult;
  usePlan: Plan | null;
  tickChecklistItem: PlanDetail;
  advanceSegment: PlanLiveView;
  confirmStart: PlanLiveView;
}
