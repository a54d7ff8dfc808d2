/**
 * The web host's devices, their pairing codes and the audit trail, in the
 * database beside the streams (migration 11), so `livecue access` and
 * `livecue serve` read one list. Secrets enter as they are and are stored as
 * SHA-256 digests only; nothing here ever returns one.
 *
 * This is a second writing connection beside the writer thread's: device
 * changes are rare and the activity (last seen, audit rows) arrives in one
 * small transaction a second, so the stream's batches seldom wait on it.
 */
import { createHash } from 'node:crypto';
import type { DeviceRole, DeviceView } from '../../../shared/api/devices-api.js';
import { openWriteConnection, type Connection } from './connection.js';

/** A device as the settings screen and `livecue access list` show it. */
export type DeviceRecord = DeviceView;

export interface AuditEntry {
  at: number;
  device: string;
  request: string;
  /** `ok`, or the error code of the reply. */
  result: string;
}

/** What a second of requests left behind, written in one transaction. */
export interface DeviceActivity {
  audit: AuditEntry[];
  lastSeen: ReadonlyMap<string, number>;
  forbidden: ReadonlyMap<string, number>;
}

export class DeviceNameTakenError extends Error {
  override readonly name = 'DeviceNameTakenError';
}
export class DeviceNotFoundError extends Error {
  override readonly name = 'DeviceNotFoundError';
}

/** A pairing code is worth this long, or until its first use. */
export const PAIRING_CODE_TTL_MS = 10 * 60_000;

export const secretDigest = (secret: string): string => createHash('sha256').update(secret, 'utf8').digest('hex');

interface DeviceRow {
  name: string;
  role: DeviceRole;
  token_digest: string | null;
  created_at: number;
  last_seen_at: number | null;
  revoked_at: number | null;
  forbidden_count: number;
}

const toRecord = (row: DeviceRow): DeviceRecord => ({
  name: row.name,
  role: row.role,
  createdAt: row.created_at,
  lastSeenAt: row.last_seen_at,
  revokedAt: row.revoked_at,
  forbiddenCount: row.forbidden_count,
});

export interface DeviceStore {
  list(): DeviceRecord[];
  find(name: string): DeviceRecord | null;
  /** The device this token belongs to, unless it is revoked. */
  findByToken(token: string): DeviceRecord | null;
  /** A new device holding `token` from now on (scripts: `livecue access add`). */
  addWithToken(name: string, role: DeviceRole, token: string, now: number): DeviceRecord;
  /**
   * A one-time pairing code for a new device of that name and role or, with
   * `rekeys`, for the existing device of that name (its token is replaced
   * when the code is used). Returns when the code expires.
   */
  createPairing(options: { name: string; role: DeviceRole; code: string; rekeys: boolean; now: number }): number;
  /**
   * Spends a pairing code: the device it names (made now when new) holds
   * `token` from now on. Null when the code is unknown, used, expired, or
   * its device was revoked meanwhile — every one of those is worth nothing.
   */
  redeemPairing(code: string, token: string, now: number): DeviceRecord | null;
  revoke(name: string, now: number): DeviceRecord;
  rename(name: string, newName: string): DeviceRecord;
  /** Of these names, the ones revoked (by this process or another, e.g. `livecue access revoke`). */
  revokedAmong(names: readonly string[]): string[];
  recordActivity(activity: DeviceActivity): void;
  close(): void;
}

/**
 * How much of the audit trail is kept. A control device may make 50 requests
 * a second, millions of rows a day: the trail keeps the last 30 days and at
 * most 100,000 rows, whichever is less (a few MB), pruned when the store
 * opens and then at most once an hour, in the transaction of a second's
 * activity.
 */
export const AUDIT_RETENTION = { maxAgeMs: 30 * 24 * 60 * 60_000, maxRows: 100_000, everyMs: 60 * 60_000 } as const;
export type AuditRetention = { maxAgeMs: number; maxRows: number; everyMs: number };

export interface DeviceStoreOptions {
  retention?: AuditRetention;
  /** The clock pruning follows (tests move it). */
  now?: () => number;
}

/**
 * How long a device-list statement waits for another writer (the recorder,
 * `livecue access`) before it fails. The web host asks the list on its one
 * serving thread for every request's secret; waiting the store's usual 5 s
 * there would stall every other request, so a busy database answers 503 fast.
 */
export const DEVICE_BUSY_TIMEOUT_MS = 250;

export async function openDeviceStore(file: string, options: DeviceStoreOptions = {}): Promise<DeviceStore> {
  // Opened (and migrated) with the usual patience; only the serving-time statements are hurried.
  const db = await openWriteConnection(file);
  db.pragma(`busy_timeout = ${DEVICE_BUSY_TIMEOUT_MS}`);
  return deviceStoreOn(db, options);
}

