import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openWriteConnection } from './connection.js';
import { LIVECUE_APPLICATION_ID, MIGRATIONS, migrate, schemaVersion, type Migration } from './migrations/index.js';
import { openReader } from './reader.js';
import { tempFolder } from './testing/temp-files.js';
import { StoreWriter } from './writer.js';

const SESSION = { gateway: 'g', room: 'r', roomJson: '{}', sessionId: 's', startedAt: 1, productsJson: '[]' };

let folder: ReturnType<typeof tempFolder>;
beforeEach(() => {
  folder = tempFolder();
});
afterEach(() => folder.remove());

function inspect<T>(file: string, read: (db: Database.Database) => T): T {
  const db = new Database(file, { readonly: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

const tableNames = (db: Database.Database): string[] =>
  db.prepare<[], string>("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").pluck().all();

describe('migrations', () => {
  it('creates the whole schema on an empty file, in WAL mode, marked as LiveCue', async () => {
    const file = folder.path('new.db');
    const writer = await StoreWriter.open(file);
    await writer.close();

    inspect(file, (db) => {
      expect(tableNames(db)).toEqual(['answered_comments', 'buying_points', 'catalog_imports', 'catalog_products', 'device_audit', 'devices', 'engine_snapshots', 'events', 'gaps', 'minute_metrics', 'moments', 'pairing_codes', 'plan_checklist', 'plan_lineup', 'plan_overrides', 'plan_segment_runs', 'plan_segments', 'plans', 'rejects', 'session_layers', 'session_questions', 'session_results', 'sessions', 'suggestion_marks', 'user_histories']);
      expect(schemaVersion(db)).toBe(MIGRATIONS.length);
      expect(db.pragma('application_id', { simple: true })).toBe(LIVECUE_APPLICATION_ID);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    });
  });

  it('re-opens an up-to-date database without changing it', async () => {
    const file = folder.path('reopen.db');
    const first = await StoreWriter.open(file);
    const opened = await first.openSession(SESSION);
    await first.close();

    const second = await StoreWriter.open(file);
    expect(await second.openSession(SESSION)).toEqual(opened);
    await second.close();
    inspect(file, (db) => expect(schemaVersion(db)).toBe(MIGRATIONS.length));
  });

  it("applies only pending migrations, atomically with the version", async () => {
    const file = folder.path('pending.db');
    (await openWriteConnection(file)).close();
    let applied = 0;
    const shipped = MIGRATIONS.length;
    const addNotes: Migration = {
      version: shipped + 1,
      name: 'notes',
      up(db) {
        applied++;
        db.exec('CREATE TABLE notes (text TEXT) STRICT');
      },
    };
    const broken: Migration = {
      version: shipped + 2,
      name: 'broken',
      up(db) {
        db.exec('CREATE TABLE half_done (x INTEGER) STRICT');
        throw new Error('migration bug');
      },
    };
    const db = new Database(file);
    try {
      migrate(db, [...MIGRATIONS, addNotes]);
      migrate(db, [...MIGRATIONS, addNotes]);
      expect(applied).toBe(1);
      expect(() => migrate(db, [...MIGRATIONS, addNotes, broken])).toThrow('migration bug');
      expect(schemaVersion(db)).toBe(shipped + 1);
      expect(tableNames(db)).not.toContain('half_done');
    } finally {
      db.close();
    }
  });

  it('upgrades a version-1 store: rejects repeated by replays are kept once', () => {
    const file = folder.path('v1.db');
    const db = new Database(file);
    try {
      migrate(db, MIGRATIONS.slice(0, 1));
      db.exec(`INSERT INTO sessions (key, gateway, room, room_json, session_id, started_at, products_json) VALUES (1, 'g', 'r', '{}', 's', 0, '[]')`);
      const reject = db.prepare('INSERT INTO rejects (session, seq, reason, raw, received_at) VALUES (1, ?, ?, ?, 0)');
      for (const seq of [7, 7, 9, null, null]) reject.run(seq, 'bad', 'x');
      migrate(db, MIGRATIONS);
      expect(db.prepare('SELECT seq FROM rejects ORDER BY id').pluck().all()).toEqual([7, 9, null, null]);
      expect(() => reject.run(9, 'bad', 'x')).toThrow(/UNIQUE/);
    } finally {
      db.close();
    }
  });

  it('upgrades a version-5 store: its catalog products have no coupon, and a coupon can be stored', async () => {
    const file = folder.path('v5.db');
    const db = new Database(file);
    try {
      migrate(db, MIGRATIONS.slice(0, 5));
      db.exec(`INSERT INTO catalog_products (id, title, category, price, selling_points, updated_at) VALUES ('p1', '精华', 'skincare', 12900, '["5% 烟酰胺"]', 0)`);
    } finally {
      db.close();
    }
    const writer = await StoreWriter.open(file);
    const reader = openReader(file);
    try {
      expect(reader.catalog().products).toEqual([{ id: 'p1', title: '精华', category: 'skincare', price: 12900, coupon: '', sellingPoints: ['5% 烟酰胺'] }]);
      await writer.upsertProduct({ ...reader.catalog().products[0]!, coupon: '满199减30' });
      expect(reader.catalog().products[0]!.coupon).toBe('满199减30');
    } finally {
      reader.close();
      await writer.close();
    }
    inspect(file, (upgraded) => expect(schemaVersion(upgraded)).toBe(MIGRATIONS.length));
  });

  it('backs up a database before upgrading it, to <db>.before-v<N>, a private copy at the old version', async () => {
    const file = folder.path('v9.db');
    const old = new Database(file);
    try {
      migrate(old, MIGRATIONS.slice(0, 9));
      old.exec(`INSERT INTO catalog_products (id, title, category, price, coupon, selling_points, updated_at) VALUES ('p1', '精华', 'skincare', 12900, '', '[]', 0)`);
    } finally {
      old.close();
    }
    await (await StoreWriter.open(file)).close();

    const backup = `${file}.before-v${MIGRATIONS.length}`;
    inspect(backup, (copy) => {
      expect(schemaVersion(copy)).toBe(9);
      expect(copy.prepare('SELECT title FROM catalog_products').pluck().all()).toEqual(['精华']);
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    });
    if (process.platform !== 'win32') expect((statSync(backup).mode & 0o777).toString(8)).toBe('600');
    inspect(file, (upgraded) => expect(schemaVersion(upgraded)).toBe(MIGRATIONS.length));
  });

  it('makes no backup of a brand-new database, nor of one already up to date', async () => {
    const file = folder.path('fresh.db');
    await (await StoreWriter.open(file)).close();
    await (await StoreWriter.open(file)).close();
    expect(readdirSync(dirname(file)).filter((name) => name.startsWith(`${basename(file)}.before`))).toEqual([]);
  });

  it('leaves a database whose upgrade fails at its old version with its rows, and says where the backup is', async () => {
    const file = folder.path('failing.db');
    const writer = await StoreWriter.open(file);
    await writer.openSession(SESSION);
    await writer.close();
    const shipped = MIGRATIONS.length;
    const addNotes: Migration = { version: shipped + 1, name: 'notes', up: (db) => db.exec('CREATE TABLE notes (text TEXT) STRICT') };
    const broken: Migration = {
      version: shipped + 2,
      name: 'broken',
      up(db) {
        db.exec('DELETE FROM sessions');
        throw new Error('migration bug');
      },
    };
    const backup = `${file}.before-v${shipped + 2}`;

    await expect(openWriteConnection(file, [...MIGRATIONS, addNotes, broken])).rejects.toThrow(
      `cannot open database ${file}: upgrading its schema from version ${shipped} to ${shipped + 2} failed (migration bug); the database was left unchanged at version ${shipped}; a copy from before the upgrade is at ${backup}`,
    );
    inspect(file, (db) => {
      expect(schemaVersion(db)).toBe(shipped);
      expect(tableNames(db)).not.toContain('notes');
      expect(db.prepare('SELECT session_id FROM sessions').pluck().all()).toEqual(['s']);
    });
    expect(existsSync(backup)).toBe(true);
    inspect(backup, (copy) => expect(copy.prepare('SELECT count(*) FROM sessions').pluck().get()).toBe(1));
  });

  it('refuses a database written by a newer LiveCue, naming the file and both versions', async () => {
    const file = folder.path('newer.db');
    await (await StoreWriter.open(file)).close();
    const db = new Database(file);
    db.pragma('user_version = 99');
    db.close();

    const expected = `cannot open database ${file}: its schema version 99 is newer than this LiveCue supports (${MIGRATIONS.length}); update LiveCue`;
    await expect(StoreWriter.open(file)).rejects.toThrow(expected);
    expect(() => openReader(file)).toThrow(expected);
  });

  it('refuses a file that is not an SQLite database', async () => {
    const file = folder.path('notes.txt');
    writeFileSync(file, 'shopping list: milk, eggs, and a very long line of text to fill a page\n'.repeat(100));
    await expect(StoreWriter.open(file)).rejects.toThrow(`cannot open database ${file}: not a LiveCue database (not an SQLite file)`);
    expect(() => openReader(file)).toThrow(`cannot open database ${file}: not a LiveCue database`);
  });

  it("refuses another program's SQLite database and leaves it untouched", async () => {
    const file = folder.path('other.db');
    const other = new Database(file);
    other.exec('CREATE TABLE contacts (name TEXT)');
    other.close();
    const before = readFileSync(file);

    await expect(StoreWriter.open(file)).rejects.toThrow(`cannot open database ${file}: not a LiveCue database`);
    expect(() => openReader(file)).toThrow(`cannot open database ${file}: not a LiveCue database`);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('says which file is missing or cannot be created', async () => {
    const missing = folder.path('missing.db');
    expect(() => openReader(missing)).toThrow(`cannot open database ${missing}: no such file`);
    const unreachable = folder.path('no-such-folder/store.db');
    await expect(StoreWriter.open(unreachable)).rejects.toThrow(`cannot open database ${unreachable}: `);
  });
});
