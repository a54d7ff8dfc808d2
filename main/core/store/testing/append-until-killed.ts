/**
 * Child process of the kill-safety test: `node --import tsx append-until-killed.ts FILE BATCH_SIZE`.
 * Appends batches through a StoreWriter, several in flight, and prints
 * `committed <seq>` for every acknowledged batch until it is killed. Every
 * batch also carries one reject, one minute row and a snapshot, all naming
 * the batch's last seq, so the test can tell a whole batch from a torn one.
 */
import type { AppendBatch } from '../types.js';
import { StoreWriter } from '../writer.js';
import { syntheticBatch } from './synthetic.js';

const IN_FLIGHT = 4;

const [file, batchSizeArg] = process.argv.slice(2);
const batchSize = Number(batchSizeArg);
if (!file || !Number.isInteger(batchSize) || batchSize < 1) {
  throw new Error('usage: append-until-killed.ts FILE BATCH_SIZE');
}

const writer = await StoreWriter.open(file);
const session = await writer.openSession({
  gateway: 'kill-test',
  room: 'kill-room',
  roomJson: '{"id":"kill-room"}',
  sessionId: 'kill-session',
  startedAt: 1,
  productsJson: '[]',
});
let nextSeq = session.lastSeq + 1;

function nextBatch(): AppendBatch {
  const batch = syntheticBatch(session.key, nextSeq, batchSize);
  const lastSeq = nextSeq + batchSize - 1;
  const marker = JSON.stringify({ lastSeq });
  batch.rejects.push({ seq: null, reason: 'kill-test marker', raw: marker, receivedAt: Date.now() });
  batch.minutes.push({ minute: lastSeq / batchSize, data: marker });
  batch.snapshot = { seq: lastSeq, state: marker };
  nextSeq = lastSeq + 1;
  return batch;
}

async function pump(): Promise<never> {
  for (;;) {
    const { committedSeq } = await writer.append(nextBatch());
    process.stdout.write(`committed ${committedSeq}\n`);
  }
}

await Promise.all(Array.from({ length: IN_FLIGHT }, pump));
