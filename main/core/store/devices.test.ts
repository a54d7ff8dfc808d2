import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readDeviceAudit } from './testing/device-audit.js';
import { AUDIT_RETENTION, DeviceNameTakenError, DeviceNotFoundError, openDeviceStore, PAIRING_CODE_TTL_MS, type DeviceStore } from './devices.js';

let dir: string;
let file: string;
let store: DeviceStore;
const T0 = 1_700_000_000_000;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'livecue-devices-'));
  file = join(dir, 'live.db');
  store = await openDeviceStore(file);
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the device store', () => {
  it('keeps a device by name and finds it by its token, storing only the digest', () => {
    store.addWithToken('OBS', 'view', 'obs-token-0123456789abcdef0123456789', T0);
    expect(store.findByToken('obs-token-0123456789abcdef0123456789')).toMatchObject({ name: 'OBS', role: 'view', createdAt: T0, revokedAt: null });
    expect(store.findByToken('another-token')).toBeNull();
    expect(() => store.addWithToken('OBS', 'control', 'x'.repeat(40), T0)).toThrow(DeviceNameTakenError);

    const raw = new Database(file, { readonly: true });
    try {
      expect(JSON.stringify(raw.prepare('SELECT * FROM devices').all())).not.toContain('obs-token');
    } finally {
      raw.close();
    }
  });

  it('spends a pairing code once, and never after it expired', () => {
    const expiresAt = store.createPairing({ name: 'Phone', role: 'control', code: 'code-1', rekeys: false, now: T0 });
    expect(expiresAt).toBe(T0 + PAIRING_CODE_TTL_MS);
    expect(store.find('Phone')).toBeNull();
    expect(store.redeemPairing('code-1', 'token-a', T0 + 1_000)).toMatchObject({ name: 'Phone', role: 'control' });
    expect(store.redeemPairing('code-1', 'token-b', T0 + 2_000)).toBeNull();
    expect(store.findByToken('token-a')?.name).toBe('Phone');
    expect(store.findByToken('token-b')).toBeNull();

    store.createPairing({ name: 'Tablet', role: 'view', code: 'code-2', rekeys: false, now: T0 });
    expect(store.redeemPairing('code-2', 'token-c', T0 + PAIRING_CODE_TTL_MS)).toBeNull();
    expect(store.find('Tablet')).toBeNull();
  });

  it('a code made for an existing device replaces its token; one made for a taken name is refused', () => {
    store.addWithToken('Script', 'control', 'old-token', T0);
    expect(() => store.createPairing({ name: 'Script', role: 'control', code: 'c', rekeys: false, now: T0 })).toThrow(DeviceNameTakenError);
    store.createPairing({ name: 'Script', role: 'control', code: 'c', rekeys: true, now: T0 });
    store.redeemPairing('c', 'new-token', T0 + 1);
    expect(store.findByToken('old-token')).toBeNull();
    expect(store.findByToken('new-token')?.name).toBe('Script');
  });

  it('two codes made for one free name give two devices', () => {
    store.createPairing({ name: 'OBS', role: 'view', code: 'a', rekeys: false, now: T0 });
    store.createPairing({ name: 'OBS', role: 'view', code: 'b', rekeys: false, now: T0 });
    store.redeemPairing('a', 'ta', T0 + 1);
    store.redeemPairing('b', 'tb', T0 + 2);
    expect(store.list().map((device) => device.name)).toEqual(['OBS', 'OBS 2']);
  });

  it('revoking stops the token at once and spoils its pending codes; renaming keeps the token', () => {
    store.addWithToken('Phone', 'control', 'phone-token', T0);
    store.createPairing({ name: 'Phone', role: 'control', code: 'again', rekeys: true, now: T0 });
    store.rename('Phone', 'Assistant');
    expect(store.findByToken('phone-token')?.name).toBe('Assistant');
    expect(() => store.rename('Nobody', 'X')).toThrow(DeviceNotFoundError);

    expect(store.revoke('Assistant', T0 + 5).revokedAt).toBe(T0 + 5);
    expect(store.findByToken('phone-token')).toBeNull();
    expect(store.redeemPairing('again', 'fresh', T0 + 6)).toBeNull();
    expect(store.revokedAmong(['Assistant', 'Phone'])).toEqual(['Assistant', 'Phone']);
  });

  it('records activity in one go, seen from another connection', async () => {
    store.addWithToken('Phone', 'view', 't', T0);
    store.recordActivity({
      audit: [{ at: T0 + 1, device: 'Phone', request: 'command', result: 'forbidden' }],
      lastSeen: new Map([['Phone', T0 + 1]]),
      forbidden: new Map([['Phone', 3]]),
    });
    // Its clock is the rows' (2023): at today's, opening would prune them as older than 30 days.
    const other = await openDeviceStore(file, { now: () => T0 + 2 });
    try {
      expect(other.find('Phone')).toMatchObject({ lastSeenAt: T0 + 1, forbiddenCount: 3 });
      expect(readDeviceAudit(file, 10)).toEqual([{ at: T0 + 1, device: 'Phone', request: 'command', result: 'forbidden' }]);
    } finally {
      other.close();
    }
  });
});

describe('the audit trail is bounded', () => {
  const HOUR = 60 * 60_000;
  const DAY = 24 * HOUR;
  const entries = (count: number, at: (i: number) => number) =>
    Array.from({ length: count }, (_, i) => ({ at: at(i), device: 'Assistant', request: 'markMoment', result: 'ok' }));
  const activity = (audit: ReturnType<typeof entries>) => ({ audit, lastSeen: new Map(), forbidden: new Map() });
  const rows = () => readDeviceAudit(file, 1_000_000);

  it('keeps the newest 100,000 rows and the last 30 days, pruned when the store opens', async () => {
    // A day and a half at 50 control requests a second would be 6.5 million rows: 150,000 stand for them.
    store.recordActivity(activity(entries(150_000, (i) => T0 + i)));
    store.recordActivity(activity(entries(10, () => T0 - 31 * DAY)));
    store.close();
    store = await openDeviceStore(file, { now: () => T0 + 200_000 });
    const kept = rows();
    expect(kept).toHaveLength(AUDIT_RETENTION.maxRows);
    expect(kept[0]!.at).toBe(T0 + 149_999);
    expect(kept.at(-1)!.at).toBe(T0 + 50_000);

    // 30 days later only what is newer than 30 days is left.
    store.close();
    store = await openDeviceStore(file, { now: () => T0 + 30 * DAY + 100_000 });
    expect(rows()).toHaveLength(50_000);
  });

  it('prunes while it runs at most once an hour, in the activity’s own transaction', async () => {
    let clock = T0;
    store.close();
    store = await openDeviceStore(file, { now: () => clock, retention: { maxAgeMs: 30 * DAY, maxRows: 1_000, everyMs: HOUR } });
    store.recordActivity(activity(entries(1_500, (i) => T0 + i)));
    clock += 59 * 60_000;
    store.recordActivity(activity(entries(1, () => clock)));
    expect(rows()).toHaveLength(1_501);
    clock += 2 * 60_000;
    store.recordActivity(activity(entries(1, () => clock)));
    const kept = rows();
    expect(kept).toHaveLength(1_000);
    expect(kept[0]!.at).toBe(clock);
  });
});
