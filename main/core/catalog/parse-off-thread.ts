/**
 * Reads an uploaded catalog file in a worker thread, within a size and a time
 * budget. The thread that serves the UI (and, in `livecue serve`, every HTTP
 * request) only hands the bytes over and waits: a hostile file can cost the
 * worker its budget, never the host its answers. Past the time budget the
 * worker is terminated (a reader stuck in a loop cannot be asked to stop) and
 * the file is refused as a problem of the file, in the user's language.
 */
import type { Worker } from 'node:worker_threads';
import { IMPORT_PARSE_MS, MAX_IMPORT_BYTES } from '../../../shared/catalog/catalog-api.js';
import type { CatalogFormat, ParseContext } from '../../../shared/catalog/file-layout.js';
import { problem, type ImportProblem } from '../../../shared/catalog/import-problems.js';
import { startWorker } from '../store/worker.js';
import type { CatalogFileParse } from './files.js';

export interface ParseBudget {
  bytes: number;
  milliseconds: number;
}

export const PARSE_BUDGET: ParseBudget = { bytes: MAX_IMPORT_BYTES, milliseconds: IMPORT_PARSE_MS };

/** What the worker is sent: the bytes are a copy it owns (transferred, not cloned). */
export interface ParseJob {
  format: CatalogFormat;
  bytes: ArrayBuffer;
  context: ParseContext;
}

export type ParseWorkerMessage = { kind: 'ready' } | { kind: 'parsed'; result: CatalogFileParse } | { kind: 'failed'; message: string };

/**
 * A workbook unpacks to at most 64 MB (workbook.ts) and exceljs keeps it as objects: this is room for that
 * with a margin, and a bound on what a file the limits missed can make the process hold.
 */
const WORKER_HEAP_MB = 1024;
/** Files read at once; more wait their turn (their time budget starts when their reader has the file). */
const MAX_CONCURRENT = 2;

const refused = (one: ImportProblem): CatalogFileParse => ({ parse: { ok: false, problems: [one] }, encoding: null });
const megabytes = (bytes: number) => Math.round((bytes / (1024 * 1024)) * 10) / 10;

let running = 0;
const waiting: (() => void)[] = [];

async function inTurn<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_CONCURRENT) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await work();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

/**
 * Readers that finished their last file, kept for the next (a preview and its import read the same file; a
 * reader's start costs more than a catalog's read). Unref'd: an idle reader never keeps the process alive.
 * A reader stopped at its budget or broken by its file is never kept.
 */
const idle: Worker[] = [];

export function parseOffThread(format: CatalogFormat, bytes: Uint8Array, context: ParseContext = {}, budget: ParseBudget = PARSE_BUDGET): Promise<CatalogFileParse> {
  if (bytes.byteLength > budget.bytes) return Promise.resolve(refused(problem('', 0, '', 'tooLarge', { megabytes: megabytes(budget.bytes) })));
  // The caller keeps its bytes (a preview and then the import read the same file): the worker gets its own copy.
  const copy = new Uint8Array(bytes).buffer;
  return inTurn(() => runJob({ format, bytes: copy, context }, budget.milliseconds));
}

function startReader(): Promise<Worker> {
  const kept = idle.pop();
  if (kept) {
    kept.ref();
    return Promise.resolve(kept);
  }
  return new Promise((resolve, reject) => {
    const worker = startWorker(new URL('./parse-worker.js', import.meta.url), { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
    // A reader that ends while idle is not handed a file.
    worker.once('exit', () => {
      const at = idle.indexOf(worker);
      if (at >= 0) idle.splice(at, 1);
    });
    const failed = (error: Error) => reject(error);
    worker.once('error', failed);
    worker.once('message', (message: ParseWorkerMessage) => {
      worker.off('error', failed);
      if (message.kind === 'ready') resolve(worker);
      else reject(new Error('the reader did not start'));
    });
  });
}

async function runJob(job: ParseJob, milliseconds: number): Promise<CatalogFileParse> {
  let worker: Worker;
  try {
    worker = await startReader();
  } catch (error) {
    return refused(problem('', 0, '', 'unreadable', { detail: error instanceof Error ? error.message : String(error) }));
  }
  return new Promise((resolve) => {
    let settled = false;
    const onMessage = (message: ParseWorkerMessage) => {
      if (message.kind === 'parsed') finish(message.result, true);
      else if (message.kind === 'failed') finish(refused(problem('', 0, '', 'unreadable', { detail: message.message })), false);
    };
    const onError = (error: Error) => finish(refused(problem('', 0, '', 'unreadable', { detail: error.message })), false);
    const onExit = (code: number) => finish(refused(problem('', 0, '', 'unreadable', { detail: `the reader stopped (exit code ${code})` })), false);
    const finish = (result: CatalogFileParse, keep: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      if (keep) {
        worker.unref();
        idle.push(worker);
      } else void worker.terminate();
      resolve(result);
    };
    const timer = setTimeout(() => finish(refused(problem('', 0, '', 'tooSlow', { seconds: milliseconds / 1000 })), false), milliseconds);
    worker.on('message', onMessage).on('error', onError).on('exit', onExit);
    worker.postMessage(job, [job.bytes]);
  });
}
