/**
 * A catalog file reader's thread (parse-off-thread.ts starts and keeps them):
 * says it is ready once its modules are loaded, so the time budget counts the
 * reading only, then reads each file it is sent, one at a time, and answers.
 */
import { parentPort } from 'node:worker_threads';
import { parseCatalogBytes } from './files.js';
import type { ParseJob, ParseWorkerMessage } from './parse-off-thread.js';

const port = parentPort;
if (!port) throw new Error('parse-worker.ts runs as a worker thread');
const post = (message: ParseWorkerMessage) => port.postMessage(message);

port.on('message', (job: ParseJob) => {
  parseCatalogBytes(job.format, new Uint8Array(job.bytes), job.context).then(
    (result) => post({ kind: 'parsed', result }),
    (error: unknown) => post({ kind: 'failed', message: error instanceof Error ? error.message : String(error) }),
  );
});
post({ kind: 'ready' });
