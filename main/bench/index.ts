/**
 * `npm run bench`: the ingest figures, measured in one run on this machine.
 * Figures, not pass/fail: timings on shared machines are noisy, so
 * throughput is the median of repeats, and the comparison with a naive
 * pipeline (naive-ingest.ts) is of two figures taken in the same run. The
 * CPU an event costs counts every thread of the ingest process.
 *
 *   --json      print the figures as one JSON object on the last line
 *   --quick     smaller runs (for a smoke check of the harness)
 */
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MetricsEngine } from '../../shared/metrics/index.js';
import { eventProblem, liveEventSchema, type LiveEvent } from '../../shared/protocol/index.js';
import { startCore } from '../core/api/core.js';
import { openReader } from '../core/store/reader.js';
import { measureRawInsert } from '../core/store/raw-insert.js';
import { CORE_PROCESS_ENV } from '../core/api/core-process-env.js';
import { benchCopilot } from './copilot.js';
import { naiveIngest } from './naive-ingest.js';
import type { IngestHostArgs, IngestHostMessage, IngestHostRequest } from './ingest-host.js';
import { SimHost } from './processes.js';
import { median, percentile, round } from './stats.js';

const json = process.argv.includes('--json');
const quick = process.argv.includes('--quick');
const token = 'bench';
const dir = mkdtempSync(join(tmpdir(), 'livecue-bench-'));
let dbCounter = 0;
const freshDb = () => join(dir, `run-${++dbCounter}.db`);
const say = (line: string) => {
  if (!json) process.stdout.write(`${line}\n`);
  else process.stderr.write(`${line}\n`);
};

/**
 * `prepared`: the gateway generates and encodes its events before the clock
 * starts, as a gateway on another machine would cost this one nothing.
 * Without it, the simulator generates live and competes for the two cores.
 */
async function endToEnd(events: number, prepared = true): Promise<{ eventsPerSec: number; cpuUsPerEvent: number; dbFile: string }> {
  const sim = await SimHost.start({ token, scenario: 'skincare', seed: 11, speed: 'max', maxEvents: events, prepared });
  const dbFile = freshDb();
  const core = await startCore({ dbFile, gateway: { url: sim.url, room: sim.room, token } });
  try {
    while (core.snapshot().connection.state !== 'live') await new Promise((r) => setTimeout(r, 10));
    const started = performance.now();
    // This process is the ingest process (its store writer a thread of it); the gateway is another process.
    const cpuBefore = process.cpuUsage();
    sim.start();
    const final = await core.finished();
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    const stored = core.snapshot().ingest.stored;
    if (final.state !== 'ended' || stored !== events) throw new Error(`end-to-end run ended ${final.state} with ${stored}/${events} events`);
    return { eventsPerSec: stored / seconds, cpuUsPerEvent: (cpu.user + cpu.system) / stored, dbFile };
  } finally {
    await core.stop();
    await sim.close();
  }
}

/** The naive pipeline (naive-ingest.ts) on the same prepared stream as `endToEnd`. */
async function naiveEndToEnd(events: number): Promise<number> {
  const sim = await SimHost.start({ token, scenario: 'skincare', seed: 11, speed: 'max', maxEvents: events, prepared: true });
  try {
    const { eventsPerSec } = await naiveIngest(freshDb(), { url: sim.url, room: sim.room, token }, () => setTimeout(() => sim.start(), 300));
    return eventsPerSec;
  } finally {
    await sim.close();
  }
}

async function latencyAt(rate: number, seconds: number) {
  const sim = await SimHost.start({ token, scenario: 'skincare', seed: 12, rate, maxEvents: rate * seconds, batchIntervalMs: 10 });
  const latencies: number[] = [];
  const core = await startCore({
    dbFile: freshDb(),
    gateway: { url: sim.url, room: sim.room, token },
    onCommitted: (_session, _result, batch) => {
      const committedAt = Date.now();
      for (const ts of batch.ts) latencies.push(committedAt - ts);
    },
  });
  try {
    while (core.snapshot().connection.state !== 'live') await new Promise((r) => setTimeout(r, 10));
    sim.start();
    await core.finished();
    const offered = await sim.emitted();
    const received = core.snapshot().ingest.stored;
    return { p50: percentile(latencies, 0.5), p99: percentile(latencies, 0.99), offered, received };
  } finally {
    await core.stop();
    await sim.close();
  }
}

/**
 * RSS of the ingest process over a long max-speed session. "Flat" is about
 * what the process keeps, so the gateway holds the stream at `early` events
 * and the process is sampled once idle, then again once idle after the last
 * event; while the stream runs, RSS also holds the working set of the
 * gateway's window of unacknowledged events, sampled as found.
 */
