import Database from 'better-sqlite3';
import type { AuditEntry } from '../devices.js';

/**
 * The device audit trail of a database file, newest first, as a person would
 * read it with sqlite3: tests check what the web host recorded. LiveCue itself
 * only writes the trail (main/core/store/devices.ts).
 */
export function readDeviceAudit(file: string, limit = 1_000): AuditEntry[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db.prepare<[number], AuditEntry>('SELECT at, device, request, result FROM device_audit ORDER BY id DESC LIMIT ?').all(limit);
  } finally {
    db.close();
  }
}
