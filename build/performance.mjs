// docs/PERFORMANCE.md, written from the benchmarks' own JSON so that no
// figure in it is typed by hand.
//
//   node build/performance.mjs --run [NAME…] [--repeat N]
//       runs the benchmarks (all, or the NAMEs: ingest ui recap comments
//       copilot footprint) one at a time on the current build (`npm run build` first;
//       `npm run performance` does both), saves each one's JSON with the
//       machine, date and commit to docs/figures/performance/NAME.json, then
//       writes the doc. --repeat N runs each N times (the doc then shows the
//       range across runs). Flags after `--` go to the benchmarks.
//   node build/performance.mjs
//       only rewrites docs/PERFORMANCE.md from the saved JSON.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, platform, release, totalmem } from 'node:os';

const root = new URL('..', import.meta.url);
const here = (path) => new URL(path, root).pathname;
const savedDir = 'docs/figures/performance';
const tsx = here('node_modules/.bin/tsx');

/** What each benchmark is, how it is run, and how its JSON is read. */
const benches = {
  ingest: { npm: 'npm run bench -- --json', argv: [process.execPath, here('dist/main/bench/index.js'), '--json'] },
  ui: { npm: 'npm run bench:ui -- --json', argv: [process.execPath, here('dist/main/bench/ui.js'), '--json'] },
  recap: { npm: 'npm run bench:recap -- --json', argv: [process.execPath, here('dist/main/bench/recap.js'), '--json'] },
  comments: { npm: 'npm run bench:comments -- --json', argv: [tsx, here('main/bench/comments.ts'), '--json'] },
  copilot: { npm: 'npm run bench:copilot -- --json', argv: [tsx, here('main/bench/copilot.ts'), '--json'] },
  footprint: { npm: 'npm run bench:footprint -- --json', argv: [process.execPath, here('dist/main/bench/footprint.js'), '--json'] },
};

