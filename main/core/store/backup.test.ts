/**
 * Backups made at the same moment to one target, as two processes upgrading
 * one database do (each copies it to `<db>.before-vN` first): each copies to
 * its own partial file, and the target ends as one whole, valid database.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { backupConnection, BackupTargetExistsError } from './backup.js';
import { openWriteConnection, type Connection } from './connection.js';
import { tempFolder } from './testing/temp-files.js';

const tmp = tempFolder();
afterAll(() => tmp.remove());

/** A real store with a few MB in it, so a copy takes many steps and two copies interleave. */
async function storeWithData(name: string): Promise<{ file: string; connections: Connection[] }> {
  const file = tmp.path(name);
  const db = await openWriteConnection(file);
  db.exec('CREATE TABLE filler (n INTEGER PRIMARY KEY, text TEXT NOT NULL)');
  const insert = db.prepare('INSERT INTO filler (text) VALUES (?)');
  db.transaction(() => {
    for (let i = 0; i < 4_000; i++) insert.run(`row ${i} `.repeat(100));
  })();
  return { file, connections: [db, await openWriteConnection(file)] };
}

const leftovers = (target: string) => readdirSync(dirname(target)).filter((name) => name.startsWith(`${basename(target)}.`) && name.endsWith('.partial'));

function rowsIn(file: string): number {
  const copy = new Database(file, { readonly: true, fileMustExist: true });
  try {
    expect(copy.pragma('quick_check', { simple: true })).toBe('ok');
    return copy.prepare('SELECT count(*) FROM filler').pluck().get() as number;
  } finally {
    copy.close();
  }
}

describe('two backups to one target at once', () => {
  it('replacing: both succeed, the target is one valid copy and no partial file is left', async () => {
    const { file, connections } = await storeWithData('replace.db');
    const target = `${file}.before-v99`;
    const progress = [0, 0];
    const results = await Promise.all(connections.map((db, i) => backupConnection(db, target, { overwrite: true, onProgress: () => progress[i]!++ })));
    // They really overlapped: each took many steps.
    expect(Math.min(...progress)).toBeGreaterThan(5);
    expect(results.map((r) => r.file)).toEqual([target, target]);
    expect(rowsIn(target)).toBe(4_000);
    expect(existsSync(`${target}-wal`)).toBe(false);
    expect(leftovers(target)).toEqual([]);
    for (const db of connections) db.close();
  });

  it('not replacing: one wins, the other is told the target exists, and the winner’s copy is whole', async () => {
    const { file, connections } = await storeWithData('keep.db');
    const target = `${file}.copy`;
    const settled = await Promise.allSettled(connections.map((db) => backupConnection(db, target)));
    expect(settled.filter((s) => s.status === 'fulfilled')).toHaveLength(1);
    const refused = settled.find((s) => s.status === 'rejected');
    expect(refused?.status === 'rejected' && refused.reason).toBeInstanceOf(BackupTargetExistsError);
    expect(rowsIn(target)).toBe(4_000);
    expect(leftovers(target)).toEqual([]);
    for (const db of connections) db.close();
  });

  it('removes a partial copy left by a killed process, not one of a process still running', async () => {
    const { file, connections } = await storeWithData('leftover.db');
    const target = `${file}.before-v99`;
    const deadPid = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
    const dead = `${target}.${deadPid}-abc123.partial`;
    const live = `${target}.${process.ppid}-def456.partial`;
    writeFileSync(dead, 'half a copy');
    writeFileSync(live, 'another process copying now');
    await backupConnection(connections[0]!, target, { overwrite: true });
    expect(existsSync(dead)).toBe(false);
    expect(existsSync(live)).toBe(true);
    for (const db of connections) db.close();
  });
});
