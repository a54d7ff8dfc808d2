/**
 * 复盘 in Debian's Chromium on the web host: two sessions of the demo room
 * recorded into one database (the simulator as fast as the recorder
 * acknowledges, so each is a 12-minute live session in seconds, with the
 * room's real per-minute figures), then served: a session opened, a minute
 * of its chart hovered and its figures read from the tooltip, a window
 * dragged out to zoom and reset, the recap exported as XLSX, CSV and PDF
 * through the browser's downloads, the two sessions compared. Screenshots in
 * zh-CN and English, and of the comparison.
 */
import { readFileSync, statSync } from 'node:fs';
import type { Download, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { startSimulator } from '../../main/simulator/index.js';
import { runCli } from '../helpers.js';
import { ARTIFACTS, DESKTOP, setLanguage, useUi } from './harness.js';

const SESSION_MINUTES = 12;
const ui = useUi('recap');

/** One demo session recorded by `livecue record` until the simulator ends it. */
async function recordSession(db: string, seed: number): Promise<void> {
  const token = `sim-token-${seed}`;
  const simulator = await startSimulator({ port: 0, token, scenario: 'skincare', seed, speed: 'max', durationMinutes: SESSION_MINUTES });
  try {
    const result = await runCli(['record', '--gateway', simulator.url, '--room', simulator.room, '--token', token, '--db', db], 90_000);
    expect(result.code, result.stderr).toBe(0);
  } finally {
    await simulator.close();
  }
}

/** The whole recap in one picture: the page scrolls inside the console, so the viewport grows to the recap's height for the shot. */
async function screenshotTall(page: Page, file: string): Promise<void> {
  const height = await page.locator('.recap').evaluate((el) => Math.ceil(el.getBoundingClientRect().top + el.scrollHeight + 16));
  await page.setViewportSize({ width: 1440, height: Math.min(8000, Math.max(900, height)) });
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${ARTIFACTS}${file}` });
  await page.setViewportSize({ width: 1440, height: 900 });
}

/** Clicks an export button and waits for the browser's download, or for the error the page shows instead. */
async function exportFile(page: Page, button: string): Promise<{ download: Download; path: string } | { error: string }> {
  const download = page.waitForEvent('download', { timeout: 60_000 }).then((d) => ({ download: d }));
  const failed = page
    .getByTestId('recap-export-error')
    .waitFor({ timeout: 60_000 })
    .then(async () => ({ error: (await page.getByTestId('recap-export-error').textContent()) ?? '' }));
  await page.getByTestId(button).click();
  // The request runs: the page says so.
  await expect.poll(() => page.getByTestId('recap-export-status').textContent()).toMatch(/正在导出|已导出/);
  const outcome = await Promise.race([download, failed]);
  if ('error' in outcome) return outcome;
  const path = ui.tmp.file(outcome.download.suggestedFilename());
  await outcome.download.saveAs(path);
  return { download: outcome.download, path };
}

const sessionIds = (page: Page) => page.getByTestId('recap-session').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-session-id')));

describe('复盘 in the console', () => {
  it('opens a recorded session, reads a minute off its chart, exports it, and compares two sessions', async () => {
    const db = ui.tmp.file('livecue.db');
    await recordSession(db, 1);
    await recordSession(db, 2);

    // The live room is not there (nothing listens at the gateway): the recap reads the store alone.
    await ui.startServe(['--gateway', 'http://127.0.0.1:9', '--room', 'demo-skincare', '--token', 't', '--db', db]);
    const page = await ui.browser.newPage({ viewport: DESKTOP, acceptDownloads: true });
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(ui.url());
    await page.getByRole('navigation', { name: 'LiveCue' }).getByRole('button', { name: '复盘', exact: true }).click();
    // On a loaded machine the first request may fail (the socket still connecting): the page offers 重试, as a user would use it.
    await expect
      .poll(
        async () => {
          if ((await page.getByTestId('recap-retry').count()) > 0) await page.getByTestId('recap-retry').click();
          return page.getByTestId('recap-session').count();
        },
        { timeout: 30_000 },
      )
      .toBe(2);
    const [newest, earlier] = await sessionIds(page);

    // The newest session, against the one before it.
    await page.getByTestId('recap-open').first().click();
    await page.getByTestId('recap-charts').waitFor();
    await expect.poll(() => page.getByTestId('recap-summary').locator('tbody tr').count()).toBe(25);
    await expect.poll(() => page.getByTestId('recap-summary').textContent()).toContain('近 1 场平均');
    expect(await page.getByTestId('recap-summary-gmv').locator('.change').count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('recap-traffic-row').count()).toBeGreaterThan(1);
    await expect.poll(() => page.getByTestId('recap-peak').count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('recap-question').count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('recap-layer-entry').first().textContent()).toContain('首次进场');

    // Hovering a minute of the online chart spells out its figures and what was on air.
    const plot = page.getByTestId('recap-chart-online');
    await plot.scrollIntoViewIfNeeded();
    const box = (await plot.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.45, box.y + box.height / 2);
    const tooltip = page.getByTestId('recap-chart-tooltip');
    await expect.poll(() => tooltip.getAttribute('data-minute')).not.toBeNull();
    expect(await tooltip.textContent()).toMatch(/第 \d+ 分钟/);
    expect(await page.getByTestId('recap-tooltip-online').textContent()).toMatch(/^\d[\d,.万]*$/);
    expect(await page.getByTestId('recap-tooltip-gmv').textContent()).toMatch(/^¥/);
    expect(await tooltip.textContent()).toContain('讲解中：');

    // Dragging across a chart zooms every chart to that window; reset brings the session back.
    const whole = await page.getByTestId('recap-zoom-window').textContent();
    await page.mouse.move(box.x + box.width * 0.3, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.6, box.y + box.height / 2, { steps: 8 });
    await page.mouse.up();
    await expect.poll(() => page.getByTestId('recap-zoom-window').textContent()).not.toBe(whole);
    await page.getByTestId('recap-zoom-reset').click();
    await expect.poll(() => page.getByTestId('recap-zoom-window').textContent()).toBe(whole);
    await page.mouse.move(box.x + box.width * 0.45, box.y + box.height / 2);
    await page.getByTestId('recap-detail').evaluate((el) => el.closest('.recap')?.scrollTo(0, 0));
    await screenshotTall(page, 'recap-zh-CN.png');

    // The workbook, one table as CSV, and the PDF report, in the UI's language, through the browser's downloads.
    const xlsx = await exportFile(page, 'recap-export-xlsx');
    if ('error' in xlsx) throw new Error(`XLSX export failed: ${xlsx.error}`);
    expect(xlsx.download.suggestedFilename()).toMatch(/\.xlsx$/);
    expect(statSync(xlsx.path).size).toBeGreaterThan(5_000);
    expect(readFileSync(xlsx.path).subarray(0, 2).toString('latin1')).toBe('PK');
    await expect.poll(() => page.getByTestId('recap-export-status').textContent()).toBe(`已导出 ${xlsx.download.suggestedFilename()}`);

    await page.getByTestId('recap-export-table').selectOption('minutes');
    const csv = await exportFile(page, 'recap-export-csv');
    if ('error' in csv) throw new Error(`CSV export failed: ${csv.error}`);
    expect(csv.download.suggestedFilename()).toMatch(/\.csv$/);
    const csvLines = readFileSync(csv.path, 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    // A header and a line per minute of the session (its first and last minutes may be partial ones).
    expect(csvLines.length).toBeGreaterThanOrEqual(SESSION_MINUTES + 1);
    expect(csvLines[0]).toContain('在线人数');

    const pdf = await exportFile(page, 'recap-export-pdf');
    if ('error' in pdf) {
      // Without a Chromium to print with, the host says so, and the page shows it.
      expect(pdf.error).toMatch(/导出失败：.*Chromium/);
    } else {
      expect(pdf.download.suggestedFilename()).toMatch(/\.pdf$/);
      expect(statSync(pdf.path).size).toBeGreaterThan(10_000);
      expect(readFileSync(pdf.path).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    }

    // English, the whole recap.
    await setLanguage(page, 'en', /^Recap$/);
    await expect.poll(() => page.getByTestId('recap-session').count()).toBe(2);
    await page.getByTestId('recap-open').first().click();
    await page.getByTestId('recap-charts').waitFor();
    await expect.poll(() => page.getByTestId('recap-summary-gmv').locator('th').textContent()).toBe('GMV');
    await expect.poll(() => page.getByTestId('recap-layer-entry').first().textContent()).toContain('First visit');
    await screenshotTall(page, 'recap-en.png');

    // Two sessions side by side: every total with the difference, both curves on one chart.
    await page.getByTestId('recap-back').click();
    await page.locator(`[data-session-id="${newest}"] [data-testid="recap-pick"]`).check();
    await page.locator(`[data-session-id="${earlier}"] [data-testid="recap-pick"]`).check();
    await page.getByTestId('recap-compare').click();
    await page.getByTestId('recap-compare-totals').waitFor();
    await expect.poll(() => page.getByTestId('recap-compare-totals').locator('tbody tr').count()).toBe(25);
    const uv = await page.getByTestId('recap-compare-uv').locator('td').allTextContents();
    expect(uv).toHaveLength(3);
    expect(uv[2]).toMatch(/^[+\-±][\d,]+/);
    const comparePlot = page.getByTestId('recap-compare-plot');
    await comparePlot.scrollIntoViewIfNeeded();
    // uPlot's legend: the minute column, then online and GMV of A and B.
    await expect.poll(() => comparePlot.locator('.u-legend .u-series').count()).toBe(5);
    const plotBox = (await comparePlot.locator('.u-over').boundingBox())!;
    await page.mouse.move(plotBox.x + plotBox.width * 0.5, plotBox.y + plotBox.height / 2);
    await expect.poll(() => comparePlot.locator('.u-legend .u-series').nth(1).locator('.u-value').textContent()).toMatch(/\d/);
    await page.getByTestId('recap-compare-view').evaluate((el) => el.closest('.recap')?.scrollTo(0, 0));
    await screenshotTall(page, 'recap-compare.png');

    await setLanguage(page, 'zh-CN', /^复盘$/);
    expect(problems).toEqual([]);
    await page.close();
  }, 240_000);
});
