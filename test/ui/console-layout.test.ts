/**
 * The live console's layout in Debian's Chromium on the web host with the demo
 * room at 10×: products first. At 1440×900 every product's pin button is on
 * the first screen under the six headline figures (the rest folded under
 * 全部指标, the headline chosen in 设置), with 已开播 HH:MM:SS by the room's
 * clock. On a phone (390×844) and a tablet (768×1024) the page is as wide as
 * the screen, each pin button is visible, at least 44 px tall and clickable
 * without horizontal scrolling; on the phone the page is one column (products,
 * then the questions, then the figures) and a tap pins a product. Screenshots
 * console-1440.png, console-tablet-768.png, console-phone-390.png.
 */
import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { defaultHeadlineMetrics } from '../../shared/api/settings.js';
import { metricKeys } from '../../shared/metrics/index.js';
import { scenarios } from '../../main/simulator/index.js';
import { ARTIFACTS, DESKTOP, useUi } from './harness.js';

const PRODUCTS = scenarios.skincare.products;
const ui = useUi('layout', { demo: true });

/** The live console with the demo room's products listed. */
async function openConsole(options: BrowserContextOptions): Promise<Page> {
  const page = await ui.open('/', options);
  await expect.poll(() => page.getByTestId('connection-banner').getAttribute('data-state'), { timeout: 30_000 }).toBe('live');
  await expect.poll(() => page.locator('[data-testid^="pin-"]').count(), { timeout: 30_000 }).toBe(PRODUCTS.length);
  return page;
}

// Evaluated in the page (as text: these tests compile without the DOM's types).
const viewport = (page: Page) =>
  page.evaluate<{ width: number; height: number; scrollWidth: number }>('({ width: innerWidth, height: innerHeight, scrollWidth: document.documentElement.scrollWidth })');

/** Each product's pin button, brought into view as a finger would scroll to it: inside the screen, ≥ 44 px tall, nothing over it. */
async function expectPinButtonsUsable(page: Page): Promise<void> {
  const screen = await viewport(page);
  expect(screen.scrollWidth, 'no horizontal scrolling').toBeLessThanOrEqual(screen.width);
  for (const product of PRODUCTS) {
    const button = page.getByTestId(`pin-${product.id}`);
    await button.scrollIntoViewIfNeeded();
    const box = (await button.boundingBox())!;
    expect(box, product.id).not.toBeNull();
    expect(box.x, product.id).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width, product.id).toBeLessThanOrEqual(screen.width);
    expect(box.y, product.id).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height, product.id).toBeLessThanOrEqual(screen.height);
    expect(box.height, product.id).toBeGreaterThanOrEqual(44);
    // Playwright's actionability checks: visible, stable, enabled and the one to receive the click at its centre.
    await button.click({ trial: true, timeout: 5_000 });
  }
  expect((await viewport(page)).scrollWidth).toBeLessThanOrEqual(screen.width);
}

const testIdsIn = (page: Page, container: string) =>
  page.getByTestId(container).locator('[data-testid^="metric-"]').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-testid')!.slice('metric-'.length)));

const top = async (page: Page, selector: string) => (await page.locator(selector).first().boundingBox())!.y;

