/**
 * Append throughput, printed for the record (no timing assertions): the raw
 * in-thread ceiling, and the same batches through the writer thread, first
 * one at a time (each awaited), then all in flight (group commit).
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { measureRawInsert } from './raw-insert.js';
import { syntheticBatch, syntheticEvents } from './testing/synthetic.js';
import { tempFolder } from './testing/temp-files.js';
import type { AppendBatch, SessionKey } from './types.js';
import { StoreWriter } from './writer.js';

const ROWS = 200_000;
const BATCH_SIZE = 1_000;

let folder: ReturnType<typeof tempFolder>;
beforeEach(() => {
  folder = tempFolder();
});
afterEach(() => folder.remove());

function batches(key: SessionKey): AppendBatch[] {
  return Array.from({ length: ROWS / BATCH_SIZE }, (_, i) => syntheticBatch(key, i * BATCH_SIZE + 1, BATCH_SIZE));
}

async function throughWriter(file: string, inFlight: 'one at a time' | 'all at once'): Promise<number> {
  const writer = await StoreWriter.open(file);
  try {
    const { key } = await writer.openSession({ gateway: 'g', room: 'r', roomJson: '{}', sessionId: 's', startedAt: 1, productsJson: '[]' });
    const pending = batches(key);
    const started = performance.now();
    if (inFlight === 'all at once') {
      await Promise.all(pending.map((batch) => writer.append(batch)));
    } else {
      for (const batch of pending) await writer.append(batch);
    }
    return Math.round(ROWS / ((performance.now() - started) / 1000));
  } finally {
    await writer.close();
  }
}

it('measures append throughput in rows/s', async () => {
  const bodyBytes = syntheticEvents(1, 1_000).reduce((sum, event) => sum + event.body.length, 0) / 1_000;
  const ceiling = measureRawInsert(folder.path('ceiling.db'), syntheticEvents(1, ROWS), BATCH_SIZE);
  const sequential = await throughWriter(folder.path('sequential.db'), 'one at a time');
  const pipelined = await throughWriter(folder.path('pipelined.db'), 'all at once');

  process.stdout.write(
    [
      `append throughput, ${ROWS.toLocaleString()} rows in batches of ${BATCH_SIZE}, bodies ~${Math.round(bodyBytes)} bytes:`,
      `  raw in-thread ceiling       ${ceiling.toLocaleString()} rows/s`,
      `  writer thread, one by one   ${sequential.toLocaleString()} rows/s`,
      `  writer thread, all queued   ${pipelined.toLocaleString()} rows/s`,
    ].join('\n') + '\n',
  );
  expect(Math.min(ceiling, sequential, pipelined)).toBeGreaterThan(0);
}, 120_000);
