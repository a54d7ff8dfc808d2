import type { Migration } from './migration.js';

/**
 * What the live team adds to a session while it runs: moments marked with a
 * hotkey, and buyers' comments marked as answered. Both feed the recap.
 */
export const annotations: Migration = {
  version: 3,
  name: 'annotations',
  up(db) {
    db.exec(`
      CREATE TABLE moments (
        id INTEGER PRIMARY KEY,
        session INTEGER NOT NULL REFERENCES sessions (key),
        at INTEGER NOT NULL,
        note TEXT
      ) STRICT;
      CREATE INDEX moments_by_session ON moments (session, at);

      CREATE TABLE answered_comments (
        session INTEGER NOT NULL REFERENCES sessions (key),
        comment_id TEXT NOT NULL,
        answered_at INTEGER NOT NULL,
        PRIMARY KEY (session, comment_id)
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
