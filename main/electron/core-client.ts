/**
 * The main process's handle on the core in its utility process: requests
 * with ids, the state stream (and the latest snapshot, for windows that
 * load later and for the hotkeys), settings, the token hand-over, and a
 * restart when the process dies. Electron-free: main.ts passes a way to fork
 * the process; tests pass in-memory ports.
 */
import type { BridgeReply, BridgeRequestName, StateUpdate } from '../../shared/api/bridge.js';
import type { CoreSnapshot } from '../../shared/api/contract.js';
import type { SettingsView } from '../../shared/api/settings.js';
import type { SecretStore } from '../app/secrets.js';
import { unavailable, type DataOp, type FromCore, type Port, type ToCore } from './core-protocol.js';

export interface CoreProcess extends Port<FromCore, ToCore> {
  onExit(listener: (code: number) => void): void;
  kill(): void;
}

export interface CoreClientOptions {
  spawn: () => CoreProcess;
  dataFolder: string;
  /** Where main keeps the gateway token (safeStorage or a private file). */
  secrets: SecretStore;
  /** Where main keeps the AI line rewriter's API key, the same way as the token. */
  rewriterKey: SecretStore;
  onWarning?: (message: string) => void;
  /** Restarts after unexpected exits, counted until the core is ready again. */
  maxRestarts?: number;
  restartDelayMs?: number;
  /** How long `stop` waits for the core to close its database before killing it. */
  stopTimeoutMs?: number;
  /** Prints the recap's report to PDF for the core (the desktop app: a hidden window's printToPDF). */
  printPdf?: (html: string) => Promise<Buffer>;
}

export interface CoreClient {
  request(name: string, payload: unknown): Promise<BridgeReply<BridgeRequestName>>;
  /** A backup or restore with a path main chose; replied like the request it answers. */
  data(op: DataOp): Promise<BridgeReply<BridgeRequestName>>;
  /** The latest full state (snapshot with patches applied), or null before the first. */
  snapshot(): CoreSnapshot | null;
  settings(): SettingsView | null;
  onState(listener: (update: StateUpdate) => void): () => void;
  onSettings(listener: (settings: SettingsView) => void): () => void;
  /** Resolves when the core first reports ready; rejects if it cannot start. */
  readonly ready: Promise<SettingsView>;
  stop(): Promise<void>;
}

/** Applies one update to the last known state; a patch before any snapshot has nothing to apply to. */
export function applyStateUpdate(current: CoreSnapshot | null, update: StateUpdate): CoreSnapshot | null {
  if (update.kind === 'snapshot') return update.snapshot;
  return current ? { ...current, ...update.patch } : null;
}

export function startCoreClient(options: CoreClientOptions): CoreClient {
  const { maxRestarts = 3, restartDelayMs = 1_000, stopTimeoutMs = 5_000 } = options;
  const warn = options.onWarning ?? (() => {});
  const pending = new Map<number, (reply: BridgeReply<BridgeRequestName>) => void>();
  const stateListeners = new Set<(update: StateUpdate) => void>();
  const settingsListeners = new Set<(settings: SettingsView) => void>();
  let nextId = 1;
  let latest: CoreSnapshot | null = null;
  let settings: SettingsView | null = null;
  let restarts = 0;
  let stopped: Promise<void> | null = null;
  let failure = 'the core is starting';
  let resolveReady!: (settings: SettingsView) => void;
  let rejectReady!: (error: Error) => void;
  const ready = new Promise<SettingsView>((resolve, reject) => {
    resolveReady = resolve;
    rejectReady = reject;
  });
  // A core that never starts is reported through replies and warnings; nobody has to await `ready`.
  ready.catch(() => {});

  let child: CoreProcess | null = null;
  let onStopped: (() => void) | null = null;

  const failPending = (message: string): void => {
    for (const resolve of pending.values()) resolve(unavailable(message));
    pending.clear();
  };

  const launch = (): void => {
    const current = options.spawn();
    child = current;
    current.onMessage((message) => {
      if (child !== current) return;
      switch (message.type) {
        case 'ready':
          restarts = 0;
          failure = '';
          settings = message.settings;
          resolveReady(message.settings);
          for (const listener of settingsListeners) listener(message.settings);
          return;
        case 'failed':
          failure = `the core could not start: ${message.message}`;
          warn(failure);
          rejectReady(new Error(failure));
          failPending(failure);
          return;
        case 'reply':
          pending.get(message.id)?.(message.reply);
          pending.delete(message.id);
          return;
        case 'state':
          latest = applyStateUpdate(latest, message.update);
          for (const listener of stateListeners) listener(message.update);
          return;
        case 'settings':
          settings = message.settings;
          for (const listener of settingsListeners) listener(message.settings);
          return;
        case 'token':
          options.secrets.write(message.token);
          return;
        case 'rewriterKey':
          options.rewriterKey.write(message.key);
          return;
        case 'warning':
          warn(message.message);
          return;
        case 'printPdf': {
          const answer = (base64: string | null, error: string | null) => {
            if (child === current) current.post({ type: 'pdf', id: message.id, base64, error });
          };
          if (!options.printPdf) answer(null, 'this host cannot print PDFs');
          else
            options.printPdf(message.html).then(
              (pdf) => answer(pdf.toString('base64'), null),
              (error: unknown) => answer(null, error instanceof Error ? error.message : String(error)),
            );
          return;
        }
        case 'stopped':
          onStopped?.();
          return;
      }
    });
    current.onExit((code) => {
      if (child !== current) return;
      child = null;
      if (stopped) {
        failPending('the app is closing');
        onStopped?.();
        return;
      }
      failure = `the core process exited (code ${code})`;
      warn(failure);
      failPending(failure);
      if (restarts < maxRestarts) {
        restarts++;
        setTimeout(() => {
          if (!stopped) launch();
        }, restartDelayMs).unref?.();
      } else {
        rejectReady(new Error(failure));
      }
    });
    current.post({
      type: 'start',
      dataFolder: options.dataFolder,
      token: options.secrets.read(),
      rewriterKey: options.rewriterKey.read(),
      tokenStorage: options.secrets.kind,
    });
  };

  launch();

  /** Posts a message that the core answers with a `reply` of the same id. */
  const ask = (message: (id: number) => ToCore): Promise<BridgeReply<BridgeRequestName>> => {
    const current = child;
    if (!current || stopped) return Promise.resolve(unavailable(stopped ? 'the app is closing' : failure));
    const id = nextId++;
    return new Promise((resolve) => {
      pending.set(id, resolve);
      current.post(message(id));
    });
  };

  return {
    ready,
    request: (name, payload) => ask((id) => ({ type: 'request', id, name, payload })),
    data: (op) => ask((id) => ({ type: 'data', id, op })),
    snapshot: () => latest,
    settings: () => settings,
    onState(listener) {
      stateListeners.add(listener);
      return () => stateListeners.delete(listener);
    },
    onSettings(listener) {
      settingsListeners.add(listener);
      return () => settingsListeners.delete(listener);
    },
    stop() {
      stopped ??= new Promise<void>((resolve) => {
        const current = child;
        if (!current) return resolve();
        const timer = setTimeout(() => {
          warn('the core did not stop in time; killing it');
          current.kill();
          resolve();
        }, stopTimeoutMs);
        onStopped = () => {
          clearTimeout(timer);
          resolve();
        };
        current.post({ type: 'stop' });
      });
      return stopped;
    },
  };
}
