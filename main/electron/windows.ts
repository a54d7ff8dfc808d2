/**
 * The two windows: the console (the assistant's full UI, a normal window)
 * and the host overlay (frameless, always on top of the streaming software,
 * resizable, off the taskbar). Both load the same renderer from app://; it
 * picks its view from the path. Places are remembered per display
 * (window-state.ts).
 */
import { BrowserWindow, screen, type Rectangle } from 'electron';
import { APP_ORIGIN, secureWebPreferences } from './security.js';
import { loadWindowState, rememberBounds, restoreBounds, saveWindowState, type DefaultPlace, type WindowRole, type WindowState } from './window-state.js';

export interface WindowSetup {
  preload: string;
  /** userData/window-state.json */
  stateFile: string;
  devTools: boolean;
}

const DEFAULTS: Record<WindowRole, DefaultPlace> = {
  console: { width: 1440, height: 900, place: 'center' },
  overlay: { width: 420, height: 640, place: 'top-right' },
};

const URLS: Record<WindowRole, string> = {
  console: `${APP_ORIGIN}/`,
  overlay: `${APP_ORIGIN}/overlay`,
};

/** One state file shared by both windows, written a moment after the last move or resize. */
export class WindowPlaces {
  private state: WindowState;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly file: string) {
    this.state = loadWindowState(file);
  }

  initialBounds(role: WindowRole): Rectangle {
    return restoreBounds(this.state[role], screen.getAllDisplays(), screen.getPrimaryDisplay(), DEFAULTS[role]);
  }

  wasMaximized(role: WindowRole): boolean {
    return this.state[role]?.maximized === true;
  }

  track(role: WindowRole, window: BrowserWindow): void {
    const remember = (): void => {
      if (window.isDestroyed() || window.isMinimized() || window.isFullScreen()) return;
      const bounds = window.getNormalBounds();
      this.state = rememberBounds(this.state, role, bounds, screen.getDisplayMatching(bounds), window.isMaximized());
      this.saveSoon();
    };
    window.on('moved', remember);
    window.on('resized', remember);
    window.on('maximize', remember);
    window.on('unmaximize', remember);
    window.on('close', () => {
      remember();
      this.flush();
    });
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    try {
      saveWindowState(this.file, this.state);
    } catch (error) {
      console.warn(`window places not saved: ${(error as Error).message}`);
    }
  }

  private saveSoon(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), 500);
  }
}

export function createConsoleWindow(setup: WindowSetup, places: WindowPlaces, title: string): BrowserWindow {
  const window = new BrowserWindow({
    ...places.initialBounds('console'),
    minWidth: 960,
    minHeight: 600,
    title,
    show: false,
    backgroundColor: '#0f1115',
    webPreferences: secureWebPreferences(setup.preload, { devTools: setup.devTools }),
  });
  places.track('console', window);
  window.once('ready-to-show', () => {
    if (places.wasMaximized('console')) window.maximize();
    window.show();
  });
  void window.loadURL(URLS.console);
  return window;
}

export function createOverlayWindow(setup: WindowSetup, places: WindowPlaces, title: string): BrowserWindow {
  const window = new BrowserWindow({
    ...places.initialBounds('overlay'),
    minWidth: 240,
    minHeight: 160,
    title,
    frame: false,
    resizable: true,
    alwaysOnTop: true,
    skipTaskbar: true,
    minimizable: false,
    maximizable: false,
    fullscreenable: false,
    hasShadow: false,
    // Shown by the overlay settings once the core has reported them.
    show: false,
    // Dark like the overlay's own background, so no white flash before the first paint.
    backgroundColor: '#000000',
    webPreferences: secureWebPreferences(setup.preload, { devTools: setup.devTools, backgroundThrottling: false }),
  });
  // Above full-screen streaming software too: the 'screen-saver' level and every workspace (macOS).
  window.setAlwaysOnTop(true, 'screen-saver');
  window.setVisibleOnAllWorkspaces(true, { visibleOnFullScreen: true });
  places.track('overlay', window);
  void window.loadURL(URLS.overlay);
  return window;
}
