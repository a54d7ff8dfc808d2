// Bundles main/electron/preload.ts into ONE CommonJS file, as a sandboxed
// preload must be: it cannot load ES modules or local files, only
// require('electron'). `npm run build:preload`; an optional argument
// overrides the output file (the tests build into a temporary folder).
//
// esbuild comes with vite and tsx; it is not a direct dependency.
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outfile = process.argv[2] ?? `${root}dist/main/electron/preload.cjs`;

let esbuild;
try {
  esbuild = await import('esbuild');
} catch {
  console.error('build:preload needs esbuild (installed with vite and tsx): run npm ci');
  process.exit(1);
}

await esbuild.build({
  entryPoints: [`${root}main/electron/preload.ts`],
  outfile,
  bundle: true,
  format: 'cjs',
  // A browser page with a few Node-like globals: importing a Node built-in here fails the build, as it would fail at run time.
  platform: 'browser',
  external: ['electron'],
  target: 'es2023',
  sourcemap: false,
  logLevel: 'warning',
});
