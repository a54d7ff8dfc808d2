/**
 * Settings → 数据: backing the database up and restoring it from a backup.
 * Desktop app only: the folder and the file come from the app's own dialog,
 * shown by the main process, so no page ever names a path on the machine
 * (a page of the web host could otherwise read or overwrite any file the
 * host may). The web host answers these `unavailable`. Spread into
 * `bridgeRequestSchemas` / `BridgeResponses` of bridge.ts.
 */
import { z } from 'zod';

export const dataRequestSchemas = {
  /** Backs the database up (online, while recording) into a folder the user picks; null when the dialog was cancelled. */
  backupData: z.object({}).strict(),
  /** The user picks a backup file; it is checked and described, nothing is replaced. Null when cancelled. */
  chooseRestore: z.object({}).strict(),
  /** Replaces the database with the backup the last chooseRestore checked, keeping the current one as `<db>.before-restore`. */
  restoreData: z.object({}).strict(),
} as const;

export interface DataBackupDone {
  file: string;
  bytes: number;
}

/** A backup file that passed the checks: what a restore would bring back. */
export interface BackupCheck {
  file: string;
  bytes: number;
  schemaVersion: number;
  sessions: number;
  /** When its newest session started (ms), null when it holds none. */
  newestSessionAt: number | null;
}

export interface RestoreDone {
  restoredFrom: string;
  /** Where the database it replaced is kept; null when there was none. */
  previousKeptAs: string | null;
}

export interface DataResponses {
  backupData: DataBackupDone | null;
  chooseRestore: BackupCheck | null;
  restoreData: RestoreDone;
}
