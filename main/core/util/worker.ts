import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * Starts a worker thread from a module given by its `.js` URL (as built into
 * dist/). When the code runs from TypeScript sources (vitest, tsx) the `.js`
 * sibling does not exist, so the `.ts` file is loaded through tsx instead.
 */
export function startWorker(jsUrl: URL, options: WorkerOptions = {}): Worker {
  if (existsSync(fileURLToPath(jsUrl))) return new Worker(jsUrl, options);
  const tsUrl = new URL(jsUrl.href.replace(/\.js$/, '.ts'));
  return new Worker(tsUrl, { ...options, execArgv: [...(options.execArgv ?? []), '--import', 'tsx'] });
}
