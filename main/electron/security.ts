/**
 * Electron security in one place (ARCHITECTURE.md, "Security"): the
 * renderer is treated as a web page that must never reach Node, the network
 * at large, or another origin. Everything here is plain logic over small
 * structural types, so it is unit-tested under plain Node with fake objects;
 * `electron` is imported for types only.
 */
import { isAbsolute, resolve, sep } from 'node:path';
import type { WebPreferences } from 'electron';

export const APP_SCHEME = 'app';
export const APP_HOST = 'livecue';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/**
 * Privileges for `protocol.registerSchemesAsPrivileged`: a standard, secure origin, like https.
 * corsEnabled: vite marks the built module script and stylesheet `crossorigin`, so they load in CORS mode.
 */
export const APP_SCHEME_PRIVILEGES = { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } as const;

/** The flags no window may run without. */
const HARD_FLAGS = {
  sandbox: true,
  contextIsolation: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  experimentalFeatures: false,
  navigateOnDragDrop: false,
  spellcheck: false,
  safeDialogs: true,
} as const satisfies WebPreferences;

/** Options a caller may add; the hard flags and the preload are not among them. */
export type ExtraWebPreferences = Omit<WebPreferences, keyof typeof HARD_FLAGS | 'preload' | 'enableBlinkFeatures' | 'additionalArguments'>;

export function secureWebPreferences(preload: string, extra: ExtraWebPreferences = {}): WebPreferences {
  const preferences: WebPreferences = { ...extra, ...HARD_FLAGS, preload };
  assertSecureWebPreferences(preferences);
  return preferences;
}

/**
 * The hidden window that prints the recap's report: every hard flag, no
 * preload (the page talks to nothing), and a session of its own, so it
 * shares no storage or permissions with the app's windows.
 */
export const PRINT_WEB_PREFERENCES: WebPreferences = { ...HARD_FLAGS, partition: 'livecue-print' };

/** Throws unless every hard flag holds: a window with a weakened renderer is never created. */
export function assertSecureWebPreferences(preferences: WebPreferences): void {
  const wrong = Object.entries(HARD_FLAGS)
    .filter(([key, value]) => preferences[key as keyof WebPreferences] !== value)
    .map(([key, value]) => `${key} must be ${String(value)}`);
  if (preferences.enableBlinkFeatures) wrong.push('enableBlinkFeatures must not be set');
  if (preferences.additionalArguments?.length) wrong.push('additionalArguments must not be set');
  if (!preferences.preload || !isAbsolute(preferences.preload)) wrong.push('preload must be an absolute path');
  if (wrong.length > 0) throw new Error(`insecure webPreferences: ${wrong.join(', ')}`);
}

function parse(url: string | null | undefined): URL | null {
  if (typeof url !== 'string') return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True for app://livecue/… and nothing else (no user, password or port tricks). */
export function isAppUrl(url: string | null | undefined): boolean {
  const parsed = parse(url);
  return (
    parsed !== null &&
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/** An IPC message is served only when the frame that sent it shows our own app:// page. */
export const isTrustedSender = (frameUrl: string | null | undefined): boolean => isAppUrl(frameUrl);

/** Links the app lets the system browser open: https only, never file:, javascript: or custom schemes. */
export function externalLink(url: string): string | null {
  const parsed = parse(url);
  return parsed !== null && parsed.protocol === 'https:' && parsed.username === '' && parsed.password === '' ? parsed.href : null;
}

export interface PreventableEvent {
  preventDefault(): void;
}
export interface NavigationEvent extends PreventableEvent {
  readonly url: string;
}

/** The parts of a WebContents the guards wire; Electron's WebContents fits it. */
export interface GuardedContents {
  on(event: 'will-navigate', listener: (event: NavigationEvent) => void): unknown;
  on(event: 'will-frame-navigate', listener: (event: NavigationEvent) => void): unknown;
  on(event: 'will-redirect', listener: (event: NavigationEvent) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

/**
 * Navigation stays inside app://livecue (any frame, redirects included),
 * `window.open` never opens a window (an https link goes to the system
 * browser instead), and `<webview>` is never attached.
 */
export function guardNavigation(contents: GuardedContents, openExternal: (url: string) => void): void {
  const stayInApp = (event: NavigationEvent): void => {
    if (!isAppUrl(event.url)) event.preventDefault();
  };
  contents.on('will-navigate', stayInApp);
  contents.on('will-frame-navigate', stayInApp);
  contents.on('will-redirect', stayInApp);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    const link = externalLink(url);
    if (link) openExternal(link);
    return { action: 'deny' };
  });
}

/** The parts of a Session the permission guard wires; Electron's Session fits it. */
export interface GuardedSession {
  setPermissionRequestHandler(handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
  setPermissionCheckHandler(handler: (contents: unknown, permission: string) => boolean): void;
  setDevicePermissionHandler(handler: (details: unknown) => boolean): void;
}

/** The app needs no camera, microphone, notifications, clipboard reads, devices or anything else a page may ask for. */
export function denyAllPermissions(session: GuardedSession): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

/**
 * Maps an app:// URL to a file under `rootDir`, or null when it must not be
 * served: another origin, a malformed escape, a NUL, or a path that leaves
 * the root after decoding. A path whose last segment has no extension is a
 * page of the single-page UI (/, /overlay) and gets index.html.
 */
export function resolveAppPath(url: string, rootDir: string): string | null {
  if (!isAppUrl(url)) return null;
  const pathname = (parse(url) as URL).pathname;
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const last = decoded.split('/').pop() ?? '';
  const relative = last.includes('.') ? decoded : '/index.html';
  const root = resolve(rootDir);
  const file = resolve(root, `.${relative}`);
  return file.startsWith(root + sep) ? file : null;
}
