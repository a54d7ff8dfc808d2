/**
 * Real parts for browser tests: `livecue serve` as a child process on a
 * gateway the test controls, and Debian's Chromium driven by playwright-core.
 * `useUi` is the set-up every UI test file shares.
 */
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, beforeAll, vi } from 'vitest';
import type { Language } from '../../shared/api/settings.js';
import { spawnCli, tempDir } from '../helpers.js';

export const CHROMIUM = process.env.LIVECUE_CHROMIUM ?? '/usr/bin/chromium';
export const ARTIFACTS = new URL('../../test-artifacts/', import.meta.url).pathname;
const RENDERER_INDEX = new URL('../../dist/renderer/index.html', import.meta.url).pathname;

/** Fails with what to do, rather than a timeout, when a prerequisite is missing. */
export function requireBrowserParts(): void {
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: install it (apt-get install chromium; .ci/run does)`);
  if (!existsSync(RENDERER_INDEX)) throw new Error('the renderer is not built: run npm run build');
  mkdirSync(ARTIFACTS, { recursive: true });
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export interface ServeProcess {
  /** Origin, e.g. http://127.0.0.1:43121 */
  base: string;
  token: string;
  child: ChildProcess;
  output(): string;
  stop(): Promise<void>;
}

/** Starts `livecue serve` with `args` and waits for the address it prints. */
export async function startServe(args: string[], token: string): Promise<ServeProcess> {
  const child = spawnCli(['serve', '--port', '0', '--access-token', token, ...args]);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`livecue serve did not start:\n${output}`)), 30_000);
    const look = () => {
      const match = /LIVECUE_URL=(\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout?.on('data', look);
    child.once('exit', (code) => reject(new Error(`livecue serve exited (${code}):\n${output}`)));
  });
  return {
    base: new URL(url).origin,
    token,
    child,
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** The console's page size in the tests: a laptop screen. */
export const DESKTOP = { width: 1440, height: 900 };

/** What a UI test file works with; each part is there from its `beforeAll` on. */
export interface Ui {
  readonly browser: Browser;
  /** The file's scratch folder, removed after its tests. */
  readonly tmp: ReturnType<typeof tempDir>;
  /** The access token the host is started with. */
  readonly token: string;
  /** The host started last; an error when none runs. */
  readonly serve: ServeProcess;
  /** Starts `livecue serve` with `args` and the file's token, stopping the one before. */
  startServe(args: string[]): Promise<ServeProcess>;
  stopServe(): Promise<void>;
  /** A page of the host with the token in its address: `/` the console, `/overlay`, `/obs/card`. */
  url(path?: string): string;
  /** A new page (its own browser context) opened at `path` on the host, 1440×900 unless `options` say otherwise. */
  open(path?: string, options?: BrowserContextOptions): Promise<Page>;
}

/**
 * The set-up every UI test file shares, as hooks of the file: the browser
 * parts checked, Chromium launched and, with `demo`, `livecue serve --demo`
 * at 10× on a database of the file's own. After the file's tests the host
 * stops, Chromium closes and the scratch folder goes.
 */
/**
 * A browser test waits on a real room (up to a minute for one to end); on a
 * loaded two-core machine the suite's 30 s per test cuts such waits short.
 */
const UI_TEST_TIMEOUT_MS = 150_000;

export function useUi(name: string, options: { demo?: boolean } = {}): Ui {
  vi.setConfig({ testTimeout: UI_TEST_TIMEOUT_MS, hookTimeout: 60_000 });
  const tmp = tempDir(`livecue-ui-${name}-`);
  const token = `ui-${name}-access-token-0123456789abcdef`;
  let browser: Browser | undefined;
  let serve: ServeProcess | null = null;
  const ui: Ui = {
    get browser() {
      if (!browser) throw new Error('Chromium is launched in beforeAll');
      return browser;
    },
    tmp,
    token,
    get serve() {
      if (!serve) throw new Error('livecue serve is not running');
      return serve;
    },
    async startServe(args) {
      await ui.stopServe();
      serve = await startServe(args, token);
      return serve;
    },
    async stopServe() {
      const running = serve;
      serve = null;
      await running?.stop();
    },
    url: (path = '/') => `${ui.serve.base}${path}?token=${token}`,
    async open(path = '/', contextOptions = {}) {
      const page = await ui.browser.newPage({ viewport: DESKTOP, ...contextOptions });
      await page.goto(ui.url(path));
      return page;
    },
  };
  beforeAll(async () => {
    requireBrowserParts();
    browser = await launchChromium();
    if (options.demo) await ui.startServe(['--demo', '--speed', '10', '--db', tmp.file(`${name}.db`)]);
  });
  afterAll(async () => {
    await ui.stopServe();
    await browser?.close();
    tmp.remove();
  });
  return ui;
}

/** Chooses the UI's language in 设置, then goes back to the screen whose button `back` names. */
export async function setLanguage(page: Page, language: Language, back: RegExp): Promise<void> {
  const nav = page.getByRole('navigation', { name: 'LiveCue' });
  await nav.getByRole('button', { name: /^(设置|Settings)$/ }).click();
  await page.getByTestId('settings-language').selectOption(language);
  await nav.getByRole('button', { name: back }).click();
}
