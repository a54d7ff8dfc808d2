/**
 * The `Bridge` the preload exposes as `window.livecue`, built over
 * ipcRenderer but never handing it (or an IPC event) to the page. Kept
 * apart from preload.ts so it is tested under plain Node with a fake
 * ipcRenderer. Imports are type-only: the sandboxed preload is bundled into
 * one file, and this keeps zod and the rest of shared/ out of it.
 */
import type { Bridge, BRIDGE_CHANNELS, BridgeReply, BridgeRequest, BridgeRequestName, StateUpdate } from '../../shared/api/bridge.js';
import type { CoreSnapshot } from '../../shared/api/contract.js';

/** The channel names, checked against shared/api/bridge.ts by the compiler instead of imported. */
export const CHANNELS = { request: 'livecue:request', state: 'livecue:state' } as const satisfies Pick<
  typeof BRIDGE_CHANNELS,
  'request' | 'state'
>;

/** The ipcRenderer methods used; Electron's ipcRenderer fits it. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

export function createIpcBridge(ipc: IpcRendererLike): Bridge {
  // The latest state, so a listener that subscribes after the page loaded still starts from a full snapshot.
  let latest: CoreSnapshot | null = null;
  const listeners = new Set<(update: StateUpdate) => void>();

  ipc.on(CHANNELS.state, (_event, update) => {
    const next = update as StateUpdate;
    if (next.kind === 'snapshot') latest = next.snapshot;
    else if (latest) latest = { ...latest, ...next.patch };
    // A patch before any snapshot (a reload mid-stream) has no base; main sends the snapshot once the page has loaded.
    else return;
    for (const listener of listeners) {
      // One page listener that throws must not starve the others.
      try {
        listener(next);
      } catch (error) {
        console.error('livecue state listener failed:', error);
      }
    }
  });

  return {
    transport: 'ipc',
    request<N extends BridgeRequestName>(name: N, payload: BridgeRequest<N>): Promise<BridgeReply<N>> {
      return ipc.invoke(CHANNELS.request, name, payload) as Promise<BridgeReply<N>>;
    },
    onState(listener: (update: StateUpdate) => void): () => void {
      listeners.add(listener);
      if (latest) listener({ kind: 'snapshot', snapshot: latest });
      return () => {
        listeners.delete(listener);
      };
    },
  } satisfies Bridge;
}
