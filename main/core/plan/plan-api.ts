/**
 * The live plan as the core serves it (直播计划): reads from the store's
 * reader, every write through the writer thread. A plan is validated whole —
 * its shape, then against the catalog — before anything is stored.
 */
import type { PlanDetail, PlanImportResult, PlanSaveResult } from '../../../shared/plan/plan-api.js';
import type { Catalog } from '../../../shared/catalog/catalog.js';
import { checkPlan } from '../../../shared/plan/check.js';
import { readPlanFile, validatePlan, writePlanFile } from '../../../shared/plan/plan-file.js';
import type { Plan, PlanBody } from '../../../shared/plan/plan.js';
import { readiness, type LiveCart } from '../../../shared/plan/readiness.js';
import type { StoreReader } from '../store/reader.js';
import type { StoreWriter } from '../store/writer.js';
import { builtInTemplates } from './templates.js';

/** A plan (or template) that is not in the store. */
export class PlanNotFoundError extends Error {}
/** A request the plan as it is makes impossible (ticking an automatic item, deleting a plan that ran). */
export class PlanInputError extends Error {}

export interface PlanApi {
  list(): Plan[];
  detail(id: number): PlanDetail;
  templates(): Plan[];
  create(request: { from: { template: number } | { plan: number } | null; title?: string | undefined; scheduledStart?: number | null | undefined }): Promise<Plan>;
  save(id: number, input: unknown): Promise<PlanSaveResult>;
  remove(id: number): Promise<{ id: number; deleted: boolean }>;
  saveAsTemplate(id: number, title: string): Promise<Plan>;
  exportFile(id: number): { fileName: string; data: string };
  importFile(data: string): Promise<PlanImportResult>;
  use(id: number | null): Promise<Plan | null>;
  tick(planId: number, itemId: string, done: boolean, value: string | undefined): Promise<PlanDetail>;
}

export interface PlanApiContext {
  writer: StoreWriter;
  reader: StoreReader;
  catalog(): Catalog;
  /** The live room's cart, null before the room opens. */
  cart(): LiveCart;
  /** Wall-clock ms, for created/updated times and ticks. */
  clock?: () => number;
  /** Called after every write, so the live view is rebuilt. */
  onChanged(): void;
}

const EMPTY_PLAN: PlanBody = { title: '', room: '', scheduledStart: null, durationMin: 120, autoAdvance: true, goals: {}, lineup: [], segments: [], checklist: [] };

/** The body of a plan without what belongs to one run of it: ticks and their figures. */
const fresh = (plan: PlanBody): PlanBody => ({
  ...bodyOf(plan),
  checklist: plan.checklist.map((c) => ({ ...c, done: false, doneAt: null, value: '' })),
});

export function bodyOf(plan: PlanBody): PlanBody {
  const { title, room, scheduledStart, durationMin, autoAdvance, goals, lineup, segments, checklist } = plan;
  return { title, room, scheduledStart, durationMin, autoAdvance, goals, lineup, segments, checklist };
}

/** A name a file system accepts on every platform. */
const fileNameOf = (title: string) => `${title.replace(/[\\/:*?"<>|\s]+/g, '-').replace(/^-+|-+$/g, '') || 'plan'}.livecue-plan.json`;

export function createPlanApi(context: PlanApiContext): PlanApi {
  const { writer, reader } = context;
  const now = context.clock ?? Date.now;
  const stored = (id: number): Plan => {
    const plan = reader.plan(id);
    if (!plan) throw new PlanNotFoundError(`no plan ${id}`);
    return plan;
  };
  const detailOf = (plan: Plan): PlanDetail => {
    const catalog = context.catalog();
    return { plan, readiness: readiness(plan, catalog, context.cart()), check: checkPlan(plan, catalog) };
  };
  const write = async (id: number | null, body: PlanBody, template: boolean): Promise<Plan> => {
    const saved = await writer.planWrite({ kind: 'save', id, body, template, at: now() });
    context.onChanged();
    return stored(saved as number);
  };
  const templates = () => [...builtInTemplates, ...reader.plans().filter((p) => p.template)];

  return {
    list: () => reader.plans(),
    detail: (id) => detailOf(stored(id)),
    templates,
    async create({ from, title, scheduledStart }) {
      let body: PlanBody;
      if (from === null) body = { ...EMPTY_PLAN, title: title ?? '' };
      else if ('template' in from) {
        const template = templates().find((t) => t.id === from.template);
        if (!template) throw new PlanNotFoundError(`no plan template ${from.template}`);
        body = fresh(template);
      } else {
        const source = stored(from.plan);
        body = { ...fresh(source), title: `${source.title}（副本）`, scheduledStart: null };
      }
      body = { ...body, title: title ?? (body.title || '新直播计划'), ...(scheduledStart === undefined ? {} : { scheduledStart }) };
      return write(null, body, false);
    },
    async save(id, input) {
      const existing = stored(id);
      const checked = validatePlan(input, context.catalog());
      if (!checked.ok) return { saved: false, problems: checked.problems };
      return { saved: true, detail: detailOf(await write(id, checked.plan, existing.template)) };
    },
    async remove(id) {
      const plan = stored(id);
      if (plan.sessionKey !== null) throw new PlanInputError(`plan ${id} ran in a recorded session and is part of its recap; it cannot be deleted`);
      const deleted = (await writer.planWrite({ kind: 'delete', id })) === true;
      context.onChanged();
      return { id, deleted };
    },
    async saveAsTemplate(id, title) {
      const plan = stored(id);
      return write(null, { ...fresh(plan), title, scheduledStart: null }, true);
    },
    exportFile(id) {
      const plan = stored(id);
      return { fileName: fileNameOf(plan.title), data: writePlanFile(plan) };
    },
    async importFile(data) {
      const read = readPlanFile(data, context.catalog());
      if (!read.ok) return { imported: false, problems: read.problems };
      return { imported: true, plan: await write(null, read.plan, false) };
    },
    async use(id) {
      if (id !== null) {
        const plan = stored(id);
        if (plan.template) throw new PlanInputError(`plan ${id} is a template: create a plan from it first`);
        if (plan.sessionKey !== null) throw new PlanInputError(`plan ${id} already ran; duplicate it to run it again`);
      }
      await writer.planWrite({ kind: 'setNext', id });
      context.onChanged();
      return id === null ? null : stored(id);
    },
    async tick(planId, itemId, done, value) {
      const item = stored(planId).checklist.find((c) => c.id === itemId);
      if (!item) throw new PlanNotFoundError(`plan ${planId} has no checklist item ${itemId}`);
      if (item.auto !== null) throw new PlanInputError(`"${item.title}" is checked by LiveCue itself and cannot be ticked by hand`);
      await writer.planWrite({ kind: 'tick', planId, itemId, done, value: value ?? null, at: now() });
      context.onChanged();
      return detailOf(stored(planId));
    },
  };
}
