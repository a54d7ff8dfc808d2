import type { Database } from 'better-sqlite3';

/** One schema step. `up` runs inside a transaction opened by the runner. */
export interface Migration {
  /** 1, 2, 3, ...: the `PRAGMA user_version` the database has after `up`. */
  readonly version: number;
  readonly name: string;
  up(db: Database): void;
}
