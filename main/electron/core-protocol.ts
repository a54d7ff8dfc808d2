/**
 * Messages between the Electron main process and the core's utility process
 * (Actual Budget's envelope: `{id, name, payload}` in, `{type: 'reply' |
 * 'state', …}` out). The gateway token and the rewriter's API key cross in
 * both directions because safeStorage exists only in the main process: main
 * decrypts them for the core at start, and encrypts what the core is given
 * in settings.
 */
import type { BridgeReply, BridgeRequestName, StateUpdate } from '../../shared/api/bridge.js';
import type { SettingsView } from '../../shared/api/settings.js';

export type TokenStorage = SettingsView['tokenStorage'];

/** A backup into a folder, the check of a backup file, or a restore from it (shared/api/data-api.ts). */
export type DataOp = { kind: 'backup'; folder: string } | { kind: 'inspect'; file: string } | { kind: 'restore'; file: string };

export type ToCore =
  | { type: 'start'; dataFolder: string; token: string | null; rewriterKey: string | null; tokenStorage: TokenStorage }
  | { type: 'request'; id: number; name: string; payload: unknown }
  /** Settings → 数据 with the folder or file main's dialog chose (never a path from a page); answered with a `reply`. */
  | { type: 'data'; id: number; op: DataOp }
  /** The PDF main printed for a `printPdf`, or why it could not. */
  | { type: 'pdf'; id: number; base64: string | null; error: string | null }
  | { type: 'stop' };

export type FromCore =
  | { type: 'ready'; settings: SettingsView }
  | { type: 'failed'; message: string }
  | { type: 'reply'; id: number; reply: BridgeReply<BridgeRequestName> }
  | { type: 'state'; update: StateUpdate }
  | { type: 'settings'; settings: SettingsView }
  /** The user set (or, with null, forgot) the gateway token: main persists it. */
  | { type: 'token'; token: string | null }
  /** The same for the AI line rewriter's API key. */
  | { type: 'rewriterKey'; key: string | null }
  | { type: 'warning'; message: string }
  /** The recap's report to print: only main has Chromium's printToPDF. */
  | { type: 'printPdf'; id: number; html: string }
  | { type: 'stopped' };

/** One end of the channel, whatever carries it (utility process port, test pair). */
export interface Port<In, Out> {
  post(message: Out): void;
  onMessage(listener: (message: In) => void): void;
}

export type CoreSidePort = Port<ToCore, FromCore>;

export const unavailable = (message: string): BridgeReply<BridgeRequestName> => ({ ok: false, error: { code: 'unavailable', message } });