const git = (...args) => {
  try {
    return execFileSync('git', args, { cwd: here('.'), encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
};

function machine() {
  return {
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    os: `${platform()} ${release()}`,
  };
}

/** Changes that cannot move a figure: the docs and the scripts that write them. */
const docsOnly = /^(docs\/|data\/|.*\.md$|build\/(performance|figures|comment-figures)\.mjs$)/;

function revision() {
  const changed = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: here('.'), encoding: 'utf8' })
    .split('\n')
    .filter((line) => line.trim() !== '' && !docsOnly.test(line.slice(3)));
  return { commit: git('rev-parse', 'HEAD'), subject: git('log', '-1', '--format=%s'), uncommittedFiles: changed.length };
}

/** Runs one benchmark; resolves with its JSON (the last line of stdout) and its progress lines (stderr). */
function runOnce(name) {
  const { argv } = benches[name];
  return new Promise((resolve, reject) => {
    const startedAt = new Date().toISOString();
    const load = loadavg()[0];
    const started = performance.now();
    const child = spawn(argv[0], [...argv.slice(1), ...passThrough], { cwd: here('.'), stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => {
      err += chunk;
      process.stderr.write(chunk);
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const last = out.trim().split('\n').at(-1) ?? '';
      if (code !== 0 || !last.startsWith('{') && !last.startsWith('[')) {
        reject(new Error(`${name} exited ${code} without its JSON line`));
        return;
      }
      resolve({
        startedAt,
        seconds: Math.round((performance.now() - started) / 1000),
        loadAverageBefore: Math.round(load * 100) / 100,
        loadAverageAfter: Math.round(loadavg()[0] * 100) / 100,
        figures: JSON.parse(last),
        log: err.split('\n').filter((line) => line.trim() !== ''),
      });
    });
  });
}

async function measure(names, repeat) {
  mkdirSync(here(savedDir), { recursive: true });
  for (const name of names) {
    if (!benches[name]) throw new Error(`no benchmark called ${name} (${Object.keys(benches).join(', ')})`);
    if (benches[name].argv[1].includes('/dist/') && !existsSync(benches[name].argv[1])) {
      throw new Error(`${benches[name].argv[1]} is missing: run npm run build first`);
    }
    const runs = [];
    for (let i = 0; i < repeat; i++) {
      process.stderr.write(`performance: ${name}, run ${i + 1} of ${repeat}\n`);
      runs.push(await runOnce(name));
    }
    const saved = { benchmark: name, command: benches[name].npm, measuredAt: new Date().toISOString(), machine: machine(), ...revision(), runs };
    writeFileSync(here(`${savedDir}/${name}.json`), `${JSON.stringify(saved, null, 2)}\n`);
  }
}

// ---------------------------------------------------------------- the doc

const load = (name) => {
  const file = here(`${savedDir}/${name}.json`);
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null;
};
const n = (value, digits = 0) => value.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
/** The figure of one run, or "median (min–max over N runs)" when there are several. */
const across = (doc, pick, format = n) => {
  const values = doc.runs.map((run) => pick(run.figures));
  if (values.length === 1) return format(values[0]);
  return `${format(median(values))} (${format(Math.min(...values))}–${format(Math.max(...values))} over ${values.length} runs)`;
};
const spread = (values) => (Math.min(...values) === Math.max(...values) ? n(values[0]) : `${n(Math.min(...values))}–${n(Math.max(...values))}`);
const when = (doc) => `${doc.measuredAt.slice(0, 16).replace('T', ' ')} UTC`;
const commitOf = (doc) =>
  `\`${doc.commit.slice(0, 10)}\`${doc.uncommittedFiles > 0 ? ` with ${doc.uncommittedFiles} uncommitted file(s) in the tree` : ''}`;
const runNote = (doc) => {
  const loads = doc.runs.map((run) => (run.loadAverageAfter === undefined ? n(run.loadAverageBefore, 2) : `${n(run.loadAverageBefore, 2)} → ${n(run.loadAverageAfter, 2)}`));
  const seconds = doc.runs.map((run) => run.seconds);
  return `Measured ${when(doc)} at ${commitOf(doc)} with \`${doc.command}\`; ${doc.runs.length === 1 ? 'one run' : `${doc.runs.length} runs`} of ${spread(seconds)} s; the machine's load average (1 min) before${doc.runs.some((run) => run.loadAverageAfter !== undefined) ? ' → after' : ''}: ${loads.join('; ')} (${doc.machine.cores} cores).`;
};

const sections = {
  footprint(doc) {
    const f = (pick, format = (v) => n(v, 2)) => across(doc, pick, format);
    return [
      '## Footprint beside the streaming software: `npm run bench:footprint`',
      '',
      runNote(doc),
      '',
      'The web host (`livecue serve`) records from the simulator\'s gateway at a fixed rate for two minutes a room (the idle room one minute, heartbeats only), with the console (1440×900) and the overlay (420×720) open in Debian\'s Chromium and the co-pilot ranking as it does live (`main/bench/footprint.ts`). The core\'s CPU is that of its process and every thread, read from /proc, as a percentage of one core; each page\'s is the time its main thread spent in tasks (CDP `Performance.getMetrics`, TaskDuration). Each run\'s three rooms are medians over the runs, with the spread.',
      '',
      '| room | key | value | target |',
      '| --- | --- | --- | --- |',
      `| top-tier, 5,000 events/s (about 1,000 comments/s): the core | \`footprintCorePct5k\` | **${f((x) => x.footprintCorePct5k)} %** | ≤ 8 % |`,
      `| the same: console + overlay | \`footprintRendererPct5k\` | **${f((x) => x.footprintRendererPct5k)} %** | ≤ 10 % |`,
      `| the same: the core's RSS (highest sample) | \`footprintCoreRssMb5k\` | **${f((x) => x.footprintCoreRssMb5k, (v) => n(v, 0))} MB** | ≤ 250 MB |`,
      `| a store stream, 300 events/s (about 30 comments/s): the core | \`footprintCorePct300\` | **${f((x) => x.footprintCorePct300)} %** | ≤ 1.5 % |`,
      `| the same: console + overlay | \`footprintRendererPct300\` | **${f((x) => x.footprintRendererPct300)} %** | ≤ 2 % |`,
      `| idle room, heartbeats only: the core | \`idleCorePct\` | **${f((x) => x.idleCorePct)} %** | ≤ 0.3 % |`,
      `| the same: console + overlay | \`idleRendererPct\` | **${f((x) => x.idleRendererPct)} %** | ≤ 0.3 % |`,
    ].join('\n');
  },
  ingest(doc) {
    const perRun = doc.runs.flatMap((run) =>
      run.figures.ingestRunsEventsPerSec ?? run.log.map((line) => /run \d+: end-to-end ([\d,]+) events\/s/.exec(line)?.[1]).filter(Boolean).map((v) => Number(v.replaceAll(',', ''))),
    );
    // Runs saved before a figure existed show that instead of NaN.
    const f = (pick, format) => (doc.runs.every((run) => pick(run.figures) !== undefined) ? across(doc, pick, format) : 'not in these saved runs');
    return [
      '## Ingest: `npm run bench`',
      '',
      runNote(doc),
      '',
      'A simulator gateway in its own process sends events over socket.io on loopback; the core validates them, drops duplicates, applies the metrics engine and commits them to SQLite on its writer thread. Throughput is the median of three runs of 1,000,000 events with the gateway\'s frames prepared before the clock starts (a gateway on another machine costs this one nothing). The raw ceiling is the writer\'s own batched insert of the same rows on one thread with no socket, taken in the same run, so the ratio compares two figures of one moment.',
      '',
      '| figure | key | value | target |',
      '| --- | --- | --- | --- |',
      `| end-to-end ingest, gateway → socket.io → validate → dedup → metrics → SQLite | \`ingestEventsPerSec\` | **${f((x) => x.ingestEventsPerSec)} events/s** | ≥ 150,000 |`,
      `| the same with the simulator generating its events live on the same cores | \`ingestLiveGeneratorEventsPerSec\` | ${f((x) => x.ingestLiveGeneratorEventsPerSec)} events/s | — |`,
      `| CPU of the ingest process, all its threads, per event at full speed (the gateway's process excluded) | \`cpuUsPerEvent\` | **${f((x) => x.cpuUsPerEvent, (v) => n(v, 2))} µs** | ≤ 5 µs |`,
      `| a naive pipeline on the same gateway and events, one thread (JSON.parse, zod, JSON.stringify, 500-row transactions, the same engine) | \`naiveIngestEventsPerSec\` | ${f((x) => x.naiveIngestEventsPerSec)} events/s | — |`,
      `| ingest ÷ naive, same run | \`ingestVsNaive\` | **${f((x) => x.ingestVsNaive, (v) => n(v, 2))}×** | ≥ 2.0 |`,
      `| raw ceiling: batched insert of the same rows, one thread | \`rawInsertEventsPerSec\` | ${f((x) => x.rawInsertEventsPerSec)} rows/s | — |`,
      `| ingest ÷ raw ceiling (retired as a target: two cores of real work against one thread doing nothing but inserts) | \`ingestRatio\` | ${f((x) => x.ingestRatio, (v) => n(v, 2))} | — |`,
      `| validation alone, one thread (hand-written fast path) | \`validationEventsPerSec\` | ${f((x) => x.validationEventsPerSec)} events/s | — |`,
      `| validation with the zod schema, for comparison | \`zodValidationEventsPerSec\` | ${f((x) => x.zodValidationEventsPerSec)} events/s | — |`,
      `| metrics engine alone, one thread | \`metricsEngineEventsPerSec\` | ${f((x) => x.metricsEngineEventsPerSec)} events/s | — |`,
      `| latency, gateway emit → committed, at 5,000 events/s: p50 / p99 | \`p50LatencyMs5k\`, \`p99LatencyMs5k\` | ${f((x) => x.p50LatencyMs5k)} / **${f((x) => x.p99LatencyMs5k)} ms** | p99 ≤ 35 ms |`,
      `| the same at 20,000 events/s | \`p50LatencyMs20k\`, \`p99LatencyMs20k\` | ${f((x) => x.p50LatencyMs20k)} / **${f((x) => x.p99LatencyMs20k)} ms** | p99 ≤ 35 ms |`,
      `| every offered event received, at 5,000 / 20,000 events/s | \`receivedEqualsOffered5k\`, \`…20k\` | ${doc.runs.map((r) => `${r.figures.receivedEqualsOffered5k ? 'yes' : 'no'} / ${r.figures.receivedEqualsOffered20k ? 'yes' : 'no'}`).join('; ')} | yes |`,
      `| ingest process RSS growth, idle after 100,000 events → idle after 5,000,000 | \`rssGrowthMb\` | **${f((x) => x.rssGrowthMb, (v) => n(v, 1))} MB** | ≤ 80 MB |`,
      `| ingest process RSS while the stream runs at full speed (lowest–highest sample) | \`rssRunningMinMb\`–\`rssRunningMaxMb\` | ${doc.runs.map((r) => `${n(r.figures.rssRunningMinMb)}–${n(r.figures.rssRunningMaxMb)}`).join('; ')} MB | — |`,
      `| co-pilot tick in the same run, 2,000 comments a tick: median / p99 | \`copilotTickMedianMs\`, \`copilotTickP99Ms\` | ${f((x) => x.copilotTickMedianMs, (v) => n(v, 2))} / ${f((x) => x.copilotTickP99Ms, (v) => n(v, 2))} ms | ≤ 5 ms |`,
      '',
      perRun.length > 1
        ? `**How runs vary.** The end-to-end runs behind the median gave ${perRun.map((v) => n(v)).join(', ')} events/s (a spread of ${n((100 * (Math.max(...perRun) - Math.min(...perRun))) / median(perRun))}% of the median). On a machine shared with other work, throughput and the running RSS move most: the ingest needs both cores (its thread and the writer's) and the gateway a share of its own, so any other process on the machine comes straight off the figure — that, not the code, is why one quiet run gives 150,000 and another 116,000.`
        : '',
      '',
      'What limits throughput: both cores are full. The ingest thread parses the frames, runs socket.io and WebSocket framing, validation, dedup and the metrics engine and hands batches to the writer; the writer thread runs the SQLite inserts; the gateway process needs CPU of its own even with prepared frames. The naive pipeline hears the same gateway through the same socket.io client, so the comparison is of what happens to a frame: it parses every frame again and re-serialises every event, where the core keeps the wire text of each frame (`main/core/source/wire-decoder.ts`), validates with a hand-written fast path and stores on its own thread.',
      '',
      'How RSS is measured: the gateway holds the stream at 100,000 events; once nothing has been stored for a second the ingest process collects its garbage, idles 3 s and reports its RSS; the stream then runs on to 5,000,000 events and the process is sampled the same way. Both samples are what the process keeps. While the stream runs, RSS also holds the gateway\'s window of unacknowledged events, which is why the running samples swing. What grows with a session is what it must remember: the platform ids for dedup (64-bit fingerprints in typed arrays, `main/core/ingest/id-set.ts`) and the metrics\' distinct-user sets. The benchmark runs the core with the allocator settings of `CORE_PROCESS_ENV` (two malloc arenas, fixed mmap and trim thresholds), as the desktop app does; `livecue serve` cannot set them for itself, so start it with `MALLOC_ARENA_MAX=2` for a long session.',
    ].join('\n');
  },
  ui(doc) {
    const f = (pick, format) => across(doc, pick, format);
    return [
      '## The UI: `npm run bench:ui`',
      '',
      runNote(doc),
      '',
      'The console runs in Debian\'s Chromium against `livecue serve` (`main/bench/ui.ts`). First a gateway sends 5,000 events/s for 60 s; then a session of 100,000 comments is loaded and the comment list is filtered and scrolled.',
      '',
      '| figure | key | value | target |',
      '| --- | --- | --- | --- |',
      `| long tasks over 50 ms at 5,000 events/s for 60 s | \`uiLongTasksOver50ms\` | **${f((x) => x.uiLongTasksOver50ms)}** (longest task ${f((x) => x.uiLongestTaskMs)} ms) | none |`,
      `| an event's arrival at the core → the frame that shows it: median / p95 | \`uiMedianArrivalToScreenMs\`, \`uiP95ArrivalToScreenMs\` | **${f((x) => x.uiMedianArrivalToScreenMs)}** / ${f((x) => x.uiP95ArrivalToScreenMs)} ms over ${f((x) => x.uiUpdatesMeasured)} updates | median ≤ 250 ms |`,
      `| comments the page holds, of a session's | \`commentsHeldByPage\` | ${f((x) => x.commentsHeldByPage)} of ${f((x) => x.commentsInSession)} | all |`,
      `| renderer JS heap after a collection, before → after those comments | \`rendererHeapBeforeMb\`, \`rendererHeapAfterMb\` | ${f((x) => x.rendererHeapBeforeMb, (v) => n(v, 1))} → ${f((x) => x.rendererHeapAfterMb, (v) => n(v, 1))} MB | — |`,
      `| switching the comment filter (questions, unanswered, purchases, all), click → painted frame | \`commentFilterSwitchMs\` | ${doc.runs.map((r) => r.figures.commentFilterSwitchMs.map((v) => n(v)).join(' / ')).join('; ')} ms | — |`,
      `| 20 scroll steps through the list | \`commentScrollMs\` | ${f((x) => x.commentScrollMs)} ms | — |`,
      `| long tasks over 50 ms while filtering and scrolling | \`commentLongTasksMs\` | ${doc.runs.map((r) => (r.figures.commentLongTasksMs.length === 0 ? 'none' : `${r.figures.commentLongTasksMs.map((v) => n(v)).join(', ')} ms`)).join('; ')} | — |`,
      '',
      'The arrival time is stamped by the core when an event\'s frame comes off the socket; the page records, for each update, the first frame painted after the update changed the banner\'s `data-last-event-at`. That is the newest event of each update: updates go out at most 4 times a second (`MAX_STATE_HZ`: a host glancing at the numbers sees them live, and the pages beside a stream redraw less), so an event that arrives just after one waits up to 250 ms more, which is what separates the median from the p95. The comment list renders only the rows in view; filters and search run over the page\'s own log, so their times grow with the session.',
    ].join('\n');
  },
  recap(doc) {
    const f = (pick, format) => across(doc, pick, format);
    return [
      '## The recap: `npm run bench:recap`',
      '',
      runNote(doc),
      '',
      'A 4-hour session of 10,000,000 events is recorded through the real core (validation, the store, the metrics engine, the co-pilot\'s question tally, snapshots) from a generated source; then, on the same database, three times each: the recap\'s data (`buildRecap`: restore from the snapshot, read the kept minutes, tallies and layers), its XLSX workbook, and one full scan of the session\'s raw events — what a recap without kept aggregates would have to do at the least. Each figure is the median of the three.',
      '',
      '| figure | key | value | target |',
      '| --- | --- | --- | --- |',
      `| the session recorded | \`recordEventsPerSec10M\` | ${n(doc.runs[0].figures.recapEvents)} events over ${n(doc.runs[0].figures.recapMinutes)} minutes, recorded at ${f((x) => x.recordEventsPerSec10M)} events/s | — |`,
      `| the recap's data ready | \`recapMs10M\` | **${f((x) => x.recapMs10M)} ms** | ≤ 1,000 ms |`,
      `| its XLSX workbook | \`xlsxMs10M\` | **${f((x) => x.xlsxMs10M)} ms** | ≤ 5,000 ms |`,
      `| one full scan of the raw events, same database | \`rawScanMs10M\` | ${f((x) => x.rawScanMs10M)} ms (${doc.runs.map((r) => n(r.figures.rawScanMs10M / r.figures.recapMs10M)).join('; ')}× the recap) | — |`,
      '',
      'The recap reads what was kept while recording (docs/RECAP.md, docs/METRICS.md), so its time depends on the session\'s length in minutes, not on its events; the raw scan grows with the events.',
    ].join('\n');
  },
  comments(doc) {
    const passes = doc.runs.flatMap((run) => run.figures.passes);
    const f = (pick, format) => across(doc, pick, format);
    return [
      '## The comment classifier\'s speed: `npm run bench:comments`',
      '',
      runNote(doc),
      '',
      `The classifier (\`shared/comments/\`, docs/COMMENTS.md) on one core over a varied synthetic stream of ${n(doc.runs[0].figures.corpus)} comments (mean ${n(doc.runs[0].figures.meanLength, 1)} characters), after a warm-up pass; the figure is the median of the timed passes, each timed by the process's CPU time (so other work sharing the machine does not come off it; saved runs from before ${'`'}commentsPerWallSec${'`'} existed were timed by the wall clock).`,
      '',
      '| figure | key | value | target |',
      '| --- | --- | --- | --- |',
      `| comments classified per second, one core | \`commentsPerSec\` | **${f((x) => x.commentsPerSec)}** | ≥ 50,000 |`,
      `| the same by the wall clock, beside whatever else ran | \`commentsPerWallSec\` | ${f((x) => x.commentsPerWallSec)} | — |`,
      '',
      `**How runs vary.** The ${passes.length} timed passes gave ${spread(passes)} comments/s. Runs on another day, or while other work shares the machine (see the load average above), can move much further than passes within a run.`,
    ].join('\n');
  },
  copilot(doc) {
    const rows = doc.runs[0].figures.map((_, i) => {
      const pick = (key, stat) => across(doc, (figures) => figures[i][key][stat], (v) => n(v, 2));
      const c = doc.runs[0].figures[i];
      return `| ${n(c.commentsPerTick)} | ${pick('engineMs', 'median')} / ${pick('engineMs', 'p99')} / ${pick('engineMs', 'max')} ms | ${pick('coreTickMs', 'median')} / ${pick('coreTickMs', 'p99')} / ${pick('coreTickMs', 'max')} ms | ${n(c.ticks)} | ${n(c.questionsInWindow)} |`;
    });
    const first = doc.runs[0].figures[0];
    return [
      '## The talking-point engine: `npm run bench:copilot`',
      '',
      runNote(doc),
      '',
      `The co-pilot's tick in a busy room: ${n(first.eventsPerSec)} events a second of event time, with 1,000 comments a second and then 2,000 (the most the core hands the co-pilot per tick), 20 products with buying points, a card on air and moving metric windows. Ten minutes of ticks, timed after the first five, when the 5-minute question window is full. "Engine" is the engine alone (the classified questions added, then the tick; target ≤ 5 ms); "core tick" adds classifying the comments as the core does.`,
      '',
      '| comments a tick | engine: median / p99 / max | core tick: median / p99 / max | ticks timed | questions in the window |',
      '| --- | --- | --- | --- | --- |',
      ...rows,
      '',
      '**How runs vary.** The gap between the median and the max of one run is the variation between ticks; the core does the classifying in slices of at most 2 ms between commits, so a slow tick does not hold up ingest.',
    ].join('\n');
  },
};

function writeDoc() {
  const docs = Object.keys(sections)
    .map((name) => [name, load(name)])
    .filter(([, doc]) => doc !== null);
  if (docs.length === 0) throw new Error(`no saved figures in ${savedDir}/: run node build/performance.mjs --run`);
  const machines = [...new Set(docs.map(([, doc]) => JSON.stringify(doc.machine)))].map((m) => JSON.parse(m));
  const commits = [...new Set(docs.map(([, doc]) => `\`${doc.commit.slice(0, 10)}\``))];
  const dates = docs.map(([, doc]) => doc.measuredAt).sort();
  const head = [
    '# Performance',
    '',
    '<!-- Written by build/performance.mjs from docs/figures/performance/*.json. Do not edit: run `npm run performance` (or `node build/performance.mjs` to rewrite it from the saved figures). -->',
    '',
    'What the benchmarks measured, the last time they were run. Every figure here comes from a benchmark\'s JSON output, saved in `docs/figures/performance/` with the machine and commit it ran on; none is typed by hand. They are figures, not pass/fail tests: `npm test` does not run them.',
    '',
    '| | |',
    '| --- | --- |',
    ...machines.map((m) => `| machine | ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB of memory, ${m.os} |`),
    `| Node.js | ${[...new Set(machines.map((m) => m.node))].join(', ')} |`,
    `| measured | ${dates[0].slice(0, 10)}${dates.at(-1).slice(0, 10) !== dates[0].slice(0, 10) ? ` – ${dates.at(-1).slice(0, 10)}` : ''} |`,
    `| commit | ${commits.join('; ')} |`,
    '',
    'Timings on a small shared machine move between runs — by a tenth or more for throughput, more for tail latencies and memory sampled while running — so read a figure as a level, and compare two builds in one run (`node build/bench-before-after.mjs REV`) rather than against an old page. Each section says how its own figures varied. The load average around each run says how busy the machine was: above the number of cores, other work was competing for them.',
    '',
    'To measure again: `npm run performance` (all, one at a time, several minutes each), or `npm run build && node build/performance.mjs --run ingest` for one (names: ' +
      Object.keys(benches).map((b) => `\`${b}\``).join(', ') +
      '; `--repeat N` runs each N times and shows the range).',
  ].join('\n');
  const loads = docs.flatMap(([, doc]) => doc.runs.flatMap((run) => [run.loadAverageBefore, run.loadAverageAfter ?? 0]));
  const cores = Math.min(...machines.map((m) => m.cores));
  const busy =
    Math.max(...loads) > cores
      ? `\n\n**These runs shared the machine with other work**: the load average reached ${n(Math.max(...loads), 2)} on ${cores} cores, so the benchmarks got only part of the CPU and their timings are slower, and their tails longer, than on a quiet machine. Run \`npm run performance\` again on a quiet one before reading a figure against its target.`
      : '';
  const body = docs.map(([name, doc]) => sections[name](doc).replace(/\n\n\n+/g, '\n\n')).join('\n\n');
  writeFileSync(here('docs/PERFORMANCE.md'), `${head}${busy}\n\n${body}\n`);
  process.stdout.write(`docs/PERFORMANCE.md written from ${docs.map(([name]) => name).join(', ')}\n`);
  writeReadmeSummary();
}

/** The README's few performance lines (between its figures:performance markers): what a host notices, and what limits it. */
function writeReadmeSummary() {
  const ingest = load('ingest');
  const footprint = load('footprint');
  if (!ingest || !footprint) return;
  const f = (doc, pick, format) => across(doc, pick, format);
  const two = (v) => n(v, 2);
  const runs = ingest.runs.flatMap((run) => run.figures.ingestRunsEventsPerSec ?? [run.figures.ingestEventsPerSec]);
  const block = [
    `Measured ${when(footprint)} on ${footprint.machine.cores} cores (${footprint.machine.cpu}); [docs/PERFORMANCE.md](docs/PERFORMANCE.md) has every figure and how it was taken.`,
    '',
    '| what | figure | target | what limits it |',
    '| --- | --- | --- | --- |',
    `| core, top-tier room (5,000 events/s, 1,000 comments/s) | ${f(footprint, (x) => x.footprintCorePct5k, two)} % of a core, ${f(footprint, (x) => x.footprintCoreRssMb5k, (v) => n(v))} MB | ≤ 8 %, ≤ 250 MB | receiving and storing every event, the state sent to the pages |`,
    `| console + overlay, the same room | ${f(footprint, (x) => x.footprintRendererPct5k, two)} % | ≤ 10 % | re-rendering the panels on every state update |`,
    `| core / pages, a store stream (300 events/s) | ${f(footprint, (x) => x.footprintCorePct300, two)} % / ${f(footprint, (x) => x.footprintRendererPct300, two)} % | ≤ 1.5 % / ≤ 2 % | the same, at the same update rate |`,
    `| core / pages, an idle room | ${f(footprint, (x) => x.idleCorePct, two)} % / ${f(footprint, (x) => x.idleRendererPct, two)} % | ≤ 0.3 % each | timers only |`,
    ingest.runs.every((run) => run.figures.cpuUsPerEvent !== undefined)
      ? `| ingest at full speed | ${f(ingest, (x) => x.ingestEventsPerSec)} events/s, ${f(ingest, (x) => x.cpuUsPerEvent, two)} µs CPU an event; ${f(ingest, (x) => x.ingestVsNaive, two)}× a naive pipeline | ≥ 150,000; ≤ 5 µs; ≥ 2× | both cores: socket.io and validation on one, SQLite on the other |`
      : `| ingest at full speed | ${f(ingest, (x) => x.ingestEventsPerSec)} events/s (saved before the CPU and naive-pipeline figures existed: \`node build/performance.mjs --run ingest\`) | ≥ 150,000 | both cores: socket.io and validation on one, SQLite on the other |`,
    '',
    `Runs vary: the ingest runs behind that median gave ${runs.map((v) => n(v)).join(', ')} events/s — other work on a 2-core machine comes straight off the figure.`,
  ].join('\n');
  const readme = here('README.md');
  const text = readFileSync(readme, 'utf8');
  const next = text.replace(/<!-- figures:performance -->[\s\S]*?<!-- \/figures:performance -->/, `<!-- figures:performance -->\n${block}\n<!-- /figures:performance -->`);
  if (next !== text) {
    writeFileSync(readme, next);
    process.stdout.write('README.md: performance figures written\n');
  }
}

const dashes = process.argv.indexOf('--');
const args = dashes < 0 ? process.argv.slice(2) : process.argv.slice(2, dashes);
/** After `--`: flags for the benchmarks themselves (e.g. `-- --runs 1` for the footprint). */
const passThrough = dashes < 0 ? [] : process.argv.slice(dashes + 1);
if (args.includes('--run')) {
  const repeatAt = args.indexOf('--repeat');
  const repeat = repeatAt >= 0 ? Number(args[repeatAt + 1]) : 1;
  if (!Number.isInteger(repeat) || repeat < 1) throw new Error('--repeat takes a whole number ≥ 1');
  const names = args.filter((arg, i) => !arg.startsWith('--') && args[i - 1] !== '--repeat');
  await measure(names.length > 0 ? names : Object.keys(benches), repeat);
}
writeDoc();
