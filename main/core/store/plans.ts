/**
 * The plans' rows (直播计划): reads for any connection, writes for the writer
 * thread's. A plan is saved whole — its line-up, segments and checklist
 * replaced in one transaction — so a reader never sees half of an edit.
 */
import {
  autoChecks,
  planGoalsSchema,
  productRoles,
  segmentKinds,
  type AutoCheck,
  type ChecklistItem,
  type LineupItem,
  type Plan,
  type PlanBody,
  type ProductRole,
  type Segment,
  type SegmentKind,
} from '../../../shared/plan/plan.js';
import type { SegmentRun } from '../../../shared/plan/rundown.js';
import type { Statement } from 'better-sqlite3';
import type { Connection } from './connection.js';
import type { SessionKey } from './types.js';

/** One write of the plan store, as the writer thread receives it. */
export type PlanWrite =
  | { kind: 'save'; id: number | null; body: PlanBody; template: boolean; at: number }
  | { kind: 'delete'; id: number }
  | { kind: 'setNext'; id: number | null }
  | { kind: 'link'; planId: number; session: SessionKey }
  | { kind: 'runs'; session: SessionKey; planId: number; runs: SegmentRun[] }
  | { kind: 'tick'; planId: number; itemId: string; done: boolean; value: string | null; at: number }
  | { kind: 'override'; planId: number; session: SessionKey | null; at: number; by: string; openItems: string[] };

/** What each write answers: the plan's id for a save, whether a row was there for delete and tick, the override's id. */
export type PlanWriteResult = number | boolean | null;

export interface StartOverride {
  id: number;
  planId: number;
  session: SessionKey | null;
  at: number;
  by: string;
  /** The titles of the critical items that were open. */
  openItems: string[];
}

interface PlanRow {
  id: number;
  title: string;
  room: string;
  scheduledStart: number | null;
  durationMin: number;
  autoAdvance: number;
  goals: string;
  template: number;
  createdAt: number;
  updatedAt: number;
  session: number | null;
  next: number;
}

const PLAN_COLUMNS = `id, title, room, scheduled_start AS scheduledStart, duration_min AS durationMin, auto_advance AS autoAdvance,
  goals, template, created_at AS createdAt, updated_at AS updatedAt, session, next`;

