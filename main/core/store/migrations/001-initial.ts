import type { Migration } from './migration.js';

/** `PRAGMA application_id` marking a file as a LiveCue store ('LCue'). */
export const LIVECUE_APPLICATION_ID = 0x4c437565;

/*
 * Layout choices, measured on 500k-1M appended rows with ~250-byte bodies in
 * batches of 1,000 (WAL, synchronous=NORMAL):
 * - events as a rowid table with PRIMARY KEY (session, seq) and as WITHOUT
 *   ROWID append at the same speed within noise (~300k rows/s per-row insert);
 *   the rowid table is kept because rightmost appends to its integer-keyed
 *   b-tree take SQLite's fast split path and its (session, seq) index is tiny.
 * - STRICT and the foreign key on events cost nothing measurable, so both
 *   stay: they turn a wrongly typed column or an unknown session into an error.
 * - An index on eid, even partial (comments only), cut append throughput by
 *   30-45%: platform ids are random, so every batch dirties many index pages.
 *   Retract marks instead scan the newest events first (see retract.ts), which
 *   costs ~10 ms for a recent comment and ~0.2 s per million events worst case.
 */
export const initial: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.pragma(`application_id = ${LIVECUE_APPLICATION_ID}`);
    db.exec(`
      CREATE TABLE sessions (
        key INTEGER PRIMARY KEY,
        gateway TEXT NOT NULL,
        room TEXT NOT NULL,
        room_json TEXT NOT NULL,
        session_id TEXT NOT NULL,
        started_at INTEGER NOT NULL,
        ended_at INTEGER,
        products_json TEXT NOT NULL,
        last_seq INTEGER NOT NULL DEFAULT 0,
        created_at INTEGER NOT NULL DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)),
        UNIQUE (room, session_id)
      ) STRICT;

      CREATE TABLE events (
        session INTEGER NOT NULL REFERENCES sessions (key),
        seq INTEGER NOT NULL,
        ts INTEGER NOT NULL,
        type TEXT NOT NULL,
        eid TEXT,
        known INTEGER NOT NULL,
        body TEXT NOT NULL,
        retracted INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (session, seq)
      ) STRICT;

      CREATE TABLE rejects (
        id INTEGER PRIMARY KEY,
        session INTEGER NOT NULL REFERENCES sessions (key),
        seq INTEGER,
        reason TEXT NOT NULL,
        raw TEXT NOT NULL,
        received_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX rejects_by_session ON rejects (session, id);

      CREATE TABLE minute_metrics (
        session INTEGER NOT NULL REFERENCES sessions (key),
        minute INTEGER NOT NULL,
        data TEXT NOT NULL,
        PRIMARY KEY (session, minute)
      ) STRICT;

      -- The same gap announced again after a reconnect is stored once.
      CREATE TABLE gaps (
        session INTEGER NOT NULL REFERENCES sessions (key),
        from_seq INTEGER NOT NULL,
        to_seq INTEGER NOT NULL,
        detected_at INTEGER NOT NULL,
        PRIMARY KEY (session, from_seq, to_seq)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE engine_snapshots (
        session INTEGER PRIMARY KEY REFERENCES sessions (key),
        seq INTEGER NOT NULL,
        state TEXT NOT NULL
      ) STRICT;
    `);
  },
};
