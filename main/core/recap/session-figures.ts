/**
 * What a recap needs of a session's metrics engine, whichever way it is
 * found: stored once the session ended and was folded (session_results, a
 * few kilobytes), or, for a session still live or never folded, from the
 * engine restored from its snapshot.
 */
import type { MetricsEngine, SessionUser } from '../../../shared/metrics/index.js';
import type { Product } from '../../../shared/protocol/index.js';
import { trafficOf } from '../../../shared/recap/funnel.js';
import { restoreEngine } from '../ingest/restore.js';
import type { StoreReader } from '../store/reader.js';
import type { SessionResults } from '../store/recap-store.js';
import type { StoredSession } from '../store/types.js';

export interface SessionFigures extends SessionResults {
  events: number;
  /** The session's users, for layers not yet folded; null when the session was folded (its layers are stored). */
  users: (() => SessionUser[]) | null;
}

export function resultsOf(engine: MetricsEngine): SessionResults {
  return {
    now: engine.now(),
    totals: engine.totals(),
    counters: engine.counters(),
    products: engine.products(),
    activity: engine.activitySeries(),
    cards: engine.cardStints(),
    traffic: trafficOf(engine.sessionUsers()),
  };
}

/** The metrics engine of a stored session, from its newest snapshot and the events after it (never a full rescan). */
export function restoredEngine(reader: StoreReader, row: StoredSession): MetricsEngine {
  const products = JSON.parse(row.productsJson) as Product[];
  const engine = restoreEngine(reader, row.key, { startedAt: row.startedAt, products, snapshot: reader.snapshot(row.key) });
  if (row.endedAt !== null) engine.end(row.endedAt);
  return engine;
}

export function figuresOf(reader: StoreReader, row: StoredSession): SessionFigures {
  const stored = reader.recap.results(row.key);
  if (stored) return { ...stored, users: null };
  const engine = restoredEngine(reader, row);
  return { ...resultsOf(engine), events: reader.countEvents(row.key), users: () => engine.sessionUsers() };
}
