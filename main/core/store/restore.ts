/**
 * Restoring a store from a backup, with nothing replaced before the backup
 * is known to be good: it must pass `PRAGMA integrity_check`, be a LiveCue
 * database, and be at a schema version this build knows (an older one is
 * upgraded when it is next opened, with its own pre-upgrade copy). The
 * database it replaces is kept as `<db>.before-restore`. The caller stops
 * every connection to the database first (the app stops its core).
 *
 * The restored data is the merchant's; the web host's access list is the
 * machine's as it is now: the current devices and pairing codes replace the
 * backup's, so a restore never brings back a device revoked since.
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
  if (existsSync(dbFile)) carryAccessList(dbFile, incoming);
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

/** The web host's access list: it belongs to the machine, not to the backup (migration 11). */
const ACCESS_TABLES = ['devices', 'pairing_codes'] as const;

type Row = unknown[];
interface TableRows {
  columns: string[];
  rows: Row[];
}

const hasTable = (db: Database.Database, table: string) => db.prepare('SELECT 1 FROM sqlite_schema WHERE type = ? AND name = ?').get('table', table) !== undefined;
const columnsOf = (db: Database.Database, table: string): string[] => (db.pragma(`table_info(${table})`) as { name: string }[]).map((column) => column.name);

/** The current access list, read whole (it is a few rows). */
function readAccessList(dbFile: string): Map<string, TableRows> {
  const lists = new Map<string, TableRows>();
  const current = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    for (const table of ACCESS_TABLES) {
      if (!hasTable(current, table)) continue;
      const columns = columnsOf(current, table);
      lists.set(table, { columns, rows: current.prepare(`SELECT ${columns.map((name) => `"${name}"`).join(', ')} FROM ${table}`).raw().all() as Row[] });
    }
  } finally {
    current.close();
  }
  return lists;
}

/**
 * Replaces the access tables of `incoming` (the backup's copy, not yet in
 * place) with those of the current database `dbFile`. A backup from before
 * the access list existed gets an empty one when it is upgraded: no device
 * opens it until paired again, the `--access-token` still does.
 */
function carryAccessList(dbFile: string, incoming: string): void {
  const lists = readAccessList(dbFile);
  const restored = new Database(incoming, { fileMustExist: true });
  try {
    restored.transaction(() => {
      for (const table of ACCESS_TABLES) {
        if (!hasTable(restored, table)) continue;
        restored.prepare(`DELETE FROM ${table}`).run();
        const list = lists.get(table);
        if (list === undefined) continue;
        // The columns both know: a column only the restored schema has keeps its default.
        const known = new Set(columnsOf(restored, table));
        const shared = list.columns.flatMap((name, index) => (known.has(name) ? [{ name, index }] : []));
        const insert = restored.prepare(`INSERT INTO ${table} (${shared.map(({ name }) => `"${name}"`).join(', ')}) VALUES (${shared.map(() => '?').join(', ')})`);
        for (const row of list.rows) insert.run(...shared.map(({ index }) => row[index]));
      }
    })();
  } finally {
    restored.close();
  }
}