export function deviceStoreOn(db: Connection, options: DeviceStoreOptions = {}): DeviceStore {
  const retention = options.retention ?? AUDIT_RETENTION;
  const now = options.now ?? Date.now;
  const selectAll = db.prepare<[], DeviceRow>('SELECT * FROM devices ORDER BY created_at, name');
  const selectByName = db.prepare<[string], DeviceRow>('SELECT * FROM devices WHERE name = ?');
  const selectByToken = db.prepare<[string], DeviceRow>('SELECT * FROM devices WHERE token_digest = ? AND revoked_at IS NULL');
  const insertDevice = db.prepare<[string, DeviceRole, string | null, number]>('INSERT INTO devices (name, role, token_digest, created_at) VALUES (?, ?, ?, ?)');
  const setToken = db.prepare<[string, string]>('UPDATE devices SET token_digest = ? WHERE name = ?');
  const insertCode = db.prepare<[string, string, DeviceRole, number, number, number]>(
    'INSERT INTO pairing_codes (code_digest, device, role, rekeys, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const pruneCodes = db.prepare<[number]>('DELETE FROM pairing_codes WHERE expires_at < ?');
  const selectCode = db.prepare<[string, number], { device: string; role: DeviceRole; rekeys: number }>(
    'SELECT device, role, rekeys FROM pairing_codes WHERE code_digest = ? AND used_at IS NULL AND expires_at > ?',
  );
  const spendCode = db.prepare<[number, string]>('UPDATE pairing_codes SET used_at = ? WHERE code_digest = ?');
  const setRevoked = db.prepare<[number, string]>('UPDATE devices SET revoked_at = ?, token_digest = NULL WHERE name = ? AND revoked_at IS NULL');
  const setName = db.prepare<[string, string]>('UPDATE devices SET name = ? WHERE name = ?');
  const renameCodes = db.prepare<[string, string]>('UPDATE pairing_codes SET device = ? WHERE device = ?');
  const touch = db.prepare<[number, string]>('UPDATE devices SET last_seen_at = max(coalesce(last_seen_at, 0), ?) WHERE name = ?');
  const countForbidden = db.prepare<[number, string]>('UPDATE devices SET forbidden_count = forbidden_count + ? WHERE name = ?');
  const insertAudit = db.prepare<[number, string, string, string]>('INSERT INTO device_audit (at, device, request, result) VALUES (?, ?, ?, ?)');
  const pruneOldAudit = db.prepare<[number]>('DELETE FROM device_audit WHERE at < ?');
  // Ids grow with every row: all below the newest maxRows' lowest go (nothing when there are fewer).
  const pruneExtraAudit = db.prepare<[number]>('DELETE FROM device_audit WHERE id <= (SELECT id FROM device_audit ORDER BY id DESC LIMIT 1 OFFSET ?)');
  let prunedAt = -Infinity;
  const pruneAudit = (): void => {
    const at = now();
    if (at - prunedAt < retention.everyMs) return;
    prunedAt = at;
    pruneOldAudit.run(at - retention.maxAgeMs);
    pruneExtraAudit.run(retention.maxRows);
  };

  const find = (name: string): DeviceRecord | null => {
    const row = selectByName.get(name);
    return row ? toRecord(row) : null;
  };
  const existing = (name: string): DeviceRecord => {
    const device = find(name);
    if (device === null) throw new DeviceNotFoundError(`no device named "${name}"`);
    return device;
  };
  const refuseTaken = (name: string): void => {
    if (selectByName.get(name)) throw new DeviceNameTakenError(`a device named "${name}" exists already`);
  };
  /** `name`, or `name 2`, `name 3`…: a pairing made for a name another pairing took first still gets its device. */
  const freeName = (name: string): string => {
    let candidate = name;
    for (let n = 2; selectByName.get(candidate); n += 1) candidate = `${name} ${n}`;
    return candidate;
  };

  // A busy database must not keep the web host from starting: the next hour's activity prunes instead.
  try {
    db.transaction(pruneAudit)();
  } catch (error) {
    if ((error as { code?: unknown }).code !== 'SQLITE_BUSY') throw error;
    prunedAt = -Infinity;
  }

  return {
    list: () => selectAll.all().map(toRecord),
    find,
    findByToken(token) {
      const row = selectByToken.get(secretDigest(token));
      return row ? toRecord(row) : null;
    },
    addWithToken: db.transaction((name: string, role: DeviceRole, token: string, now: number) => {
      refuseTaken(name);
      insertDevice.run(name, role, secretDigest(token), now);
      return existing(name);
    }),
    createPairing: db.transaction(({ name, role, code, rekeys, now }: { name: string; role: DeviceRole; code: string; rekeys: boolean; now: number }) => {
      if (rekeys) {
        const device = existing(name);
        if (device.revokedAt !== null) throw new DeviceNotFoundError(`device "${name}" is revoked`);
      } else {
        refuseTaken(name);
      }
      pruneCodes.run(now);
      const expiresAt = now + PAIRING_CODE_TTL_MS;
      insertCode.run(secretDigest(code), name, role, rekeys ? 1 : 0, now, expiresAt);
      return expiresAt;
    }),
    redeemPairing: db.transaction((code: string, token: string, now: number): DeviceRecord | null => {
      const digest = secretDigest(code);
      const pairing = selectCode.get(digest, now);
      if (!pairing) return null;
      spendCode.run(now, digest);
      if (pairing.rekeys === 1) {
        const device = find(pairing.device);
        if (device === null || device.revokedAt !== null) return null;
        setToken.run(secretDigest(token), device.name);
        return existing(device.name);
      }
      const name = freeName(pairing.device);
      insertDevice.run(name, pairing.role, secretDigest(token), now);
      return existing(name);
    }),
    revoke: db.transaction((name: string, now: number) => {
      existing(name);
      setRevoked.run(now, name);
      return existing(name);
    }),
    rename: db.transaction((name: string, newName: string) => {
      existing(name);
      if (newName === name) return existing(name);
      refuseTaken(newName);
      setName.run(newName, name);
      renameCodes.run(newName, name);
      return existing(newName);
    }),
    revokedAmong(names) {
      return names.filter((name) => {
        const row = selectByName.get(name);
        return row === undefined || row.revoked_at !== null;
      });
    },
    recordActivity: db.transaction(({ audit, lastSeen, forbidden }: DeviceActivity) => {
      for (const entry of audit) insertAudit.run(entry.at, entry.device, entry.request, entry.result);
      for (const [name, at] of lastSeen) touch.run(at, name);
      for (const [name, count] of forbidden) countForbidden.run(count, name);
      pruneAudit();
    }),
    close: () => db.close(),
  };
}
