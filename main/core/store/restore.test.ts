/**
 * A restore brings back the merchant's data from the backup, but not the web
 * host's access list of that day: a device revoked since stays revoked, one
 * paired since stays paired. Real database files on disk.
 */
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { backupFile } from './backup.js';
import { openWriteConnection } from './connection.js';
import { openDeviceStore } from './devices.js';
import { restoreDatabase } from './restore.js';
import { tempFolder } from './testing/temp-files.js';

const tmp = tempFolder();
afterAll(() => tmp.remove());
const T0 = Date.now();
const PHONE_TOKEN = 'phone-token-0123456789abcdef0123456789';

async function withDevices<T>(file: string, use: (store: Awaited<ReturnType<typeof openDeviceStore>>) => T): Promise<T> {
  const store = await openDeviceStore(file);
  try {
    return use(store);
  } finally {
    store.close();
  }
}

const tables = (file: string): string[] => {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT name FROM sqlite_schema WHERE type = ?').pluck().all('table') as string[];
  } finally {
    db.close();
  }
};

describe('restoring a backup', () => {
  it('keeps the current devices and pairing codes: a device revoked after the backup is not brought back', async () => {
    const live = tmp.path('live.db');
    await withDevices(live, (store) => store.addWithToken('Phone', 'control', PHONE_TOKEN, T0));
    const backup = tmp.path('monday.livecue-backup');
    await backupFile(live, backup);

    // After the backup: the phone is lost and revoked, a tablet paired, a pairing link handed out; and new data recorded.
    await withDevices(live, (store) => {
      store.revoke('Phone', T0 + 1);
      store.addWithToken('Tablet', 'view', 'tablet-token-0123456789abcdef01234567', T0 + 2);
      store.createPairing({ name: 'OBS', role: 'view', code: 'pairing-code-1', rekeys: false, now: T0 + 3 });
    });
    const db = await openWriteConnection(live);
    db.exec('CREATE TABLE recorded_after_backup (n INTEGER)');
    db.close();

    await restoreDatabase(live, backup);

    expect(tables(live)).not.toContain('recorded_after_backup');
    await withDevices(live, (store) => {
      expect(store.findByToken(PHONE_TOKEN)).toBeNull();
      expect(store.find('Phone')).toMatchObject({ revokedAt: T0 + 1 });
      expect(store.list().map((device) => device.name)).toEqual(['Phone', 'Tablet']);
      expect(store.redeemPairing('pairing-code-1', 'obs-token-0123456789abcdef0123456789', T0 + 4)).toMatchObject({ name: 'OBS', role: 'view' });
    });
  });
});
