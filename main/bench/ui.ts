/**
 * `npm run bench:ui`: the live UI under load, in Debian's Chromium against
 * `livecue serve`. Figures, not pass/fail:
 *
 *  1. a gateway at 5,000 events/s for 60 s: long tasks (> 50 ms) on the
 *     console page, and the time from an event's arrival at the core to its
 *     effect on screen (median, p95), for the newest event of each update;
 *  2. a session of 100,000 comments: the renderer's JS heap before and after,
 *     and how long switching the comment filter and scrolling take.
 *
 *   --quick   10 s of load and 10,000 comments (a smoke check of the harness)
 *   --json    the figures as one JSON object on the last line
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { LiveEvent } from '../../shared/protocol/index.js';
import { ScenarioGenerator, scenarios } from '../simulator/index.js';
import { SimHost } from './processes.js';
import { CHROMIUM, launchChromium, requireBuiltUi, serve, stopChild } from './serve-host.js';
import { median, percentile, round } from './stats.js';

const quick = process.argv.includes('--quick');
const json = process.argv.includes('--json');
const ACCESS = 'bench-ui-access-token-0123456789';
const GATEWAY_TOKEN = 'bench';
const dir = mkdtempSync(join(tmpdir(), 'livecue-bench-ui-'));
const say = (line: string) => (json ? process.stderr : process.stdout).write(`${line}\n`);

/** Runs in the page before its scripts: long tasks, and arrival → screen time of each update's newest event. */
const PROBE = `
  window.__probe = { longTasks: [], latencies: [] };
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__probe.longTasks.push(e.duration); })
    .observe({ type: 'longtask', buffered: true });
  const watch = (banner) => new MutationObserver(() => {
    const arrivedAt = Number(banner.getAttribute('data-last-event-at'));
    if (!arrivedAt) return;
    // The frame that shows the change: after the next animation frame has been painted.
    requestAnimationFrame(() => setTimeout(() => window.__probe.latencies.push(Date.now() - arrivedAt)));
  }).observe(banner, { attributes: true, attributeFilter: ['data-last-event-at'] });
  new MutationObserver((_, observer) => {
    const banner = document.querySelector('[data-testid="connection-banner"]');
    if (banner) { observer.disconnect(); watch(banner); }
  }).observe(document, { subtree: true, childList: true });
`;

interface Probe {
  longTasks: number[];
  latencies: number[];
}
// Page-side snippets as text: this file is compiled without the DOM's types.
const RESET_PROBE = 'window.__probe.longTasks.length = 0; window.__probe.latencies.length = 0;';
const NEXT_PAINT = 'new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)))';
const readProbe = (page: Page) => page.evaluate<Probe>('window.__probe');

const serveHere = (args: string[]) => serve(ACCESS, ['--db', join(dir, `ui-${Date.now()}.db`), ...args]);

const heapMb = async (page: Page): Promise<number> => {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  await cdp.detach();
  return (metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? Number.NaN) / 2 ** 20;
};

async function underLoad(page: Page, rate: number, seconds: number) {
  const sim = await SimHost.start({ token: GATEWAY_TOKEN, scenario: 'skincare', seed: 31, rate, maxEvents: rate * seconds, autoStart: false });
  const host = await serveHere(['--gateway', sim.url, '--room', sim.room, '--token', GATEWAY_TOKEN]);
  try {
    await page.goto(`${host.base}/?token=${ACCESS}`);
    await page.getByTestId('connection-banner').and(page.locator('[data-state="live"]')).waitFor({ timeout: 30_000 });
    await page.evaluate(RESET_PROBE);
    sim.start();
    await page.getByTestId('connection-banner').and(page.locator('[data-state="ended"]')).waitFor({ timeout: (seconds + 60) * 1000 });
    return await readProbe(page);
  } finally {
    await stopChild(host.child);
    await sim.close();
  }
}

