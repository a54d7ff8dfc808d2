/**
 * `npm run bench:footprint`: what LiveCue takes from the laptop it shares
 * with the streaming software, at the rates real rooms produce. The web host
 * (`livecue serve`) records from the simulator's gateway at a fixed rate,
 * with the console and the overlay open in Chromium and the co-pilot ranking
 * as it does live; the core's process is sampled from /proc (CPU of all its
 * threads, resident memory), each page's main thread through CDP's
 * Performance metrics (TaskDuration: the time its tasks ran). Figures, not
 * pass/fail.
 *
 *  - a top-tier room: 5,000 events/s, about 1,000 of them comments;
 *  - a typical store stream: 300 events/s, about 30 comments;
 *  - an idle room: connected, heartbeats only.
 *
 *   --runs N   repeat the three N times (default 3): medians and the spread
 *   --quick    short windows (a smoke check of the harness)
 *   --json     the figures as one JSON object on the last line
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { SimHost } from './processes.js';
import { launchChromium, requireBuiltUi, serve, stopChild } from './serve-host.js';
import { median, round } from './stats.js';

const quick = process.argv.includes('--quick');
const json = process.argv.includes('--json');
const runsFlag = process.argv.indexOf('--runs');
const runs = runsFlag > 0 ? Math.max(1, Number(process.argv[runsFlag + 1])) : quick ? 1 : 3;
const ACCESS = 'bench-footprint-access-token-0123';
const GATEWAY_TOKEN = 'bench';
const WARM_UP_MS = quick ? 3_000 : 10_000;
const dir = mkdtempSync(join(tmpdir(), 'livecue-bench-footprint-'));
const say = (line: string) => (json ? process.stderr : process.stdout).write(`${line}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Clock ticks per second of /proc's CPU times: 100 on every Linux this runs on (USER_HZ). */
const TICKS_PER_SECOND = 100;

