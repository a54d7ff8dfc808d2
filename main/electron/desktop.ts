/**
 * The desktop host, wired once the app is ready: the app:// protocol, the
 * security guards, the core in a utility process, the IPC relay, the two
 * windows, global hotkeys and the menu. Decisions live in the Electron-free
 * modules beside this one; this file only connects them to Electron.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  app,
  dialog,
  globalShortcut,
  ipcMain,
  Menu,
  Notification,
  protocol,
  safeStorage,
  session,
  shell,
  utilityProcess,
  type BrowserWindow,
} from 'electron';
import { BRIDGE_CHANNELS, type StateUpdate } from '../../shared/api/bridge.js';
import { CORE_PROCESS_ENV } from '../core/api/core-process-env.js';
import { prepareDataFolder } from '../core/store/file-permissions.js';
import { chosenDataFolder } from './data-folder.js';
import type { SettingsView } from '../../shared/api/settings.js';
import { serveAppRequest } from './app-protocol.js';
import { startCoreClient, type CoreProcess } from './core-client.js';
import type { FromCore, ToCore } from './core-protocol.js';
import { dueReminder, reminderText } from '../../shared/plan/reminders.js';
import { describeFailure, hotkeyFailureNotice, hotkeyRequest, registerHotkeys, type HotkeyAction, type HotkeyRegistration } from './hotkeys.js';
import { bridgeRequestHandler } from './ipc.js';
import { dataRequests, isDataRequest } from './data-dialogs.js';
import { appMenuTemplate } from './menu.js';
import { applyOverlaySettings } from './overlay.js';
import { printHtmlToPdf } from './print-pdf.js';
import { APP_SCHEME, denyAllPermissions, guardNavigation } from './security.js';
import { gatewayTokenStore, REWRITER_KEY, vaultSecretStore } from './token-vault.js';
import { createConsoleWindow, createOverlayWindow, WindowPlaces } from './windows.js';

// Built layout: dist/main/electron/{main,core-process}.js, preload.cjs, and the renderer in dist/renderer.
const here = dirname(fileURLToPath(import.meta.url));
const PATHS = {
  renderer: join(here, '..', '..', 'renderer'),
  preload: join(here, 'preload.cjs'),
  core: join(here, 'core-process.js'),
};

const warn = (message: string): void => console.warn(`[livecue] ${message}`);

function forkCore(): CoreProcess {
  const child = utilityProcess.fork(PATHS.core, [], { serviceName: 'LiveCue core', stdio: 'inherit', env: { ...process.env, ...CORE_PROCESS_ENV } });
  // Messages wait for the process to be up rather than rely on Electron queueing them.
  let spawned = false;
  const queue: ToCore[] = [];
  child.once('spawn', () => {
    spawned = true;
    for (const message of queue.splice(0)) child.postMessage(message);
  });
  return {
    post: (message) => (spawned ? child.postMessage(message) : queue.push(message)),
    onMessage: (listener) => child.on('message', (message: FromCore) => listener(message)),
    onExit: (listener) => child.on('exit', listener),
    kill: () => void child.kill(),
  };
}

export async function startDesktop(): Promise<void> {
  const userData = app.getPath('userData');
  // LiveCue's own folder (database, settings, keys): only the user may list or read it; a folder the user named keeps its mode.
  prepareDataFolder(userData, { chosenByUser: chosenDataFolder !== null });
  if (process.platform === 'win32') app.setAppUserModelId('app.livecue.desktop');

  denyAllPermissions(session.defaultSession);
  app.on('web-contents-created', (_event, contents) => guardNavigation(contents, (url) => void shell.openExternal(url)));
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(request, PATHS.renderer));

  const core = startCoreClient({
    spawn: forkCore,
    dataFolder: userData,
    secrets: gatewayTokenStore(userData, safeStorage, warn),
    rewriterKey: vaultSecretStore(REWRITER_KEY, userData, safeStorage, warn),
    onWarning: warn,
    printPdf: printHtmlToPdf,
  });

  const setup = { preload: PATHS.preload, stateFile: join(userData, 'window-state.json'), devTools: !app.isPackaged };
  const places = new WindowPlaces(setup.stateFile);
  const consoleWindow = createConsoleWindow(setup, places, 'LiveCue');
  const overlayWindow = createOverlayWindow(setup, places, 'LiveCue Overlay');
  const windows = [consoleWindow, overlayWindow];

  const answerDataRequest = dataRequests((options) => dialog.showOpenDialog(consoleWindow, options), (op) => core.data(op));
  ipcMain.handle(
    BRIDGE_CHANNELS.request,
    bridgeRequestHandler({
      request: (name, payload) => (isDataRequest(name) ? answerDataRequest(name, payload) : core.request(name, payload)),
      isAppWindow: (id) => windows.some((window) => !window.isDestroyed() && window.webContents.id === id),
      onRefused: warn,
    }),
  );

  const send = (window: BrowserWindow, update: StateUpdate): void => {
    if (!window.isDestroyed()) window.webContents.send(BRIDGE_CHANNELS.state, update);
  };
  core.onState((update) => windows.forEach((window) => send(window, update)));
  for (const window of windows) {
    // A (re)loaded page starts from a full snapshot; patches sent before it loaded had no base.
    window.webContents.on('did-finish-load', () => {
      const snapshot = core.snapshot();
      if (snapshot) send(window, { kind: 'snapshot', snapshot });
    });
    window.webContents.on('render-process-gone', (_event, details) => {
      warn(`a window's renderer is gone (${details.reason})`);
      if (details.reason !== 'clean-exit' && !window.isDestroyed()) window.reload();
    });
  }

  let settings: SettingsView | null = null;
  let hotkeys: HotkeyRegistration | null = null;

  // The next plan's reminders (T-24 h, T-2 h, T-15 min) as system notifications, each once per run of the app.
  const reminded = new Set<string>();
  const remindTimer = setInterval(() => {
    const view = core.snapshot()?.plan;
    if (!view || view.sessionStartedAt !== null || view.plan.scheduledStart === null || !Notification.isSupported()) return;
    const due = dueReminder(view.plan.scheduledStart, Date.now());
    if (due === null || reminded.has(`${view.plan.id}:${due}`)) return;
    reminded.add(`${view.plan.id}:${due}`);
    new Notification({ title: 'LiveCue', body: reminderText(view.plan.title, view.plan.scheduledStart, Date.now(), view.readiness, settings?.language ?? 'zh-CN') }).show();
  }, 30_000);
  app.once('will-quit', () => clearInterval(remindTimer));

  const runAction = (action: HotkeyAction): void => {
    if (!settings) return;
    const request = hotkeyRequest(action, core.snapshot(), settings);
    if (!request) return warn(`hotkey: no product in slot ${action.kind === 'pinProduct' ? action.slot : '?'}`);
    void core.request(request.name, request.payload).then((reply) => {
      if (!reply.ok) warn(`hotkey ${action.kind}: ${reply.error.message}`);
    });
  };

  const showConsole = (): void => {
    if (consoleWindow.isMinimized()) consoleWindow.restore();
    consoleWindow.show();
    consoleWindow.focus();
  };

  const applySettings = (next: SettingsView): void => {
    const previous = settings;
    settings = next;
    applyOverlaySettings(overlayWindow, next.overlay);
    if (previous && previous.language === next.language && JSON.stringify(previous.hotkeys) === JSON.stringify(next.hotkeys)) return;
    hotkeys?.dispose();
    hotkeys = registerHotkeys(globalShortcut, next.hotkeys, runAction);
    for (const failure of hotkeys.failed) warn(describeFailure(failure));
    if (hotkeys.failed.length > 0 && Notification.isSupported()) {
      new Notification({ title: 'LiveCue', body: hotkeyFailureNotice(next.language, hotkeys.failed) }).show();
    }
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        appMenuTemplate(next.language, next.hotkeys, {
          showConsole,
          toggleOverlay: () => runAction({ kind: 'toggleOverlay' }),
          toggleClickThrough: () => runAction({ kind: 'toggleClickThrough' }),
          markMoment: () => runAction({ kind: 'markMoment' }),
        }),
      ),
    );
  };
  core.onSettings(applySettings);

  let quitting = false;
  // The overlay has no close button; closing it another way (Alt+F4) hides it, as the hotkey does.
  overlayWindow.on('close', (event) => {
    if (quitting) return;
    event.preventDefault();
    overlayWindow.hide();
    void core.request('updateSettings', { overlay: { visible: false } });
  });
  consoleWindow.on('closed', () => app.quit());
  app.on('second-instance', showConsole);
  app.on('before-quit', (event) => {
    if (quitting) return;
    // Quit once the core has closed its database cleanly (bounded by the client's stop timeout).
    quitting = true;
    event.preventDefault();
    hotkeys?.dispose();
    places.flush();
    void core.stop().finally(() => app.quit());
  });
  app.on('will-quit', () => globalShortcut.unregisterAll());
}
