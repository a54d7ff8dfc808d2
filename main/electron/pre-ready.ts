/**
 * What Electron needs before `ready`. main.ts imports this module first:
 * an ES-module entry's own body may run after `ready`, its imports' side
 * effects do not (Electron's ESM notes).
 */
import { resolve } from 'node:path';
import { app, protocol } from 'electron';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES } from './security.js';

// Tests and portable set-ups keep every file elsewhere. Set before the single-instance lock, which is per data folder.
const dataFolder = process.env.LIVECUE_DATA_DIR;
if (dataFolder) app.setPath('userData', resolve(dataFolder));
/** The user named the data folder: it is theirs, and its mode stays as they set it (desktop.ts). */
export const dataFolderChosenByUser = Boolean(dataFolder);

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);
