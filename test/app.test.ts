/**
 * The app every UI host runs (main/app), on a real data folder: settings
 * that survive a restart or a damaged file, requests refused before they
 * change anything, source switches the state stream follows, and a gateway
 * token that never travels back to a UI.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import type { StateUpdate } from '../shared/api/bridge.js';
import { defaultSettings, type SettingsView } from '../shared/api/settings.js';
import { startApp, type AppOptions, type LiveCueApp } from '../main/app/app.js';
import { LOCAL_CONTEXT } from '../main/app/request-context.js';
import { memorySecretStore, privateFileSecretStore } from '../main/app/secrets.js';
import { tempDir, waitFor } from './helpers.js';

const tmp = tempDir('livecue-app-');
afterAll(() => tmp.remove());

const fastDemo = { kind: 'demo', scenario: 'skincare', speed: 200 } as const;
let folders = 0;
const newFolder = () => tmp.file(`data-${++folders}`);

/** Starts an app and stops it after `use`, whatever happens. */
async function withApp<T>(options: Partial<AppOptions> & { dataFolder: string }, use: (app: LiveCueApp) => Promise<T>): Promise<T> {
  const app = await startApp({ secrets: memorySecretStore(), sourceOverride: fastDemo, ...options });
  try {
    return await use(app);
  } finally {
    await app.stop();
  }
}

const snapshotsOf = (updates: StateUpdate[]) => updates.flatMap((update) => (update.kind === 'snapshot' ? [update.snapshot] : []));

// These tests are the host's own machine (the desktop app's core): settings change with the local context.
describe('settings', () => {
  it('persist across restarts on the same folder; a command-line source is never saved', async () => {
    const dataFolder = newFolder();
    await withApp({ dataFolder }, async (app) => {
      expect(app.settings().language).toBe(defaultSettings.language);
      const reply = await app.handle('updateSettings', { language: 'en' }, LOCAL_CONTEXT);
      expect(reply).toMatchObject({ ok: true, value: { language: 'en', source: fastDemo } });
    });
    await withApp({ dataFolder, sourceOverride: undefined }, async (app) => {
      expect(app.settings().language).toBe('en');
      expect(app.settings().source).toEqual(defaultSettings.source);
    });
  });

  it('a settings file from before the talking-point hotkeys still reads, with their defaults added', async () => {
    const dataFolder = newFolder();
    mkdirSync(dataFolder);
    const { suggestionUsed: _used, suggestionDismissed: _dismissed, ...olderHotkeys } = defaultSettings.hotkeys;
    writeFileSync(`${dataFolder}/settings.json`, JSON.stringify({ ...defaultSettings, language: 'en', hotkeys: { ...olderHotkeys, markMoment: 'Alt+F9' } }));
    const warnings: string[] = [];
    await withApp({ dataFolder, onWarning: (message) => warnings.push(message) }, async (app) => {
      expect(app.settings()).toMatchObject({ language: 'en', hotkeys: { markMoment: 'Alt+F9', suggestionUsed: 'CommandOrControl+Alt+U' } });
    });
    expect(warnings).toEqual([]);
  });

  it('a damaged settings file is set aside with a warning, and the defaults are used', async () => {
    for (const damaged of ['{"language": "en", "source": ', JSON.stringify({ ...defaultSettings, language: 'fr' })]) {
      const dataFolder = newFolder();
      mkdirSync(dataFolder);
      writeFileSync(`${dataFolder}/settings.json`, damaged);
      const warnings: string[] = [];
      await withApp({ dataFolder, onWarning: (message) => warnings.push(message) }, async (app) => {
        const { hasGatewayToken, hasRewriterKey, tokenStorage, dataFolder: shownFolder, ...settings } = app.settings();
        expect({ ...settings, source: defaultSettings.source }).toEqual(defaultSettings);
        expect([hasGatewayToken, hasRewriterKey, tokenStorage, shownFolder]).toEqual([false, false, 'none', dataFolder]);
      });
      expect(warnings).toHaveLength(1);
      const aside = readdirSync(dataFolder).find((name) => name.startsWith('settings.json.unreadable-'));
      expect(aside).toBeDefined();
      expect(warnings[0]).toContain(aside);
      expect(readFileSync(`${dataFolder}/${aside}`, 'utf8')).toBe(damaged);
    }
  });

  it('an update with a bad payload is refused with bad_request and nothing is saved or announced', async () => {
    const dataFolder = newFolder();
    await withApp({ dataFolder }, async (app) => {
      const announced: SettingsView[] = [];
      app.onSettings((view) => announced.push(view));
      const before = app.settings();
      for (const payload of [
        { language: 'fr' },
        { volume: 11 },
        { source: { kind: 'demo', scenario: 'skincare', speed: 5_000 } },
        { source: { kind: 'gateway', url: 'file:///etc/passwd', room: 'r' } },
        { hotkeys: { unpin: 'Ctrl+<script>' } },
        'language=en',
      ]) {
        expect(await app.handle('updateSettings', payload, LOCAL_CONTEXT)).toMatchObject({ ok: false, error: { code: 'bad_request' } });
      }
      expect(app.settings()).toEqual(before);
      expect(announced).toEqual([]);
      expect(existsSync(`${dataFolder}/settings.json`)).toBe(false);
    });
  });
});

