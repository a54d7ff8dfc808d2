/**
 * What Electron needs before `ready`. main.ts imports this module first:
 * an ES-module entry's own body may run after `ready`, its imports' side
 * effects do not (Electron's ESM notes).
 */
import { app, protocol } from 'electron';
import { chosenDataFolder } from './data-folder.js';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES } from './security.js';

// Set before the single-instance lock, which is per data folder.
if (chosenDataFolder !== null) app.setPath('userData', chosenDataFolder);

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);
