/**
 * The application every UI host runs: settings, the live source the user
 * chose, the core recording it, and the one request dispatcher of
 * shared/api/bridge.ts. The Electron utility process and the web server are
 * transports around this object; neither adds behaviour of its own.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BridgeReply, BridgeRequestName, StateUpdate } from '../../shared/api/bridge.js';
import { applySettingsUpdate, type Settings, type SettingsView, type SourceSettings } from '../../shared/api/settings.js';
import { startCore, type Core } from '../core/api/core.js';
import { dispatch } from './dispatch.js';
import { openLiveSource, type LiveSource } from './live-source.js';
import type { SecretStore } from './secrets.js';
import { loadSettings, saveSettings } from './settings-file.js';

export interface AppOptions {
  /** Holds settings.json and, unless `dbFile` says otherwise, livecue.db. */
  dataFolder: string;
  dbFile?: string;
  secrets: SecretStore;
  /** A source given on the command line: used instead of the stored one and never saved. */
  sourceOverride?: SourceSettings;
  /** Something went wrong that no request is waiting for (a bad settings file, a gateway warning). */
  onWarning?: (message: string) => void;
}

export type StateListener = (update: StateUpdate) => void;

export interface LiveCueApp {
  readonly dbFile: string;
  /** Validates and serves one request from a UI; never throws. */
  handle(name: string, payload: unknown): Promise<BridgeReply<BridgeRequestName>>;
  /** A full snapshot now (and again whenever the source is switched), then patches. */
  onState(listener: StateListener): () => void;
  settings(): SettingsView;
  onSettings(listener: (settings: SettingsView) => void): () => void;
  stop(): Promise<void>;
}

interface Running {
  core: Core;
  source: LiveSource;
}

export async function startApp(options: AppOptions): Promise<LiveCueApp> {
  mkdirSync(options.dataFolder, { recursive: true });
  const settingsFile = join(options.dataFolder, 'settings.json');
  const dbFile = options.dbFile ?? join(options.dataFolder, 'livecue.db');
  const loaded = loadSettings(settingsFile);
  if (loaded.problem) options.onWarning?.(loaded.problem);
  let settings: Settings = loaded.settings;
  let override = options.sourceOverride;

  const stateListeners = new Map<StateListener, () => void>();
  const settingsListeners = new Set<(settings: SettingsView) => void>();
  const view = (): SettingsView => ({
    ...settings,
    source: override ?? settings.source,
    hasGatewayToken: options.secrets.read() !== null,
    tokenStorage: options.secrets.kind,
    dataFolder: options.dataFolder,
  });

  const launch = async (): Promise<Running> => {
    const source = await openLiveSource(override ?? settings.source, options.secrets.read());
    try {
      const core = await startCore({ dbFile, gateway: source.gateway, onError: (error) => options.onWarning?.(error.message) });
      return { core, source };
    } catch (error) {
      await source.close();
      throw error;
    }
  };
  const shutDown = async ({ core, source }: Running): Promise<void> => {
    await core.stop();
    await source.close();
  };

  let running = await launch();
  // Source switches run one at a time; a request during a switch waits for it.
  let switching: Promise<void> = Promise.resolve();
  let switchInProgress = false;

  const follow = (listener: StateListener): (() => void) => running.core.subscribe(listener);

  /**
   * Replaces the running source and core. When the new source cannot start
   * (a bad database, a port), `fallback` restores the settings it replaced
   * and the previous source is started again, so the app is never left
   * without a core; the caller hears why.
   */
  const switchSource = (fallback: () => void): Promise<void> => {
    const next = switching.then(async () => {
      switchInProgress = true;
      for (const unsubscribe of stateListeners.values()) unsubscribe();
      try {
        await shutDown(running);
        try {
          running = await launch();
        } catch (error) {
          fallback();
          running = await launch();
          throw error;
        }
      } finally {
        switchInProgress = false;
        for (const listener of stateListeners.keys()) stateListeners.set(listener, follow(listener));
      }
    });
    switching = next.catch(() => {});
    return next;
  };

  /** What decides the running source: the token matters only to a gateway. */
  const sourceIdentity = (): string => {
    const source = override ?? settings.source;
    return JSON.stringify(source.kind === 'gateway' ? { source, token: options.secrets.read() } : { source });
  };

  const app: LiveCueApp = {
    dbFile,
    async handle(name, payload) {
      await switching.catch(() => {});
      return dispatch(name, payload, {
        core: running.core,
        settings: view,
        async updateSettings(update) {
          const before = { identity: sourceIdentity(), settings, override, token: options.secrets.read() };
          settings = applySettingsUpdate(settings, update);
          if (update.source) override = undefined;
          if (update.gatewayToken !== undefined) options.secrets.write(update.gatewayToken === '' ? null : update.gatewayToken);
          saveSettings(settingsFile, settings);
          if (sourceIdentity() !== before.identity) {
            await switchSource(() => {
              ({ settings, override } = before);
              options.secrets.write(before.token);
              saveSettings(settingsFile, settings);
            });
          }
          const next = view();
          for (const listener of settingsListeners) listener(next);
          return next;
        },
      });
    },
    onState(listener) {
      // The core of a switch in progress is going away (a subscription to it would outlive it);
      // the new one sends this listener its snapshot when the switch ends.
      stateListeners.set(listener, switchInProgress ? () => {} : follow(listener));
      return () => {
        stateListeners.get(listener)?.();
        stateListeners.delete(listener);
      };
    },
    settings: view,
    onSettings(listener) {
      settingsListeners.add(listener);
      return () => settingsListeners.delete(listener);
    },
    async stop() {
      await switching.catch(() => {});
      for (const unsubscribe of stateListeners.values()) unsubscribe();
      stateListeners.clear();
      await shutDown(running);
    },
  };
  return app;
}
