/**
 * The ingest process of the memory benchmark: a core recording from a
 * gateway, reporting its resident set size at given stored-event counts.
 */
import { startCore } from '../core/api/core.js';

export interface IngestHostArgs {
  url: string;
  room: string;
  token: string;
  dbFile: string;
  /** Stored-event counts at which to sample RSS. */
  sampleAt: number[];
}
export type IngestHostMessage =
  /** `rssBytes` as found; `settledRssBytes` right after a full collection of the ingest thread's heap. */
  | { type: 'sample'; stored: number; rssBytes: number; settledRssBytes: number; heapUsedBytes: number }
  | { type: 'done'; stored: number; state: string; seconds: number };

/** The process is forked with --expose-gc so a sample can also say what stays once garbage is collected. */
const collectGarbage = (globalThis as { gc?: () => void }).gc;

function sample(stored: number): void {
  const rssBytes = process.memoryUsage.rss();
  collectGarbage?.();
  const memory = process.memoryUsage();
  process.send?.({ type: 'sample', stored, rssBytes, settledRssBytes: memory.rss, heapUsedBytes: memory.heapUsed } satisfies IngestHostMessage);
}

async function main(): Promise<void> {
  const args = JSON.parse(process.argv[2] ?? '{}') as IngestHostArgs;
  const pending = [...args.sampleAt].sort((a, b) => a - b);
  const started = performance.now();
  const core = await startCore({ dbFile: args.dbFile, gateway: { url: args.url, room: args.room, token: args.token } });
  const sampler = setInterval(() => {
    const stored = core.snapshot().ingest.stored;
    while (pending.length > 0 && stored >= pending[0]!) {
      pending.shift();
      sample(stored);
    }
  }, 20);
  const final = await core.finished();
  clearInterval(sampler);
  const stored = core.snapshot().ingest.stored;
  sample(stored);
  await core.stop();
  process.send?.({ type: 'done', stored, state: final.state, seconds: (performance.now() - started) / 1000 } satisfies IngestHostMessage);
  process.disconnect?.();
}

void main();
