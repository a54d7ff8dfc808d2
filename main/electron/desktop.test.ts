/**
 * The desktop wiring (desktop.ts) against a stand-in for the electron
 * module, under plain Node: no Electron binary is needed, and the real
 * `electron` package (a download shim outside Electron) is never loaded.
 * It checks what can be checked without Chromium: the windows' options, the
 * core's start, the IPC relay, state pushed to windows, settings applied to
 * the overlay and the hotkeys, and a clean quit.
 */
import type { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { defaultSettings, type SettingsView } from '../../shared/api/settings.js';
import type { FromCore, ToCore } from './core-protocol.js';

const fake = await vi.hoisted(async () => {
  // vi.hoisted runs before the imports: what it needs, it imports itself.
  const { EventEmitter: Emitter } = await import('node:events');
  let nextId = 1;
  class FakeWebContents extends Emitter {
    readonly id = nextId++;
    readonly sent: [string, unknown][] = [];
    send(channel: string, payload: unknown): void {
      this.sent.push([channel, payload]);
    }
  }
  class FakeWindow extends Emitter {
    static readonly all: FakeWindow[] = [];
    readonly webContents = new FakeWebContents();
    readonly calls: string[] = [];
    url = '';
    visible = false;
    constructor(readonly options: Record<string, unknown>) {
      super();
      FakeWindow.all.push(this);
    }
    loadURL(url: string): Promise<void> {
      this.url = url;
      return Promise.resolve();
    }
    setAlwaysOnTop(flag: boolean, level: string): void {
      this.calls.push(`alwaysOnTop ${flag} ${level}`);
    }
    setVisibleOnAllWorkspaces(): void {}
    setOpacity(opacity: number): void {
      this.calls.push(`opacity ${opacity}`);
    }
    setIgnoreMouseEvents(ignore: boolean): void {
      this.calls.push(`ignoreMouse ${ignore}`);
    }
    isVisible(): boolean {
      return this.visible;
    }
    showInactive(): void {
      this.visible = true;
      this.calls.push('showInactive');
    }
    show(): void {
      this.visible = true;
    }
    hide(): void {
      this.visible = false;
      this.calls.push('hide');
    }
    isDestroyed = () => false;
    isMinimized = () => false;
    isFullScreen = () => false;
    isMaximized = () => false;
    getNormalBounds = () => ({ x: 0, y: 0, width: 400, height: 600 });
  }
  class FakeUtilityProcess extends Emitter {
    readonly received: ToCoreLike[] = [];
    constructor(readonly modulePath: string) {
      super();
    }
    postMessage(message: ToCoreLike): void {
      this.received.push(message);
    }
    kill(): boolean {
      return true;
    }
  }
  type ToCoreLike = { type: string; [key: string]: unknown };
  const display = { id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 } };
  const state = {
    userData: '',
    forks: [] as FakeUtilityProcess[],
    ipcHandlers: new Map<string, (...args: unknown[]) => unknown>(),
    shortcuts: new Map<string, () => void>(),
    protocols: new Map<string, unknown>(),
    quits: 0,
  };
  const app = Object.assign(new Emitter(), {
    isPackaged: false,
    getPath: () => state.userData,
    setAppUserModelId: () => {},
    quit: () => void state.quits++,
    exit: () => {},
  });
  const electron = {
    app,
    BrowserWindow: FakeWindow,
    screen: { getAllDisplays: () => [display], getPrimaryDisplay: () => display, getDisplayMatching: () => display },
    globalShortcut: {
      register: (accelerator: string, callback: () => void) => (state.shortcuts.set(accelerator, callback), true),
      unregister: (accelerator: string) => void state.shortcuts.delete(accelerator),
      unregisterAll: () => state.shortcuts.clear(),
    },
    ipcMain: { handle: (channel: string, handler: (...args: unknown[]) => unknown) => state.ipcHandlers.set(channel, handler) },
    Menu: { buildFromTemplate: (template: unknown) => template, setApplicationMenu: () => {} },
    Notification: Object.assign(class {}, { isSupported: () => false }),
    protocol: { handle: (scheme: string, handler: unknown) => state.protocols.set(scheme, handler) },
    safeStorage: {
      isEncryptionAvailable: () => true,
      getSelectedStorageBackend: () => 'gnome_libsecret',
      encryptString: (text: string) => Buffer.from(text).reverse(),
      decryptString: (data: Buffer) => Buffer.from(data).reverse().toString(),
    },
    session: {
      defaultSession: { setPermissionRequestHandler: () => {}, setPermissionCheckHandler: () => {}, setDevicePermissionHandler: () => {} },
    },
    shell: { openExternal: async () => {} },
    utilityProcess: {
      fork: (modulePath: string) => {
        const child = new FakeUtilityProcess(modulePath);
        state.forks.push(child);
        return child;
      },
    },
  };
  return { electron, state, FakeWindow };
});

vi.mock('electron', () => fake.electron);

const { startDesktop } = await import('./desktop.js');