async function memoryGrowth(events: number) {
  const early = Math.min(100_000, Math.floor(events / 10));
  const sim = await SimHost.start({ token, scenario: 'skincare', seed: 13, speed: 'max', maxEvents: events });
  const args: IngestHostArgs = { url: sim.url, room: sim.room, token, dbFile: freshDb(), sampleEvery: Math.floor(events / 10) };
  // The environment the desktop app gives its core process (main/electron): two malloc arenas, not one
  // per thread and core, so the writer thread's freed memory is reused instead of piling up.
  const child = fork(new URL('./ingest-host.js', import.meta.url), [JSON.stringify(args)], {
    stdio: 'inherit',
    execArgv: ['--expose-gc'],
    env: { ...process.env, ...CORE_PROCESS_ENV },
  });
  const running: number[] = [];
  const settled: { stored: number; rssBytes: number }[] = [];
  const done = new Promise<{ stored: number; state: string; seconds: number }>((resolve, reject) => {
    child.on('message', (message: IngestHostMessage) => {
      if (message.type === 'sample') running.push(message.rssBytes);
      else if (message.type === 'settled') {
        settled.push(message);
        // The first settled sample is the held stream at `early`: let it go on.
        if (settled.length === 1) sim.holdAfter(null);
      } else resolve(message);
    });
    child.once('exit', (code) => reject(new Error(`ingest process exited ${code}`)));
  });
  await new Promise((r) => setTimeout(r, 500));
  sim.holdAfter(early);
  sim.start();
  child.send({ type: 'settle' } satisfies IngestHostRequest);
  try {
    const result = await done;
    const [first, last] = settled;
    if (!first || !last || last === first) throw new Error('the ingest process did not report both settled samples');
    const mb = (bytes: number) => bytes / 2 ** 20;
    return {
      earlyStored: first.stored,
      earlySettledRssMb: mb(first.rssBytes),
      finalStored: last.stored,
      finalSettledRssMb: mb(last.rssBytes),
      runningMinRssMb: mb(Math.min(...running)),
      runningMaxRssMb: mb(Math.max(...running)),
      seconds: result.seconds,
    };
  } finally {
    await sim.close();
  }
}

/** Events of a stored run, parsed: the input of the in-process measurements below. */
function storedEvents(dbFile: string): unknown[] {
  const reader = openReader(dbFile);
  try {
    const session = reader.latestSession()!;
    return [...reader.eventsAfter(session.key, 0)].map((row) => JSON.parse(row.body) as unknown);
  } finally {
    reader.close();
  }
}

/** Events per second through `work`, best of three passes (the first warms the JIT). */
function rate(events: readonly unknown[], work: (event: unknown) => void): number {
  let best = Infinity;
  for (let pass = 0; pass < 3; pass++) {
    const started = performance.now();
    for (const event of events) work(event);
    best = Math.min(best, performance.now() - started);
  }
  return events.length / (best / 1000);
}

/** Validation (fast path and zod) and the metrics engine alone, on the stored events of a run. */
function hotPathRates(dbFile: string) {
  const events = storedEvents(dbFile);
  let invalid = 0;
  const fastValidation = rate(events, (event) => {
    if (eventProblem(event) !== null) invalid++;
  });
  if (invalid > 0) throw new Error(`${invalid} stored events fail validation`);
  const zodValidation = rate(events.slice(0, 100_000), (event) => liveEventSchema.safeParse(event));
  const engine = new MetricsEngine();
  const metrics = rate(events, (event) => engine.apply(event as LiveEvent));
  return { fastValidation, zodValidation, metrics };
}

async function rawCeiling(dbFile: string): Promise<number> {
  const reader = openReader(dbFile);
  try {
    const session = reader.latestSession()!;
    return await measureRawInsert(freshDb(), [...reader.eventsAfter(session.key, 0)]);
  } finally {
    reader.close();
  }
}

