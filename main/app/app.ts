/**
 * The application every UI host runs: settings, the live source the user
 * chose, the core recording it, and the one request dispatcher of
 * shared/api/bridge.ts. The Electron utility process and the web server are
 * transports around this object; neither adds behaviour of its own.
 */
import { join } from 'node:path';
import type { BridgeReply, BridgeRequestName, StateUpdate } from '../../shared/api/bridge.js';
import {
  applySettingsUpdate,
  type RewriterSettings,
  type Settings,
  type SettingsUpdate,
  type SettingsView,
  type SourceSettings,
} from '../../shared/api/settings.js';
import { CoreUnavailableError, startCore, type Core } from '../core/api/core.js';
import { rewriteLine } from '../core/rewriter/rewrite-line.js';
import { createMissingFoldersPrivate } from '../core/store/file-permissions.js';
import { backupFile } from '../core/store/backup.js';
import { inspectBackup, restoreDatabase } from '../core/store/restore.js';
import type { BackupCheck, DataBackupDone, RestoreDone } from '../../shared/api/data-api.js';
import type { PdfRenderer } from '../core/recap/pdf.js';
import { dispatch } from './dispatch.js';
import { assertAllowedFrom, REMOTE_CONTEXT, type RequestContext } from './request-context.js';
import { openLiveSource, type LiveSource } from './live-source.js';
import { memorySecretStore, type SecretStore } from './secrets.js';
import { loadSettings, saveSettings } from './settings-file.js';

export interface AppOptions {
  /** Holds settings.json and, unless `dbFile` says otherwise, livecue.db. */
  dataFolder: string;
  dbFile?: string;
  secrets: SecretStore;
  /** Where the AI line rewriter's API key is kept, like the token; in memory only (until the app stops) when not given. */
  rewriterKey?: SecretStore;
  /** A source given on the command line: used instead of the stored one and never saved. */
  sourceOverride?: SourceSettings;
  /** Live-room seconds per planned second of a plan's rundown: the demo's speed in a rehearsal (彩排), 1 otherwise. */
  planTimeScale?: number;
  /** A rehearsal (彩排) against the demo room: the screens say so. */
  rehearsal?: boolean;
  /** Something went wrong that no request is waiting for (a bad settings file, a gateway warning). */
  onWarning?: (message: string) => void;
  /** How the recap's report becomes a PDF here (Electron's printToPDF in the desktop app); a headless Chromium when not given. */
  renderPdf?: PdfRenderer;
}

export type StateListener = (update: StateUpdate) => void;

export interface LiveCueApp {
  readonly dbFile: string;
  /**
   * Validates and serves one request from a UI; never throws. Without a
   * context the request is taken for one from another device.
   */
  handle(name: string, payload: unknown, context?: RequestContext): Promise<BridgeReply<BridgeRequestName>>;
  /** A full snapshot now (and again whenever the source is switched), then patches. */
  onState(listener: StateListener): () => void;
  settings(): SettingsView;
  onSettings(listener: (settings: SettingsView) => void): () => void;
  /** Settings → 数据, desktop only: the host's main process chose the folder or file in its own dialog (shared/api/data-api.ts). */
  readonly data: DataFiles;
  stop(): Promise<void>;
}

export interface DataFiles {
  /** An online backup into `folder`, while the core records: livecue-<date>-<time>.db. */
  backupTo(folder: string): Promise<DataBackupDone>;
  inspect(file: string): BackupCheck;
  /** Stops the core, replaces the database with the checked backup (the current one kept as <db>.before-restore), starts the core again. */
  restoreFrom(file: string): Promise<RestoreDone>;
}

/** Stands in for the core while none runs: every call is answered `unavailable`. */
const unavailableCore = new Proxy({} as Core, {
  get: () => () => {
    throw new CoreUnavailableError('no live source is running; choose one in settings');
  },
});

/** The origin a gateway token is sent to (scheme, host, port), or null for the demo room. */
function gatewayOrigin(source: SourceSettings): string | null {
  return source.kind === 'gateway' ? new URL(source.url).origin : null;
}

/** The origin the rewriter's API key is sent to, or null before an endpoint is set. */
function rewriterOrigin(rewriter: RewriterSettings): string | null {
  return rewriter.baseUrl === '' ? null : new URL(rewriter.baseUrl).origin;
}

