/**
 * The web UI in Debian's Chromium against `livecue serve` on a simulator the
 * test controls: live numbers that end equal to the recap, pinning by click
 * and by keyboard reaching the gateway and coming back on air, hostile
 * comments shown as text, a wrong token refused, and screenshots.
 */
import { writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Recap } from '../../shared/api/contract.js';
import { metricKeys } from '../../shared/metrics/index.js';
import type { Command, LiveEvent } from '../../shared/protocol/index.js';
import { ScenarioGenerator, scenarios, startSimulator, type RunningSimulator } from '../../main/simulator/index.js';
import { runCli } from '../helpers.js';
import { ARTIFACTS, DESKTOP, useUi } from './harness.js';

const GATEWAY_TOKEN = 'gateway-secret';
const ui = useUi('live');

const valueOf = async (page: Page, testId: string): Promise<number | null> => {
  const raw = await page.getByTestId(testId).first().getAttribute('data-value');
  return raw === null || raw === '' ? null : Number(raw);
};

const onAirProduct = (page: Page) => page.getByTestId('on-air').getAttribute('data-product-id');
/** The id of the talking point the overlay shows, or null (without waiting for one to appear). */
const topSuggestion = (page: Page) => page.locator('[data-testid="talking-point"]').evaluateAll((nodes) => nodes[0]?.getAttribute('data-suggestion-id') ?? null);

describe('console and overlay on a live room', () => {
  let simulator: RunningSimulator;
  const commands: Command[] = [];
  const db = ui.tmp.file('live.db');

  beforeAll(async () => {
    // 12 live-room minutes at 40× : about 18 s of traffic, long enough to pin twice and watch it end.
    simulator = await startSimulator({ token: GATEWAY_TOKEN, scenario: 'skincare', seed: 21, speed: 40, durationMinutes: 12 });
    simulator.onCommand((command) => commands.push(command));
    await ui.startServe(['--gateway', simulator.url, '--room', simulator.room, '--token', GATEWAY_TOKEN, '--db', db]);
  });
  afterAll(async () => {
    await ui.stopServe();
    await simulator?.close();
  });

  it('pins by click and by keyboard, shows the card on air, and ends with the recap’s numbers', async () => {
    const context = await ui.browser.newContext({ viewport: DESKTOP });
    const console_ = await context.newPage();
    const dialogs: string[] = [];
    console_.on('dialog', (dialog) => void dialog.dismiss().then(() => dialogs.push(dialog.message())));
    await console_.goto(ui.url());
    await expect.poll(() => console_.getByTestId('connection-banner').getAttribute('data-state'), { timeout: 20_000 }).toBe('live');

    const productIds = await console_.locator('[data-testid^="pin-"]').evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-testid')!.slice('pin-'.length)));
    expect(productIds.length).toBeGreaterThanOrEqual(3);

    // The merchant gives the third product a coupon in 商品库, in another tab: the OBS card shows it once that card is on air.
    const coupon = '满199减30';
    const catalogTab = await context.newPage();
    await catalogTab.goto(ui.url());
    await catalogTab.getByRole('navigation', { name: 'LiveCue' }).getByRole('button', { name: '商品库' }).click();
    await catalogTab.locator(`[data-testid="catalog-product"][data-product-id="${productIds[2]}"]`).click();
    await catalogTab.getByTestId('product-coupon').fill(coupon);
    await catalogTab.getByTestId('product-save').click();

    await console_.getByTestId(`pin-${productIds[1]}`).click();
    // The room may already show that card on its own: wait for our command at the gateway, then for the card.
    await expect.poll(() => commands.some((c) => c.type === 'card.pin' && c.productId === productIds[1]), { timeout: 10_000 }).toBe(true);
    await expect.poll(() => onAirProduct(console_), { timeout: 10_000 }).toBe(productIds[1]);

    await console_.locator('body').click({ position: { x: 5, y: 5 } });
    await console_.keyboard.press('3');
    // The room may already show that card on its own: wait for our command at the gateway, then for the card.
    await expect.poll(() => commands.some((c) => c.type === 'card.pin' && c.productId === productIds[2]), { timeout: 10_000 }).toBe(true);
    await expect.poll(() => onAirProduct(console_), { timeout: 10_000 }).toBe(productIds[2]);

    const overlay = await ui.open('/overlay', { viewport: { width: 420, height: 640 } });
    await expect.poll(() => onAirProduct(overlay), { timeout: 10_000 }).toBe(productIds[2]);

    // The OBS browser source: the card on air, with the coupon from 商品库 under the price, on a transparent page.
    const obs = await ui.open('/obs/card', { viewport: { width: 640, height: 240 } });
    await expect.poll(() => onAirProduct(obs), { timeout: 10_000 }).toBe(productIds[2]);
    await expect.poll(() => obs.locator('[data-testid="coupon"]').evaluateAll((nodes) => nodes[0]?.textContent ?? null), { timeout: 10_000 }).toBe(coupon);
    await obs.screenshot({ path: `${ARTIFACTS}obs-card-640x240.png`, omitBackground: true });
    await obs.close();
    await overlay.screenshot({ path: `${ARTIFACTS}overlay-live-420x640.png` });
    await console_.screenshot({ path: `${ARTIFACTS}console-live-1440x900.png` });

    // The co-pilot's top talking point is on the overlay, and in the console's list; the host marks it used
    // with U on the overlay: it leaves the console's list and the overlay, and is kept for the recap.
    await expect.poll(() => topSuggestion(overlay), { timeout: 20_000 }).not.toBeNull();
    const suggestionId = (await topSuggestion(overlay))!;
    await expect.poll(() => console_.getByTestId(`suggestion-${suggestionId}`).count(), { timeout: 5_000 }).toBe(1);
    await overlay.locator('body').click({ position: { x: 5, y: 5 } });
    await overlay.keyboard.press('u');
    await expect.poll(() => console_.getByTestId(`suggestion-${suggestionId}`).count(), { timeout: 10_000 }).toBe(0);
    await expect.poll(() => topSuggestion(overlay), { timeout: 10_000 }).not.toBe(suggestionId);

    await expect.poll(() => console_.getByTestId('connection-banner').getAttribute('data-state'), { timeout: 60_000 }).toBe('ended');
    const recapRun = await runCli(['recap', '--db', db, '--json']);
    expect(recapRun.code).toBe(0);
    const recap = JSON.parse(recapRun.stdout) as Recap;
    expect(recap.totals.uv).toBeGreaterThan(0);
    expect(recap.suggestions).toContainEqual(expect.objectContaining({ suggestionId, outcome: 'used' }));

    // Every metric tile ends on the recap's figure for the session: the headline ones, and the rest under 全部指标.
    await console_.getByTestId('all-metrics-toggle').click();
    const tiles = await console_.locator('[data-testid^="metric-"]').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-testid')!.slice('metric-'.length)));
    expect([...tiles].sort()).toEqual([...metricKeys].sort());
    for (const key of tiles) {
      expect(metricKeys).toContain(key);
      await expect.poll(() => valueOf(console_, `metric-${key}`), { message: key, timeout: 5_000 }).toBe(recap.totals[key as keyof Recap['totals']]);
    }
    await expect.poll(() => valueOf(overlay, 'overlay-gmv'), { timeout: 5_000 }).toBe(recap.totals.gmv);
    await expect.poll(() => valueOf(overlay, 'overlay-online'), { timeout: 5_000 }).toBe(recap.totals.onlineViewers);

    await console_.screenshot({ path: `${ARTIFACTS}console-1440x900.png` });
    await overlay.screenshot({ path: `${ARTIFACTS}overlay-420x640.png` });
    expect(dialogs).toEqual([]);
    await context.close();
    await overlay.close();
  });
});

