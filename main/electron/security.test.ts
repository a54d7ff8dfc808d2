import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../shared/web/content-security-policy.js';
import {
  assertSecureWebPreferences,
  denyAllPermissions,
  externalLink,
  guardNavigation,
  isAppUrl,
  isTrustedSender,
  resolveAppPath,
  secureWebPreferences,
  type GuardedContents,
  type GuardedSession,
  type NavigationEvent,
  type PreventableEvent,
} from './security.js';

const preload = resolve('/opt/livecue/preload.cjs');

describe('webPreferences', () => {
  it('always carry the hard flags', () => {
    const preferences = secureWebPreferences(preload, { devTools: false });
    expect(preferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      preload,
      devTools: false,
    });
  });

  it('cannot be weakened by the extra options', () => {
    // A caller bypassing the types still gets the hard flags: they are applied last.
    const sneaky = { nodeIntegration: true, sandbox: false } as unknown as { devTools: boolean };
    expect(secureWebPreferences(preload, sneaky)).toMatchObject({ nodeIntegration: false, sandbox: true });
  });

  it('are refused when a flag is wrong, blink features are enabled or the preload is relative', () => {
    const good = secureWebPreferences(preload);
    expect(() => assertSecureWebPreferences({ ...good, contextIsolation: false })).toThrow(/contextIsolation must be true/);
    expect(() => assertSecureWebPreferences({ ...good, webviewTag: true })).toThrow(/webviewTag must be false/);
    expect(() => assertSecureWebPreferences({ ...good, enableBlinkFeatures: 'X' })).toThrow(/enableBlinkFeatures/);
    expect(() => assertSecureWebPreferences({ ...good, preload: 'preload.cjs' })).toThrow(/absolute/);
    expect(() => secureWebPreferences('relative/preload.cjs')).toThrow(/absolute/);
  });
});

describe('origins', () => {
  it('trust app://livecue only', () => {
    expect(isTrustedSender('app://livecue/')).toBe(true);
    expect(isTrustedSender('app://livecue/overlay')).toBe(true);
    for (const url of [
      'app://other/',
      'app://livecue:8080/',
      'app://user@livecue/',
      'https://livecue/',
      'file:///index.html',
      'http://127.0.0.1/',
      'about:blank',
      'not a url',
      '',
      null,
      undefined,
    ]) {
      expect(isTrustedSender(url), String(url)).toBe(false);
    }
    // Chromium hands over canonical (lower-case) URLs; anything else is not ours.
    expect(isAppUrl('app://livecue/assets/x.js')).toBe(true);
  });

  it('open only https links outside', () => {
    expect(externalLink('https://example.com/a?b=1')).toBe('https://example.com/a?b=1');
    for (const url of ['http://example.com/', 'file:///etc/passwd', 'javascript:alert(1)', 'app://livecue/', 'smb://host/share', 'https://u:p@example.com/']) {
      expect(externalLink(url), url).toBeNull();
    }
  });

  it('CSP forbids foreign scripts, frames, plugins and base tags', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*unsafe/);
    for (const part of ["default-src 'self'", "connect-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'none'"]) {
      expect(CONTENT_SECURITY_POLICY).toContain(part);
    }
  });
});

