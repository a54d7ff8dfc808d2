/**
 * A minimal gateway (docs/PROTOCOL.md, server side) on a real socket.io server on
 * loopback, for testing the client. It checks auth, greets with a hello and
 * answers commands; tests script everything else through `clients()`. It
 * keeps no replay buffer: the real simulator does, with its own tests.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server, type Socket } from 'socket.io';
import {
  NAMESPACE,
  authSchema,
  connectErrors,
  type Ack,
  type Auth,
  type Command,
  type Hello,
} from '../../../../shared/protocol/index.js';
import type { ClientToServerEvents, ServerToClientEvents } from '../gateway-socket.js';

export type FakeClient = Socket<ClientToServerEvents, ServerToClientEvents>;

/** What a command handler returns to leave the command unanswered (to provoke a timeout). */
export const NO_REPLY = Symbol('no reply');

export interface FakeGatewayOptions {
  /** A fixed port, to bring a gateway back where a client expects it; any free port by default. */
  port?: number;
  token?: string;
  rooms?: string[];
  /** Runs for every accepted connection; the default sends `hello(auth.room)`. */
  onConnection?: (client: FakeClient, auth: Auth) => void;
  /** The acknowledgement for a command; the default is `{ ok: true }`. */
  answer?: (command: Command) => unknown;
}

export interface FakeGateway {
  url: string;
  port: number;
  /** `auth` of every connection attempt that reached the middleware, refused ones included, in order. */
  attempts: unknown[];
  /** `auth` of every accepted connection, in order. */
  connections: Auth[];
  acks: Ack[];
  commands: Command[];
  /** The clients connected now. */
  clients(): FakeClient[];
  /** Sends a message to every connected client. */
  broadcast(message: keyof ServerToClientEvents, payload: unknown): void;
  /**
   * Disconnects every client from the server side: by a socket.io disconnect
   * (`io server disconnect`), or by cutting the connection under it.
   */
  disconnectAll(how?: 'protocol' | 'transport'): void;
  close(): Promise<void>;
}

export const FAKE_TOKEN = 'test-token';
export const FAKE_ROOM = 'demo';
export const FAKE_SESSION = 'session-1';

export function fakeHello(room = FAKE_ROOM, session = FAKE_SESSION): Hello {
  return {
    protocol: 1,
    room: { id: room, title: 'Demo room', host: 'Host', platform: 'test' },
    session: { id: session, startedAt: 1_700_000_000_000 },
    products: [{ id: 'p1', title: 'Tea', price: 1990 }],
    serverTime: 1_700_000_001_000,
  };
}

/** A valid comment event with this seq. */
export function fakeComment(seq: number) {
  return { seq, ts: 1_700_000_000_000 + seq, type: 'comment', id: `c${seq}`, user: { id: 'u1', name: 'Ann' }, text: `hi ${seq}` };
}

export async function startFakeGateway(options: FakeGatewayOptions = {}): Promise<FakeGateway> {
  const token = options.token ?? FAKE_TOKEN;
  const rooms = new Set(options.rooms ?? [FAKE_ROOM]);
  const onConnection = options.onConnection ?? ((client, auth) => client.emit('hello', fakeHello(auth.room)));
  const answer = options.answer ?? (() => ({ ok: true }));

  const httpServer = createServer();
  const io = new Server<ClientToServerEvents, ServerToClientEvents>(httpServer, { transports: ['websocket'] });
  const live = io.of(NAMESPACE);
  const attempts: unknown[] = [];
  const connections: Auth[] = [];
  const acks: Ack[] = [];
  const commands: Command[] = [];

  live.use((client, next) => {
    attempts.push(client.handshake.auth);
    const auth = authSchema.safeParse(client.handshake.auth);
    if (!auth.success || auth.data.token !== token) return next(new Error(connectErrors.unauthorized));
    if (!rooms.has(auth.data.room)) return next(new Error(connectErrors.unknownRoom));
    next();
  });

  live.on('connection', (client) => {
    const auth = authSchema.parse(client.handshake.auth);
    connections.push(auth);
    client.on('ack', (ack) => acks.push(ack));
    client.on('command', (command, reply) => {
      commands.push(command);
      const answered = answer(command);
      if (answered !== NO_REPLY) reply(answered);
    });
    onConnection(client, auth);
  });

  await new Promise<void>((resolve) => httpServer.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = httpServer.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    attempts,
    connections,
    acks,
    commands,
    clients: () => [...live.sockets.values()],
    broadcast: (message, payload) => live.emit(message, payload),
    disconnectAll: (how = 'protocol') => live.disconnectSockets(how === 'transport'),
    close: () => io.close(),
  };
}