describe('the demo room', () => {
  it('fills the catalog with its products in their real categories, which the merchant may then change', async () => {
    await withApp({ dataFolder: newFolder() }, async (app) => {
      const catalog = async () => {
        const reply = await app.handle('getCatalog', {});
        return reply.ok ? (reply.value as { products: { id: string; category: string }[] }).products : [];
      };
      let products = await catalog();
      for (let tries = 0; products.length < 7 && tries < 200; tries++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        products = await catalog();
      }
      expect(products).toHaveLength(7);
      expect(new Set(products.map((p) => p.category))).toEqual(new Set(['skincare']));
    });
  });
});

describe('the state stream across a source switch', () => {
  it('switching the source (a new demo speed) sends every listener a new snapshot of the new source', async () => {
    await withApp({ dataFolder: newFolder() }, async (app) => {
      const updates: StateUpdate[] = [];
      app.onState((update) => updates.push(update));
      expect(snapshotsOf(updates)).toHaveLength(1);
      const firstGateway = snapshotsOf(updates)[0]!.connection.gateway;

      const reply = await app.handle('updateSettings', { source: { kind: 'demo', scenario: 'apparel', speed: 100 } }, LOCAL_CONTEXT);
      expect(reply).toMatchObject({ ok: true, value: { source: { kind: 'demo', scenario: 'apparel', speed: 100 } } });
      const snapshots = snapshotsOf(updates);
      expect(snapshots).toHaveLength(2);
      // A new demo room: a simulator on another port.
      expect(snapshots[1]!.connection.gateway).not.toBe(firstGateway);
      await waitFor(() => updates.at(-1)?.kind === 'patch', 10_000);
    });
  });

  it('saving a gateway token while the demo room runs does not restart the demo', async () => {
    await withApp({ dataFolder: newFolder() }, async (app) => {
      const updates: StateUpdate[] = [];
      app.onState((update) => updates.push(update));
      const reply = await app.handle('updateSettings', { gatewayToken: 'for-later' }, LOCAL_CONTEXT);
      expect(reply).toMatchObject({ ok: true, value: { hasGatewayToken: true, source: fastDemo } });
      expect(snapshotsOf(updates)).toHaveLength(1);
    });
  });

  it('a listener arriving during a switch hears only the new source, once', async () => {
    const dataFolder = newFolder();
    await withApp({ dataFolder }, async (app) => {
      app.onState(() => {});
      const switched = app.handle('updateSettings', { source: { kind: 'demo', scenario: 'apparel', speed: 100 } }, LOCAL_CONTEXT);
      // The settings file is written in the same tick the switch starts; the switch takes far longer than this poll.
      await waitFor(() => existsSync(`${dataFolder}/settings.json`), 5_000, 1);
      const late: StateUpdate[] = [];
      app.onState((update) => late.push(update));
      await switched;
      const now: StateUpdate[] = [];
      app.onState((update) => now.push(update))();
      const newGateway = snapshotsOf(now)[0]!.connection.gateway;

      expect(late[0]!.kind).toBe('snapshot');
      expect(snapshotsOf(late).map((snapshot) => snapshot.connection.gateway)).toEqual([newGateway]);
    });
  });
});

