/**
 * English that fits: in Debian's Chromium with the demo room, the live console
 * in English at 1440×900 cuts no label — no tile, tab or button holds more
 * text than it shows (scrollWidth over clientWidth), which is what cut
 * "cumulative viewe…" and ran the Purchases tab off its panel.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers.js';
import { ARTIFACTS, launchChromium, requireBrowserParts, startServe, type ServeProcess } from './harness.js';

const tmp = tempDir('livecue-ui-english-');
const ACCESS = 'ui-english-access-token-0123456789abcdef';
let browser: Browser;
let serve: ServeProcess;

beforeAll(async () => {
  requireBrowserParts();
  browser = await launchChromium();
  serve = await startServe(['--demo', '--speed', '10', '--db', tmp.file('english.db')], ACCESS);
});
afterAll(async () => {
  await serve?.stop();
  await browser?.close();
  tmp.remove();
});

describe('the live console in English', () => {
  it('cuts no tile label, tab or button', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(`${serve.base}/?token=${ACCESS}`);
    const nav = page.getByRole('navigation', { name: 'LiveCue' });
    await nav.getByRole('button', { name: /^(设置|Settings)$/ }).click();
    await page.getByTestId('settings-language').selectOption('en');
    await nav.getByRole('button', { name: /^Live$/ }).click();
    await page.getByTestId('comment-filter-purchases').waitFor();
    // Every figure, the folded ones too.
    const allMetrics = page.getByRole('button', { name: /all figures/i });
    if ((await allMetrics.count()) > 0) await allMetrics.first().click();
    await page.waitForTimeout(1_000);
    const cut = await page
      .locator('.tile, .tile *, [role="tab"], button, .panel__title')
      .evaluateAll((nodes) =>
        nodes
          .filter((node) => node.scrollWidth > node.clientWidth + 1 && node.clientWidth > 0)
          .map((node) => `${node.tagName.toLowerCase()}.${node.className}: ${(node.textContent ?? '').trim().slice(0, 40)}`),
      );
    await page.screenshot({ path: `${ARTIFACTS}console-en-1440.png`, fullPage: true });
    expect(cut).toEqual([]);
  }, 90_000);
});
