/**
 * Online backups of a store: SQLite's backup API (better-sqlite3's
 * `db.backup()`) copies the pages of a database another process may be
 * writing into, and the copy is a consistent snapshot of one moment.
 *
 * Why the copy is consistent although the recorder keeps committing: the
 * source connection holds one read transaction for the whole copy. In WAL
 * mode that pins the snapshot every step reads (writers go on appending to
 * the WAL) and SQLite never restarts the copy, which it would do on every
 * commit of another process between two steps otherwise — forever, during
 * a busy stream.
 *
 * The copy is written to `<target>.<pid>-<random>.partial` and renamed only
 * once it has passed `PRAGMA quick_check`, so the target name never holds
 * half a database, whether the copy failed or its process was killed. The
 * partial name is the backup's own: two processes upgrading one database at
 * once (the app and a `livecue` command) each copy to their own file, and the
 * last rename wins whole, never a mix or a file deleted under the other.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, linkSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { createPrivateFile, databaseFiles, restrictDatabaseFiles } from './file-permissions.js';
import { LIVECUE_APPLICATION_ID, schemaVersion } from './migrations/index.js';
import type { Connection } from './connection.js';

/**
 * Pages copied per step. Each step runs on the calling thread (in the app,
 * the core's), so it is kept short: 64 pages is 256 KB, well under a
 * millisecond, and the thread serves ingest between steps.
 */
const PAGES_PER_STEP = 64;
const BUSY_TIMEOUT_MS = 5_000;

export interface BackupProgress {
  totalPages: number;
  remainingPages: number;
}

export interface BackupOptions {
  /** Replace an existing file at the target; refused otherwise. */
  overwrite?: boolean;
  /** Called after every step with the pages still to copy. */
  onProgress?: (progress: BackupProgress) => void;
}

export interface BackupResult {
  file: string;
  bytes: number;
  pages: number;
  /** The schema version the copy is at (the source's at the moment of the snapshot). */
  schemaVersion: number;
}

/** A backup that cannot be made as asked (the target exists, the source is not a LiveCue database): the user's to fix. */
export class BackupError extends Error {
  override readonly name = 'BackupError';
}

/** The target of a backup is taken: a backup never replaces a file unless told to. */
export class BackupTargetExistsError extends BackupError {}

/** Backs up the LiveCue database `source` (a file another process may be recording into) to the new file `target`. */
export async function backupFile(source: string, target: string, options: BackupOptions = {}): Promise<BackupResult> {
  if (!existsSync(source)) throw new BackupError(`cannot back up ${source}: no such file`);
  let db: Connection;
  try {
    db = new Database(source, { readonly: true, fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
  } catch (error) {
    throw new BackupError(`cannot back up ${source}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  try {
    if (db.pragma('application_id', { simple: true }) !== LIVECUE_APPLICATION_ID) throw new BackupError(`cannot back up ${source}: not a LiveCue database`);
    return await backupConnection(db, target, options);
  } finally {
    db.close();
  }
}

/** Backs up the database of an open connection (the writer's, before a migration) to the new file `target`. */
export async function backupConnection(db: Connection, target: string, options: BackupOptions = {}): Promise<BackupResult> {
  if (!existsSync(dirname(target))) throw new BackupError(`cannot back up to ${target}: the folder ${dirname(target)} does not exist`);
  if (!options.overwrite && databaseFiles(target).some((path) => existsSync(path))) {
    throw new BackupTargetExistsError(`${target} already exists`);
  }
  removeDeadPartials(target);
  const partial = `${target}.${process.pid}-${randomBytes(6).toString('hex')}${PARTIAL_SUFFIX}`;
  createPrivateFile(partial);
  try {
    const pages = await copySnapshot(db, partial, options.onProgress);
    const version = checkCopy(partial);
    putInPlace(partial, target, options.overwrite ?? false);
    return { file: target, bytes: statSync(target).size, pages, schemaVersion: version };
  } catch (error) {
    removeDatabase(partial);
    throw error;
  }
}

const PARTIAL_SUFFIX = '.partial';

/**
 * Moves the checked copy to its name in one step. Replacing: a rename, which
 * swaps the file atomically (the old one stays whole until then); the old
 * file's -wal and -shm go first, as they must never be read with the new one.
 * Not replacing: a hard link, which fails if the name was taken meanwhile.
 */
function putInPlace(partial: string, target: string, overwrite: boolean): void {
  if (overwrite) {
    for (const companion of databaseFiles(target).slice(1)) rmSync(companion, { force: true });
    renameSync(partial, target);
    return;
  }
  try {
    linkSync(partial, target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new BackupTargetExistsError(`${target} already exists`, { cause: error });
    throw error;
  }
  removeDatabase(partial);
}

/** Partial copies of this target left by a backup whose process was killed (another live one's is left alone). */
function removeDeadPartials(target: string): void {
  const prefix = `${basename(target)}.`;
  for (const name of readdirSync(dirname(target))) {
    if (!name.startsWith(prefix) || !name.endsWith(PARTIAL_SUFFIX)) continue;
    const pid = Number(/^(\d+)-[0-9a-f]+$/.exec(name.slice(prefix.length, -PARTIAL_SUFFIX.length))?.[1]);
    if (Number.isInteger(pid) && !processAlive(pid)) removeDatabase(join(dirname(target), name));
  }
}

function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function copySnapshot(db: Connection, target: string, onProgress: BackupOptions['onProgress']): Promise<number> {
  // A deferred transaction reads nothing until its first statement: the count starts the snapshot.
  db.exec('BEGIN');
  try {
    db.prepare('SELECT count(*) FROM sqlite_schema').pluck().get();
    const { totalPages } = await db.backup(target, {
      progress: (progress) => {
        onProgress?.(progress);
        return PAGES_PER_STEP;
      },
    });
    onProgress?.({ totalPages, remainingPages: 0 });
    return totalPages;
  } finally {
    db.exec('COMMIT');
  }
}

/**
 * Checks the copy and makes it one self-contained file: rollback journaling,
 * so no -wal is needed beside it (LiveCue switches a store it opens back to
 * WAL). Returns its schema version.
 */
function checkCopy(file: string): number {
  const copy = new Database(file, { fileMustExist: true });
  try {
    const problems = copy.pragma('quick_check', { simple: true });
    if (problems !== 'ok') throw new Error(`the copy ${file} failed its check: ${String(problems)}`);
    copy.pragma('journal_mode = DELETE');
    return schemaVersion(copy);
  } finally {
    copy.close();
    restrictDatabaseFiles(file);
  }
}

/** Removes a database file with its -wal and -shm: a stale -wal beside another file of the same name would be replayed into it. */
export function removeDatabase(file: string): void {
  for (const path of databaseFiles(file)) rmSync(path, { force: true });
}
