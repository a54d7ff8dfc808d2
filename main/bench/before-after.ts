/**
 * The ingest figures of this build against another build of LiveCue, in one
 * run on this machine: end-to-end ingest at full speed (the same prepared
 * simulator frames for both) and the metrics engine alone, alternating
 * between the two builds so drift on a shared machine hits both alike.
 * `node build/bench-before-after.mjs REV` builds REV beside this checkout
 * and runs this against it.
 *
 *   node dist/main/bench/before-after.js --other /path/to/other/dist [--events N] [--json]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openReader } from '../core/store/reader.js';
import { SimHost } from './processes.js';
import { median, round } from './stats.js';

const argv = process.argv;
const flag = (name: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
const otherDist = flag('--other');
const events = Number(flag('--events') ?? 1_000_000);
const json = argv.includes('--json');
const REPEATS = 3;
const say = (line: string) => (json ? process.stderr : process.stdout).write(`${line}\n`);

interface Build {
  name: string;
  startCore: (options: { dbFile: string; gateway: { url: string; room: string; token: string }; onCommitted?: () => void }) => Promise<{
    snapshot(): { connection: { state: string }; ingest: { stored: number } };
    finished(): Promise<{ state: string }>;
    stop(): Promise<void>;
  }>;
  MetricsEngine: new () => { apply(event: unknown): void };
}

async function load(name: string, dist: string): Promise<Build> {
  const core = (await import(pathToFileURL(join(dist, 'main/core/api/core.js')).href)) as Pick<Build, 'startCore'>;
  const metrics = (await import(pathToFileURL(join(dist, 'shared/metrics/engine.js')).href)) as Pick<Build, 'MetricsEngine'>;
  return { name, startCore: core.startCore, MetricsEngine: metrics.MetricsEngine };
}

/** Events per second of one build's metrics engine over the stored events of a run, best of three passes. */
function engineRate(build: Build, stored: readonly unknown[]): number {
  let best = Infinity;
  for (let pass = 0; pass < 3; pass++) {
    const engine = new build.MetricsEngine();
    const started = performance.now();
    for (const event of stored) engine.apply(event);
    best = Math.min(best, performance.now() - started);
  }
  return stored.length / (best / 1000);
}

function storedEvents(dbFile: string): unknown[] {
  const reader = openReader(dbFile);
  try {
    return [...reader.eventsAfter(reader.latestSession()!.key, 0)].map((row) => JSON.parse(row.body) as unknown);
  } finally {
    reader.close();
  }
}

/**
 * Events per second to the last commit (ingest itself), and to `finished` (which, from the recap's build on, also
 * waits for the session's end-of-stream bookkeeping: its users folded into the layers, its results stored).
 */
async function ingest(build: Build, dir: string, run: number): Promise<{ toLastCommit: number; toFinished: number }> {
  const token = 'bench';
  const sim = await SimHost.start({ token, scenario: 'skincare', seed: 11, speed: 'max', maxEvents: events, prepared: true });
  let lastCommit = 0;
  const core = await build.startCore({
    dbFile: join(dir, `${build.name}-${run}.db`),
    gateway: { url: sim.url, room: sim.room, token },
    onCommitted: () => (lastCommit = performance.now()),
  });
  try {
    while (core.snapshot().connection.state !== 'live') await new Promise((r) => setTimeout(r, 10));
    const started = performance.now();
    sim.start();
    const final = await core.finished();
    const finishedAt = performance.now();
    const stored = core.snapshot().ingest.stored;
    if (final.state !== 'ended' || stored !== events) throw new Error(`${build.name}: the run ended ${final.state} with ${stored}/${events} events`);
    return { toLastCommit: stored / ((lastCommit - started) / 1000), toFinished: stored / ((finishedAt - started) / 1000) };
  } finally {
    await core.stop();
    await sim.close();
  }
}

async function main(): Promise<void> {
  if (!otherDist) throw new Error('--other DIST is required (the dist/ folder of the build to compare with)');
  const builds = [await load('before', otherDist), await load('after', new URL('../..', import.meta.url).pathname)];
  const dir = mkdtempSync(join(tmpdir(), 'livecue-before-after-'));
  const rates: Record<string, number[]> = { before: [], after: [] };
  const finished: Record<string, number[]> = { before: [], after: [] };
  const engine: Record<string, number[]> = { before: [], after: [] };
  try {
    for (let run = 0; run < REPEATS; run++) {
      for (const build of run % 2 === 0 ? builds : [...builds].reverse()) {
        const measured = await ingest(build, dir, run);
        rates[build.name]!.push(measured.toLastCommit);
        finished[build.name]!.push(measured.toFinished);
        say(`  run ${run + 1} ${build.name}: ${round(measured.toLastCommit).toLocaleString()} events/s to the last commit, ${round(measured.toFinished).toLocaleString()} to finished`);
      }
    }
    // The engines on the same stored events (read with this build's store, which knows both schemas).
    const stored = storedEvents(join(dir, 'after-0.db'));
    for (let run = 0; run < REPEATS; run++) {
      for (const build of run % 2 === 0 ? builds : [...builds].reverse()) {
        engine[build.name]!.push(round(engineRate(build, stored)));
        say(`  run ${run + 1} ${build.name}: metrics engine ${engine[build.name]!.at(-1)!.toLocaleString()} events/s`);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const figures = {
    ingestBefore: round(median(rates.before!)),
    ingestAfter: round(median(rates.after!)),
    ingestAfterVsBefore: round(median(rates.after!) / median(rates.before!), 3),
    toFinishedBefore: round(median(finished.before!)),
    toFinishedAfter: round(median(finished.after!)),
    toFinishedAfterVsBefore: round(median(finished.after!) / median(finished.before!), 3),
    engineBefore: round(median(engine.before!)),
    engineAfter: round(median(engine.after!)),
    engineAfterVsBefore: round(median(engine.after!) / median(engine.before!), 3),
  };
  say(`end-to-end ingest to the last commit: before ${figures.ingestBefore.toLocaleString()}, after ${figures.ingestAfter.toLocaleString()} events/s (${figures.ingestAfterVsBefore}×)`);
  say(`to finished: before ${figures.toFinishedBefore.toLocaleString()}, after ${figures.toFinishedAfter.toLocaleString()} events/s (${figures.toFinishedAfterVsBefore}×)`);
  say(`metrics engine alone: before ${figures.engineBefore.toLocaleString()}, after ${figures.engineAfter.toLocaleString()} events/s (${figures.engineAfterVsBefore}×)`);
  if (json) process.stdout.write(`${JSON.stringify(figures)}\n`);
}

main().catch((error: unknown) => {
  console.error('bench failed:', error);
  process.exitCode = 1;
});
