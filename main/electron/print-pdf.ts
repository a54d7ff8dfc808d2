/**
 * Electron's printToPDF for the recap's report: the page (our own HTML,
 * every text escaped, uPlot inlined, no network) is loaded from a temporary
 * file into a hidden, sandboxed window of its own session, printed, and the
 * window and file are gone again.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BrowserWindow } from 'electron';
import { PRINT_WEB_PREFERENCES } from './security.js';

/** uPlot draws on load; a short wait lets the last chart reach the canvas before printing. */
const SETTLE_MS = 300;

export async function printHtmlToPdf(html: string): Promise<Buffer> {
  const folder = mkdtempSync(join(tmpdir(), 'livecue-print-'));
  const window = new BrowserWindow({ show: false, webPreferences: PRINT_WEB_PREFERENCES });
  try {
    const page = join(folder, 'recap.html');
    writeFileSync(page, html);
    await window.loadFile(page);
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    return await window.webContents.printToPDF({ printBackground: true, pageSize: 'A4' });
  } finally {
    window.destroy();
    rmSync(folder, { recursive: true, force: true });
  }
}
