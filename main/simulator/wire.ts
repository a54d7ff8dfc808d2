/** The socket.io event maps of docs/PROTOCOL.md, as the gateway side sees them. */
import type { Namespace, Socket } from 'socket.io';
import type { Auth, CommandReply, End, Gap, Hello, LiveEvent, Product } from '../../shared/protocol/index.js';

export interface ServerToClientEvents {
  hello: (hello: Hello) => void;
  events: (events: LiveEvent[]) => void;
  heartbeat: (beat: { serverTime: number }) => void;
  gap: (gap: Gap) => void;
  products: (products: Product[]) => void;
  end: (end: End) => void;
}

/** Incoming payloads are untrusted until validated, hence `unknown`. */
export interface ClientToServerEvents {
  ack: (ack: unknown) => void;
  command: (command: unknown, reply?: (answer: CommandReply) => void) => void;
}

export type GatewaySocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, GatewaySocketData>;
export type GatewayNamespace = Namespace<ClientToServerEvents, ServerToClientEvents, Record<string, never>, GatewaySocketData>;

/** What the auth middleware leaves on the socket for the room. */
export interface GatewaySocketData {
  auth: Auth;
}
