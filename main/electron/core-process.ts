/**
 * Entry of the utility process the main process forks (utilityProcess.fork):
 * the core's ingest, SQLite writer thread and simulator run here, off the
 * main process, so a busy live room never stalls windows or hotkeys.
 */
import type { ParentPort } from 'electron';
import type { FromCore, ToCore } from './core-protocol.js';
import { serveCore } from './core-host.js';

// Electron gives a utility process `process.parentPort`; the type comes from electron's globals.
const parent: ParentPort = process.parentPort;

serveCore(
  {
    post: (message: FromCore) => parent.postMessage(message),
    onMessage: (listener) => parent.on('message', (event: { data: ToCore }) => listener(event.data)),
  },
  () => process.exit(0),
);
