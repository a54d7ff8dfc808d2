/**
 * Electron entry ("main" in package.json): one instance per data folder,
 * then the desktop host. Everything it does is in desktop.ts.
 */
import './pre-ready.js';
import { app } from 'electron';
import { startDesktop } from './desktop.js';

if (!app.requestSingleInstanceLock()) {
  // Another LiveCue owns this data folder; it focuses its console on 'second-instance'.
  app.quit();
} else {
  app
    .whenReady()
    .then(startDesktop)
    .catch((error: unknown) => {
      console.error('LiveCue could not start:', error);
      app.exit(1);
    });
}