/**
 * A secret after a settings update: the one given (an empty string forgets
 * it), or the one kept. A kept secret only ever goes to the server it was
 * entered for: pointing the settings at another origin without a new one
 * forgets it, so a changed URL cannot carry it away.
 */
function nextSecret(kept: string | null, given: string | undefined, origin: { before: string | null; after: string | null }): string | null {
  if (given !== undefined) return given === '' ? null : given;
  return origin.after !== null && origin.after !== origin.before ? null : kept;
}

interface Running {
  core: Core;
  source: LiveSource;
}

export async function startApp(options: AppOptions): Promise<LiveCueApp> {
  // Made private when LiveCue creates it; an existing folder (the one `livecue serve --db` names) is the user's and keeps its mode.
  createMissingFoldersPrivate(options.dataFolder);
  const settingsFile = join(options.dataFolder, 'settings.json');
  const dbFile = options.dbFile ?? join(options.dataFolder, 'livecue.db');
  const loaded = loadSettings(settingsFile);
  if (loaded.problem) options.onWarning?.(loaded.problem);
  let settings: Settings = loaded.settings;
  let override = options.sourceOverride;
  const rewriterKey = options.rewriterKey ?? memorySecretStore();

  const stateListeners = new Map<StateListener, () => void>();
  const settingsListeners = new Set<(settings: SettingsView) => void>();
  const view = (): SettingsView => ({
    ...settings,
    source: override ?? settings.source,
    hasGatewayToken: options.secrets.read() !== null,
    hasRewriterKey: rewriterKey.read() !== null,
    tokenStorage: options.secrets.kind,
    dataFolder: options.dataFolder,
  });

  const launch = async (chosen: SourceSettings): Promise<Running> => {
    const source = await openLiveSource(chosen, options.secrets.read());
    try {
      // The co-pilot reads the catalog of the core it runs in (accepted buying points, product categories).
      const catalogOf: { core?: Core } = {};
      const core = await startCore({
        dbFile,
        gateway: source.gateway,
        onError: (error) => options.onWarning?.(error.message),
        buyingPoints: () => catalogOf.core?.catalog().copilot() ?? { buyingPoints: [], categories: {} },
        ...(options.planTimeScale === undefined ? {} : { planTimeScale: options.planTimeScale }),
        rehearsal: options.rehearsal ?? false,
        ...(source.productCategories ? { productCategories: source.productCategories } : {}),
      });
      catalogOf.core = core;
      return { core, source };
    } catch (error) {
      await source.close();
      throw error;
    }
  };
  const shutDown = async ({ core, source }: Running): Promise<void> => {
    try {
      await core.stop();
    } finally {
      await source.close();
    }
  };

  const currentSource = (): SourceSettings => override ?? settings.source;
  /** null while a switch is under way, or after a source and its fallback both failed to start. */
  let running: Running | null = await launch(currentSource());
  // Settings updates (and the source switches they cause) run one at a time, in order.
  let queue: Promise<unknown> = Promise.resolve();
  const serially = <T>(work: () => Promise<T>): Promise<T> => {
    const result = queue.then(work);
    queue = result.catch(() => {});
    return result;
  };

  const follow = (listener: StateListener): (() => void) => running?.core.subscribe(listener) ?? (() => {});

  /**
   * Replaces the running source and core. When the new source cannot start
   * (a port, the database), `restore` puts back the settings it replaced and
   * the previous source is started again; the caller hears why. If that fails
   * too, the app answers `unavailable` until a later update starts a source.
   */
  const switchTo = async (next: SourceSettings, restore: () => SourceSettings): Promise<void> => {
    for (const unsubscribe of stateListeners.values()) unsubscribe();
    const previous = running;
    running = null;
    try {
      if (previous) await shutDown(previous).catch((error: unknown) => options.onWarning?.(`stopping the previous source failed: ${String(error)}`));
      try {
        running = await launch(next);
      } catch (error) {
        running = await launch(restore()).catch((fallbackError: unknown) => {
          options.onWarning?.(`the previous source did not start again either: ${String(fallbackError)}`);
          return null;
        });
        throw error;
      }
    } finally {
      for (const listener of stateListeners.keys()) stateListeners.set(listener, follow(listener));
    }
  };

  /** Runs `work` while no core holds the database (a restore), then starts the current source on it again. */
  const withCoreStopped = <T>(work: () => Promise<T>): Promise<T> =>
    serially(async () => {
      for (const unsubscribe of stateListeners.values()) unsubscribe();
      const previous = running;
      running = null;
      try {
        if (previous) await shutDown(previous);
        return await work();
      } finally {
        running = await launch(currentSource()).catch((error: unknown) => {
          options.onWarning?.(`the source did not start again after the restore: ${String(error)}`);
          return null;
        });
        for (const listener of stateListeners.keys()) stateListeners.set(listener, follow(listener));
      }
    });

  const data: DataFiles = {
    backupTo: async (folder) => {
      const { file, bytes } = await backupFile(dbFile, join(folder, backupFileName(new Date())));
      return { file, bytes };
    },
    inspect: inspectBackup,
    restoreFrom: (file) => {
      inspectBackup(file); // refused before the core is stopped
      return withCoreStopped(() => restoreDatabase(dbFile, file));
    },
  };

  /** What decides the running source: the token matters only to a gateway. */
  const sourceIdentity = (source: SourceSettings, token: string | null): string =>
    JSON.stringify(source.kind === 'gateway' ? { source, token } : { source });

  const updateSettings = (update: SettingsUpdate, context: RequestContext): Promise<SettingsView> =>
    serially(async () => {
      // Judged against the settings this update replaces, after every update queued before it.
      assertAllowedFrom(context, update, { rewriter: settings.rewriter, source: currentSource() });
      const before = { settings, override, token: options.secrets.read(), rewriterKey: rewriterKey.read() };
      const nextSettings = applySettingsUpdate(settings, update);
      const nextOverride = update.source ? undefined : override;
      const nextSource = nextOverride ?? nextSettings.source;
      const nextToken = nextSecret(before.token, update.gatewayToken, { before: gatewayOrigin(currentSource()), after: gatewayOrigin(nextSource) });
      const nextKey = nextSecret(before.rewriterKey, update.rewriterKey, {
        before: rewriterOrigin(settings.rewriter),
        after: rewriterOrigin(nextSettings.rewriter),
      });

      // Persist first: a settings file that cannot be written changes nothing.
      saveSettings(settingsFile, nextSettings);
      if (nextToken !== before.token) options.secrets.write(nextToken);
      if (nextKey !== before.rewriterKey) rewriterKey.write(nextKey);
      settings = nextSettings;
      override = nextOverride;

      if (sourceIdentity(nextSource, nextToken) !== sourceIdentity(before.override ?? before.settings.source, before.token)) {
        await switchTo(nextSource, () => {
          ({ settings, override } = before);
          saveSettings(settingsFile, settings);
          options.secrets.write(before.token);
          rewriterKey.write(before.rewriterKey);
          return currentSource();
        });
      }
      const next = view();
      for (const listener of settingsListeners) listener(next);
      return next;
    });

  const app: LiveCueApp = {
    dbFile,
    async handle(name, payload, context = REMOTE_CONTEXT) {
      // Requests wait for a switch in progress, so they reach the core that will answer them.
      await queue;
      return dispatch(name, payload, {
        core: running?.core ?? unavailableCore,
        settings: view,
        updateSettings: (update) => updateSettings(update, context),
        // Needs no core: the catalog editor can ask while no source runs.
        rewriteLine: (input) => rewriteLine(input, { settings: settings.rewriter, apiKey: rewriterKey.read() }),
        ...(options.renderPdf ? { renderPdf: options.renderPdf } : {}),
      });
    },
    onState(listener) {
      // During a switch there is no core to follow: the new one sends this listener its snapshot when it starts.
      stateListeners.set(listener, follow(listener));
      return () => {
        stateListeners.get(listener)?.();
        stateListeners.delete(listener);
      };
    },
    settings: view,
    data,
    onSettings(listener) {
      settingsListeners.add(listener);
      return () => settingsListeners.delete(listener);
    },
    async stop() {
      await queue;
      for (const unsubscribe of stateListeners.values()) unsubscribe();
      stateListeners.clear();
      if (running) await shutDown(running);
      running = null;
    },
  };
  return app;
}

/** livecue-20261207-2345.db: sorts by date, and says what it is. */
function backupFileName(at: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `livecue-${at.getFullYear()}${two(at.getMonth() + 1)}${two(at.getDate())}-${two(at.getHours())}${two(at.getMinutes())}${two(at.getSeconds())}.db`;
}
