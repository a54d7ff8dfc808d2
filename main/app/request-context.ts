/**
 * Where a request comes from, as far as the app needs to know. The AI
 * rewriter's endpoint and key, and the live source's gateway address and
 * token, decide where the host machine connects: set from another device,
 * they would let it aim the host at services only the host can reach (its own
 * loopback, the office network behind it) and read from the status messages
 * whether a port there is open. So they are changed only from the host's own
 * machine: the desktop app, or a browser on loopback.
 */
import type { RewriterSettings, SettingsUpdate, SourceSettings } from '../../shared/api/settings.js';

export interface RequestContext {
  /** The request came from this machine (the desktop app's window, or a socket from a loopback address). */
  local: boolean;
}

/** What a transport that cannot tell says: not local, so nothing local-only is allowed. */
export const REMOTE_CONTEXT: RequestContext = { local: false };
/** The desktop app's own windows and in-process callers. */
export const LOCAL_CONTEXT: RequestContext = { local: true };

export class LocalOnlyError extends Error {}

/** The settings an update is judged against: what is in effect before it. */
export interface LocalOnlySettings {
  rewriter: RewriterSettings;
  /** The running source (a command-line override included: that is what the settings screen shows and sends back). */
  source: SourceSettings;
}

const HOST_ONLY = "can be changed only on the host's own machine (the desktop app, or a browser on 127.0.0.1)";

/** Where a source connects; the demo connects nowhere. A gateway's room is not an address, so changing it stays allowed. */
const connectsTo = (source: SourceSettings): string => (source.kind === 'gateway' ? `gateway ${source.url}` : 'demo');

/**
 * Refuses an update a remote device may not make. Unchanged values (a
 * settings form saved whole) pass; a secret sent at all does not, since the
 * UI sends one only when the user typed it.
 */
export function assertAllowedFrom(context: RequestContext, update: SettingsUpdate, current: LocalOnlySettings): void {
  if (context.local) return;
  const changesEndpoint = update.rewriter?.baseUrl !== undefined && update.rewriter.baseUrl !== current.rewriter.baseUrl;
  if (changesEndpoint || update.rewriterKey !== undefined) {
    throw new LocalOnlyError(`the AI rewriter's endpoint and key ${HOST_ONLY}`);
  }
  const changesSource = update.source !== undefined && connectsTo(update.source) !== connectsTo(current.source);
  if (changesSource || update.gatewayToken !== undefined) {
    throw new LocalOnlyError(`the live source's kind, gateway address and token ${HOST_ONLY}`);
  }
}
