/**
 * The ingest process of the memory benchmark: a core recording from a
 * gateway. It reports its resident set size as found while the stream runs
 * (working set included), and, when asked, once the stream has stalled and
 * the process has gone idle (what it retains).
 */
import { startCore } from '../core/api/core.js';

export interface IngestHostArgs {
  url: string;
  room: string;
  token: string;
  dbFile: string;
  /** Report RSS as found each time this many more events are stored. */
  sampleEvery: number;
}
/** `settle`: report once no event has been stored for a while (the gateway is holding the stream), then go on. */
export type IngestHostRequest = { type: 'settle' };
export type IngestHostMessage =
  | { type: 'sample'; stored: number; rssBytes: number }
  | { type: 'settled'; stored: number; rssBytes: number; heapUsedBytes: number }
  | { type: 'done'; stored: number; state: string; seconds: number };

/** The process is forked with --expose-gc, so a settled sample follows a full collection. */
const collectGarbage = (globalThis as { gc?: () => void }).gc;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const send = (message: IngestHostMessage) => process.send?.(message);

/** Quiet this long with nothing stored counts as stalled. */
const QUIET_MS = 1_000;
/** Then this long idle, so freed memory can go back (V8 shrinks its heap on a timer once idle). */
const IDLE_MS = 3_000;

async function settledSample(stored: () => number): Promise<void> {
  let seen = -1;
  while (stored() === 0 || stored() !== seen) {
    seen = stored();
    await sleep(QUIET_MS);
  }
  collectGarbage?.();
  await sleep(IDLE_MS);
  collectGarbage?.();
  const memory = process.memoryUsage();
  send({ type: 'settled', stored: stored(), rssBytes: memory.rss, heapUsedBytes: memory.heapUsed });
}

async function main(): Promise<void> {
  const args = JSON.parse(process.argv[2] ?? '{}') as IngestHostArgs;
  const started = performance.now();
  const core = await startCore({ dbFile: args.dbFile, gateway: { url: args.url, room: args.room, token: args.token } });
  const stored = () => core.snapshot().ingest.stored;
  process.on('message', (request: IngestHostRequest) => {
    if (request.type === 'settle') void settledSample(stored);
  });
  let nextSample = args.sampleEvery;
  const sampler = setInterval(() => {
    if (stored() < nextSample) return;
    nextSample += args.sampleEvery;
    send({ type: 'sample', stored: stored(), rssBytes: process.memoryUsage.rss() });
  }, 20);
  const final = await core.finished();
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  await settledSample(stored);
  await core.stop();
  send({ type: 'done', stored: stored(), state: final.state, seconds });
  process.disconnect?.();
}

void main();
