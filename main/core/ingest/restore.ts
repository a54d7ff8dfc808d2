/**
 * Rebuilds a session's in-memory state from the store: the metrics engine
 * from its newest snapshot plus the events stored after it, and the set of
 * platform ids already stored (for dedup). Used when a recorder restarts
 * mid-session and by the recap, so both count exactly what was stored.
 */
import { MetricsEngine } from '../../../shared/metrics/index.js';
import { isKnownEventType, type LiveEvent, type Product } from '../../../shared/protocol/index.js';
import type { StoreReader } from '../store/reader.js';
import type { SessionKey } from '../store/types.js';

export interface RestoredSession {
  engine: MetricsEngine;
  storedIds: Set<string>;
  storedCount: number;
}

export function restoreEngine(
  reader: StoreReader,
  key: SessionKey,
  options: { startedAt: number; products: Product[]; snapshot: { seq: number; state: string } | null },
): MetricsEngine {
  const { snapshot } = options;
  const engine = snapshot
    ? MetricsEngine.fromJSON(JSON.parse(snapshot.state))
    : new MetricsEngine({ startedAt: options.startedAt });
  engine.setProducts(options.products);
  for (const row of reader.eventsAfter(key, snapshot?.seq ?? 0)) {
    if (row.known && isKnownEventType(row.type)) engine.apply(JSON.parse(row.body) as LiveEvent);
  }
  return engine;
}

export function restoreSession(
  reader: StoreReader,
  key: SessionKey,
  options: { startedAt: number; products: Product[]; snapshot: { seq: number; state: string } | null },
): RestoredSession {
  return {
    engine: restoreEngine(reader, key, options),
    storedIds: new Set(reader.eventIds(key)),
    storedCount: reader.countEvents(key),
  };
}
