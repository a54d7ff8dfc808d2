import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { prepareDatabaseFile, restrictDatabaseFiles } from './file-permissions.js';
import { LIVECUE_APPLICATION_ID, MIGRATIONS, latestVersion, refuseNewer, schemaVersion, type Migration } from './migrations/index.js';
import { upgradeSchema } from './upgrade.js';

export type Connection = Database.Database;

/** How long a statement waits for another connection's lock before failing. */
const BUSY_TIMEOUT_MS = 5_000;

/**
 * Opens (creating if needed) the store for writing and brings its schema up to
 * date, backing it up first when there is a migration to apply (upgrade.ts).
 * The stream's rows have one writer, the writer thread's connection; other
 * writing connections may share the file for their own tables (the device
 * list, devices.ts; `livecue` commands). That is safe because SQLite in WAL
 * mode lets one write transaction in at a time and the others wait (the busy
 * timeout below), each transaction is short, and no two connections write the
 * same tables' rows with state kept outside the database. The file and its
 * -wal and -shm are made private to the user (file-permissions.ts).
 */
export async function openWriteConnection(file: string, migrations: readonly Migration[] = MIGRATIONS): Promise<Connection> {
  return withOpenError(file, async () => {
    prepareDatabaseFile(file);
    const db = new Database(file, { timeout: BUSY_TIMEOUT_MS });
    return closeOnThrow(db, async () => {
      // Checked before anything is written: another program's file stays untouched.
      if (!isLiveCue(db) && !isEmpty(db)) throw new Error('not a LiveCue database');
      if (db.pragma('journal_mode = WAL', { simple: true }) !== 'wal') throw new Error('cannot switch it to WAL journaling');
      restrictDatabaseFiles(file);
      // WAL + NORMAL: a commit survives a process crash; only a power loss may drop the newest commits.
      db.pragma('synchronous = NORMAL');
      // Checkpoint every ~40 MB of WAL instead of 4 MB: the pages a stream keeps
      // rewriting (the tail leaf, index interiors) are copied to the database
      // once per checkpoint, so fewer checkpoints mean less work (~+7% ingest).
      db.pragma('wal_autocheckpoint = 10000');
      db.pragma('foreign_keys = ON');
      await upgradeSchema(db, file, migrations);
    });
  });
}

/** Opens an existing store read-only; WAL lets it read while the writer writes. */
export function openReadConnection(file: string): Connection {
  return withOpenErrorSync(file, () => {
    if (!existsSync(file)) throw new Error('no such file');
    const db = new Database(file, { readonly: true, fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
    return closeOnThrowSync(db, () => {
      if (!isLiveCue(db)) throw new Error('not a LiveCue database');
      const current = schemaVersion(db);
      const latest = latestVersion(MIGRATIONS);
      refuseNewer(current, latest);
      if (current < latest) {
        throw new Error(`its schema version ${current} is older than this LiveCue reads (${latest}); open it for recording once to upgrade it`);
      }
    });
  });
}

function isLiveCue(db: Connection): boolean {
  return db.pragma('application_id', { simple: true }) === LIVECUE_APPLICATION_ID;
}

function isEmpty(db: Connection): boolean {
  return db.prepare('SELECT count(*) FROM sqlite_schema').pluck().get() === 0 && schemaVersion(db) === 0;
}

async function closeOnThrow(db: Connection, check: () => Promise<void>): Promise<Connection> {
  try {
    await check();
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function closeOnThrowSync(db: Connection, check: () => void): Connection {
  try {
    check();
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** A database file that cannot be used (missing, not LiveCue's, too new): the user's to fix, not a crash. */
export class DatabaseOpenError extends Error {
  override readonly name = 'DatabaseOpenError';
}

/** Every failure to open names the file and says why, in words, never as a bare SQLite code. */
async function withOpenError(file: string, open: () => Promise<Connection>): Promise<Connection> {
  try {
    return await open();
  } catch (error) {
    throw openError(file, error);
  }
}

function withOpenErrorSync(file: string, open: () => Connection): Connection {
  try {
    return open();
  } catch (error) {
    throw openError(file, error);
  }
}

const openError = (file: string, error: unknown): DatabaseOpenError =>
  new DatabaseOpenError(`cannot open database ${file}: ${openFailureReason(error)}`, { cause: error });

function openFailureReason(error: unknown): string {
  if (error instanceof Database.SqliteError && error.code === 'SQLITE_NOTADB') return 'not a LiveCue database (not an SQLite file)';
  return error instanceof Error ? error.message : String(error);
}
