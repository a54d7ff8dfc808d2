/**
 * Restoring a store from a backup, with nothing replaced before the backup
 * is known to be good: it must pass `PRAGMA integrity_check`, be a LiveCue
 * database, and be at a schema version this build knows (an older one is
 * upgraded when it is next opened, with its own pre-upgrade copy). The
 * database it replaces is kept as `<db>.before-restore`. The caller stops
 * every connection to the database first (the app stops its core).
 */
import { existsSync, renameSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { BackupCheck, RestoreDone } from '../../../shared/api/data-api.js';
import { BackupError, backupFile, removeDatabase } from './backup.js';
import { LIVECUE_APPLICATION_ID, MIGRATIONS, latestVersion, schemaVersion } from './migrations/index.js';

export const beforeRestoreFile = (dbFile: string): string => `${dbFile}.before-restore`;

/** Checks a backup file without changing it; throws a BackupError saying what is wrong with it. */
export function inspectBackup(file: string): BackupCheck {
  if (!existsSync(file)) throw new BackupError(`${file}: no such file`);
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new BackupError(`${file} cannot be opened: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  try {
    const refuse = (why: string): never => {
      throw new BackupError(`${file} ${why}; nothing was replaced`);
    };
    let problems: unknown;
    try {
      if (db.pragma('application_id', { simple: true }) !== LIVECUE_APPLICATION_ID) refuse('is not a LiveCue database');
      problems = db.pragma('integrity_check', { simple: true });
    } catch (error) {
      if (error instanceof BackupError) throw error;
      return refuse(`is not a LiveCue database (${error instanceof Error ? error.message : String(error)})`);
    }
    if (problems !== 'ok') refuse(`is damaged (integrity check: ${String(problems)})`);
    const version = schemaVersion(db);
    const known = latestVersion(MIGRATIONS);
    if (version < 1 || version > known) refuse(`is at schema version ${version}, which this LiveCue does not know (it reads 1 to ${known})`);
    const sessions = db.prepare<[], { count: number; newest: number | null }>('SELECT count(*) AS count, max(started_at) AS newest FROM sessions').get()!;
    return { file, bytes: statSync(file).size, schemaVersion: version, sessions: sessions.count, newestSessionAt: sessions.newest };
  } finally {
    db.close();
  }
}

/** Replaces `dbFile` (closed by every process) with a copy of the checked backup `file`. */
export async function restoreDatabase(dbFile: string, file: string): Promise<RestoreDone> {
  inspectBackup(file);
  const incoming = `${dbFile}.restoring`;
  // Copied first with the backup API (private, checked): the backup itself stays as it was, and a failure here replaces nothing.
  await backupFile(file, incoming, { overwrite: true });
  let previousKeptAs: string | null = null;
  if (existsSync(dbFile)) {
    previousKeptAs = beforeRestoreFile(dbFile);
    await backupFile(dbFile, previousKeptAs, { overwrite: true });
  }
  // The old -wal and -shm belong to the old database: replayed into the restored one they would corrupt it.
  removeDatabase(dbFile);
  renameSync(incoming, dbFile);
  return { restoredFrom: file, previousKeptAs };
}
