/**
 * The plan while the stream runs: links the next plan to the session the
 * room opens, follows the live room's clock through the rundown (storing
 * every real boundary, so a restart resumes in the same segment), takes the
 * assistant's advances, and tells the co-pilot what the rundown asks for.
 * Before the room opens it serves the next plan, for the overlay's checklist.
 */
import type { PlanLiveView } from '../../../shared/plan/plan-api.js';
import type { RundownCue } from '../../../shared/copilot/engine/index.js';
import type { Catalog } from '../../../shared/catalog/catalog.js';
import { segmentKindLabels } from '../../../shared/plan/labels.js';
import { planEndSec, type Plan, type Segment } from '../../../shared/plan/plan.js';
import { readiness } from '../../../shared/plan/readiness.js';
import { advance, endRundown, followClock, rundownState, scaleRundown, type SegmentRun } from '../../../shared/plan/rundown.js';
import type { StoreReader } from '../store/reader.js';
import type { SessionKey } from '../store/types.js';
import type { StoreWriter } from '../store/writer.js';

/** What the runner needs to know of the session being recorded. */
export interface LiveSessionFacts {
  key: SessionKey;
  startedAt: number;
  endedAt: number | null;
  /** The live room's clock. */
  now: number;
  cart: readonly { id: string; price: number; stock?: number | undefined }[];
  /** The product's GMV so far this session, in fen. */
  gmvOf(productId: string): number;
}

export interface PlanRunner {
  /** Re-reads what changed: a new session, boundaries the clock passed, the end. Cheap when nothing did. */
  follow(): void;
  view(): PlanLiveView | null;
  /** The rundown as the co-pilot reads it; null when the session runs no plan. */
  cue(): RundownCue | null;
  advance(): Promise<PlanLiveView>;
  confirmStart(by: string): Promise<PlanLiveView>;
  /** A plan, the catalog or the session's marks changed: the view is rebuilt on its next read. */
  invalidate(): void;
  /** Resolves once every boundary handed to the writer is stored. */
  settled(): Promise<void>;
}

export interface PlanRunnerContext {
  writer: StoreWriter;
  reader: StoreReader;
  catalog(): Catalog;
  live(): LiveSessionFacts | null;
  onError(error: Error): void;
  /** Live-room seconds per planned second: 1 for a real stream, N for a rehearsal against the demo room at N×. */
  timeScale?: number;
  rehearsal?: boolean;
}

/** How long after a segment ends an encore cue for a hero product under its pace stays up. */
const ENCORE_WINDOW_MS = 5 * 60_000;

/** A plan without a title shows the segment kind's name. */
const titleOf = (segment: Segment) => segment.title || segmentKindLabels[segment.kind].zh;

export class NoPlanRunningError extends Error {}

