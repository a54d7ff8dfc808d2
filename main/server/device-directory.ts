/**
 * Who a presented secret is, for the web host: the `--access-token` (control,
 * for the host's own browser and scripts) or a device of the database's list
 * (`main/core/store/devices.ts`). It also keeps what requests leave behind —
 * last seen, forbidden attempts, the audit trail of control requests — and
 * writes it once a second, and tells the bridge when a device's connections
 * must be cut (revoked here, or by `livecue access revoke` in another process).
 */
import { randomBytes } from 'node:crypto';
import type { DeviceRole } from '../../shared/api/devices-api.js';
import type { AuditEntry, DeviceRecord, DeviceStore } from '../core/store/devices.js';
import { accessTokenMatcher } from './access-token.js';

export interface Principal {
  /** The device's name; for the access token, ACCESS_TOKEN_PRINCIPAL. */
  name: string;
  role: DeviceRole;
}

/** How the `--access-token` appears in the audit trail. */
export const ACCESS_TOKEN_PRINCIPAL = '--access-token';

/** How often activity is written and revocations made elsewhere are looked for: the 1 s a revoked socket may live. */
export const DIRECTORY_TICK_MS = 500;

/** 256 random bits, URL-safe: device tokens and pairing codes alike. */
export const newSecret = (): string => randomBytes(32).toString('base64url');

export interface DeviceDirectory {
  authenticate(token: string): Principal | null;
  /** Spends a pairing code for a new token; null when the code is worth nothing. */
  pair(code: string): { principal: Principal; token: string } | null;
  /** A one-time code for a new device of that name and role. */
  createPairing(name: string, role: DeviceRole): { code: string; expiresAt: number };
  list(): DeviceRecord[];
  revoke(name: string): DeviceRecord;
  rename(name: string, newName: string): DeviceRecord;
  seen(principal: Principal): void;
  forbidden(principal: Principal): void;
  audit(entry: AuditEntry): void;
  /** Called with a device's name when its connections must end. */
  onCut(listener: (name: string) => void): () => void;
  onRenamed(listener: (name: string, newName: string) => void): () => void;
  /** Names of the devices with live connections, polled for revocations made elsewhere. */
  watch(names: () => readonly string[]): void;
  /** Writes what is pending and stops the timer; the store stays open (its owner closes it). */
  close(): void;
}

export function deviceDirectory(store: DeviceStore, accessToken: string, now: () => number = Date.now): DeviceDirectory {
  const isAccessToken = accessTokenMatcher(accessToken);
  const cutListeners = new Set<(name: string) => void>();
  const renameListeners = new Set<(name: string, newName: string) => void>();
  let watched: () => readonly string[] = () => [];
  let pendingAudit: AuditEntry[] = [];
  let lastSeen = new Map<string, number>();
  let forbiddenCounts = new Map<string, number>();

  const cut = (name: string) => {
    for (const listener of cutListeners) listener(name);
  };
  const flush = () => {
    if (pendingAudit.length === 0 && lastSeen.size === 0 && forbiddenCounts.size === 0) return;
    const activity = { audit: pendingAudit, lastSeen, forbidden: forbiddenCounts };
    pendingAudit = [];
    lastSeen = new Map();
    forbiddenCounts = new Map();
    store.recordActivity(activity);
  };
  const tick = () => {
    try {
      flush();
      const live = watched().filter((name) => name !== ACCESS_TOKEN_PRINCIPAL);
      if (live.length > 0) for (const name of store.revokedAmong(live)) cut(name);
    } catch {
      // A locked or vanished database: the next tick tries again; requests are still served.
    }
  };
  const timer = setInterval(tick, DIRECTORY_TICK_MS);
  timer.unref();

  const principalOf = (device: DeviceRecord): Principal => ({ name: device.name, role: device.role });

  return {
    authenticate(token) {
      if (isAccessToken(token)) return { name: ACCESS_TOKEN_PRINCIPAL, role: 'control' };
      const device = store.findByToken(token);
      return device === null ? null : principalOf(device);
    },
    pair(code) {
      const token = newSecret();
      const device = store.redeemPairing(code, token, now());
      return device === null ? null : { principal: principalOf(device), token };
    },
    createPairing(name, role) {
      const code = newSecret();
      return { code, expiresAt: store.createPairing({ name, role, code, rekeys: false, now: now() }) };
    },
    list: () => store.list(),
    revoke(name) {
      const device = store.revoke(name, now());
      cut(name);
      return device;
    },
    rename(name, newName) {
      const device = store.rename(name, newName);
      if (newName !== name) for (const listener of renameListeners) listener(name, newName);
      return device;
    },
    seen(principal) {
      if (principal.name !== ACCESS_TOKEN_PRINCIPAL) lastSeen.set(principal.name, now());
    },
    forbidden(principal) {
      forbiddenCounts.set(principal.name, (forbiddenCounts.get(principal.name) ?? 0) + 1);
    },
    audit(entry) {
      pendingAudit.push(entry);
    },
    onCut(listener) {
      cutListeners.add(listener);
      return () => cutListeners.delete(listener);
    },
    onRenamed(listener) {
      renameListeners.add(listener);
      return () => renameListeners.delete(listener);
    },
    watch(names) {
      watched = names;
    },
    close() {
      clearInterval(timer);
      try {
        flush();
      } catch {
        // Nothing to do at shutdown: the database went away first.
      }
    },
  };
}
