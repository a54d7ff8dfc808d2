/**
 * The preload of every window: exposes one object, `window.livecue` (the
 * typed Bridge), and nothing else — no ipcRenderer, no Node. A sandboxed
 * preload cannot load ES modules or local files, so build/preload.mjs
 * bundles this file into one CommonJS file, dist/main/electron/preload.cjs.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { createIpcBridge } from './preload-bridge.js';

contextBridge.exposeInMainWorld('livecue', createIpcBridge(ipcRenderer));