async function main(): Promise<void> {
  const ingestEvents = quick ? 100_000 : 1_000_000;
  const repeats = quick ? 1 : 3;
  const memoryEvents = quick ? 300_000 : 5_000_000;

  say(`LiveCue ingest benchmark — ${new Date().toISOString()}, node ${process.version}`);
  const ingestRuns: number[] = [];
  const cpuRuns: number[] = [];
  const naiveRuns: number[] = [];
  const rawRuns: number[] = [];
  let hot: ReturnType<typeof hotPathRates> | undefined;
  for (let i = 0; i < repeats; i++) {
    const run = await endToEnd(ingestEvents);
    ingestRuns.push(run.eventsPerSec);
    cpuRuns.push(run.cpuUsPerEvent);
    rawRuns.push(await rawCeiling(run.dbFile));
    naiveRuns.push(await naiveEndToEnd(ingestEvents));
    if (i === repeats - 1) hot = hotPathRates(run.dbFile);
    rmSync(run.dbFile, { force: true });
    say(
      `  run ${i + 1}: end-to-end ${round(run.eventsPerSec).toLocaleString()} events/s at ${round(run.cpuUsPerEvent, 2)} µs CPU an event, ` +
        `naive pipeline ${round(naiveRuns.at(-1)!).toLocaleString()} events/s, raw insert ${round(rawRuns.at(-1)!).toLocaleString()} rows/s`,
    );
  }
  const live = await endToEnd(ingestEvents, false);
  rmSync(live.dbFile, { force: true });
  say(`  with the simulator generating live on the same cores: ${round(live.eventsPerSec).toLocaleString()} events/s`);
  const ingest = median(ingestRuns);
  const raw = median(rawRuns);
  const naive = median(naiveRuns);
  const cpuUsPerEvent = median(cpuRuns);
  say(`end-to-end ingest (prepared gateway frames → socket.io → validate → SQLite → metrics): ${round(ingest).toLocaleString()} events/s (median of ${repeats} × ${ingestEvents.toLocaleString()})`);
  say(`  runs varied ${round(Math.min(...ingestRuns)).toLocaleString()}–${round(Math.max(...ingestRuns)).toLocaleString()} events/s`);
  say(`CPU of the ingest process (all its threads, the gateway excluded): ${round(cpuUsPerEvent, 2)} µs an event (median)`);
  say(`a naive pipeline on the same events (JSON.parse, zod, JSON.stringify, 500-row transactions, one thread): ${round(naive).toLocaleString()} events/s: ingest is ${round(ingest / naive, 2)}× it`);
  say(`raw ceiling (better-sqlite3 batched insert of the same rows, no socket):    ${round(raw).toLocaleString()} events/s (ratio ${round(ingest / raw, 2)}; retired as a target)`);
  if (!hot) throw new Error('no run to measure the hot path on');
  say(
    `hot path on one thread: validation ${round(hot.fastValidation).toLocaleString()} events/s ` +
      `(zod: ${round(hot.zodValidation).toLocaleString()}), metrics engine ${round(hot.metrics).toLocaleString()} events/s`,
  );

  const at5k = await latencyAt(5_000, quick ? 5 : 20);
  say(`latency emit → committed at 5,000/s:  p50 ${at5k.p50} ms, p99 ${at5k.p99} ms; received ${at5k.received.toLocaleString()} of ${at5k.offered.toLocaleString()} offered`);
  const at20k = await latencyAt(20_000, quick ? 5 : 15);
  say(`latency emit → committed at 20,000/s: p50 ${at20k.p50} ms, p99 ${at20k.p99} ms; received ${at20k.received.toLocaleString()} of ${at20k.offered.toLocaleString()} offered`);

  const memory = await memoryGrowth(memoryEvents);
  const growth = memory.finalSettledRssMb - memory.earlySettledRssMb;
  say(
    `ingest process RSS, stream held and process idle: ${round(memory.earlySettledRssMb)} MB at ${memory.earlyStored.toLocaleString()} events, ` +
      `${round(memory.finalSettledRssMb)} MB at ${memory.finalStored.toLocaleString()}: growth ${round(growth, 1)} MB`,
  );
  say(
    `ingest process RSS as found while the stream runs at full speed (every ${Math.floor(memoryEvents / 10).toLocaleString()} events): ` +
      `${round(memory.runningMinRssMb)}–${round(memory.runningMaxRssMb)} MB`,
  );

  const copilot = benchCopilot(2_000, quick ? 360 : 600, 300);
  say(
    `co-pilot tick at 5,000 events/s (${copilot.commentsPerTick.toLocaleString()} comments a tick, the feed's cap): engine median ${copilot.engineMs.median} ms, ` +
      `p99 ${copilot.engineMs.p99} ms; with classifying the comments: median ${copilot.coreTickMs.median} ms, p99 ${copilot.coreTickMs.p99} ms`,
  );

  rmSync(dir, { recursive: true, force: true });
  if (json) {
    process.stdout.write(
      `${JSON.stringify({
        ingestEventsPerSec: round(ingest),
        rawInsertEventsPerSec: round(raw),
        ingestRatio: round(ingest / raw, 3),
        ingestRunsEventsPerSec: ingestRuns.map((r) => round(r)),
        cpuUsPerEvent: round(cpuUsPerEvent, 2),
        naiveIngestEventsPerSec: round(naive),
        ingestVsNaive: round(ingest / naive, 2),
        p50LatencyMs5k: at5k.p50,
        p99LatencyMs5k: at5k.p99,
        p50LatencyMs20k: at20k.p50,
        p99LatencyMs20k: at20k.p99,
        validationEventsPerSec: round(hot.fastValidation),
        zodValidationEventsPerSec: round(hot.zodValidation),
        metricsEngineEventsPerSec: round(hot.metrics),
        rssGrowthMb: round(growth, 1),
        ingestLiveGeneratorEventsPerSec: round(live.eventsPerSec),
        rssRunningMinMb: round(memory.runningMinRssMb),
        rssRunningMaxMb: round(memory.runningMaxRssMb),
        receivedEqualsOffered5k: at5k.received === at5k.offered,
        receivedEqualsOffered20k: at20k.received === at20k.offered,
        copilotTickMedianMs: copilot.engineMs.median,
        copilotTickP99Ms: copilot.engineMs.p99,
      })}\n`,
    );
  }
}

main().catch((error: unknown) => {
  rmSync(dir, { recursive: true, force: true });
  console.error('bench failed:', error);
  process.exitCode = 1;
});
