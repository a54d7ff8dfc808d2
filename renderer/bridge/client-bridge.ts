import type { Bridge } from '../../shared/api/bridge.js';

/**
 * How this page reaches its host, as the UI shows it. This is the page's own
 * link (IPC or the web socket), not the host's link to the live room, which
 * arrives inside the snapshot as `connection`.
 */
export type TransportStatus =
  | { state: 'connecting' }
  | { state: 'connected' }
  /** Lost or refused for a reason other than the token; the transport keeps retrying. */
  | { state: 'disconnected'; attempt: number; error: string | null }
  /** The web host refused the token (or there was none): retrying cannot help. */
  | { state: 'unauthorized' };

/** The shared Bridge plus the transport's own status, whichever transport carries it. */
export interface ClientBridge extends Bridge {
  /** Calls `listener` with the current status at once, then on every change. */
  onTransportStatus(listener: (status: TransportStatus) => void): () => void;
}
