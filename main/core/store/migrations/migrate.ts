import type { Database } from 'better-sqlite3';
import type { Migration } from './migration.js';

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function latestVersion(migrations: readonly Migration[]): number {
  return migrations.at(-1)?.version ?? 0;
}

/** An older LiveCue must not write into (or misread) a schema it does not know. */
export function refuseNewer(current: number, latest: number): void {
  if (current > latest) {
    throw new Error(`its schema version ${current} is newer than this LiveCue supports (${latest}); update LiveCue`);
  }
}

/**
 * Applies the pending migrations in one IMMEDIATE transaction that also bumps
 * `user_version`: a crash or a failing migration leaves the database at the
 * version it had, with nothing of the upgrade in it. The version is re-read
 * inside the transaction: when two processes open a new file at once, the
 * second one waits for the first and then finds nothing to do.
 */
export function migrate(db: Database, migrations: readonly Migration[]): void {
  assertContiguous(migrations);
  refuseNewer(schemaVersion(db), latestVersion(migrations));
  const apply = db.transaction(() => {
    const current = schemaVersion(db);
    for (const migration of migrations) {
      if (migration.version <= current) continue;
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    }
  });
  apply.immediate();
}

function assertContiguous(migrations: readonly Migration[]): void {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(`migration "${migration.name}" has version ${migration.version}, expected ${index + 1}`);
    }
  });
}