describe('hostile input and access', () => {
  const hostile = '<img src=x onerror=alert(1)>';
  let simulator: RunningSimulator;

  beforeAll(async () => {
    // A recorded session with a hostile comment in the middle of ordinary traffic.
    const generator = new ScenarioGenerator({ scenario: scenarios.apparel, seed: 4, durationMs: 3 * 60_000, loop: false, stamp: (offset) => 1_700_000_000_000 + offset });
    const events: LiveEvent[] = [];
    generator.take(3_000, Infinity, events);
    const middle = events[1_500]!;
    events.splice(1_500, 0, { seq: 0, ts: middle.ts, type: 'comment', id: 'hostile-1', user: { id: 'u-x', name: '<b>mallory</b>' }, text: hostile });
    const file = ui.tmp.file('hostile.jsonl');
    writeFileSync(file, events.map((event, i) => JSON.stringify({ ...event, seq: i + 1 })).join('\n'));
    simulator = await startSimulator({ token: GATEWAY_TOKEN, replayFile: file, speed: 'max' });
    await ui.startServe(['--gateway', simulator.url, '--room', simulator.room, '--token', GATEWAY_TOKEN, '--db', ui.tmp.file('hostile.db')]);
  });
  afterAll(async () => {
    await ui.stopServe();
    await simulator?.close();
  });

  it('shows a comment carrying HTML as text and creates no element from it', async () => {
    const page = await ui.browser.newPage({ viewport: DESKTOP });
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => void dialog.dismiss().then(() => dialogs.push(dialog.message())));
    await page.goto(ui.url());
    // The list is virtualised: search brings an older comment into view, as an assistant would.
    await page.getByTestId('comment-search').fill(hostile);
    const row = page.getByTestId('comment-row').filter({ hasText: hostile });
    await expect.poll(() => row.count(), { timeout: 20_000 }).toBeGreaterThan(0);
    expect(await row.first().innerText()).toContain(hostile);
    expect(await row.first().innerText()).toContain('<b>mallory</b>');
    expect(await page.locator('img[src="x"], b:text("mallory")').count()).toBe(0);
    expect(dialogs).toEqual([]);
    await page.close();
  });

  it('refuses a wrong access token with 401 and no page', async () => {
    const page = await ui.browser.newPage();
    const response = await page.goto(`${ui.serve.base}/?token=not-the-token-at-all-000`);
    expect(response?.status()).toBe(401);
    expect(await page.locator('#root, script').count()).toBe(0);
    const overlay = await page.goto(`${ui.serve.base}/overlay`);
    expect(overlay?.status()).toBe(401);
    await page.close();
  });
});
