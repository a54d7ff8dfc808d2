/**
 * English that fits: in Debian's Chromium with the demo room, the live console
 * in English at 1440×900 cuts no label — no tile, tab or button holds more
 * text than it shows (scrollWidth over clientWidth), which is what cut
 * "cumulative viewe…" and ran the Purchases tab off its panel.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, setLanguage, useUi } from './harness.js';

const ui = useUi('english', { demo: true });
let page: Page;

describe('the live console in English', () => {
  it('cuts no tile label, tab or button', async () => {
    page = await ui.open();
    await setLanguage(page, 'en', /^Live$/);
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

  it('writes the co-pilot’s own reasons in English; only titles, quotes and the merchant’s lines stay as written', async () => {
    const reasons = page.getByTestId('talking-points').locator('.talking-point__reason');
    await expect.poll(() => reasons.count(), { timeout: 60_000 }).toBeGreaterThan(0);
    const texts = await reasons.allTextContents();
    for (const text of texts) {
      expect(text, text).toMatch(/[A-Za-z]{3,}/);
      // The Chinese templates' own words (讲解中, 位观众问, 秒未回答, 近 5 分钟…) never reach an English reader.
      expect(text, text).not.toMatch(/讲解中|观众问|未回答|分钟|进场|成交|在线从/);
    }
  }, 90_000);
});
