/**
 * The recap of one stored session, computed from the store alone: totals
 * from the metrics engine restored from its snapshot (plus any events after
 * it), per-minute rows as they were kept during ingest.
 */
import type { Recap, RecapPlan, SessionSummary } from '../../shared/api/contract.js';
import type { MetricValues } from '../../shared/metrics/index.js';
import type { Product, Room } from '../../shared/protocol/index.js';
import { restoreEngine } from './ingest/restore.js';
import type { StoreReader } from './store/reader.js';
import type { SessionKey, StoredSession } from './store/types.js';

export type { Recap, SessionSummary };

export class SessionNotFoundError extends Error {}

export function buildRecap(reader: StoreReader, sessionId?: string): Recap {
  const row = sessionId ? reader.sessionById(sessionId) : reader.latestSession();
  if (!row) {
    throw new SessionNotFoundError(sessionId ? `no session ${sessionId} in this database` : 'this database holds no session yet');
  }
  const { engine, products } = restoredEngine(reader, row);
  const byId = new Map(products.map((p) => [p.id, p]));
  return {
    session: {
      id: row.sessionId,
      room: JSON.parse(row.roomJson) as Room,
      gateway: row.gateway,
      startedAt: row.startedAt,
      endedAt: row.endedAt,
      events: reader.countEvents(row.key),
      lastSeq: row.lastSeq,
    },
    totals: engine.totals(),
    minutes: reader.minutes(row.key).map((m) => ({
      minute: m.minute,
      startsAt: new Date(m.minute * 60_000).toISOString(),
      ...(JSON.parse(m.data) as MetricValues),
    })),
    products: engine.products().map((p) => ({
      ...p,
      title: byId.get(p.productId)?.title ?? null,
      price: byId.get(p.productId)?.price ?? null,
    })),
    rejects: reader.rejectCount(row.key),
    gaps: reader.gaps(row.key).map((g) => ({ fromSeq: g.fromSeq, toSeq: g.toSeq })),
    moments: reader.moments(row.key),
    suggestions: reader.suggestionMarks(row.key),
    plan: planOfRecap(reader, row.key),
  };
}

/** The plan the session ran, each segment with its planned times and the real boundaries; null when it ran none. */
function planOfRecap(reader: StoreReader, key: SessionKey): RecapPlan | null {
  const plan = reader.planOfSession(key);
  if (!plan) return null;
  const runs = new Map(reader.segmentRuns(key).map((r) => [r.segmentId, r]));
  return {
    id: plan.id,
    title: plan.title,
    goals: plan.goals,
    segments: plan.segments.map((s) => ({
      id: s.id,
      kind: s.kind,
      title: s.title,
      plannedStartSec: s.plannedStartSec,
      plannedDurationSec: s.plannedDurationSec,
      actualStartedAt: runs.get(s.id)?.startedAt ?? null,
      actualEndedAt: runs.get(s.id)?.endedAt ?? null,
      advancedBy: runs.get(s.id)?.by ?? null,
    })),
    overrides: reader.planOverrides(plan.id).filter((o) => o.session === key).map(({ at, by, openItems }) => ({ at, by, openItems })),
  };
}

/** The metrics engine of a stored session, from its newest snapshot and the events after it (never a full rescan). */
function restoredEngine(reader: StoreReader, row: StoredSession) {
  const products = JSON.parse(row.productsJson) as Product[];
  const engine = restoreEngine(reader, row.key, { startedAt: row.startedAt, products, snapshot: reader.snapshot(row.key) });
  if (row.endedAt !== null) engine.end(row.endedAt);
  return { engine, products };
}

/** Every stored session, newest first. */
export function sessionSummaries(reader: StoreReader): SessionSummary[] {
  return reader.listSessions().map((row) => {
    const totals = restoredEngine(reader, row).engine.totals();
    return {
      id: row.sessionId,
      room: (JSON.parse(row.roomJson) as Room).title,
      startedAt: row.startedAt,
      endedAt: row.endedAt,
      uv: totals.uv,
      gmv: totals.gmv,
      viewerConversion: totals.viewerConversion,
      peakOnline: totals.peakOnline,
      plan: reader.planOfSession(row.key)?.title ?? null,
    };
  });
}
