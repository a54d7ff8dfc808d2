/**
 * The socket.io-client socket LiveCue keeps to a gateway, typed with the
 * message names of docs/PROTOCOL.md.
 */
import { io, type Socket } from 'socket.io-client';
import { NAMESPACE, type Ack, type Auth, type Command } from '../../../shared/protocol/index.js';
import { wireParser } from './wire-decoder.js';

export type ServerMessage = 'hello' | 'heartbeat' | 'events' | 'gap' | 'products' | 'end';

/** Every payload is untrusted until validated, so handlers receive `unknown`. */
export type ServerToClientEvents = Record<ServerMessage, (payload: unknown) => void>;

export interface ClientToServerEvents {
  ack: (ack: Ack) => void;
  command: (command: Command, reply: (reply: unknown) => void) => void;
}

export type GatewaySocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * A socket that does not connect until `connect()` and never reconnects by
 * itself: the caller owns reconnection. `auth` is called before every
 * connection attempt, so each one carries the resume point of that moment.
 */
export function createGatewaySocket(url: string, auth: () => Auth): GatewaySocket {
  return io(`${url.replace(/\/+$/, '')}${NAMESPACE}`, {
    transports: ['websocket'],
    autoConnect: false,
    reconnection: false,
    // A Manager of its own: never multiplexed with another source (or a
    // stopped one) that talks to the same gateway.
    forceNew: true,
    // Keeps the wire text of `events` batches so the store need not re-serialize them.
    parser: wireParser,
    auth: (send) => send(auth()),
  });
}