/** CPU seconds (user + system, every thread) of a process and its descendants, from /proc. */
function cpuSeconds(pid: number): number {
  let ticks = 0;
  for (const id of processTree(pid)) {
    try {
      // The command name (field 2) may hold spaces: fields are counted after its closing parenthesis.
      const stat = readFileSync(`/proc/${id}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // It exited between the listing and the read.
    }
  }
  return ticks / TICKS_PER_SECOND;
}

function residentMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? Number.NaN) / 1024;
}

function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirProc()) {
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(parent, [...(children.get(parent) ?? []), entry]);
    } catch {
      // Gone already.
    }
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i++) tree.push(...(children.get(tree[i]!) ?? []));
  return tree;
}

function readdirProc(): number[] {
  return readdirSync('/proc').filter((name) => /^\d+$/.test(name)).map(Number);
}

/** Seconds a page's main thread spent running tasks, so far. */
async function taskSeconds(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'TaskDuration')?.value ?? Number.NaN;
}

interface Footprint {
  corePct: number;
  rendererPct: number;
  consolePct: number;
  overlayPct: number;
  coreRssMb: number;
}

/** One room: `rate` events/s (0: heartbeats only) for the measured window, after a warm-up. */
async function room(browser: Browser, rate: number, chattiness: number, windowMs: number, run: number): Promise<Footprint> {
  const seconds = (WARM_UP_MS + windowMs) / 1000 + 5;
  const sim = await SimHost.start({ token: GATEWAY_TOKEN, scenario: 'skincare', seed: 40 + run, ...(rate > 0 ? { rate, maxEvents: Math.ceil(rate * seconds), chattiness, batchIntervalMs: 50 } : {}), autoStart: false });
  const host = await serve(ACCESS, ['--db', join(dir, `footprint-${rate}-${run}.db`), '--gateway', sim.url, '--room', sim.room, '--token', GATEWAY_TOKEN]);
  const pages: Page[] = [];
  try {
    // Two windows, as the desktop app opens them: two tabs of one window would leave the console a tab behind
    // the overlay, which Chromium treats unlike a window on screen (a forced layout there took 100 times longer).
    const contexts = await Promise.all([browser.newContext({ viewport: { width: 1440, height: 900 } }), browser.newContext({ viewport: { width: 420, height: 720 } })]);
    const consolePage = await contexts[0].newPage();
    const overlayPage = await contexts[1].newPage();
    pages.push(consolePage, overlayPage);
    await consolePage.goto(`${host.base}/?token=${ACCESS}`);
    await overlayPage.goto(`${host.base}/overlay?token=${ACCESS}`);
    await consolePage.getByTestId('connection-banner').and(consolePage.locator('[data-state="live"]')).waitFor({ timeout: 30_000 });
    const sessions = await Promise.all(pages.map(async (page) => {
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Performance.enable');
      return cdp;
    }));
    if (rate > 0) sim.start();
    await sleep(WARM_UP_MS);
    const pid = host.child.pid!;
    const cpuBefore = cpuSeconds(pid);
    const tasksBefore = await Promise.all(sessions.map(taskSeconds));
    const started = performance.now();
    let rssMax = 0;
    while (performance.now() - started < windowMs) {
      await sleep(Math.min(2_000, windowMs - (performance.now() - started)));
      rssMax = Math.max(rssMax, residentMb(pid));
    }
    const wall = (performance.now() - started) / 1000;
    const cpu = cpuSeconds(pid) - cpuBefore;
    const tasks = (await Promise.all(sessions.map(taskSeconds))).map((t, i) => t - tasksBefore[i]!);
    const pct = (busy: number) => round((busy / wall) * 100, 2);
    await Promise.all(contexts.map((c) => c.close()));
    return { corePct: pct(cpu), consolePct: pct(tasks[0]!), overlayPct: pct(tasks[1]!), rendererPct: pct(tasks[0]! + tasks[1]!), coreRssMb: round(rssMax, 1) };
  } finally {
    await stopChild(host.child);
    await sim.close();
  }
}

const spread = (values: number[]) => `median ${median(values)} (${Math.min(...values)}–${Math.max(...values)})`;

async function main(): Promise<void> {
  requireBuiltUi();
  const browser = await launchChromium();
  const windowMs = quick ? 15_000 : 120_000;
  const idleMs = quick ? 10_000 : 60_000;
  say(`LiveCue footprint — ${new Date().toISOString()}, node ${process.version}, ${runs} run(s) of ${windowMs / 1000} s a room (idle ${idleMs / 1000} s)`);
  const top: Footprint[] = [];
  const store: Footprint[] = [];
  const idle: Footprint[] = [];
  try {
    for (let run = 0; run < runs; run++) {
      // The scenario's viewers comment about 9% of its events; 2.3× makes it the fifth of a top-tier room.
      top.push(await room(browser, 5_000, 2.3, windowMs, run));
      store.push(await room(browser, 300, 1.1, windowMs, run));
      idle.push(await room(browser, 0, 1, idleMs, run));
      say(`  run ${run + 1}: 5k ${JSON.stringify(top.at(-1))}; 300 ${JSON.stringify(store.at(-1))}; idle ${JSON.stringify(idle.at(-1))}`);
    }
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const of = (list: Footprint[], key: keyof Footprint) => list.map((f) => f[key]);
  say(`top-tier room, 5,000 events/s (~1,000 comments/s): core ${spread(of(top, 'corePct'))} % of a core, RSS ${spread(of(top, 'coreRssMb'))} MB; console + overlay ${spread(of(top, 'rendererPct'))} %`);
  say(`store stream, 300 events/s (~30 comments/s): core ${spread(of(store, 'corePct'))} %; console + overlay ${spread(of(store, 'rendererPct'))} %`);
  say(`idle room (heartbeats): core ${spread(of(idle, 'corePct'))} %; console + overlay ${spread(of(idle, 'rendererPct'))} %`);
  if (json) {
    process.stdout.write(
      `${JSON.stringify({
        measuredAt: new Date().toISOString(),
        runs,
        windowSeconds: windowMs / 1000,
        footprintCorePct5k: median(of(top, 'corePct')),
        footprintRendererPct5k: median(of(top, 'rendererPct')),
        footprintCoreRssMb5k: median(of(top, 'coreRssMb')),
        footprintCorePct300: median(of(store, 'corePct')),
        footprintRendererPct300: median(of(store, 'rendererPct')),
        idleCorePct: median(of(idle, 'corePct')),
        idleRendererPct: median(of(idle, 'rendererPct')),
        perRun: { top, store, idle },
      })}\n`,
    );
  }
}

main().catch((error: unknown) => {
  rmSync(dir, { recursive: true, force: true });
  console.error('bench:footprint failed:', error);
  process.exitCode = 1;
});