const SQL = {
  plans: `SELECT ${PLAN_COLUMNS} FROM plans ORDER BY template, coalesce(scheduled_start, created_at) DESC, id DESC`,
  plan: `SELECT ${PLAN_COLUMNS} FROM plans WHERE id = ?`,
  planOfSession: `SELECT ${PLAN_COLUMNS} FROM plans WHERE session = ?`,
  nextPlan: `SELECT ${PLAN_COLUMNS} FROM plans WHERE next = 1 AND session IS NULL AND template = 0`,
  lineup: `SELECT product_id AS productId, role, planned_price AS plannedPrice, coupon, stock, buying_point_ids AS buyingPointIds
    FROM plan_lineup WHERE plan = ? ORDER BY position`,
  segments: `SELECT id, kind, title, planned_start_sec AS plannedStartSec, planned_duration_sec AS plannedDurationSec,
    product_ids AS productIds, buying_point_ids AS buyingPointIds, note FROM plan_segments WHERE plan = ? ORDER BY position`,
  checklist: `SELECT id, title, critical, owner, due_before_min AS dueBeforeMin, auto, value, done, done_at AS doneAt
    FROM plan_checklist WHERE plan = ? ORDER BY position`,
  runs: `SELECT segment_id AS segmentId, started_at AS startedAt, ended_at AS endedAt, by FROM plan_segment_runs
    WHERE session = ? ORDER BY position`,
  overrides: `SELECT id, plan AS planId, session, at, by, open_items AS openItems FROM plan_overrides WHERE plan = ? ORDER BY id`,
  insertPlan: `INSERT INTO plans (title, room, scheduled_start, duration_min, auto_advance, goals, template, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  updatePlan: `UPDATE plans SET title = ?, room = ?, scheduled_start = ?, duration_min = ?, auto_advance = ?, goals = ?, template = ?,
    updated_at = ? WHERE id = ?`,
  clearLineup: 'DELETE FROM plan_lineup WHERE plan = ?',
  clearSegments: 'DELETE FROM plan_segments WHERE plan = ?',
  clearChecklist: 'DELETE FROM plan_checklist WHERE plan = ?',
  insertLineup: `INSERT INTO plan_lineup (plan, position, product_id, role, planned_price, coupon, stock, buying_point_ids)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  insertSegment: `INSERT INTO plan_segments (plan, position, id, kind, title, planned_start_sec, planned_duration_sec, product_ids,
    buying_point_ids, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  insertChecklist: `INSERT INTO plan_checklist (plan, position, id, title, critical, owner, due_before_min, auto, value, done, done_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  deletePlan: 'DELETE FROM plans WHERE id = ?',
  clearNext: 'UPDATE plans SET next = 0 WHERE next = 1',
  setNext: 'UPDATE plans SET next = 1 WHERE id = ?',
  link: 'UPDATE plans SET session = ?, next = 0 WHERE id = ?',
  clearRuns: 'DELETE FROM plan_segment_runs WHERE session = ?',
  insertRun: `INSERT INTO plan_segment_runs (session, plan, position, segment_id, started_at, ended_at, by) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  tick: 'UPDATE plan_checklist SET done = ?, done_at = ?, value = coalesce(?, value) WHERE plan = ? AND id = ?',
  touch: 'UPDATE plans SET updated_at = ? WHERE id = ?',
  insertOverride: 'INSERT INTO plan_overrides (plan, session, at, by, open_items) VALUES (?, ?, ?, ?, ?)',
} as const;

const pick = <T extends string>(values: readonly T[], value: string, fallback: T): T => (values.includes(value as T) ? (value as T) : fallback);
const ids = (json: string): string[] => {
  const parsed: unknown = JSON.parse(json);
  return Array.isArray(parsed) ? parsed.filter((v): v is string => typeof v === 'string') : [];
};

function readPlanRow(db: Connection, row: PlanRow): Plan {
  const lineup = db
    .prepare<[number], Omit<LineupItem, 'buyingPointIds' | 'role'> & { role: string; buyingPointIds: string }>(SQL.lineup)
    .all(row.id)
    .map((l): LineupItem => ({ ...l, role: pick<ProductRole>(productRoles, l.role, 'traffic'), buyingPointIds: ids(l.buyingPointIds) }));
  const segments = db
    .prepare<[number], Omit<Segment, 'kind' | 'productIds' | 'buyingPointIds'> & { kind: string; productIds: string; buyingPointIds: string }>(SQL.segments)
    .all(row.id)
    .map((s): Segment => ({ ...s, kind: pick<SegmentKind>(segmentKinds, s.kind, 'custom'), productIds: ids(s.productIds), buyingPointIds: ids(s.buyingPointIds) }));
  const checklist = db
    .prepare<[number], Omit<ChecklistItem, 'critical' | 'done' | 'auto'> & { critical: number; done: number; auto: string | null }>(SQL.checklist)
    .all(row.id)
    .map((c): ChecklistItem => ({
      ...c,
      critical: c.critical === 1,
      done: c.done === 1,
      auto: c.auto === null ? null : pick<AutoCheck>(autoChecks, c.auto, 'cartHasLineup'),
    }));
  const goals = planGoalsSchema.safeParse(JSON.parse(row.goals));
  return {
    id: row.id,
    title: row.title,
    room: row.room,
    scheduledStart: row.scheduledStart,
    durationMin: row.durationMin,
    autoAdvance: row.autoAdvance === 1,
    goals: goals.success ? goals.data : {},
    lineup,
    segments,
    checklist,
    template: row.template === 1,
    builtIn: false,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    sessionKey: row.session,
    next: row.next === 1,
  };
}

export function readPlans(db: Connection): Plan[] {
  return db.prepare<[], PlanRow>(SQL.plans).all().map((row) => readPlanRow(db, row));
}

export function readPlan(db: Connection, id: number): Plan | null {
  const row = db.prepare<[number], PlanRow>(SQL.plan).get(id);
  return row ? readPlanRow(db, row) : null;
}

export function readPlanOfSession(db: Connection, session: SessionKey): Plan | null {
  const row = db.prepare<[number], PlanRow>(SQL.planOfSession).get(session);
  return row ? readPlanRow(db, row) : null;
}

/** The plan marked for the next session recorded into this store (`livecue plan use`), if any. */
export function readNextPlan(db: Connection): Plan | null {
  const row = db.prepare<[], PlanRow>(SQL.nextPlan).get();
  return row ? readPlanRow(db, row) : null;
}

export function readSegmentRuns(db: Connection, session: SessionKey): SegmentRun[] {
  return db
    .prepare<[number], Omit<SegmentRun, 'by'> & { by: string }>(SQL.runs)
    .all(session)
    .map((r) => ({ ...r, by: r.by === 'manual' ? 'manual' : 'clock' }));
}

export function readOverrides(db: Connection, planId: number): StartOverride[] {
  return db
    .prepare<[number], Omit<StartOverride, 'openItems'> & { openItems: string }>(SQL.overrides)
    .all(planId)
    .map((o) => ({ ...o, openItems: ids(o.openItems) }));
}

export interface PlanWriter {
  write(request: PlanWrite): PlanWriteResult;
}

export function createPlanWriter(db: Connection): PlanWriter {
  const statements = Object.fromEntries(Object.entries(SQL).map(([name, sql]) => [name, db.prepare<unknown[]>(sql)])) as Record<keyof typeof SQL, Statement<unknown[]>>;

  const saveParts = (id: number, body: PlanBody) => {
    statements.clearLineup.run(id);
    statements.clearSegments.run(id);
    statements.clearChecklist.run(id);
    body.lineup.forEach((l, i) =>
      statements.insertLineup.run(id, i, l.productId, l.role, l.plannedPrice, l.coupon, l.stock, JSON.stringify(l.buyingPointIds)),
    );
    body.segments.forEach((s, i) =>
      statements.insertSegment.run(id, i, s.id, s.kind, s.title, s.plannedStartSec, s.plannedDurationSec, JSON.stringify(s.productIds), JSON.stringify(s.buyingPointIds), s.note),
    );
    body.checklist.forEach((c, i) =>
      statements.insertChecklist.run(id, i, c.id, c.title, c.critical ? 1 : 0, c.owner, c.dueBeforeMin, c.auto, c.value, c.done ? 1 : 0, c.doneAt),
    );
  };

  const save = db.transaction((request: Extract<PlanWrite, { kind: 'save' }>): number => {
    const { body, template, at } = request;
    const head = [body.title, body.room, body.scheduledStart, body.durationMin, body.autoAdvance ? 1 : 0, JSON.stringify(body.goals), template ? 1 : 0] as const;
    let id = request.id;
    if (id === null) id = Number(statements.insertPlan.run(...head, at, at).lastInsertRowid);
    else if (statements.updatePlan.run(...head, at, id).changes === 0) throw new Error(`no plan ${id}`);
    saveParts(id, body);
    return id;
  });
  const setNext = db.transaction((id: number | null) => {
    statements.clearNext.run();
    if (id !== null && statements.setNext.run(id).changes === 0) throw new Error(`no plan ${id}`);
  });
  const saveRuns = db.transaction((session: SessionKey, planId: number, runs: SegmentRun[]) => {
    statements.clearRuns.run(session);
    runs.forEach((r, i) => statements.insertRun.run(session, planId, i, r.segmentId, r.startedAt, r.endedAt, r.by));
  });
  const tick = db.transaction((request: Extract<PlanWrite, { kind: 'tick' }>): boolean => {
    const changed = statements.tick.run(request.done ? 1 : 0, request.done ? request.at : null, request.value, request.planId, request.itemId).changes > 0;
    if (changed) statements.touch.run(request.at, request.planId);
    return changed;
  });

  return {
    write(request) {
      switch (request.kind) {
        case 'save':
          return save(request);
        case 'delete':
          return statements.deletePlan.run(request.id).changes > 0;
        case 'setNext':
          setNext(request.id);
          return null;
        case 'link':
          statements.link.run(request.session, request.planId);
          return null;
        case 'runs':
          saveRuns(request.session, request.planId, request.runs);
          return null;
        case 'tick':
          return tick(request);
        case 'override':
          return Number(statements.insertOverride.run(request.planId, request.session, request.at, request.by, JSON.stringify(request.openItems)).lastInsertRowid);
      }
    },
  };
}