/** A recording of `count` comments in the demo rooms' phrasings. */
function commentRecording(count: number): string {
  const generator = new ScenarioGenerator({ scenario: scenarios.skincare, seed: 32, durationMs: 90 * 60_000, loop: true, stamp: (offset) => 1_700_000_000_000 + offset });
  const lines: string[] = [];
  const batch: LiveEvent[] = [];
  while (lines.length < count) {
    batch.length = 0;
    generator.take(10_000, Infinity, batch);
    for (const event of batch) if (event.type === 'comment' && lines.length < count) lines.push(JSON.stringify({ ...event, seq: lines.length + 1 }));
  }
  const file = join(dir, 'comments.jsonl');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

async function manyComments(page: Page, count: number) {
  const sim = await SimHost.start({ token: GATEWAY_TOKEN, replayFile: commentRecording(count), rate: quick ? 5_000 : 2_500, autoStart: false });
  const host = await serveHere(['--gateway', sim.url, '--room', sim.room, '--token', GATEWAY_TOKEN]);
  try {
    await page.goto(`${host.base}/?token=${ACCESS}`);
    await page.getByTestId('connection-banner').and(page.locator('[data-state="live"]')).waitFor({ timeout: 30_000 });
    const before = await heapMb(page);
    sim.start();
    await page.getByTestId('connection-banner').and(page.locator('[data-state="ended"]')).waitFor({ timeout: 300_000 });
    const after = await heapMb(page);
    await page.evaluate(RESET_PROBE);
    const timeFilter = async (name: string) => {
      const started = Date.now();
      await page.getByTestId(`comment-filter-${name}`).click();
      await page.evaluate(NEXT_PAINT);
      return Date.now() - started;
    };
    const filterMs = [await timeFilter('questions'), await timeFilter('unanswered'), await timeFilter('purchases'), await timeFilter('all')];
    const list = page.getByTestId('comment-list');
    await list.hover();
    const scrollStarted = Date.now();
    for (let i = 0; i < 20; i++) await page.mouse.wheel(0, 2_000);
    await page.evaluate(NEXT_PAINT);
    const scrollMs = Date.now() - scrollStarted;
    const probe = await readProbe(page);
    const held = await page.getByTestId('comment-count').getAttribute('data-value');
    return { before, after, filterMs, scrollMs, longTasksDuringInteraction: probe.longTasks, held: Number(held) };
  } finally {
    await stopChild(host.child);
    await sim.close();
  }
}

async function main(): Promise<void> {
  requireBuiltUi();
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await context.addInitScript(PROBE);
    const page = await context.newPage();
    const rate = 5_000;
    const seconds = quick ? 10 : 60;
    say(`LiveCue UI benchmark — ${new Date().toISOString()}, ${CHROMIUM}`);
    const load = await underLoad(page, rate, seconds);
    const long = load.longTasks.filter((d) => d > 50);
    say(
      `console at ${rate.toLocaleString()} events/s for ${seconds} s: ${long.length} long tasks over 50 ms${long.length > 0 ? ` (longest ${round(Math.max(...long))} ms)` : ''}; ` +
        `arrival at the core → on screen: median ${round(median(load.latencies))} ms, p95 ${round(percentile(load.latencies, 0.95))} ms over ${load.latencies.length} updates`,
    );
    const count = quick ? 10_000 : 100_000;
    const comments = await manyComments(page, count);
    say(
      `comment stream with ${count.toLocaleString()} comments in the session (${comments.held.toLocaleString()} held by the page): ` +
        `JS heap ${round(comments.before, 1)} MB before → ${round(comments.after, 1)} MB after; ` +
        `filter switches ${comments.filterMs.join(' / ')} ms, 20 scroll steps ${comments.scrollMs} ms, ` +
        `long tasks over 50 ms while using it: ${comments.longTasksDuringInteraction.map((d) => `${round(d)} ms`).join(', ') || 'none'}`,
    );
    if (json) {
      process.stdout.write(
        `${JSON.stringify({
          uiLongTasksOver50ms: long.length,
          uiLongestTaskMs: round(Math.max(0, ...load.longTasks)),
          commentLongTasksMs: comments.longTasksDuringInteraction.map((d) => round(d)),
          uiMedianArrivalToScreenMs: round(median(load.latencies)),
          uiP95ArrivalToScreenMs: round(percentile(load.latencies, 0.95)),
          uiUpdatesMeasured: load.latencies.length,
          commentsInSession: count,
          commentsHeldByPage: comments.held,
          rendererHeapBeforeMb: round(comments.before, 1),
          rendererHeapAfterMb: round(comments.after, 1),
          commentFilterSwitchMs: comments.filterMs,
          commentScrollMs: comments.scrollMs,
        })}\n`,
      );
    }
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  rmSync(dir, { recursive: true, force: true });
  console.error('bench:ui failed:', error);
  process.exitCode = 1;
});
