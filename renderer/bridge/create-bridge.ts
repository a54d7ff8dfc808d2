import { io } from 'socket.io-client';
import type { Bridge } from '../../shared/api/bridge.js';
import { takeTokenFromAddress } from './address-token.js';
import type { ClientBridge } from './client-bridge.js';
import { createIpcBridge } from './ipc-bridge.js';
import { createWebBridge, type BridgeSocket } from './web-bridge.js';

declare global {
  interface Window {
    /** Set by the Electron preload through contextBridge; absent in a browser. */
    livecue?: Bridge;
  }
}

/** The namespace the web host serves the UI on. */
const UI_NAMESPACE = '/ui';

/**
 * Picks the transport once, at start: Electron's preload when it is there,
 * else socket.io to the page's own origin. The token comes from `?token=` when
 * present; otherwise the HttpOnly cookie the host set goes with the handshake.
 */
export function createBridge(win: Window = window): ClientBridge {
  if (win.livecue) return createIpcBridge(win.livecue);
  const token = takeTokenFromAddress(win.location, win.history);
  const socket: BridgeSocket = io(UI_NAMESPACE, token === null ? {} : { auth: { token } });
  return createWebBridge(socket);
}
