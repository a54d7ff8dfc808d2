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
  startCore: (options: { dbFile: string; gateway: { url: string; room: string; token: string } }) => Promise<{
    snapshot(): { connection: { state: string }; ingest: { stored: number } };
    finished(): Promise<{ state: string }>;
    stop(): Promise<void>;
  }>;
  benchMetricsEngine: (n: number) => { eventsPerSec: number };
}

async function load(name: string, dist: string): Promise<Build> {
  const core = (await import(pathToFileURL(join(dist, 'main/core/api/core.js')).href)) as Pick<Build, 'startCore'>;
  const engine = (await import(pathToFileURL(join(dist, 'shared/metrics/engine.bench.js')).href)) as Pick<Build, 'benchMetricsEngine'>;
  return { name, startCore: core.startCore, benchMetricsEngine: engine.benchMetricsEngine };
}

async function ingest(build: Build, dir: string, run: number): Promise<number> {
  const token = 'bench';
  const sim = await SimHost.start({ token, scenario: 'skincare', seed: 11, speed: 'max', maxEvents: events, prepared: true });
  const core = await build.startCore({ dbFile: join(dir, `${build.name}-${run}.db`), gateway: { url: sim.url, room: sim.room, token } });
  try {
    while (core.snapshot().connection.state !== 'live') await new Promise((r) => setTimeout(r, 10));
    const started = performance.now();
    sim.start();
    const final = await core.finished();
    const seconds = (performance.now() - started) / 1000;
    const stored = core.snapshot().ingest.stored;
    if (final.state !== 'ended' || stored !== events) throw new Error(`${build.name}: the run ended ${final.state} with ${stored}/${events} events`);
    return stored / seconds;
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
  const engine: Record<string, number[]> = { before: [], after: [] };
  try {
    for (let run = 0; run < REPEATS; run++) {
      for (const build of run % 2 === 0 ? builds : [...builds].reverse()) {
        rates[build.name]!.push(await ingest(build, dir, run));
        engine[build.name]!.push(build.benchMetricsEngine(2_000_000).eventsPerSec);
        say(`  run ${run + 1} ${build.name}: end-to-end ${round(rates[build.name]!.at(-1)!).toLocaleString()} events/s, engine ${engine[build.name]!.at(-1)!.toLocaleString()} events/s`);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const figures = {
    ingestBefore: round(median(rates.before!)),
    ingestAfter: round(median(rates.after!)),
    ingestAfterVsBefore: round(median(rates.after!) / median(rates.before!), 3),
    engineBefore: round(median(engine.before!)),
    engineAfter: round(median(engine.after!)),
    engineAfterVsBefore: round(median(engine.after!) / median(engine.before!), 3),
  };
  say(`end-to-end ingest: before ${figures.ingestBefore.toLocaleString()}, after ${figures.ingestAfter.toLocaleString()} events/s (${figures.ingestAfterVsBefore}×)`);
  say(`metrics engine alone: before ${figures.engineBefore.toLocaleString()}, after ${figures.engineAfter.toLocaleString()} events/s (${figures.engineAfterVsBefore}×)`);
  if (json) process.stdout.write(`${JSON.stringify(figures)}\n`);
}

main().catch((error: unknown) => {
  console.error('bench failed:', error);
  process.exitCode = 1;
});
