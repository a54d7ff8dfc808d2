/**
 * Brings a store's schema up to date, with a way back: before the first
 * migration touches a database that holds anything, an online backup of it
 * is made to `<db>.before-v<N>` (N = the version it is upgraded to).
 */
import type { Connection } from './connection.js';
import { backupConnection } from './backup.js';
import { latestVersion, migrate, refuseNewer, schemaVersion, type Migration } from './migrations/index.js';

/** Where the copy made before upgrading `file` to `version` is kept. */
export const preUpgradeBackupFile = (file: string, version: number): string => `${file}.before-v${version}`;

export async function upgradeSchema(db: Connection, file: string, migrations: readonly Migration[]): Promise<void> {
  const current = schemaVersion(db);
  const target = latestVersion(migrations);
  refuseNewer(current, target);
  if (current === target) return;
  // Version 0 is a file LiveCue has just created: nothing in it to keep.
  // A copy left by an earlier upgrade to the same version is replaced: what is in the database now is newer.
  const backup = current === 0 ? null : await backupConnection(db, preUpgradeBackupFile(file, target), { overwrite: true });
  try {
    migrate(db, migrations);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const copy = backup === null ? '' : `; a copy from before the upgrade is at ${backup.file}`;
    throw new Error(`upgrading its schema from version ${current} to ${target} failed (${reason}); the database was left unchanged at version ${current}${copy}`, { cause: error });
  }
}
