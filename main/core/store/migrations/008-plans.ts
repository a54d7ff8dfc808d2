import type { Migration } from './migration.js';

/**
 * The live plan (直播计划): plans and templates, their line-up, rundown
 * segments and warm-up checklist, one row per part so the recap can join a
 * session to its segments; the real segment boundaries of each session that
 * ran a plan; and the starts confirmed with critical checklist items open.
 * Arrays of ids are JSON, checked by shared/plan/plan.ts before they are written.
 */
export const plans: Migration = {
  version: 8,
  name: 'plans',
  up(db) {
    db.exec(`
      CREATE TABLE plans (
        id INTEGER PRIMARY KEY,
        title TEXT NOT NULL,
        room TEXT NOT NULL,
        scheduled_start INTEGER,
        duration_min INTEGER NOT NULL CHECK (duration_min > 0),
        auto_advance INTEGER NOT NULL,
        goals TEXT NOT NULL,
        template INTEGER NOT NULL DEFAULT 0,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        session INTEGER UNIQUE REFERENCES sessions (key),
        next INTEGER NOT NULL DEFAULT 0
      ) STRICT;

      CREATE TABLE plan_lineup (
        plan INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        product_id TEXT NOT NULL,
        role TEXT NOT NULL,
        planned_price INTEGER,
        coupon TEXT NOT NULL,
        stock INTEGER,
        buying_point_ids TEXT NOT NULL,
        PRIMARY KEY (plan, position)
      ) STRICT;

      CREATE TABLE plan_segments (
        plan INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        id TEXT NOT NULL,
        kind TEXT NOT NULL,
        title TEXT NOT NULL,
        planned_start_sec INTEGER NOT NULL CHECK (planned_start_sec >= 0),
        planned_duration_sec INTEGER NOT NULL CHECK (planned_duration_sec > 0),
        product_ids TEXT NOT NULL,
        buying_point_ids TEXT NOT NULL,
        note TEXT NOT NULL,
        PRIMARY KEY (plan, position),
        UNIQUE (plan, id)
      ) STRICT;

      CREATE TABLE plan_checklist (
        plan INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        id TEXT NOT NULL,
        title TEXT NOT NULL,
        critical INTEGER NOT NULL,
        owner TEXT NOT NULL,
        due_before_min INTEGER NOT NULL,
        auto TEXT,
        value TEXT NOT NULL,
        done INTEGER NOT NULL,
        done_at INTEGER,
        PRIMARY KEY (plan, position),
        UNIQUE (plan, id)
      ) STRICT;

      CREATE TABLE plan_segment_runs (
        session INTEGER NOT NULL REFERENCES sessions (key),
        plan INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        segment_id TEXT NOT NULL,
        started_at INTEGER NOT NULL,
        ended_at INTEGER,
        by TEXT NOT NULL CHECK (by IN ('clock', 'manual')),
        PRIMARY KEY (session, position)
      ) STRICT;

      CREATE TABLE plan_overrides (
        id INTEGER PRIMARY KEY,
        plan INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
        session INTEGER REFERENCES sessions (key),
        at INTEGER NOT NULL,
        by TEXT NOT NULL,
        open_items TEXT NOT NULL
      ) STRICT;
    `);
  },
};
