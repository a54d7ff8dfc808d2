/**
 * 商品库's import in Debian's Chromium on the web host with the demo room:
 * a one-product file merged keeps the other products and their buying points,
 * a replace names what it deletes and needs a second confirmation, and undo
 * restores the catalog exactly as it was.
 */
import { writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { catalogToCsv } from '../../shared/catalog/file-layout.js';
import { scenarios } from '../../main/simulator/index.js';
import { ARTIFACTS, useUi } from './harness.js';

const ui = useUi('catalog', { demo: true });

/**
 * Clicks a confirming button until `done` shows. The live room may change the catalog between a preview and its
 * confirmation (a cart update): the app then previews again and asks once more, as it must.
 */
async function confirmUntil(page: Page, button: string, done: string): Promise<void> {
  for (let attempt = 0; attempt < 5; attempt++) {
    await page.getByTestId(button).click();
    await Promise.race([page.getByTestId(done).waitFor(), page.getByRole('alert').first().waitFor()]);
    if (await page.getByTestId(done).isVisible()) return;
  }
  throw new Error(`${done} never showed`);
}

async function pick(page: Page, path: string): Promise<void> {
  await page.getByTestId('catalog-import-close').click({ timeout: 1_000 }).catch(() => undefined);
  await page.getByTestId('catalog-file').setInputFiles(path);
  await page.getByTestId('catalog-import-report').waitFor();
}

describe('catalog import in the console', () => {
  it('previews, merges, replaces after a second confirmation, and undoes exactly', async () => {
    const page = await ui.open();
    // The demo room's products join the catalog when its session starts: wait for them on the live console first
    // (商品库 reads the catalog when it opens).
    await expect.poll(() => page.locator('[data-testid^="pin-"]').count(), { timeout: 60_000 }).toBeGreaterThanOrEqual(3);
    const nav = page.getByRole('navigation', { name: 'LiveCue' });
    await expect
      .poll(
        async () => {
          await nav.getByRole('button', { name: '直播', exact: true }).click();
          await nav.getByRole('button', { name: '商品库' }).click();
          await page.getByTestId('catalog').waitFor();
          return page.getByTestId('catalog-product').count();
        },
        { timeout: 20_000 },
      )
      .toBeGreaterThanOrEqual(3);
    const products = await page.getByTestId('catalog-product').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-product-id')!));
    const first = products[0]!;

    // Buying points generated for the first product: the merchant's work a careless import would lose.
    await page.locator(`[data-testid="catalog-product"][data-product-id="${first}"]`).click();
    await page.getByTestId('product-category').selectOption('skincare');
    await page.getByTestId('product-save').click();
    await expect.poll(() => page.getByTestId('product-category').inputValue()).toBe('skincare');
    await page.getByTestId('bp-propose').click();
    await expect.poll(() => page.getByTestId('bp-card').count()).toBeGreaterThan(0);
    const points = await page.getByTestId('bp-card').count();

    // The file changes the merchant's part (category, coupon, selling points); title and price are the live room's.
    const demo = scenarios.skincare.products.find((p) => p.id === first)!;
    const file = ui.tmp.file('one-product.csv');
    writeFileSync(file, catalogToCsv({ products: [{ id: first, title: demo.title, category: 'skincare', price: demo.price, coupon: '满199减30', sellingPoints: ['导入的新卖点'] }], buyingPoints: [] }));

    // Merge (the default): one product changed, nothing removed.
    await pick(page, file);
    await page.getByTestId('catalog-import-preview').waitFor();
    expect(await page.getByTestId('catalog-import-mode-merge').isChecked()).toBe(true);
    expect(await page.locator('[data-testid="changes-products"] [data-count="changed"]').textContent()).toBe('1');
    expect(await page.locator('[data-testid="changes-products"] [data-count="removed"]').textContent()).toBe('0');
    await confirmUntil(page, 'catalog-import-apply', 'catalog-import-undo');
    expect(await page.getByTestId('catalog-product').count()).toBe(products.length);
    await page.locator(`[data-testid="catalog-product"][data-product-id="${first}"]`).click();
    expect(await page.getByTestId('bp-card').count()).toBe(points);
    expect(await page.getByTestId('product-coupon').inputValue()).toBe('满199减30');

    // Replace: names what goes, asks once more.
    await pick(page, file);
    await page.getByTestId('catalog-import-mode-replace').check();
    await expect.poll(() => page.locator('[data-testid="changes-products"] [data-count="removed"]').textContent()).toBe(String(products.length - 1));
    await page.getByTestId('catalog-import-apply').click();
    await page.getByTestId('catalog-replace-confirm').waitFor();
    expect(await page.getByTestId('catalog-product').count()).toBe(products.length);
    expect(await page.getByTestId('catalog-replace-removed').locator('li').count()).toBe(products.length - 1 + points);
    await page.screenshot({ path: `${ARTIFACTS}catalog-replace-confirm.png` });
    await page.getByTestId('catalog-replace-confirm-button').click();
    await Promise.race([page.getByTestId('catalog-import-undo').waitFor(), page.getByRole('alert').first().waitFor()]);
    if (!(await page.getByTestId('catalog-import-undo').isVisible())) {
      await page.getByTestId('catalog-import-apply').click();
      await confirmUntil(page, 'catalog-replace-confirm-button', 'catalog-import-undo');
    }
    // The live room adds its products back as its cart changes (on a slow machine all of them, before this line),
    // but never the buying points: what the replace deleted of the merchant's own work is gone.
    await page.locator(`[data-testid="catalog-product"][data-product-id="${first}"]`).click();
    await expect.poll(() => page.getByTestId('bp-card').count()).toBe(0);

    // Undo: previewed, then the catalog is back as it was, buying points and all.
    await page.getByTestId('catalog-import-undo').click();
    await confirmUntil(page, 'catalog-undo-confirm', 'catalog-undo-changes');
    await expect.poll(() => page.getByTestId('catalog-product').count()).toBe(products.length);
    await page.locator(`[data-testid="catalog-product"][data-product-id="${first}"]`).click();
    expect(await page.getByTestId('bp-card').count()).toBe(points);

    await page.getByTestId('catalog-history-toggle').click();
    await page.getByTestId('catalog-history').waitFor();
    expect(await page.getByTestId('catalog-history-entry').count()).toBe(3);
    expect(await page.locator('[data-testid="catalog-history-entry"][data-undone="true"]').count()).toBe(1);
    await page.screenshot({ path: `${ARTIFACTS}catalog-history.png`, fullPage: true });
    await page.close();
  }, 120_000);
});
