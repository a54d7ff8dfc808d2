import type { Migration } from './migration.js';

/**
 * What the recap keeps beyond the events and per-minute rows:
 * - the session's buyers' questions as the co-pilot tallied them
 *   (shared/recap/questions.ts), so a recap never classifies comments again;
 * - the user layers (五层用户资产): each user's history over every session
 *   of this database (one database is one merchant's rooms), and per session
 *   the split at entry, the moves and the layer sizes after it, written
 *   once, when the session is folded into the histories;
 * - an ended session's results (totals, per-product figures, activity,
 *   cards, traffic sources, the events stored), written in the same
 *   transaction, so its recap and the session list need no engine restored.
 */
export const recap: Migration = {
  version: 9,
  name: 'recap',
  up(db) {
    db.exec(`
      CREATE TABLE session_questions (
        session INTEGER PRIMARY KEY REFERENCES sessions (key),
        state TEXT NOT NULL
      ) STRICT;

      CREATE TABLE user_histories (
        user_id TEXT PRIMARY KEY,
        paid_sessions INTEGER NOT NULL,
        engaged INTEGER NOT NULL CHECK (engaged IN (0, 1)),
        group_member INTEGER NOT NULL CHECK (group_member IN (0, 1)),
        last_session INTEGER NOT NULL REFERENCES sessions (key)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE session_results (
        session INTEGER PRIMARY KEY REFERENCES sessions (key),
        data TEXT NOT NULL
      ) STRICT;

      CREATE TABLE session_layers (
        session INTEGER PRIMARY KEY REFERENCES sessions (key),
        at_entry TEXT NOT NULL,
        moves TEXT NOT NULL,
        sizes TEXT NOT NULL
      ) STRICT;
    `);
  },
};