const view = (overrides: Partial<SettingsView> = {}): SettingsView => ({
  ...defaultSettings,
  hasGatewayToken: false,
  hasRewriterKey: false,
  tokenStorage: 'os-keychain',
  dataFolder: fake.state.userData,
  ...overrides,
});
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('desktop host wiring', () => {
  let child: EventEmitter & { received: ToCore[]; modulePath: string };
  const windows = () => ({ console: fake.FakeWindow.all[0]!, overlay: fake.FakeWindow.all[1]! });
  const fromCore = (message: FromCore) => child.emit('message', message);

  beforeAll(async () => {
    fake.state.userData = mkdtempSync(join(tmpdir(), 'livecue-desktop-'));
    await startDesktop();
    child = fake.state.forks[0] as unknown as typeof child;
    child.emit('spawn');
  });
  afterAll(() => rmSync(fake.state.userData, { recursive: true, force: true }));

  it('opens the console and the overlay with the locked-down preferences', () => {
    const { console: main, overlay } = windows();
    expect(fake.FakeWindow.all).toHaveLength(2);
    for (const window of [main, overlay]) {
      expect(window.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, webviewTag: false });
      expect(String((window.options.webPreferences as { preload: string }).preload)).toMatch(/preload\.cjs$/);
    }
    expect(main.url).toBe('app://livecue/');
    expect(overlay.url).toBe('app://livecue/overlay');
    expect(overlay.options).toMatchObject({ frame: false, alwaysOnTop: true, skipTaskbar: true, resizable: true, show: false, width: 420, height: 640 });
    expect(overlay.calls).toContain('alwaysOnTop true screen-saver');
    expect(fake.state.protocols.has('app')).toBe(true);
  });

  it('starts the core in a utility process with the data folder', () => {
    expect(child.modulePath).toMatch(/core-process\.js$/);
    expect(child.received[0]).toEqual({ type: 'start', dataFolder: fake.state.userData, token: null, rewriterKey: null, tokenStorage: 'os-keychain' });
  });

  it('applies the settings once the core is ready: overlay shown with its opacity, hotkeys registered', () => {
    fromCore({ type: 'ready', settings: view() });
    const { overlay } = windows();
    expect(overlay.calls).toEqual(expect.arrayContaining(['opacity 0.92', 'ignoreMouse false', 'showInactive']));
    expect(fake.state.shortcuts.size).toBe(16);
  });

  it('relays requests from our page only', async () => {
    const handler = fake.state.ipcHandlers.get('livecue:request')!;
    const { console: main } = windows();
    const pending = handler({ sender: { id: main.webContents.id }, senderFrame: { url: 'app://livecue/' } }, 'getSettings', {}) as Promise<unknown>;
    await flush();
    const request = child.received.at(-1) as Extract<ToCore, { type: 'request' }>;
    expect(request).toMatchObject({ type: 'request', name: 'getSettings', payload: {} });
    fromCore({ type: 'reply', id: request.id, reply: { ok: true, value: view() } });
    expect(await pending).toMatchObject({ ok: true });

    const refused = await handler({ sender: { id: 999 }, senderFrame: { url: 'app://livecue/' } }, 'getSettings', {});
    expect(refused).toMatchObject({ ok: false, error: { code: 'bad_request' } });
  });

  it('pushes state to both windows, and a full snapshot to a window that (re)loads', () => {
    const { console: main, overlay } = windows();
    const snapshot = { now: 1, products: [{ id: 'p-1' }] };
    fromCore({ type: 'state', update: { kind: 'snapshot', snapshot } as never });
    expect(main.webContents.sent.at(-1)).toEqual(['livecue:state', { kind: 'snapshot', snapshot }]);
    expect(overlay.webContents.sent.at(-1)).toEqual(['livecue:state', { kind: 'snapshot', snapshot }]);
    fromCore({ type: 'state', update: { kind: 'patch', patch: { now: 2 } } });
    main.webContents.emit('did-finish-load');
    expect(main.webContents.sent.at(-1)).toEqual(['livecue:state', { kind: 'snapshot', snapshot: { ...snapshot, now: 2 } }]);
  });

  it('turns hotkeys into requests, and the overlay follows changed settings', () => {
    fake.state.shortcuts.get('CommandOrControl+Alt+1')?.();
    expect(child.received.at(-1)).toMatchObject({ name: 'command', payload: { name: 'pinProduct', input: { productId: 'p-1' } } });
    fake.state.shortcuts.get('CommandOrControl+Alt+T')?.();
    expect(child.received.at(-1)).toMatchObject({ name: 'updateSettings', payload: { overlay: { clickThrough: true } } });
    fromCore({ type: 'settings', settings: view({ overlay: { opacity: 0.5, clickThrough: true, visible: false } }) });
    expect(windows().overlay.calls.slice(-3)).toEqual(['opacity 0.5', 'ignoreMouse true', 'hide']);
  });

  it('re-registers the hotkeys when they change', () => {
    fromCore({ type: 'settings', settings: view({ hotkeys: { ...defaultSettings.hotkeys, markMoment: 'CommandOrControl+Shift+M' } }) });
    expect(fake.state.shortcuts.has('CommandOrControl+Shift+M')).toBe(true);
    expect(fake.state.shortcuts.has('CommandOrControl+Alt+M')).toBe(false);
  });

  it('hides the overlay instead of closing it', () => {
    let prevented = false;
    windows().overlay.emit('close', { preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
    expect(child.received.at(-1)).toMatchObject({ name: 'updateSettings', payload: { overlay: { visible: false } } });
  });

  it('quits after the core has stopped', async () => {
    let prevented = false;
    fake.electron.app.emit('before-quit', { preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
    expect(child.received.at(-1)).toEqual({ type: 'stop' });
    expect(fake.state.shortcuts.size).toBe(0);
    expect(fake.state.quits).toBe(0);
    fromCore({ type: 'stopped' });
    await flush();
    expect(fake.state.quits).toBe(1);
  });
});
