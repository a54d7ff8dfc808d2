/**
 * The built renderer (vite's output) as files a browser may fetch: the app
 * shell for the UI's own paths, the assets beside it, nothing outside the
 * folder and nothing the folder does not hold.
 */
import { existsSync, realpathSync, statSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Paths the renderer draws itself (it picks its view from location.pathname): each gets the app shell. */
export const APP_PATHS: ReadonlySet<string> = new Set(['/', '/overlay', '/obs/card']);


/** dist/renderer of this package, found from this file in the sources (main/server) and in the build (dist/main/server) alike. */
export function defaultRendererDir(): string {
  let folder = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(folder, 'package.json'))) {
    const parent = dirname(folder);
    if (parent === folder) throw new Error(`no package.json above ${fileURLToPath(import.meta.url)}`);
    folder = parent;
  }
  return join(folder, 'dist', 'renderer');
}

export type RendererLookup = { kind: 'file'; file: string } | { kind: 'not-built' } | { kind: 'not-found' };

/**
 * The file that answers `pathname` (already normalised by URL parsing), or
 * why there is none. Percent-escapes are decoded here, once, and anything
 * that could leave the folder after decoding is refused before the disk is
 * asked: a `..` segment, a backslash, a NUL. Hidden files (vite's .vite/
 * manifest) are not served, and a symlink must stay inside the folder too.
 */
export function findRendererFile(rendererDir: string, pathname: string): RendererLookup {
  const root = resolve(rendererDir);
  const shell = join(root, 'index.html');
  if (!existsSync(shell)) return { kind: 'not-built' };
  if (APP_PATHS.has(pathname)) return { kind: 'file', file: shell };

  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return { kind: 'not-found' };
  }
  const segments = decoded.split('/').slice(1);
  const unsafe = segments.some((segment) => segment === '' || segment.startsWith('.') || /[\\\0]/.test(segment));
  if (unsafe) return { kind: 'not-found' };

  const file = resolve(root, ...segments);
  if (!file.startsWith(root + sep)) return { kind: 'not-found' };
  try {
    if (!statSync(file).isFile() || !realpathSync(file).startsWith(realpathSync(root) + sep)) return { kind: 'not-found' };
  } catch {
    return { kind: 'not-found' };
  }
  return { kind: 'file', file };
}
