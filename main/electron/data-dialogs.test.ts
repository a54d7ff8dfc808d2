/**
 * Settings → 数据 in the desktop app, under plain Node: main's answers with a
 * scripted dialog, relayed over a real MessageChannel to the real app
 * recording the demo room into a temporary folder.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { MessageChannel } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { memorySecretStore } from '../app/secrets.js';
import { startCoreClient } from './core-client.js';
import { serveCore } from './core-host.js';
import { dataRequests, type OpenDialog } from './data-dialogs.js';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** The real app behind main's data requests; `pick` is what the user picks in the next dialog (null: cancel). */
async function desktop() {
  const folder = mkdtempSync(join(tmpdir(), 'livecue-data-'));
  cleanups.push(() => rmSync(folder, { recursive: true, force: true }));
  const { port1, port2 } = new MessageChannel();
  serveCore({ post: (message) => port2.postMessage(message), onMessage: (listener) => port2.on('message', listener) });
  const secrets = { ...memorySecretStore(null), kind: 'os-keychain' as const };
  const client = startCoreClient({
    spawn: () => ({ post: (m) => port1.postMessage(m), onMessage: (l) => port1.on('message', l), onExit: () => {}, kill: () => port1.close() }),
    dataFolder: folder,
    secrets,
    rewriterKey: { ...secrets },
  });
  cleanups.push(async () => {
    await client.stop();
    port1.close();
    port2.close();
  });
  await client.ready;
  // Recording: the demo room's session is stored.
  for (let tries = 0; ; tries++) {
    const sessions = await client.request('listSessions', {});
    if (sessions.ok && (sessions.value as unknown[]).length > 0) break;
    if (tries > 200) throw new Error('the demo session was never stored');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const picks: (string | null)[] = [];
  const dialogs: Parameters<OpenDialog>[0][] = [];
  const showOpenDialog: OpenDialog = async (options) => {
    dialogs.push(options);
    const pick = picks.shift() ?? null;
    return pick === null ? { canceled: true, filePaths: [] } : { canceled: false, filePaths: [pick] };
  };
  const answer = dataRequests(showOpenDialog, (op) => client.data(op));
  return { folder, db: join(folder, 'livecue.db'), client, answer, picks, dialogs };
}

const sessionsIn = (file: string): number => {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db.prepare('SELECT count(*) FROM sessions').pluck().get() as number;
  } finally {
    db.close();
  }
};

describe('backup and restore in the desktop app', () => {
  it('backs up into the folder picked in the dialog while recording, and a cancelled dialog does nothing', async () => {
    const app = await desktop();
    const target = join(app.folder, 'backups');
    mkdirSync(target);
    app.picks.push(target);
    const reply = await app.answer('backupData', {});
    expect(reply).toMatchObject({ ok: true, value: { file: expect.stringMatching(/\/backups\/livecue-\d{8}-\d{6}\.db$/) } });
    const file = (reply as { value: { file: string } }).value.file;
    expect(dirname(file)).toBe(target);
    expect(sessionsIn(file)).toBe(1);
    expect(app.dialogs[0]?.properties).toContain('openDirectory');

    expect(await app.answer('backupData', {})).toEqual({ ok: true, value: null });
  });

  it('never takes a path from the page', async () => {
    const app = await desktop();
    expect(await app.answer('backupData', { folder: '/tmp' })).toEqual({ ok: false, error: { code: 'bad_request', message: 'backupData takes no arguments' } });
    expect(await app.answer('restoreData', {})).toEqual({ ok: false, error: { code: 'bad_request', message: 'choose and check a backup first' } });
    expect(app.dialogs).toEqual([]);
  });

  it('checks the picked file before anything is replaced: a file that is not a LiveCue database is refused, and cannot then be restored', async () => {
    const app = await desktop();
    const bogus = join(app.folder, 'notes.db');
    writeFileSync(bogus, 'not a database at all, just a shopping list\n'.repeat(200));
    app.picks.push(bogus);
    const check = await app.answer('chooseRestore', {});
    expect(check).toMatchObject({ ok: false, error: { code: 'bad_request', message: expect.stringContaining(`${bogus} is not a LiveCue database`) } });
    expect(await app.answer('restoreData', {})).toMatchObject({ ok: false, error: { message: 'choose and check a backup first' } });
    expect(existsSync(`${app.db}.before-restore`)).toBe(false);
    expect(await app.client.request('listSessions', {})).toMatchObject({ ok: true });
  });

  it('restores a checked backup: the current database is kept as <db>.before-restore and the app runs on the restored one', async () => {
    const app = await desktop();
    app.picks.push(app.folder);
    const backup = ((await app.answer('backupData', {})) as { value: { file: string } }).value.file;
    // After the backup the app goes on recording; the restore brings back the database as it was at the backup.
    await app.client.request('markMoment', { note: 'after the backup' });

    app.picks.push(backup);
    const check = await app.answer('chooseRestore', {});
    expect(check).toMatchObject({ ok: true, value: { file: backup, sessions: 1, schemaVersion: expect.any(Number), newestSessionAt: expect.any(Number) } });
    const restored = await app.answer('restoreData', {});
    expect(restored).toEqual({ ok: true, value: { restoredFrom: backup, previousKeptAs: `${app.db}.before-restore` } });

    const kept = new Database(`${app.db}.before-restore`, { readonly: true });
    expect(kept.prepare("SELECT note FROM moments").pluck().all()).toEqual(['after the backup']);
    kept.close();
    // The app started again on the restored database: it answers, and the moment made after the backup is not in it.
    expect(await app.client.request('listSessions', {})).toMatchObject({ ok: true });
    const now = new Database(app.db, { readonly: true });
    expect(now.prepare('SELECT count(*) FROM moments').pluck().get()).toBe(0);
    now.close();
    // One restore per check.
    expect(await app.answer('restoreData', {})).toMatchObject({ ok: false, error: { message: 'choose and check a backup first' } });
  });
});
