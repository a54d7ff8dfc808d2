/**
 * `npm run screenshots`: the README's two pictures, taken from the real web
 * host so they stay true when the UI changes. `livecue serve --demo` on a
 * fresh database (so the settings are the defaults: zh-CN), Debian's
 * Chromium through playwright-core; the console at 1440×900 and the host
 * overlay at the size it is laid out for (420×640), each shot once the demo
 * room shows live figures and talking points. Needs a build (`npm run
 * build`; the npm script does it). Not part of `npm test`.
 *
 *   npm run screenshots            → docs/screenshots/console.png, overlay.png
 *   tsx test/ui/screenshots.ts --out DIR
 */
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { tempDir } from '../helpers.js';
import { DESKTOP, launchChromium, requireBrowserParts, startServe } from './harness.js';

const outAt = process.argv.indexOf('--out');
const OUT = outAt > 0 ? process.argv[outAt + 1]! : new URL('../../docs/screenshots/', import.meta.url).pathname;
const ACCESS = 'screenshots-access-token-0123456789';
/** The demo room played fast enough that figures, comments and talking points build up in a few seconds. */
const SPEED = '10';
/** Live-room time to let pass before the shot, so the charts and lists are not almost empty. */
const SETTLE_MS = 15_000;

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Live figures: the banner says live and every headline figure has a value. */
async function figuresShown(page: Page): Promise<boolean> {
  const state = await page.locator('[data-testid="connection-banner"]').evaluateAll((nodes) => nodes[0]?.getAttribute('data-state') ?? null);
  const values = await page.locator('[data-testid="headline-figures"] [data-testid^="metric-"]').evaluateAll((tiles) => tiles.map((tile) => tile.getAttribute('data-value') ?? ''));
  return state === 'live' && values.length > 0 && values.every((value) => value !== '');
}

async function main(): Promise<void> {
  requireBrowserParts();
  mkdirSync(OUT, { recursive: true });
  const tmp = tempDir('livecue-screenshots-');
  const serve = await startServe(['--demo', '--speed', SPEED, '--db', tmp.file('livecue.db')], ACCESS);
  const browser = await launchChromium();
  try {
    const console_ = await browser.newContext({ viewport: DESKTOP, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' }).then((c) => c.newPage());
    await console_.goto(`${serve.base}/?token=${ACCESS}`);
    await until('the console to show live figures', () => figuresShown(console_));
    await until('the console to list talking points', async () => (await console_.locator('[data-testid="talking-points"] [data-testid^="suggestion-used-"]').count()) > 0);
    await console_.waitForTimeout(SETTLE_MS);
    await until('talking points after settling', async () => (await console_.locator('[data-testid="talking-points"] [data-testid^="suggestion-used-"]').count()) > 0);
    await console_.screenshot({ path: `${OUT}console.png` });

    const overlay = await browser.newContext({ viewport: { width: 420, height: 640 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' }).then((c) => c.newPage());
    await overlay.goto(`${serve.base}/overlay?token=${ACCESS}`);
    await until('the overlay to show a talking point', async () => (await overlay.locator('[data-testid="talking-point"]').count()) > 0);
    // Fonts and the first figures settle within a frame or two.
    await overlay.waitForTimeout(1_000);
    await overlay.screenshot({ path: `${OUT}overlay.png` });
    process.stdout.write(`screenshots written: ${OUT}console.png, ${OUT}overlay.png\n`);
  } finally {
    await browser.close();
    await serve.stop();
    tmp.remove();
  }
}

main().catch((error: unknown) => {
  console.error('screenshots failed:', error);
  process.exitCode = 1;
});
