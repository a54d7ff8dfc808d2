/**
 * HTML to PDF with a headless Chromium, for the web host and the CLI (the
 * desktop app prints with Electron's own printToPDF instead). Chromium is
 * found where the system keeps it, or at LIVECUE_CHROMIUM; without one the
 * export fails with a message that says what to install — never a
 * half-written file.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export class PdfUnavailableError extends Error {}

export type PdfRenderer = (html: string) => Promise<Buffer>;

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
];

export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  const chosen = env.LIVECUE_CHROMIUM;
  if (chosen) return existsSync(chosen) ? chosen : null;
  return CANDIDATES.find((path) => existsSync(path)) ?? null;
}

const PRINT_TIMEOUT_MS = 60_000;

export const chromiumPdf: PdfRenderer = async (html) => {
  const chromium = findChromium();
  if (!chromium) {
    throw new PdfUnavailableError('a PDF needs Chromium or Chrome: install it (Debian: apt-get install chromium), set LIVECUE_CHROMIUM to its path, or export from the desktop app');
  }
  const folder = mkdtempSync(join(tmpdir(), 'livecue-pdf-'));
  try {
    const page = join(folder, 'recap.html');
    const out = join(folder, 'recap.pdf');
    writeFileSync(page, html);
    const args = [
      '--headless',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-pdf-header-footer',
      // Time for uPlot to draw before the page is printed.
      '--virtual-time-budget=5000',
      `--user-data-dir=${join(folder, 'profile')}`,
      `--print-to-pdf=${out}`,
      // Chromium refuses to start as root with its sandbox (CI, containers).
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      pathToFileURL(page).href,
    ];
    await new Promise<void>((resolve, reject) => {
      const child = spawn(chromium, args, { stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2_000)));
      const timer = setTimeout(() => child.kill('SIGKILL'), PRINT_TIMEOUT_MS);
      child.on('error', (error) => reject(new PdfUnavailableError(`could not start ${chromium}: ${error.message}`)));
      child.on('exit', (code, signal) => {
        clearTimeout(timer);
        if (code === 0 && existsSync(out)) resolve();
        else reject(new Error(`Chromium could not print the recap (${signal ?? `exit ${code}`}): ${stderr.trim().split('\n').at(-1) ?? ''}`));
      });
    });
    const pdf = readFileSync(out);
    if (pdf.subarray(0, 5).toString() !== '%PDF-') throw new Error('Chromium wrote something that is not a PDF');
    return pdf;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
};
