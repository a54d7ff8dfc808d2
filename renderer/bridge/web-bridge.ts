/**
 * The web transport: socket.io to the page's own origin, namespace /ui.
 * Requests are acknowledged emits with a timeout; the host pushes
 * StateUpdates (a snapshot first and after every reconnect, then patches).
 */
import {
  BRIDGE_CHANNELS,
  MAX_BRIDGE_MESSAGE_BYTES,
  type BridgeReply,
  type BridgeRequestName,
  type StateUpdate,
} from '../../shared/api/bridge.js';
import { REWRITE_TIMEOUT_MS } from '../../shared/api/rewriter-api.js';
import type { ClientBridge, TransportStatus } from './client-bridge.js';

/** How long the host may take to make a recap file, on top of REQUEST_TIMEOUT_MS. */
const EXPORT_WAIT_MS = 50_000;
/** Without a reply by then, a request fails as `unavailable` rather than hanging a button. */
export const REQUEST_TIMEOUT_MS = 10_000;
/** Requests the host answers only after an outside server has: the host's wait for that server comes on top. */
const HOST_WAITS_MS: Partial<Record<BridgeRequestName, number>> = {
  rewriteLine: REWRITE_TIMEOUT_MS,
  // The recap's PDF is printed by a headless Chromium the host starts; a long session's workbook takes a while too.
  exportRecap: EXPORT_WAIT_MS,
};
/** After the host itself closes the socket (a restart, a shutdown), try again this much later. */
export const RECONNECT_AFTER_SERVER_CLOSE_MS = 2_000;

type Listener<Args extends unknown[]> = (...args: Args) => void;

/** The part of a socket.io client socket the bridge uses; tests drive a fake of it. */
export interface BridgeSocket {
  readonly connected: boolean;
  on(event: 'connect', listener: Listener<[]>): unknown;
  on(event: 'connect_error', listener: Listener<[Error]>): unknown;
  on(event: 'disconnect', listener: Listener<[string]>): unknown;
  on(event: typeof BRIDGE_CHANNELS.state, listener: Listener<[StateUpdate]>): unknown;
  emit(event: typeof BRIDGE_CHANNELS.request, name: string, payload: unknown, ack: Listener<[unknown]>): unknown;
  connect(): unknown;
  readonly io: { on(event: 'reconnect_attempt', listener: Listener<[number]>): unknown };
}

export function createWebBridge(socket: BridgeSocket, requestTimeoutMs = REQUEST_TIMEOUT_MS): ClientBridge {
  const stateListeners = new Set<(update: StateUpdate) => void>();
  const statusListeners = new Set<(status: TransportStatus) => void>();
  let status: TransportStatus = socket.connected ? { state: 'connected' } : { state: 'connecting' };
  let attempt = 0;

  const setStatus = (next: TransportStatus) => {
    status = next;
    for (const listener of statusListeners) listener(status);
  };

  socket.on('connect', () => {
    attempt = 0;
    setStatus({ state: 'connected' });
  });
  socket.on('connect_error', (error) => {
    // A wrong handshake token is refused with this message; a missing or stale cookie is refused
    // before socket.io sees the request, as HTTP 401 (the polling transport's `description`).
    if (error.message === 'unauthorized' || (error as { description?: unknown }).description === 401) setStatus({ state: 'unauthorized' });
    else setStatus({ state: 'disconnected', attempt, error: error.message });
  });
  socket.on('disconnect', (reason) => {
    setStatus({ state: 'disconnected', attempt, error: reason });
    // socket.io reconnects by itself after a network loss, but not when the server closed the socket.
    if (reason === 'io server disconnect') setTimeout(() => socket.connect(), RECONNECT_AFTER_SERVER_CLOSE_MS);
  });
  socket.io.on('reconnect_attempt', (n) => {
    attempt = n;
    if (status.state === 'disconnected') setStatus({ ...status, attempt });
  });
  socket.on(BRIDGE_CHANNELS.state, (update) => {
    for (const listener of stateListeners) listener(update);
  });

  return {
    transport: 'web',
    request<N extends BridgeRequestName>(name: N, payload: unknown): Promise<BridgeReply<N>> {
      // socket.io would buffer the emit and send it on reconnect: a pin pressed now must not land a minute later.
      if (!socket.connected) return Promise.resolve(failure('unavailable', 'not connected to LiveCue'));
      // The host closes the socket on a message over its limit: the request would then time out with no reason, after a reconnect.
      const bytes = messageBytes(name, payload);
      if (bytes > MAX_BRIDGE_MESSAGE_BYTES) return Promise.resolve(failure('bad_request', tooLargeMessage(name, bytes)));
      const timeoutMs = requestTimeoutMs + (HOST_WAITS_MS[name] ?? 0);
      return new Promise((resolve) => {
        const timer = setTimeout(() => resolve(failure('unavailable', `no reply within ${timeoutMs / 1000} s`)), timeoutMs);
        socket.emit(BRIDGE_CHANNELS.request, name, payload, (reply) => {
          clearTimeout(timer);
          resolve(isBridgeReply<N>(reply) ? reply : failure('internal', 'the host sent a malformed reply'));
        });
      });
    },
    onState(listener) {
      stateListeners.add(listener);
      return () => stateListeners.delete(listener);
    },
    onTransportStatus(listener) {
      statusListeners.add(listener);
      listener(status);
      return () => statusListeners.delete(listener);
    },
  };
}

/**
 * What socket.io puts on the wire for the request: the event's arguments as
 * JSON in UTF-8, plus a packet header of a few dozen bytes (left as margin).
 */
const PACKET_HEADER_BYTES = 64;
function messageBytes(name: string, payload: unknown): number {
  return new TextEncoder().encode(JSON.stringify([BRIDGE_CHANNELS.request, name, payload ?? null])).length + PACKET_HEADER_BYTES;
}

const kb = (bytes: number) => Math.ceil(bytes / 1024);
export const tooLargeMessage = (name: string, bytes: number) =>
  `${name} is ${kb(bytes)} KB, more than the ${kb(MAX_BRIDGE_MESSAGE_BYTES)} KB one request to LiveCue may be; nothing was sent`;

function failure(code: 'unavailable' | 'internal' | 'bad_request', message: string): { ok: false; error: { code: typeof code; message: string } } {
  return { ok: false, error: { code, message } };
}

/**
 * Checks the envelope only: the host is ours and types its values, but a
 * broken or mismatched host must read as an error, not crash a view.
 */
function isBridgeReply<N extends BridgeRequestName>(value: unknown): value is BridgeReply<N> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  if (value.ok === true) return 'value' in value;
  if (value.ok !== false || !('error' in value)) return false;
  const error = value.error;
  return typeof error === 'object' && error !== null && 'code' in error && 'message' in error && typeof error.message === 'string';
}
