/**
 * The core's side of the utility process: runs the same LiveCueApp the web
 * host runs and serves it over a port. Electron-free, so the whole exchange
 * is tested under plain Node with an in-memory port pair.
 */
import { startApp, type AppOptions, type LiveCueApp } from '../app/app.js';
import { LOCAL_CONTEXT } from '../app/request-context.js';
import type { SecretStore } from '../app/secrets.js';
import { unavailable, type CoreSidePort, type DataOp, type TokenStorage } from './core-protocol.js';
import { BackupError } from '../core/store/backup.js';
import type { BridgeReply, BridgeRequestName } from '../../shared/api/bridge.js';
import { z } from 'zod';

/**
 * A secret (the token, the API key) as the core sees it: held in memory,
 * every change posted to the main process, which keeps it with safeStorage
 * (not available here).
 */
export function relayedSecretStore(kind: TokenStorage, initial: string | null, persist: (token: string | null) => void): SecretStore {
  let token = initial;
  return {
    kind,
    read: () => token,
    write(next) {
      token = next;
      persist(next);
    },
  };
}

export type StartApp = (options: AppOptions) => Promise<LiveCueApp>;

/** Serves one app over `port`; `onStopped` runs once the app has stopped (the process then exits). */
export function serveCore(port: CoreSidePort, onStopped: () => void = () => {}, start: StartApp = startApp): void {
  let app: Promise<LiveCueApp> | null = null;
  let stopping: Promise<void> | null = null;
  // The recap's PDF is printed by main (Electron's printToPDF); each print waits for its answer by id.
  const prints = new Map<number, { resolve: (pdf: Buffer) => void; reject: (error: Error) => void }>();
  let nextPrint = 1;
  const renderPdf = (html: string) =>
    new Promise<Buffer>((resolve, reject) => {
      const id = nextPrint++;
      prints.set(id, { resolve, reject });
      port.post({ type: 'printPdf', id, html });
    });

  port.onMessage((message) => {
    switch (message.type) {
      case 'start': {
        if (app) return;
        const secrets = relayedSecretStore(message.tokenStorage, message.token, (token) => port.post({ type: 'token', token }));
        const rewriterKey = relayedSecretStore(message.tokenStorage, message.rewriterKey, (key) => port.post({ type: 'rewriterKey', key }));
        app = start({ dataFolder: message.dataFolder, secrets, rewriterKey, renderPdf, onWarning: (text) => port.post({ type: 'warning', message: text }) });
        app.then(
          (running) => {
            running.onState((update) => port.post({ type: 'state', update }));
            running.onSettings((settings) => port.post({ type: 'settings', settings }));
            port.post({ type: 'ready', settings: running.settings() });
          },
          (error: unknown) => port.post({ type: 'failed', message: error instanceof Error ? error.message : String(error) }),
        );
        return;
      }
      case 'request': {
        const { id, name, payload } = message;
        const reply = app
          ? app.then(
              // Only the app's own windows talk to this process: every request is local.
              (running) => running.handle(name, payload, LOCAL_CONTEXT),
              (error: unknown) => unavailable(`the core did not start: ${error instanceof Error ? error.message : String(error)}`),
            )
          : Promise.resolve(unavailable('the core is not started'));
        void reply.then((value) => port.post({ type: 'reply', id, reply: value }));
        return;
      }
      case 'data': {
        const { id } = message;
        const reply = app
          ? app.then(
              (running) => runDataOp(running, message.op),
              (error: unknown) => unavailable(`the core did not start: ${error instanceof Error ? error.message : String(error)}`),
            )
          : Promise.resolve(unavailable('the core is not started'));
        void reply.then((value) => port.post({ type: 'reply', id, reply: value }));
        return;
      }
      case 'pdf': {
        const print = prints.get(message.id);
        prints.delete(message.id);
        if (message.base64 !== null) print?.resolve(Buffer.from(message.base64, 'base64'));
        else print?.reject(new Error(message.error ?? 'the PDF could not be printed'));
        return;
      }
      case 'stop': {
        stopping ??= (app ?? Promise.resolve(null))
          .then(
            (running) => running?.stop(),
            () => {}, // it never started: nothing to stop
          )
          .catch((error: unknown) => port.post({ type: 'warning', message: `stopping the core: ${String(error)}` }))
          .then(() => {
            port.post({ type: 'stopped' });
            onStopped();
          });
        return;
      }
    }
  });
}

/** What main may send: a path it chose in its dialog, absolute. Checked again here, the edge of the core's process. */
const dataOpSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('backup'), folder: z.string().min(1).max(4_096) }).strict(),
  z.object({ kind: z.enum(['inspect', 'restore']), file: z.string().min(1).max(4_096) }).strict(),
]);

/** Runs one backup or restore; a file that is not a usable backup is the user's to fix (`bad_request`), never a crash. */
async function runDataOp(app: LiveCueApp, raw: DataOp): Promise<BridgeReply<BridgeRequestName>> {
  const parsed = dataOpSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, error: { code: 'bad_request', message: 'a backup needs a folder or file' } };
  const op = parsed.data;
  try {
    const value = op.kind === 'backup' ? await app.data.backupTo(op.folder) : op.kind === 'inspect' ? app.data.inspect(op.file) : await app.data.restoreFrom(op.file);
    return { ok: true, value };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, error: { code: error instanceof BackupError ? 'bad_request' : 'internal', message } };
  }
}
