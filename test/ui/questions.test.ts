/**
 * Buyers' questions as the live team meets them, in Debian's Chromium on the
 * web host: a scripted room where six viewers ask one suitability question in
 * many wordings, two ask the price and one posts a lure. The console groups
 * them (按问题), one click answers a whole group and 待回复 drops by exactly
 * its size; the lure is no question; emoji codes show as emoji; the overlay
 * leads with the question itself in large type.
 */
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveEvent } from '../../shared/protocol/index.js';
import { startSimulator, type RunningSimulator } from '../../main/simulator/index.js';
import { ARTIFACTS, useUi } from './harness.js';

const GATEWAY_TOKEN = 'gateway-secret';
const T = 1_700_000_000_000;
const END_SECONDS = 900;

type EventDraft = LiveEvent extends infer E ? (E extends LiveEvent ? Omit<E, 'seq' | 'ts'> : never) : never;

function recording(): LiveEvent[] {
  const events: LiveEvent[] = [];
  const at = (seconds: number, event: EventDraft) => events.push({ seq: 0, ts: T + seconds * 1000, ...event } as LiveEvent);
  const user = (id: string) => ({ id, name: `观众${id}` });
  at(0, { type: 'stream.status', status: 'live' });
  at(1, { type: 'card.shown', productId: 'sk-niacinamide-serum' });
  // The newest wording is shown first among the group's examples: it carries an emoji code.
  const wordings = ['哺乳期能用吗', '哺乳期可以用吗？', '喂奶期间能用不', '哺乳期的宝妈能用吗', '哺乳期能不能用', '哺乳期能用吗宝宝[哭惹R]'];
  wordings.forEach((text, i) => at(5 + i, { type: 'comment', id: `nursing-${i}`, user: user(`n${i}`), text }));
  at(12, { type: 'comment', id: 'price-1', user: user('p1'), text: '这个多少钱' });
  at(13, { type: 'comment', id: 'price-2', user: user('p2'), text: '多少钱呀' });
  at(14, { type: 'comment', id: 'lure-1', user: user('spam'), text: '点我头像有同款便宜货' });
  // Viewers keep coming, so the room stays live long after the questions.
  for (let s = 20; s < END_SECONDS; s += 10) at(s, { type: 'viewer.enter', user: user(`v${s}`) });
  return events.map((event, i) => ({ ...event, seq: i + 1 }));
}

const ui = useUi('questions');
let simulator: RunningSimulator;

beforeAll(async () => {
  const file = ui.tmp.file('questions.jsonl');
  writeFileSync(file, recording().map((e) => JSON.stringify(e)).join('\n'));
  simulator = await startSimulator({ token: GATEWAY_TOKEN, replayFile: file, speed: 10 });
  await ui.startServe(['--gateway', simulator.url, '--room', simulator.room, '--token', GATEWAY_TOKEN, '--db', ui.tmp.file('live.db')]);
});
afterAll(async () => {
  await ui.stopServe();
  await simulator?.close();
});

describe('questions at the rate they come', () => {
  it('groups them by product and intent, answers a group in one click, and the overlay leads with the question', async () => {
    const page = await ui.open();
    const unanswered = async () => Number((await page.getByTestId('comment-filter-unanswered').innerText()).replace(/\D/g, ''));
    await expect.poll(unanswered, { timeout: 30_000 }).toBe(8);

    await page.getByTestId('comment-filter-groups').click();
    const groups = page.getByTestId('question-group');
    await expect.poll(() => groups.count()).toBe(2);
    const nursing = groups.first();
    expect(await nursing.getAttribute('data-count')).toBe('6');
    expect(await nursing.getAttribute('data-intent')).toBe('suitability');
    // Emoji codes read as emoji; the lure is no question at all.
    expect(await nursing.innerText()).toContain('😭');
    expect(await page.getByTestId('question-groups').innerText()).not.toContain('头像');

    await nursing.getByTestId('question-group-answer').click();
    await expect.poll(unanswered).toBe(2);
    await expect.poll(() => groups.count()).toBe(1);
    expect(await groups.first().getAttribute('data-intent')).toBe('price');
    await page.screenshot({ path: `${ARTIFACTS}question-groups-zh-CN.png` });

    // A minute on, the price questions wait. The host waves away the other talking points (D) until the overlay
    // leads with the question itself, large; a recording has no cart, so there is no price to answer it with.
    const overlay = await ui.open('/overlay', { viewport: { width: 420, height: 760 } });
    const question = overlay.getByTestId('overlay-question');
    const top = overlay.getByTestId('talking-point').first();
    for (let tries = 0; tries < 60 && (await question.count()) === 0; tries++) {
      if ((await top.count()) > 0 && (await top.getAttribute('data-kind')) !== 'answer') await overlay.keyboard.press('d');
      await overlay.waitForTimeout(500);
    }
    expect(await question.innerText()).toMatch(/^「(这个多少钱|多少钱呀)」$/);
    expect(await top.innerText()).toMatch(/2 人问 · 最早等了 \d+ 秒/);
    expect(await overlay.getByTestId('overlay-answer').innerText()).toBe('商品库里还没有这个问题的回答');
    // Runs in the page: the test's own types have no DOM, so the page's getComputedStyle is reached through globalThis.
    type PageWindow = { getComputedStyle(node: unknown): { fontSize: string } };
    const fontSize = (selector: string) => overlay.locator(selector).first().evaluate((node) => Number.parseFloat((globalThis as unknown as PageWindow).getComputedStyle(node).fontSize));
    expect(await fontSize('[data-testid="overlay-question"]')).toBeGreaterThanOrEqual(32);
    for (const figure of ['.overlay__online-value', '.overlay__rate-value', '.overlay__gmv-value']) expect(await fontSize(figure)).toBeGreaterThanOrEqual(28);
    await overlay.screenshot({ path: `${ARTIFACTS}overlay-question.png` });
    await overlay.close();
    await page.close();
  }, 120_000);
});