describe('the gateway token', () => {
  const SECRET = 'gateway-secret-4f1c9a';

  it('is never in a SettingsView; hasGatewayToken says whether one is kept, in a file only the user can read', async () => {
    const dataFolder = newFolder();
    const tokenFile = `${dataFolder}-gateway-token`;
    await withApp({ dataFolder, secrets: privateFileSecretStore(tokenFile) }, async (app) => {
      const views: unknown[] = [];
      app.onSettings((view) => views.push(view));
      expect(app.settings()).toMatchObject({ hasGatewayToken: false, tokenStorage: 'private-file' });

      const saved = await app.handle('updateSettings', { gatewayToken: SECRET }, LOCAL_CONTEXT);
      expect(saved).toMatchObject({ ok: true, value: { hasGatewayToken: true } });
      const fetched = await app.handle('getSettings', {});
      views.push(saved, fetched, app.settings());
      for (const view of views) expect(JSON.stringify(view)).not.toContain(SECRET);
      expect(readFileSync(`${dataFolder}/settings.json`, 'utf8')).not.toContain(SECRET);
      expect(readFileSync(tokenFile, 'utf8')).toBe(SECRET);
      expect(statSync(tokenFile).mode & 0o777).toBe(0o600);

      const forgotten = await app.handle('updateSettings', { gatewayToken: '' }, LOCAL_CONTEXT);
      expect(forgotten).toMatchObject({ ok: true, value: { hasGatewayToken: false } });
      expect(existsSync(tokenFile)).toBe(false);
    });
  });

  it('goes only to the gateway it was entered for: pointing the source elsewhere without a new token forgets it', async () => {
    await withApp({ dataFolder: newFolder() }, async (app) => {
      const gatewayA = { kind: 'gateway', url: 'http://127.0.0.1:9/live', room: 'a' } as const;
      expect(await app.handle('updateSettings', { source: gatewayA, gatewayToken: SECRET }, LOCAL_CONTEXT)).toMatchObject({ ok: true, value: { hasGatewayToken: true } });
      // Same gateway, another room: the token stays.
      expect(await app.handle('updateSettings', { source: { ...gatewayA, room: 'b' } }, LOCAL_CONTEXT)).toMatchObject({ ok: true, value: { hasGatewayToken: true } });
      // Another origin (here another port) without a token: forgotten before anything connects there.
      const elsewhere = await app.handle('updateSettings', { source: { kind: 'gateway', url: 'http://127.0.0.1:10/live', room: 'a' } }, LOCAL_CONTEXT);
      expect(elsewhere).toMatchObject({ ok: true, value: { hasGatewayToken: false } });
    });
  });

  it('a gateway on another machine must be https or wss, and an address may not carry credentials', async () => {
    await withApp({ dataFolder: newFolder() }, async (app) => {
      for (const url of ['http://gateway.example.com/live', 'https://user:pass@gateway.example.com/live']) {
        const reply = await app.handle('updateSettings', { source: { kind: 'gateway', url, room: 'r' } }, LOCAL_CONTEXT);
        expect(reply).toMatchObject({ ok: false, error: { code: 'bad_request' } });
      }
      expect(await app.handle('updateSettings', { source: { kind: 'gateway', url: 'https://gateway.example.com/live', room: 'r' } }, LOCAL_CONTEXT)).toMatchObject({ ok: true });
    });
  });

  it('privateFileSecretStore makes an existing, readable file private too', () => {
    const file = tmp.file('readable-token');
    writeFileSync(file, 'old', { mode: 0o644 });
    const store = privateFileSecretStore(file);
    store.write('new-secret');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(store.read()).toBe('new-secret');
    store.write(null);
    expect(store.read()).toBeNull();
  });
});