class FakeContents implements GuardedContents {
  readonly listeners = new Map<string, (event: never) => void>();
  openHandler: ((details: { url: string }) => { action: 'deny' }) | null = null;
  on(event: string, listener: (event: never) => void): this {
    this.listeners.set(event, listener);
    return this;
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void {
    this.openHandler = handler;
  }
  /** Fires `name` and says whether the guard prevented it. */
  fire(name: string, url = ''): boolean {
    let prevented = false;
    const event: NavigationEvent & PreventableEvent = { url, preventDefault: () => (prevented = true) };
    (this.listeners.get(name) as (event: NavigationEvent) => void)(event);
    return prevented;
  }
}

describe('navigation guard', () => {
  const wired = () => {
    const contents = new FakeContents();
    const opened: string[] = [];
    guardNavigation(contents, (url) => opened.push(url));
    return { contents, opened };
  };

  it('keeps every frame and redirect inside app://livecue', () => {
    const { contents } = wired();
    for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      expect(contents.fire(event, 'https://example.com/'), event).toBe(true);
      expect(contents.fire(event, 'file:///etc/passwd'), event).toBe(true);
      expect(contents.fire(event, 'app://evil/'), event).toBe(true);
      expect(contents.fire(event, 'app://livecue/overlay'), event).toBe(false);
    }
  });

  it('never attaches a webview', () => {
    expect(wired().contents.fire('will-attach-webview')).toBe(true);
  });

  it('denies window.open and hands https links to the system browser', () => {
    const { contents, opened } = wired();
    expect(contents.openHandler?.({ url: 'https://example.com/help' })).toEqual({ action: 'deny' });
    expect(contents.openHandler?.({ url: 'http://example.com/' })).toEqual({ action: 'deny' });
    expect(contents.openHandler?.({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(contents.openHandler?.({ url: 'app://livecue/' })).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://example.com/help']);
  });
});

describe('permissions', () => {
  it('are all denied', () => {
    const granted: boolean[] = [];
    const fake: GuardedSession & { checks: ((c: unknown, p: string) => boolean)[]; devices: ((d: unknown) => boolean)[] } = {
      checks: [],
      devices: [],
      setPermissionRequestHandler(handler) {
        for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal']) handler(null, permission, (ok) => granted.push(ok));
      },
      setPermissionCheckHandler(handler) {
        this.checks.push(handler);
      },
      setDevicePermissionHandler(handler) {
        this.devices.push(handler);
      },
    };
    denyAllPermissions(fake);
    expect(granted).toEqual([false, false, false, false, false]);
    expect(fake.checks[0]?.(null, 'media')).toBe(false);
    expect(fake.devices[0]?.({ deviceType: 'usb' })).toBe(false);
  });
});

describe('resolveAppPath', () => {
  const root = resolve('/srv/livecue/renderer');

  it('maps files under the root and pages to index.html', () => {
    expect(resolveAppPath('app://livecue/', root)).toBe(join(root, 'index.html'));
    expect(resolveAppPath('app://livecue/overlay', root)).toBe(join(root, 'index.html'));
    expect(resolveAppPath('app://livecue/overlay?x=1#top', root)).toBe(join(root, 'index.html'));
    expect(resolveAppPath('app://livecue/assets/index-abc.js', root)).toBe(join(root, 'assets', 'index-abc.js'));
    expect(resolveAppPath('app://livecue/assets/a%20b.css', root)).toBe(join(root, 'assets', 'a b.css'));
  });

  it('never leaves the root', () => {
    for (const url of [
      'app://livecue/../../etc/passwd.txt',
      'app://livecue/%2e%2e/%2e%2e/etc/hosts.txt',
      'app://livecue/assets/..%2F..%2F..%2Fetc%2Fhosts.txt',
      'app://livecue/..%5C..%5Cwindows%5Cwin.ini',
      'app://livecue/a%00.js',
      'app://livecue/%E0%A4%A.js',
    ]) {
      const file = resolveAppPath(url, root);
      expect(file === null || file.startsWith(root), `${url} → ${file}`).toBe(true);
    }
    expect(resolveAppPath('app://livecue/assets/..%2F..%2F..%2Fetc%2Fhosts.txt', root)).toBeNull();
    expect(resolveAppPath('app://livecue/a%00.js', root)).toBeNull();
    expect(resolveAppPath('app://livecue/%E0%A4%A.js', root)).toBeNull();
  });

  it('serves nothing of another origin', () => {
    expect(resolveAppPath('app://other/index.html', root)).toBeNull();
    expect(resolveAppPath('file:///srv/livecue/renderer/index.html', root)).toBeNull();
  });
});

describe('electron-free modules', () => {
  // These modules are unit-tested under plain Node, where `import … from 'electron'` would load the
  // npm package's download shim instead of Electron: they may import electron's types only.
  const withElectron = new Set(['main.ts', 'desktop.ts', 'pre-ready.ts', 'windows.ts', 'preload.ts', 'print-pdf.ts']);
  const folder = fileURLToPath(new URL('.', import.meta.url));

  it('import electron for types only', () => {
    const offenders = readdirSync(folder)
      .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts') && !withElectron.has(name))
      .filter((name) => /^import\s+(?!type\b)[^;]*from\s+'electron(\/[a-z]+)?';/m.test(readFileSync(join(folder, name), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
