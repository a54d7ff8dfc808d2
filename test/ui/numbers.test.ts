/**
 * One way to write numbers, in Debian's Chromium on the web host with the demo
 * room at 10×: every figure on the live console (the headline ones and those
 * under 全部指标) reads as shared/format/numbers.ts writes its value — people
 * whole, 万 with exactly one decimal, rates with one, changes of rates in
 * 个百分点 — in Chinese, then in English (K, pp), and with two decimals once
 * 设置 chooses them. Screenshots numbers-zh-CN.png, numbers-en.png.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Language } from '../../shared/api/settings.js';
import { numberFormats, type NumberFormats, type WanDecimals } from '../../shared/format/numbers.js';
import { ARTIFACTS, useUi } from './harness.js';

const ui = useUi('numbers', { demo: true });

type Kind = 'count' | 'money' | 'rate' | 'seconds';
interface TileText {
  metric: string;
  kind: Kind;
  value: number | null;
  text: string;
  change: string;
}

/** Every tile's value and what it shows, read in one go (the figures move at 10×). Evaluated in the page, as text: these tests compile without the DOM's types. */
const readTiles = (page: Page) =>
  page.evaluate<{ metric: string; kind: Kind; value: string; text: string; change: string }[]>(`[...document.querySelectorAll('[data-testid^="metric-"]')].map((tile) => ({
    metric: tile.dataset.testid.slice('metric-'.length),
    kind: tile.dataset.kind,
    value: tile.dataset.value,
    text: tile.querySelector('.tile__value').textContent,
    change: tile.querySelector('.tile__foot .change')?.textContent ?? '',
  }))`).then((tiles) => tiles.map((t): TileText => ({ ...t, value: t.value === '' ? null : Number(t.value) })));

/** How a tile of each kind writes its value. */
const byKind = (fmt: NumberFormats): Record<Kind, (value: number | null) => string> => ({ count: fmt.count, money: fmt.money, rate: fmt.rate, seconds: fmt.duration });

/** Each tile shows its value as the one formatter writes it; the checks that do not need the formatter say what it must look like. */
function expectTiles(tiles: readonly TileText[], language: Language, wanDecimals: WanDecimals) {
  const write = byKind(numberFormats(language, { wanDecimals }));
  const compact = language === 'zh-CN' ? '[万亿]' : '[KMB]';
  const decimals = `\\.\\d{${wanDecimals}}`;
  const count = new RegExp(`^(-?\\d{1,3}(,\\d{3})*|-?\\d+${decimals}${compact})$`);
  const money = new RegExp(`^(-?¥\\d{1,3}(,\\d{3})*(\\.\\d\\d)?|-?¥\\d+${decimals}${compact})$`);
  expect(tiles.length).toBeGreaterThanOrEqual(25);
  for (const { metric, kind, value, text, change } of tiles) {
    expect({ metric, text }).toEqual({ metric, text: write[kind](value) });
    if (value === null) continue;
    if (kind === 'count') expect({ metric, text }).toEqual({ metric, text: expect.stringMatching(count) as string });
    if (kind === 'money') expect({ metric, text }).toEqual({ metric, text: expect.stringMatching(money) as string });
    if (kind === 'rate') {
      expect({ metric, text }).toEqual({ metric, text: expect.stringMatching(/^-?[\d,]+\.\d%$/) as string });
      // A rate's change is in percentage points, the way the host says it.
      if (/\d/.test(change)) expect({ metric, change }).toEqual({ metric, change: expect.stringMatching(language === 'zh-CN' ? /\d\.\d个百分点$/ : /\d\.\dpp$/) as string });
    }
  }
}

async function openSettings(page: Page) {
  await page.getByRole('navigation', { name: 'LiveCue' }).getByRole('button', { name: /^(设置|Settings)$/ }).click();
}
async function openLive(page: Page) {
  await page.getByRole('navigation', { name: 'LiveCue' }).getByRole('button', { name: /^(直播|Live)$/ }).click();
  await page.getByTestId('all-metrics-toggle').waitFor();
  if ((await page.getByTestId('all-metrics-toggle').getAttribute('aria-expanded')) !== 'true') await page.getByTestId('all-metrics-toggle').click();
  await page.getByTestId('all-metrics').waitFor();
}

describe('numbers on the live console', () => {
  it('are written one way in Chinese and in English, with the decimals the settings choose', async () => {
    const page = await ui.open();
    await expect.poll(() => page.getByTestId('connection-banner').getAttribute('data-state'), { timeout: 30_000 }).toBe('live');
    await openLive(page);
    // Until some count is past 10,000, so that 万 is seen (观看次数 and 曝光 get there first).
    await expect.poll(async () => (await readTiles(page)).some((t) => t.kind === 'count' && (t.value ?? 0) >= 10_000), { timeout: 60_000 }).toBe(true);
    const zh = await readTiles(page);
    expectTiles(zh, 'zh-CN', 1);
    expect(zh.some((t) => /^\d+\.\d万$/.test(t.text))).toBe(true);
    // People are whole: 进场人数/分钟 is an average, never a fraction of a person.
    expect(zh.find((t) => t.metric === 'entriesPerMinute')!.text).toMatch(/^[\d,]+$|万$/);
    await page.screenshot({ path: `${ARTIFACTS}numbers-zh-CN.png`, fullPage: true });

    await openSettings(page);
    await page.getByTestId('settings-wan-decimals').selectOption('2');
    await openLive(page);
    await expect.poll(async () => (await readTiles(page)).some((t) => /^\d+\.\d\d万$/.test(t.text)), { timeout: 10_000 }).toBe(true);
    expectTiles(await readTiles(page), 'zh-CN', 2);

    await openSettings(page);
    await page.getByTestId('settings-wan-decimals').selectOption('1');
    await page.getByTestId('settings-language').selectOption('en');
    await openLive(page);
    await expect.poll(async () => (await readTiles(page)).some((t) => /^\d+\.\dK$/.test(t.text)), { timeout: 10_000 }).toBe(true);
    expectTiles(await readTiles(page), 'en', 1);
    await page.screenshot({ path: `${ARTIFACTS}numbers-en.png`, fullPage: true });
    await page.close();
  }, 150_000);
});
