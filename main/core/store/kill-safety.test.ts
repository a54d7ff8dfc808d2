import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openReader } from './reader.js';
import { tempFolder } from './testing/temp-files.js';

const CHILD_SCRIPT = fileURLToPath(new URL('./testing/append-until-killed.ts', import.meta.url));
const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const BATCH_SIZE = 250;

let folder: ReturnType<typeof tempFolder>;
beforeEach(() => {
  folder = tempFolder();
});
afterEach(() => folder.remove());

/** Runs the appending child until it has reported `acks` commits, then SIGKILLs it; resolves with the highest acked seq. */
async function appendThenKill(file: string, acks: number): Promise<number> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD_SCRIPT, file, String(BATCH_SIZE)], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));

  let seen = 0;
  let highestAcked = 0;
  for await (const line of createInterface({ input: child.stdout })) {
    highestAcked = Math.max(highestAcked, Number(line.replace('committed ', '')));
    if (++seen === acks) child.kill('SIGKILL');
  }
  const signal = await exited;
  expect(signal, `child ended on its own: ${stderr}`).toBe('SIGKILL');
  return highestAcked;
}

/** Every committed batch is whole, nothing acked is lost, and last_seq == max(seq). */
function expectConsistentPrefix(file: string, highestAcked: number): number {
  const reader = openReader(file);
  try {
    const session = reader.latestSession();
    if (!session) throw new Error('no session stored');
    const { key, lastSeq } = session;
    const batches = lastSeq / BATCH_SIZE;
    const marker = JSON.stringify({ lastSeq });

    expect(lastSeq).toBeGreaterThanOrEqual(highestAcked);
    expect(Number.isInteger(batches)).toBe(true);
    let expected = 1;
    for (const seq of reader.storedSeqs(key)) {
      if (seq !== expected) throw new Error(`seq ${expected} missing or out of order (found ${seq})`);
      expected++;
    }
    expect(expected - 1).toBe(lastSeq);
    expect(reader.rejectCount(key)).toBe(batches);
    expect(reader.rejects(key, 1)[0]?.raw).toBe(marker);
    expect(reader.minutes(key)).toHaveLength(batches);
    expect(reader.minutes(key).at(-1)?.data).toBe(marker);
    expect(reader.snapshot(key)).toEqual({ seq: lastSeq, state: marker });
    return lastSeq;
  } finally {
    reader.close();
  }
}

describe('kill safety', () => {
  it('keeps a consistent prefix when the writing process is SIGKILLed mid-stream, and resumes after it', async () => {
    const file = folder.path('killed.db');
    let previous = 0;
    for (const acks of [40, 25, 60]) {
      const highestAcked = await appendThenKill(file, acks);
      const lastSeq = expectConsistentPrefix(file, highestAcked);
      expect(lastSeq).toBeGreaterThan(previous);
      previous = lastSeq;
    }
  }, 60_000);
});
