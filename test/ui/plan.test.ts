/**
 * 直播计划 in Debian's Chromium on the web host: a plan made from a shipped
 * template before the room opens (segments reordered by keyboard, checklist
 * items ticked, the score moving), then rehearsed against the demo room at
 * 10×: the overlay's countdown runs, the co-pilot says to prepare the next
 * segment's product, the assistant advances, and the real boundaries are in
 * `livecue recap --json`. Screenshots in zh-CN and English.
 */
import { writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Recap } from '../../shared/api/contract.js';
import { catalogToCsv } from '../../shared/catalog/file-layout.js';
import { scenarios } from '../../main/simulator/index.js';
import { runCli } from '../helpers.js';
import { ARTIFACTS, setLanguage, useUi } from './harness.js';

const HERO = scenarios.skincare.products[0]!;
const ui = useUi('plan');

const segmentIds = (page: Page) => page.getByTestId('plan-segment').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-segment-id')));

describe('the live plan in the console and the overlay', () => {
  it('is made before the stream, then drives a rehearsal of the demo room', async () => {
    const db = ui.tmp.file('livecue.db');
    const csv = ui.tmp.file('catalog.csv');
    writeFileSync(csv, catalogToCsv({ products: scenarios.skincare.products.map((p) => ({ id: p.id, title: p.title, category: 'skincare', price: p.price, coupon: '', sellingPoints: [] })), buyingPoints: [] }));
    expect((await runCli(['catalog', 'import', '--db', db, '--file', csv])).code).toBe(0);

    // Before the stream: the room is not open (nothing listens at the gateway yet).
    await ui.startServe(['--gateway', 'http://127.0.0.1:9', '--room', 'demo-skincare', '--token', 't', '--db', db]);
    const page = await ui.open();
    await page.getByRole('navigation', { name: 'LiveCue' }).getByRole('button', { name: '直播计划' }).click();
    await page.getByText('还没有直播计划').waitFor();
    await page.getByTestId('plan-new').selectOption({ label: '2 小时店播（120 分钟）' });
    await page.getByTestId('plan-editor').waitFor();
    await expect.poll(() => page.getByTestId('plan-segment').count()).toBe(7);

    // Reorder entirely by keyboard: pick the second segment up by its handle, move it down one, drop it.
    const before = await segmentIds(page);
    await page.getByTestId('plan-segment-handle').nth(1).focus();
    // dnd-kit measures the rows between keys, as it would between a person's presses.
    for (const key of ['Space', 'ArrowDown', 'Space']) {
      await page.keyboard.press(key);
      await page.waitForTimeout(250);
    }
    await expect.poll(() => segmentIds(page)).toEqual([before[0], before[2], before[1], ...before.slice(3)]);
    // Alt+↓ on a row's field moves it at once; the rundown is laid out again from the first start.
    await page.getByTestId('plan-segment-duration').first().focus();
    await page.keyboard.press('Alt+ArrowDown');
    await expect.poll(() => segmentIds(page)).toEqual([before[2], before[0], before[1], ...before.slice(3)]);
    await page.keyboard.press('Alt+ArrowUp');
    await expect.poll(() => segmentIds(page)).toEqual([before[0], before[2], before[1], ...before.slice(3)]);
    await expect.poll(() => page.getByTestId('plan-totals').textContent()).toBe('已安排 120 / 120 分钟 · 空档 0 分钟');

    // The line-up: the hero product, and it is the second segment's product.
    await page.getByTestId('plan-add-product').selectOption(HERO.id);
    await page.getByTestId('plan-lineup-item').getByRole('combobox', { name: '角色' }).selectOption('hero');
    await page.getByTestId('plan-segment').nth(1).getByLabel(HERO.title).check();
    // Rehearsed at 10×: a 3-minute warm-up is 18 seconds of the demo room.
    await page.getByTestId('plan-segment-duration').first().fill('3');
    await expect.poll(() => page.getByTestId('plan-problems').first().textContent()).toContain('前面有 7 分钟没有安排');
    await page.getByTestId('plan-save').click();
    await expect.poll(() => page.getByTestId('plan-message').textContent()).toBe('已保存');

    // Ticking a manual item moves the score; automatic items are checked by LiveCue (the cart waits for the room).
    const score = async () => Number(await page.getByTestId('plan-readiness-score').first().textContent());
    const start = await score();
    // The pre-heat notes' figures come from a CSV export of the notes, which ticks the item.
    writeFileSync(ui.tmp.file('notes.csv'), '标题,链接,点赞,收藏\n换季修护,https://xhslink.com/a,1.2万,3400\n敏感肌,https://xhslink.com/b,856,120\n');
    await page.locator('[data-item-id="notes"]').getByTestId('plan-notes-file').setInputFiles(ui.tmp.file('notes.csv'));
    await expect.poll(() => page.locator('[data-item-id="notes"]').getByTestId('plan-check-tick').isChecked()).toBe(true);
    expect(await page.locator('[data-item-id="notes"] .plan__check-value').inputValue()).toBe('2 篇笔记 · 赞 1.3万 · 藏 3,520');
    await page.locator('[data-item-id="devices"]').getByTestId('plan-check-tick').check();
    // Nine critical items (3 points each) and two optional ones: the 真诚经营 check passed (3), two ticks add 6.
    expect(start).toBe(Math.round((3 / 29) * 100));
    await expect.poll(score).toBe(Math.round((9 / 29) * 100));
    await expect.poll(() => page.locator('[data-item-id="cart"]').getAttribute('data-state')).toBe('waiting');
    await expect.poll(() => page.locator('[data-item-id="heroPoints"]').getAttribute('data-state')).toBe('failed');
    await page.getByTestId('plan-use').click();
    await expect.poll(() => page.getByTestId('plan-use').textContent()).toBe('下一场使用中');
    await page.screenshot({ path: `${ARTIFACTS}plan-editor-zh-CN.png`, fullPage: true });

    // The overlay before the stream: what is still open, critical first, the score and the first segment.
    const overlay = await ui.open('/overlay', { viewport: { width: 420, height: 640 } });
    await overlay.getByTestId('overlay-prestream').waitFor();
    await expect.poll(() => overlay.getByTestId('overlay-first-segment').textContent()).toBe('第一个环节：开场暖场（3 分钟）');
    await expect.poll(() => overlay.getByTestId('overlay-open-items').locator('li').first().textContent()).toContain('关键');
    await overlay.screenshot({ path: `${ARTIFACTS}overlay-before-stream-zh-CN.png` });

    await setLanguage(page, 'en', /^Plan$/);
    await page.getByTestId('plan-editor').waitFor();
    await expect.poll(() => page.getByTestId('plan-totals').textContent()).toBe('113 of 120 min planned · 7 min unplanned');
    await page.screenshot({ path: `${ARTIFACTS}plan-editor-en.png`, fullPage: true });
    // The overlay reads the language when it loads.
    await overlay.reload();
    await expect.poll(() => overlay.getByTestId('overlay-first-segment').textContent()).toBe('First segment: 开场暖场 (3 min)');
    await overlay.screenshot({ path: `${ARTIFACTS}overlay-before-stream-en.png` });
    await overlay.close();
    await page.close();
    await ui.stopServe();

    // The rehearsal: the demo room at 10×, the plan's minutes ten times faster, in a database of its own.
    const serve = await ui.startServe(['--demo', '--speed', '10', '--rehearse', '--db', db]);
    const rehearsalDb = /→ (\S+rehearsal-\S+\.db)/.exec(serve.output())?.[1];
    expect(rehearsalDb).toBeDefined();
    const live = await ui.open();
    // Critical items are open as the room goes live: someone confirms, and it is recorded.
    await live.getByTestId('start-confirm').waitFor({ timeout: 60_000 });
    await live.getByTestId('start-confirm-who').fill('Lin');
    await live.getByTestId('start-confirm-go').click();
    await expect.poll(() => live.getByTestId('start-confirm').count()).toBe(0);
    await expect.poll(() => live.getByTestId('rehearsal-badge').textContent()).toBe('Rehearsal 10×');

    const watch = await ui.open('/overlay', { viewport: { width: 420, height: 640 } });
    const countdown = watch.getByTestId('overlay-countdown');
    await countdown.waitFor({ timeout: 30_000 });
    const remaining = async () => Number(await countdown.getAttribute('data-remaining'));
    const first = await remaining();
    await expect.poll(remaining, { timeout: 10_000 }).toBeLessThan(first - 1_000);
    await expect.poll(() => watch.getByTestId('overlay-segment').textContent()).toBe('开场暖场');
    await expect.poll(() => watch.getByTestId('overlay-next').textContent()).toContain(HERO.title);
    await watch.screenshot({ path: `${ARTIFACTS}overlay-segment-en.png` });

    // A minute of the room's clock before the hero segment: prepare its product.
    await expect.poll(() => live.locator('[data-kind="prepareNext"]').first().textContent(), { timeout: 30_000 }).toContain(HERO.title);
    // One click pins the product the cue names.
    await live.locator('[data-kind="prepareNext"]').first().getByRole('button', { name: 'Pin card' }).click();
    await expect.poll(() => watch.getByTestId('on-air').getAttribute('data-product-id'), { timeout: 15_000 }).toBe(HERO.id);
    await live.keyboard.press('n');
    await expect.poll(() => watch.getByTestId('overlay-segment').textContent(), { timeout: 10_000 }).toMatch(/主推讲解/);
    await expect.poll(() => live.locator('[data-testid="plan-progress-segment"][data-state="done"]').count()).toBe(1);
    await live.screenshot({ path: `${ARTIFACTS}plan-live-console-en.png` });

    await setLanguage(live, 'zh-CN', /^直播$/);
    await watch.reload();
    await expect.poll(() => watch.getByTestId('overlay-next').textContent()).toContain('下一环节');
    await watch.screenshot({ path: `${ARTIFACTS}overlay-segment-zh-CN.png` });
    await ui.stopServe();

    const recap = await runCli(['recap', '--db', rehearsalDb!, '--json']);
    const plan = (JSON.parse(recap.stdout) as Recap).plan!;
    expect(plan.title).toBe('2 小时店播');
    expect(plan.overrides.map((o) => o.by)).toEqual(['Lin']);
    const [warmUp, hero] = plan.segments;
    expect(warmUp).toMatchObject({ advancedBy: 'clock', plannedDurationSec: 180 });
    expect(warmUp!.actualEndedAt).not.toBeNull();
    expect(hero).toMatchObject({ advancedBy: 'manual', actualStartedAt: warmUp!.actualEndedAt });
    // Nothing of the rehearsal entered the real store.
    expect((await runCli(['recap', '--db', db, '--json'])).stderr).toContain('holds no session');
  }, 240_000);
});