export function createPlanRunner(context: PlanRunnerContext): PlanRunner {
  const { writer, reader } = context;
  const timeScale = context.timeScale ?? 1;
  /** The plan on the live room's clock. */
  const timed = (plan: Plan) => scaleRundown(plan, timeScale);
  let running: { key: SessionKey; plan: Plan | null; runs: SegmentRun[] } | null = null;
  let cached: PlanLiveView | null | undefined;
  let cartSeen: unknown = null;
  let writes: Promise<unknown> = Promise.resolve();
  const queue = (work: () => Promise<unknown>) => {
    writes = writes.then(work).catch((error: unknown) => context.onError(error instanceof Error ? error : new Error(String(error))));
    return writes;
  };

  const attach = (facts: LiveSessionFacts) => {
    let plan = reader.planOfSession(facts.key);
    if (!plan) {
      const next = reader.nextPlan();
      if (next) {
        plan = { ...next, sessionKey: facts.key, next: false };
        void queue(() => writer.planWrite({ kind: 'link', planId: next.id, session: facts.key }));
      }
    }
    running = { key: facts.key, plan, runs: plan ? reader.segmentRuns(facts.key) : [] };
  };

  const store = (key: SessionKey, planId: number, runs: SegmentRun[]) => {
    const copy = runs.map((r) => ({ ...r }));
    void queue(() => writer.planWrite({ kind: 'runs', session: key, planId, runs: copy }));
  };

  const follow = () => {
    const facts = context.live();
    if (!facts) {
      if (running) cached = undefined;
      running = null;
      return;
    }
    if (running?.key !== facts.key) {
      attach(facts);
      cached = undefined;
    }
    if (facts.cart !== cartSeen) {
      cartSeen = facts.cart;
      cached = undefined;
    }
    const current = running!;
    if (!current.plan) return;
    let runs = followClock(timed(current.plan), current.runs, facts.startedAt, facts.now);
    if (facts.endedAt !== null) runs = endRundown(runs, facts.endedAt);
    if (JSON.stringify(runs) !== JSON.stringify(current.runs)) {
      current.runs = runs;
      cached = undefined;
      store(current.key, current.plan.id, runs);
    }
  };

  const build = (): PlanLiveView | null => {
    const facts = context.live();
    const plan = running?.plan ?? (facts ? null : reader.nextPlan());
    if (!plan) return null;
    const key = running?.key ?? null;
    const catalog = context.catalog();
    const ready = readiness(plan, catalog, facts ? facts.cart : null);
    const override = key === null ? undefined : reader.planOverrides(plan.id).find((o) => o.session === key);
    const planned = new Set([...plan.lineup.flatMap((l) => l.buyingPointIds), ...plan.segments.flatMap((s) => s.buyingPointIds)]);
    const hitPointIds =
      key === null
        ? []
        : reader
            .suggestionMarks(key)
            .filter((m) => m.outcome === 'used' && m.suggestionId.startsWith('point:'))
            .map((m) => m.suggestionId.slice('point:'.length))
            .filter((id) => planned.has(id));
    return {
      plan,
      readiness: ready,
      runs: running?.runs ?? [],
      sessionStartedAt: facts?.startedAt ?? null,
      hitPointIds: [...new Set(hitPointIds)],
      labels: labelsOf(plan, catalog, planned),
      timeScale,
      rehearsal: context.rehearsal ?? false,
      needsConfirmation: facts !== null && facts.endedAt === null && ready.blockers.length > 0 && !override,
      override: override ? { at: override.at, by: override.by, openItems: override.openItems } : null,
    };
  };

  const view = () => {
    if (cached === undefined) cached = build();
    return cached;
  };

  const requireRunning = () => {
    const facts = context.live();
    if (!facts || !running?.plan) throw new NoPlanRunningError('no session is running a plan');
    return { facts, current: running as { key: SessionKey; plan: Plan; runs: SegmentRun[] } };
  };

  return {
    follow,
    view,
    cue() {
      const facts = context.live();
      const plan = running?.plan;
      if (!facts || !plan || facts.endedAt !== null) return null;
      const state = rundownState(timed(plan), running!.runs, facts.startedAt, facts.now);
      const hit = new Set(view()?.hitPointIds ?? []);
      const current = state.current
        ? {
            id: state.current.segment.id,
            title: titleOf(state.current.segment),
            startedAt: state.current.startedAt,
            plannedEndAt: facts.now + state.current.remainingMs,
            productIds: state.current.segment.productIds,
            buyingPointIds: state.current.segment.buyingPointIds.filter((id) => !hit.has(id)),
          }
        : null;
      const next =
        state.next && state.nextDueAt !== null
          ? { id: state.next.id, title: titleOf(state.next), dueAt: state.nextDueAt, productId: state.next.productIds[0] ?? null }
          : null;
      return { current, next, underPace: underPace(timed(plan), running!.runs, facts) };
    },
    async advance() {
      const { facts, current } = requireRunning();
      follow();
      current.runs = advance(timed(current.plan), current.runs, facts.startedAt, facts.now);
      cached = undefined;
      store(current.key, current.plan.id, current.runs);
      await writes;
      return view()!;
    },
    async confirmStart(by) {
      const { facts, current } = requireRunning();
      const open = readiness(current.plan, context.catalog(), facts.cart).blockers.map((b) => b.item.title);
      await writer.planWrite({ kind: 'override', planId: current.plan.id, session: current.key, at: facts.now, by, openItems: open });
      cached = undefined;
      return view()!;
    },
    invalidate() {
      cached = undefined;
      // A plan edited while it runs (a segment added, a duration changed) takes effect at once.
      if (running?.plan) {
        const plan = reader.plan(running.plan.id);
        if (plan) running.plan = plan;
      }
    },
    settled: async () => {
      await writes;
    },
  };
}

function labelsOf(plan: Plan, catalog: Catalog, planned: ReadonlySet<string>): PlanLiveView['labels'] {
  const wanted = new Set([...plan.lineup.map((l) => l.productId), ...plan.segments.flatMap((s) => s.productIds)]);
  return {
    points: Object.fromEntries(catalog.buyingPoints.filter((b) => planned.has(b.id)).map((b) => [b.id, b.line])),
    products: Object.fromEntries(catalog.products.filter((p) => wanted.has(p.id)).map((p) => [p.id, p.title])),
  };
}

/**
 * Hero products behind the plan's pace at the end of a segment that featured them, for ENCORE_WINDOW_MS after:
 * the plan's GMV goal is shared out by the time the plan puts each product on air, so a hero product with a
 * quarter of the planned air time should have sold a quarter of the goal's share of the minutes gone by.
 */
function underPace(plan: Pick<Plan, 'goals' | 'lineup' | 'segments' | 'durationMin'>, runs: readonly SegmentRun[], facts: LiveSessionFacts): RundownCue['underPace'] {
  const goal = plan.goals.gmv;
  if (goal === undefined || goal <= 0) return [];
  const ended = runs.filter((r) => r.endedAt !== null && facts.now - r.endedAt <= ENCORE_WINDOW_MS);
  if (ended.length === 0) return [];
  const heroes = new Set(plan.lineup.filter((l) => l.role === 'hero').map((l) => l.productId));
  const planSec = planEndSec(plan);
  const endedIds = new Set(runs.filter((r) => r.endedAt !== null).map((r) => r.segmentId));
  const recent = new Set(ended.map((r) => r.segmentId));
  const lagging: { productId: string; gmv: number; expected: number }[] = [];
  for (const productId of heroes) {
    const featured = plan.segments.filter((s) => s.productIds.includes(productId));
    if (!featured.some((s) => recent.has(s.id))) continue;
    // Its share of the segments gone by, each split between the products it features.
    const airSec = featured.filter((s) => endedIds.has(s.id)).reduce((sum, s) => sum + s.plannedDurationSec / s.productIds.length, 0);
    const expected = Math.round((goal * airSec) / planSec);
    const gmv = facts.gmvOf(productId);
    if (gmv < expected) lagging.push({ productId, gmv, expected });
  }
  return lagging;
}
