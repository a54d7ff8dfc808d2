import type { Migration } from './migration.js';

/**
 * The co-pilot's talking points the host or assistant marked used or
 * dismissed, with the line and reason as shown, for the recap: which
 * talking points were used and what followed.
 */
export const suggestionMarks: Migration = {
  version: 5,
  name: 'suggestion-marks',
  up(db) {
    db.exec(`
      CREATE TABLE suggestion_marks (
        id INTEGER PRIMARY KEY,
        session INTEGER NOT NULL REFERENCES sessions (key),
        suggestion_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        line TEXT NOT NULL,
        reason TEXT NOT NULL,
        outcome TEXT NOT NULL CHECK (outcome IN ('used', 'dismissed')),
        at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX suggestion_marks_by_session ON suggestion_marks (session, at);
    `);
  },
};
