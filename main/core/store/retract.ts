import type { Connection } from './connection.js';
import type { SessionKey } from './types.js';

const SQL = {
  lastSeq: 'SELECT last_seq FROM sessions WHERE key = ?',
  // The id list goes in as one JSON array so the statement is prepared once whatever its length.
  markInRange: `UPDATE events SET retracted = 1
    WHERE session = ? AND seq > ? AND seq <= ? AND type = 'comment' AND eid IN (SELECT value FROM json_each(?))
    RETURNING eid`,
} as const;

/** Seqs searched first, then 8 times more at each step back in time. */
const FIRST_WINDOW = 65_536;
const WINDOW_GROWTH = 8;

/**
 * Marks comments as retracted by their platform id. There is no index on eid
 * (it cost 30-45% of append throughput), so the search walks back from the
 * newest events in growing seq windows and stops once every id is found:
 * moderation removes recent comments, found in the first window (~10 ms).
 * An id that was never stored costs a scan of the whole session
 * (~0.2 s per million events), which retracts are rare enough to afford.
 */
export function createRetractMarker(db: Connection): (key: SessionKey, commentIds: readonly string[]) => number {
  const lastSeq = db.prepare<[SessionKey], number>(SQL.lastSeq).pluck();
  const markInRange = db.prepare<[SessionKey, number, number, string], string>(SQL.markInRange).pluck();

  return db.transaction((key: SessionKey, commentIds: readonly string[]): number => {
    const newest = lastSeq.get(key);
    if (newest === undefined) throw new Error(`no session with key ${key}`);
    const missing = new Set(commentIds);
    let marked = 0;
    for (let high = newest, window = FIRST_WINDOW; missing.size > 0 && high > 0; window *= WINDOW_GROWTH) {
      const low = Math.max(0, high - window);
      for (const eid of markInRange.all(key, low, high, JSON.stringify([...missing]))) {
        if (missing.delete(eid)) marked++;
      }
      high = low;
    }
    return marked;
  });
}
