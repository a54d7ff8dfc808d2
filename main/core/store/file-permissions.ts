/**
 * The store's files are the merchant's sales and buyers' comments: on POSIX
 * only the user who runs LiveCue may read them. Modes are set with chmod, not
 * left to the umask, which is commonly 022 (files 0644, folders 0755).
 * Windows has no such modes (its user profile folders are already private):
 * every function here does nothing there.
 */
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';

export const PRIVATE_FILE_MODE = 0o600;
export const PRIVATE_FOLDER_MODE = 0o700;

const posix = process.platform !== 'win32';

/** The files SQLite keeps for a database in WAL mode. */
export function databaseFiles(file: string): [string, string, string] {
  return [file, `${file}-wal`, `${file}-shm`];
}

/**
 * Creates the database file empty with 0600 when it is missing, and narrows
 * an existing one (an older LiveCue's 0644). SQLite creates -wal and -shm with
 * the database file's mode, so a private .db gives private companions.
 */
export function prepareDatabaseFile(file: string): void {
  if (!posix) return;
  if (!existsSync(file)) closeSync(openSync(file, 'a', PRIVATE_FILE_MODE));
  chmodSync(file, PRIVATE_FILE_MODE);
}

/** Narrows the database file and the -wal and -shm files that exist (left over from before, with their old mode). */
export function restrictDatabaseFiles(file: string): void {
  if (!posix) return;
  for (const path of databaseFiles(file)) {
    if (existsSync(path)) chmodSync(path, PRIVATE_FILE_MODE);
  }
}

/** Makes a private file of `path` (a backup copy, before anything is written into it); it must not exist yet. */
export function createPrivateFile(path: string): void {
  closeSync(openSync(path, 'wx', PRIVATE_FILE_MODE));
  if (posix) chmodSync(path, PRIVATE_FILE_MODE);
}

/**
 * A folder LiveCue owns (its data folder): created if missing and made 0700,
 * whatever it was. Not for a folder the user named for a file of theirs.
 */
export function makePrivateFolder(folder: string): void {
  mkdirSync(folder, { recursive: true, mode: PRIVATE_FOLDER_MODE });
  if (posix) chmodSync(folder, PRIVATE_FOLDER_MODE);
}

/**
 * The app's data folder: LiveCue's own (Electron's userData) is made 0700
 * whatever it was; one the user named (LIVECUE_DATA_DIR) is theirs, and only
 * what is missing of it is created private, like any path a user gives.
 */
export function prepareDataFolder(folder: string, { chosenByUser }: { chosenByUser: boolean }): void {
  if (chosenByUser) createMissingFoldersPrivate(folder);
  else makePrivateFolder(folder);
}

/** Creates the folders of a path the user gave that are missing, private; existing ones are theirs and stay as they are. */
export function createMissingFoldersPrivate(folder: string): void {
  const first = mkdirSync(folder, { recursive: true, mode: PRIVATE_FOLDER_MODE });
  if (first !== undefined && posix) chmodSync(first, PRIVATE_FOLDER_MODE);
}
