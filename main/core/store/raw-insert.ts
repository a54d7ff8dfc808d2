import { createAppender } from './append.js';
import { openWriteConnection } from './connection.js';
import { StoreReader } from './reader.js';
import { createSessionWriter } from './sessions.js';
import type { AppendBatch, SessionInfo, SessionKey, StoredEvent } from './types.js';

/** The columns of an event that an append stores (what the reader streams back, minus the retract mark). */
export type EventColumns = Omit<StoredEvent, 'retracted'>;

const CEILING_SESSION: SessionInfo = {
  gateway: 'raw-insert',
  room: 'raw-insert',
  roomJson: '{}',
  sessionId: 'raw-insert',
  startedAt: 0,
  productsJson: '[]',
};

/** Turns event rows into the columnar batch the writer takes (events only, no side rows). */
export function toAppendBatch(session: SessionKey, events: readonly EventColumns[]): AppendBatch {
  return {
    session,
    seqs: events.map((event) => event.seq),
    ts: events.map((event) => event.ts),
    types: events.map((event) => event.type),
    eids: events.map((event) => event.eid),
    bodies: events.map((event) => event.body),
    known: events.map((event) => event.known),
    rejects: [],
    minutes: [],
    gaps: [],
  };
}

/**
 * The raw ceiling of event storage, in rows/s: appends `events` to a new
 * session in `file` on the calling thread (no worker, no messaging) through
 * the writer's own append code, with its statements and one transaction per
 * batch. End-to-end ingest is compared against it. Batches are built before
 * the clock starts.
 */
export async function measureRawInsert(file: string, events: readonly EventColumns[], batchSize = 1_000): Promise<number> {
  const db = await openWriteConnection(file);
  try {
    const { key } = createSessionWriter(db, new StoreReader(db)).open(CEILING_SESSION);
    const batches: AppendBatch[] = [];
    for (let from = 0; from < events.length; from += batchSize) {
      batches.push(toAppendBatch(key, events.slice(from, from + batchSize)));
    }
    const appender = createAppender(db);
    const started = performance.now();
    for (const batch of batches) appender.append(batch);
    return Math.round(events.length / ((performance.now() - started) / 1000));
  } finally {
    db.close();
  }
}
