import type { Connection } from './connection.js';
import type { RetractTarget, SessionKey } from './types.js';

const SQL = {
  lastSeq: 'SELECT last_seq FROM sessions WHERE key = ?',
  markBySeq: `UPDATE events SET retracted = 1 WHERE session = ? AND seq = ? AND type = 'comment' AND eid = ?`,
  // The id list goes in as one JSON array so the statement is prepared once whatever its length.
  markInRange: `UPDATE events SET retracted = 1
    WHERE session = ? AND seq > ? AND seq <= ? AND type = 'comment' AND eid IN (SELECT value FROM json_each(?))
    RETURNING eid`,
} as const;

/** Seqs searched first, then 8 times more at each step back in time. */
const FIRST_WINDOW = 65_536;
const WINDOW_GROWTH = 8;

/**
 * Marks comments as retracted. The ingest pipeline remembers the seqs of
 * recent comments, so the usual retract (moderation acts within seconds) is
 * an update by primary key. There is no index on eid (it cost 30-45% of
 * append throughput), so a comment the caller could not place is searched
 * for walking back from the newest events in growing seq windows, stopping
 * once every id is found; an id never stored costs a scan of the session
 * (~0.2 s per million events), which such retracts are rare enough to afford.
 */
export function createRetractMarker(db: Connection): (key: SessionKey, comments: readonly RetractTarget[]) => number {
  const lastSeq = db.prepare<[SessionKey], number>(SQL.lastSeq).pluck();
  const markBySeq = db.prepare<[SessionKey, number, string]>(SQL.markBySeq);
  const markInRange = db.prepare<[SessionKey, number, number, string], string>(SQL.markInRange).pluck();

  return db.transaction((key: SessionKey, comments: readonly RetractTarget[]): number => {
    const newest = lastSeq.get(key);
    if (newest === undefined) throw new Error(`no session with key ${key}`);
    let marked = 0;
    const missing = new Set<string>();
    for (const { id, seq } of comments) {
      if (seq !== undefined && markBySeq.run(key, seq, id).changes === 1) marked++;
      else missing.add(id);
    }
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
