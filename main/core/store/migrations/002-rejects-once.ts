import type { Migration } from './migration.js';

/**
 * A gateway replays what follows the resume point, and a malformed event
 * after the last stored one is replayed with it: a reject with a seq is
 * stored once per session (appends insert rejects with OR IGNORE).
 */
export const rejectsOnce: Migration = {
  version: 2,
  name: 'rejects-once',
  up(db) {
    db.exec(`
      DELETE FROM rejects WHERE seq IS NOT NULL AND id NOT IN (
        SELECT min(id) FROM rejects WHERE seq IS NOT NULL GROUP BY session, seq
      );
      CREATE UNIQUE INDEX rejects_once ON rejects (session, seq) WHERE seq IS NOT NULL;
    `);
  },
};
