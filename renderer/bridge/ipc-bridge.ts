import type { Bridge } from '../../shared/api/bridge.js';
import type { ClientBridge } from './client-bridge.js';

/**
 * The Electron transport: the preload's object already implements Bridge.
 * IPC to the page's own main process cannot drop, so it is always connected.
 */
export function createIpcBridge(host: Bridge): ClientBridge {
  return {
    transport: 'ipc',
    request: (name, payload) => host.request(name, payload),
    onState: (listener) => host.onState(listener),
    onTransportStatus(listener) {
      listener({ state: 'connected' });
      return () => {};
    },
  };
}
