/** `livecue serve` as a child process of a benchmark, and Debian's Chromium to look at it. */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env.LIVECUE_CHROMIUM ?? '/usr/bin/chromium';
export const ROOT = new URL('../../../', import.meta.url).pathname;

/** Fails with what to do when Chromium or the built renderer is missing. */
export function requireBuiltUi(): void {
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM} (apt-get install chromium)`);
  if (!existsSync(join(ROOT, 'dist/renderer/index.html'))) throw new Error('the renderer is not built: run npm run build');
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** Starts `livecue serve` with `args` (its database, its source) and waits for the address it prints. */
export async function serve(accessToken: string, args: string[]): Promise<{ base: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [join(ROOT, 'bin/livecue.js'), 'serve', '--port', '0', '--access-token', accessToken, ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /LIVECUE_URL=(\S+)/.exec(output);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`livecue serve exited (${code}): ${output}`)));
  });
  return { base: new URL(url).origin, child };
}

export const stopChild = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
