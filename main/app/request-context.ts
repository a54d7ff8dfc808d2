/**
 * Where a request comes from, as far as the app needs to know. The AI
 * rewriter's endpoint and key decide where the host machine sends requests:
 * set from another device, they would let it aim the host at services only
 * the host can reach (its own loopback, the office network behind it). So
 * they are changed only from the host's own machine: the desktop app, or a
 * browser on loopback.
 */
import type { RewriterSettings, SettingsUpdate } from '../../shared/api/settings.js';

export interface RequestContext {
  /** The request came from this machine (the desktop app's window, or a socket from a loopback address). */
  local: boolean;
}

/** What a transport that cannot tell says: not local, so nothing local-only is allowed. */
export const REMOTE_CONTEXT: RequestContext = { local: false };
/** The desktop app's own windows and in-process callers. */
export const LOCAL_CONTEXT: RequestContext = { local: true };

export class LocalOnlyError extends Error {}

/** Refuses an update a remote device may not make; an unchanged base URL (a settings form saved whole) passes. */
export function assertAllowedFrom(context: RequestContext, update: SettingsUpdate, current: RewriterSettings): void {
  if (context.local) return;
  const changesEndpoint = update.rewriter?.baseUrl !== undefined && update.rewriter.baseUrl !== current.baseUrl;
  if (changesEndpoint || update.rewriterKey !== undefined) {
    throw new LocalOnlyError("the AI rewriter's endpoint and key can be changed only on the host's own machine (the desktop app, or a browser on 127.0.0.1)");
  }
}
