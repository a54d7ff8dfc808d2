/**
 * Electron end to end, with Playwright's Electron support: the built app
 * starts, its console window opens on app://livecue, the preload bridge is
 * there, Node is not, and the page can neither navigate away nor open
 * windows. It needs a real Electron binary; where there is none (the
 * electron package downloads it on first run, which needs the network) the
 * suite is skipped and says why — never faked.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * The binary the electron package would run, or why there is none. Reads
 * what `require('electron')` reads (path.txt, dist/), without requiring it:
 * requiring it with no binary starts a download.
 */
function electronBinary(): { path: string } | { skip: string } {
  let packageDir: string;
  try {
    packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return { skip: 'the electron package is not installed' };
  }
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) {
    return { skip: `no Electron binary (${pathFile} is absent: the electron package downloads its binary on first run, on a machine that can reach it)` };
  }
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(packageDir, 'dist');
  const binary = join(distDir, readFileSync(pathFile, 'utf8').trim());
  if (!existsSync(binary)) return { skip: `no Electron binary (${binary} is missing)` };
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return { skip: 'no display to open windows on (run under xvfb-run)' };
  }
  return { path: binary };
}

const binary = electronBinary();
if ('skip' in binary) console.warn(`Electron e2e skipped: ${binary.skip}`);

describe.skipIf('skip' in binary)('Electron app', () => {
  let dataDir: string;
  let app: ElectronApplication;
  let page: Page;

  beforeAll(async () => {
    // The app as it ships: compiled main process, bundled preload (and the renderer, once it builds).
    execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'pipe', shell: process.platform === 'win32' });
    dataDir = mkdtempSync(join(tmpdir(), 'livecue-e2e-'));
    app = await _electron.launch({
      executablePath: (binary as { path: string }).path,
      args: [join(root, 'dist', 'main', 'electron', 'main.js')],
      env: { ...process.env, LIVECUE_DATA_DIR: dataDir } as Record<string, string>,
      timeout: 60_000,
    });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  }, 240_000);

  afterAll(async () => {
    await app?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('opens the console on the app:// origin', () => {
    expect(page.url()).toBe('app://livecue/');
  });

  it('gives the page the bridge and nothing of Node', async () => {
    // Expressions as strings: they run in the page, and the test's tsconfig has no DOM types.
    expect(await page.evaluate('typeof window.livecue.request')).toBe('function');
    expect(await page.evaluate('typeof window.livecue.onState')).toBe('function');
    expect(await page.evaluate('window.livecue.transport')).toBe('ipc');
    expect(await page.evaluate('Object.keys(window.livecue).sort().join()')).toBe('onState,request,transport');
    expect(await page.evaluate('typeof require')).toBe('undefined');
    expect(await page.evaluate('typeof process')).toBe('undefined');
  });

  it('answers bridge requests from the page', async () => {
    const reply = (await page.evaluate("window.livecue.request('nope', {})")) as { ok: boolean; error?: { code: string } };
    expect(reply).toMatchObject({ ok: false, error: { code: 'bad_request' } });
  });

  it('refuses to navigate away', async () => {
    const before = page.url();
    await page.evaluate("location.href = 'https://example.com/'; 0");
    await page.waitForTimeout(1_000);
    expect(page.url()).toBe(before);
    expect(await page.evaluate('location.href')).toBe(before);
  });

  it('opens no windows', async () => {
    const windows = app.windows().length;
    // http, not https: an https link would be handed to the system browser.
    expect(await page.evaluate("window.open('http://example.com/') === null")).toBe(true);
    await page.waitForTimeout(500);
    expect(app.windows().length).toBe(windows);
  });
});
