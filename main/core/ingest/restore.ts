/**
 * Rebuilds a session's in-memory state from the store: the metrics engine
 * from its newest snapshot plus the events stored after it, and the set of
 * platform ids already stored (for dedup). Used when a recorder restarts
 * mid-session and by the recap, so both count exactly what was stored.
 */
import { MetricsEngine, type EngineState } from '../../../shared/metrics/index.js';
import { isKnownEventType, type LiveEvent, type Product } from '../../../shared/protocol/index.js';
import type { StoreReader } from '../store/reader.js';
import { IdSet } from './id-set.js';
import type { EngineSnapshot, SessionKey } from '../store/types.js';

export interface RestoreOptions {
  startedAt: number;
  products: Product[];
  snapshot: EngineSnapshot | null;
  /** A snapshot that cannot be used (corrupt, or from another engine version) is reported here, then ignored. */
  onWarning?: (message: string) => void;
}

export interface RestoredSession {
  engine: MetricsEngine;
  storedIds: IdSet;
  storedCount: number;
}

/** The engine and the seq its state covers: the snapshot's, or a fresh engine at 0 when there is none usable. */
function startingPoint(options: RestoreOptions): { engine: MetricsEngine; afterSeq: number } {
  const { snapshot } = options;
  if (snapshot) {
    try {
      return { engine: MetricsEngine.fromJSON(JSON.parse(snapshot.state) as EngineState), afterSeq: snapshot.seq };
    } catch (error) {
      // The events are the truth; a snapshot only saves time. Count them all again.
      options.onWarning?.(`ignoring the stored metrics snapshot (${(error as Error).message}); recounting from the events`);
    }
  }
  return { engine: new MetricsEngine({ startedAt: options.startedAt }), afterSeq: 0 };
}

export function restoreEngine(reader: StoreReader, key: SessionKey, options: RestoreOptions): MetricsEngine {
  const { engine, afterSeq } = startingPoint(options);
  engine.setProducts(options.products);
  for (const row of reader.eventsAfter(key, afterSeq)) {
    if (row.known && isKnownEventType(row.type)) engine.apply(JSON.parse(row.body) as LiveEvent);
  }
  return engine;
}

export function restoreSession(reader: StoreReader, key: SessionKey, options: RestoreOptions): RestoredSession {
  return {
    engine: restoreEngine(reader, key, options),
    storedIds: new IdSet(reader.eventIds(key)),
    storedCount: reader.countEvents(key),
  };
}
