// better-sqlite3 is a native module: built for either Node's ABI (the CLI, the
// web host, the tests) or Electron's (the desktop app), never both at once.
// These helpers switch it when needed and remember which build is in place.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const marker = new URL('../node_modules/.livecue-sqlite-abi', import.meta.url);
const require = createRequire(import.meta.url);

const current = () => (existsSync(marker) ? readFileSync(marker, 'utf8').trim() : 'node');

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed`);
}

/** Loads under this Node, or rebuilds for it (after the desktop app switched it to Electron). */
export function ensureNodeBuild() {
  try {
    const Database = require('better-sqlite3');
    new Database(':memory:').close();
    if (current() !== 'node') writeFileSync(marker, 'node');
  } catch (error) {
    console.warn(`livecue: rebuilding better-sqlite3 for Node (${error.message.split('\n')[0]})`);
    run('npm', ['rebuild', 'better-sqlite3']);
    writeFileSync(marker, 'node');
  }
}

/** Rebuilds for Electron's ABI unless that build is already in place (needs the network the first time). */
export function ensureElectronBuild(electronVersion) {
  const wanted = `electron-${electronVersion}`;
  if (current() === wanted) return;
  console.warn(`livecue: building better-sqlite3 for Electron ${electronVersion} (npm test switches it back)`);
  run('npx', ['electron-builder', 'install-app-deps']);
  writeFileSync(marker, wanted);
}

if (process.argv[2] === 'node') ensureNodeBuild();
