/**
 * `livecue backup` against a database another process keeps writing into:
 * the copy is a consistent snapshot, and a backup killed with kill -9 half
 * way leaves the live database whole and the recording going.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import Database from 'better-sqlite3';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { StoreWriter } from '../main/core/store/writer.js';
import { collect, runCli, spawnCli, tempDir, waitFor } from './helpers.js';

const WRITER_SCRIPT = new URL('../main/core/store/testing/append-until-killed.ts', import.meta.url).pathname;
const BATCH_SIZE = 250;

const tmp = tempDir('livecue-backup-');
afterAll(() => tmp.remove());

/** A process appending batches of BATCH_SIZE events to `file` as fast as it can, until killed; counts its commits. */
function startWriter(file: string): { child: ChildProcess; commits: () => number } {
  const child = spawn(process.execPath, ['--import', 'tsx', WRITER_SCRIPT, file, String(BATCH_SIZE)], { stdio: ['ignore', 'pipe', 'inherit'] });
  let commits = 0;
  createInterface({ input: child.stdout! }).on('line', () => commits++);
  return { child, commits: () => commits };
}

let writer: ReturnType<typeof startWriter> | null = null;
afterEach(() => {
  writer?.child.kill('SIGKILL');
  writer = null;
});

function integrity(file: string): string {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return String(db.pragma('integrity_check', { simple: true }));
  } finally {
    db.close();
  }
}

/**
 * A snapshot of one moment: the session's resume point is its last event,
 * every seq before it is there, and every batch is whole (each carries one
 * reject row, committed in the batch's transaction). Read in one statement,
 * so one snapshot, even while the writer commits.
 */
function expectConsistent(file: string): number {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const row = db
      .prepare<[], { lastSeq: number; events: number; maxSeq: number; rejects: number }>(
        `SELECT s.last_seq AS lastSeq,
                (SELECT count(*) FROM events WHERE session = s.key) AS events,
                (SELECT max(seq) FROM events WHERE session = s.key) AS maxSeq,
                (SELECT count(*) FROM rejects WHERE session = s.key) AS rejects
         FROM sessions s ORDER BY s.key DESC LIMIT 1`,
      )
      .get()!;
    expect(row.events).toBe(row.lastSeq);
    expect(row.maxSeq).toBe(row.lastSeq);
    expect(row.lastSeq % BATCH_SIZE).toBe(0);
    expect(row.rejects).toBe(row.lastSeq / BATCH_SIZE);
    return row.lastSeq;
  } finally {
    db.close();
  }
}

describe('livecue backup', () => {
  it('copies a database while another process records into it: the copy opens, passes its check and is one consistent moment', { timeout: 120_000 }, async () => {
    const live = tmp.file('live.db');
    const copy = tmp.file('copy.db');
    writer = startWriter(live);
    await waitFor(() => writer!.commits() >= 100, 60_000);

    const result = await runCli(['backup', '--db', live, '--to', copy]);
    expect(result.stderr).toMatch(/^backup: 0 of [\d,]+ pages copied, [\d,]+ remaining\n(.+\n)*backup: ([\d,]+) of \2 pages copied, 0 remaining\n$/);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^backed up ${live} to ${copy} \\([\\d.]+ MB, [\\d,]+ pages, schema version \\d+, check ok\\)\\n$`));
    const commitsAtEnd = writer.commits();

    expect(integrity(copy)).toBe('ok');
    const copied = expectConsistent(copy);
    expect(copied).toBeGreaterThanOrEqual(100 * BATCH_SIZE);
    await waitFor(() => writer!.commits() > commitsAtEnd + 10, 30_000);
    expect(expectConsistent(live)).toBeGreaterThan(copied);

    const again = await runCli(['backup', '--db', live, '--to', copy]);
    expect(again.code).toBe(1);
    expect(again.stderr).toBe(`livecue backup: ${copy} already exists: choose another name, or replace it with --force\n`);
    expect(expectConsistent(copy)).toBe(copied);
    const forced = await runCli(['backup', '--db', live, '--to', copy, '--force']);
    expect(forced.code).toBe(0);
    expect(expectConsistent(copy)).toBeGreaterThan(copied);
  });

  it('leaves the live database intact and the recording going when the backup is killed with kill -9 half way', { timeout: 180_000 }, async () => {
    const live = tmp.file('killed-live.db');
    const copy = tmp.file('killed-copy.db');
    writer = startWriter(live);
    // Big enough (~150k events) that the copy takes many steps and the kill lands in the middle.
    await waitFor(() => writer!.commits() >= 600, 120_000);

    const backup = spawnCli(['backup', '--db', live, '--to', copy]);
    const exited = collect(backup, 60_000);
    let stderr = '';
    backup.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (stderr.includes('pages copied')) backup.kill('SIGKILL');
    });
    const outcome = await exited;
    expect(outcome.signal, JSON.stringify(outcome)).toBe('SIGKILL');
    expect(stderr).not.toContain(' 0 remaining');
    // The target name never holds half a database.
    expect(existsSync(copy)).toBe(false);

    const commitsAtKill = writer.commits();
    await waitFor(() => writer!.commits() > commitsAtKill + 20, 30_000);
    expect(integrity(live)).toBe('ok');
    expectConsistent(live);

    // The next backup clears what the killed one left and succeeds.
    const retry = await runCli(['backup', '--db', live, '--to', copy]);
    expect(retry.code).toBe(0);
    expect(integrity(copy)).toBe('ok');
    expectConsistent(copy);
  });

  it('says in one line what is wrong with a source that is not a LiveCue database or a folder that does not exist', { timeout: 60_000 }, async () => {
    const other = tmp.file('other.db');
    new Database(other).exec('CREATE TABLE contacts (name TEXT)').close();
    const notLiveCue = await runCli(['backup', '--db', other, '--to', tmp.file('x.db')]);
    expect(notLiveCue.stderr).toBe(`livecue backup: cannot back up ${other}: not a LiveCue database\n`);
    expect(notLiveCue.code).toBe(1);

    const missing = tmp.file('missing.db');
    const noSource = await runCli(['backup', '--db', missing, '--to', tmp.file('y.db')]);
    expect(noSource.stderr).toBe(`livecue backup: cannot back up ${missing}: no such file\n`);

    const live = tmp.file('small.db');
    await (await StoreWriter.open(live)).close();
    const noFolder = tmp.file('no-such-folder/copy.db');
    const missingFolder = await runCli(['backup', '--db', live, '--to', noFolder]);
    expect(missingFolder.stderr).toBe(`livecue backup: cannot back up to ${noFolder}: the folder ${tmp.file('no-such-folder')} does not exist\n`);
    expect(missingFolder.code).toBe(1);
  });
});