describe('the live console, products first', () => {
  it('at 1440×900: every pin button on the first screen, six headline figures, the rest under 全部指标, and 已开播 by the room’s clock', async () => {
    const page = await openConsole({ viewport: DESKTOP });
    expect(await page.locator('meta[name="viewport"]').getAttribute('content')).toBe('width=device-width, initial-scale=1');

    // No scrolling at all: neither the page nor the console's column has moved.
    expect(await page.evaluate("[scrollY, document.querySelector('.dashboard__main').scrollTop]")).toEqual([0, 0]);
    for (const product of PRODUCTS) {
      const box = (await page.getByTestId(`pin-${product.id}`).boundingBox())!;
      expect(box.y + box.height, product.id).toBeLessThanOrEqual(900);
      expect(box.x + box.width, product.id).toBeLessThanOrEqual(1440);
      await page.getByTestId(`pin-${product.id}`).click({ trial: true, timeout: 5_000 });
    }
    // The funnel is not cut off either.
    const funnel = (await page.locator('.funnel').boundingBox())!;
    expect(funnel.y + funnel.height).toBeLessThanOrEqual(900);

    expect(await testIdsIn(page, 'headline-figures')).toEqual(defaultHeadlineMetrics);
    expect(await page.getByTestId('all-metrics').count()).toBe(0);
    await page.getByTestId('all-metrics-toggle').click();
    expect(await testIdsIn(page, 'all-metrics')).toEqual(metricKeys.filter((key) => !defaultHeadlineMetrics.includes(key)));

    // Time on air, HH:MM:SS from the session's start by the room's clock. The demo stamps its events in real
    // time (10× is ten times the traffic, not a faster clock), so it runs a second a second: three seconds on.
    const onAir = page.getByTestId('time-on-air');
    expect(await onAir.textContent()).toMatch(/^已开播 \d{2}:\d{2}:\d{2}$/);
    const first = Number(await onAir.getAttribute('data-ms'));
    await expect.poll(async () => Number(await onAir.getAttribute('data-ms')) - first, { timeout: 30_000 }).toBeGreaterThanOrEqual(3_000);
    await page.screenshot({ path: `${ARTIFACTS}console-1440.png` });

    // The user chooses the headline in 设置: 客单价 out, 累计观看人数 in (at the end); it moves out of 全部指标.
    const nav = page.getByRole('navigation', { name: 'LiveCue' });
    await nav.getByRole('button', { name: '设置', exact: true }).click();
    await page.getByTestId('settings-headline-aov').uncheck();
    await expect.poll(() => page.getByTestId('settings-headline-count').textContent()).toBe('已选 5 / 8 项');
    await page.getByTestId('settings-headline-uv').check();
    await expect.poll(() => page.getByTestId('settings-headline-count').textContent()).toBe('已选 6 / 8 项');
    await nav.getByRole('button', { name: '直播', exact: true }).click();
    await expect.poll(() => testIdsIn(page, 'headline-figures')).toEqual(['onlineViewers', 'gmv', 'buyers', 'viewerConversion', 'clickBuyRate', 'uv']);
    await page.getByTestId('all-metrics-toggle').click();
    expect(await testIdsIn(page, 'all-metrics')).toContain('aov');
    expect(await testIdsIn(page, 'all-metrics')).not.toContain('uv');
    await page.context().close();
  });

  it('at 768×1024 (a tablet): as wide as the screen, every pin button visible, ≥ 44 px and clickable', async () => {
    const page = await openConsole({ viewport: { width: 768, height: 1024 }, hasTouch: true });
    await page.screenshot({ path: `${ARTIFACTS}console-tablet-768.png` });
    await expectPinButtonsUsable(page);
    await page.context().close();
  });

  it('at 390×844 (a phone): one column — products, then the questions, then the figures — and a tap pins a product', async () => {
    const page = await openConsole({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 });
    // The page is laid out at the phone's width, not shrunk from a desktop one.
    expect(await viewport(page)).toEqual({ width: 390, height: 844, scrollWidth: 390 });
    const products = await top(page, '.products');
    const questions = await top(page, '.comments');
    const figures = await top(page, '[data-testid="headline-figures"]');
    expect(products).toBeLessThan(questions);
    expect(questions).toBeLessThan(figures);
    // The first product's pin button is on the first screen.
    const firstPin = (await page.getByTestId(`pin-${PRODUCTS[0]!.id}`).boundingBox())!;
    expect(firstPin.y + firstPin.height).toBeLessThanOrEqual(844);
    await page.screenshot({ path: `${ARTIFACTS}console-phone-390.png` });

    await expectPinButtonsUsable(page);

    // Pin by touch: a product the room is not showing, then the card on air is that product and its row says so.
    const onAirNow = await page.getByTestId('on-air').getAttribute('data-product-id');
    const target = PRODUCTS.slice(1).find((product) => product.id !== onAirNow)!;
    await page.getByTestId(`pin-${target.id}`).tap();
    await expect.poll(() => page.getByTestId('on-air').getAttribute('data-product-id'), { timeout: 10_000 }).toBe(target.id);
    await expect.poll(() => page.getByTestId(`product-${target.id}`).getAttribute('aria-current'), { timeout: 10_000 }).toBe('true');
    await page.getByTestId('on-air').scrollIntoViewIfNeeded();
    expect((await viewport(page)).scrollWidth).toBeLessThanOrEqual(390);
    await page.screenshot({ path: `${ARTIFACTS}console-phone-390-pinned.png` });
    await page.context().close();
  });
});
