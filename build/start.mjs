// `npm start`: the desktop app on the demo room. Where Electron cannot run —
// no display, or its binary cannot be downloaded (it downloads on first run) —
// the same UI is served by the web host instead, and its address printed.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { ensureElectronBuild, ensureNodeBuild } from './sqlite-abi.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);

function electronBinary() {
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return { why: 'no display (DISPLAY and WAYLAND_DISPLAY are unset)' };
  }
  try {
    // Resolving the package downloads the binary on its first use.
    return { path: require('electron') };
  } catch (error) {
    return { why: `the Electron binary is not available (${error.message.split('\n')[0]})` };
  }
}

function run(command, args) {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

const electron = electronBinary();
if (electron.path) {
  ensureElectronBuild(require('electron/package.json').version);
  run(electron.path, ['.']);
} else {
  console.warn(`livecue: starting the web host, not the desktop app: ${electron.why}`);
  ensureNodeBuild();
  run(process.execPath, ['bin/livecue.js', 'serve', '--demo', ...process.argv.slice(2)]);
}
