/**
 * Real parts for browser tests: `livecue serve` as a child process on a
 * gateway the test controls, and Debian's Chromium driven by playwright-core.
 */
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { spawnCli } from '../helpers.js';

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
