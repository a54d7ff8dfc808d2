/**
 * The socket.io gateway client: docs/PROTOCOL.md's client side as a LiveSource.
 *
 * Reconnection is done here, not by socket.io-client (`reconnection: false`):
 * - socket.io-client never reconnects after a server-side disconnect or a
 *   refusal by the gateway's middleware, and the silence watchdog has to drop
 *   a socket that is still open and reconnect it;
 * - its backoff randomizes ± a factor and has one attempt limit, while we want
 *   full jitter, a few attempts before the first success, and no limit after;
 * - one Socket is kept and `connect()`ed again for each attempt, so handlers
 *   are wired once; socket.io-client asks `auth` (a function) before every
 *   attempt, which is where the current resume point goes.
 */
import { z } from 'zod';
import {
  COMMAND_TIMEOUT_MS,
  PROTOCOL_VERSION,
  SILENCE_TIMEOUT_MS,
  connectErrors,
  describeRaw,
  endSchema,
  gapSchema,
  heartbeatSchema,
  helloSchema,
  productsSchema,
  type Ack,
  type Auth,
} from '../../../shared/protocol/index.js';
import { createBackoff, type BackoffOptions } from './backoff.js';
import { createGatewaySocket, type GatewaySocket, type ServerMessage } from './gateway-socket.js';
import { createLatestValueCoalescer } from './latest-value-coalescer.js';
import { sendCommand } from './send-command.js';
import { createSilenceWatchdog } from './silence-watchdog.js';
import type { ConnectionStatus, LiveSource, ResumePoint, SourceListener } from './types.js';

export interface GatewaySourceOptions {
  /** The gateway's base URL, e.g. `http://127.0.0.1:7070`; the `/live` namespace is added. */
  url: string;
  room: string;
  token: string;
  silenceTimeoutMs?: number;
  commandTimeoutMs?: number;
  backoff?: BackoffOptions;
  /** Connection attempts before giving up, until the source has been live once; unlimited after. */
  maxInitialAttempts?: number;
  /** Clock for `receivedAt` (epoch ms). */
  now?: () => number;
}

/** Full jitter: clients of a restarted gateway come back spread out, not in waves; the first retry is within 0.5 s. */
const DEFAULT_BACKOFF: BackoffOptions = { initialMs: 500, maxMs: 30_000, jitter: 1 };
const DEFAULT_MAX_INITIAL_ATTEMPTS = 5;
/**
 * Acks go out at most this often (each covers everything before it): they
 * trim the gateway's replay buffer and, in flow-controlled gateways, open the
 * send window, so they must not wait long; coalescing spares a packet per commit.
 */
const ACK_COALESCE_MS = 20;

type Failure = Required<Pick<ConnectionStatus, 'code' | 'error'>>;

export function createGatewaySource(options: GatewaySourceOptions): LiveSource {
  const commandTimeoutMs = options.commandTimeoutMs ?? COMMAND_TIMEOUT_MS;
  let running: RunningGateway | undefined;
  return {
    start(listener, resumePoint) {
      if (running) throw new Error('a gateway source can be started only once');
      running = runGateway(options, listener, resumePoint);
    },
    ack(session, seq) {
      running?.ack({ session, seq });
    },
    command: (command) => sendCommand(running?.socket, command, commandTimeoutMs),
    /** The socket is closed and every timer cleared when this resolves; the listener hears nothing more. */
    async stop() {
      running?.stop();
    },
  };
}

interface RunningGateway {
  socket: GatewaySocket;
  ack(ack: Ack): void;
  stop(): void;
}

function runGateway(
  options: GatewaySourceOptions,
  listener: SourceListener,
  resumePoint: () => ResumePoint | undefined,
): RunningGateway {
  const { url } = options;
  const now = options.now ?? Date.now;
  const silenceTimeoutMs = options.silenceTimeoutMs ?? SILENCE_TIMEOUT_MS;
  const maxInitialAttempts = options.maxInitialAttempts ?? DEFAULT_MAX_INITIAL_ATTEMPTS;
  const backoff = createBackoff(options.backoff ?? DEFAULT_BACKOFF);

  const socket = createGatewaySocket(url, () => authFor(options, resumePoint()));
  const watchdog = createSilenceWatchdog(silenceTimeoutMs, () =>
    dropAndRetry({ code: 'unreachable', error: `heard nothing from the gateway for ${silenceTimeoutMs / 1000} s` }),
  );
  // Dropped while offline rather than queued: the next connection's resume point says the same.
  const acks = createLatestValueCoalescer<Ack>(ACK_COALESCE_MS, (ack) => {
    if (socket.connected) socket.emit('ack', ack);
  });

  /** False once stopped, ended or failed: nothing is retried or reported any more. */
  let active = true;
  let beenLive = false;
  /** Whether the current connection has sent a valid hello; docs/PROTOCOL.md puts it before anything else. */
  let helloReceived = false;
  /** Failed attempts since the source was last live. */
  let failedAttempts = 0;
  let retryTimer: NodeJS.Timeout | undefined;

  function attempt() {
    retryTimer = undefined;
    helloReceived = false;
    // Armed for the handshake too: a gateway that accepts but never answers counts as silent.
    watchdog.arm();
    socket.connect();
  }

  function retryLater(failure: Failure) {
    watchdog.disarm();
    failedAttempts += 1;
    if (!beenLive && failedAttempts >= maxInitialAttempts) {
      fail(failure);
      return;
    }
    listener.status({ state: beenLive ? 'reconnecting' : 'connecting', attempt: failedAttempts, error: failure.error });
    retryTimer = setTimeout(attempt, backoff.next());
  }

  // socket.disconnect() reports 'io client disconnect', which the disconnect
  // handler ignores: whoever drops the socket on purpose says what comes next.
  function dropAndRetry(failure: Failure) {
    socket.disconnect();
    retryLater(failure);
  }

  function close() {
    active = false;
    clearTimeout(retryTimer);
    watchdog.disarm();
    acks.cancel();
    socket.disconnect();
  }

  function fail(failure: Failure) {
    close();
    listener.status({ state: 'failed', attempt: failedAttempts, ...failure });
  }

  function reportInvalid(message: ServerMessage, error: z.ZodError, payload: unknown) {
    listener.protocolError(`invalid ${message} from the gateway`, `${z.prettifyError(error)}\nin ${describeRaw(payload)}`);
  }

  // No payload in the detail: this can repeat for every batch of a broken gateway, and batches are large.
  function reportBeforeHello(message: ServerMessage) {
    listener.protocolError(`${message} before hello from the gateway`, 'hello must be the first message of a connection; dropped');
  }

  socket.on('connect', () => watchdog.heard());

  socket.on('connect_error', (error) => {
    if (error.message === connectErrors.unauthorized) {
      fail({ code: 'unauthorized', error: 'the gateway refused the token' });
    } else if (error.message === connectErrors.unknownRoom) {
      fail({ code: 'unknown_room', error: `the gateway has no room "${options.room}"` });
    } else {
      retryLater({ code: 'unreachable', error: `cannot reach the gateway at ${url}` });
    }
  });

  socket.on('disconnect', (reason) => {
    if (reason === 'io client disconnect') return;
    retryLater({ code: 'unreachable', error: `lost the connection to the gateway (${reason})` });
  });

  socket.on('hello', (payload) => {
    watchdog.heard();
    const version = announcedProtocol(payload);
    if (version !== undefined && version !== PROTOCOL_VERSION) {
      // Another connection will not change the gateway's version: no retry.
      fail({
        code: 'protocol',
        error: `the gateway speaks protocol version ${version}; this LiveCue speaks version ${PROTOCOL_VERSION}`,
      });
      return;
    }
    const parsed = helloSchema.safeParse(payload);
    if (!parsed.success) {
      reportInvalid('hello', parsed.error, payload);
      // Without a valid hello there is no session to file events under; a new connection may do better.
      dropAndRetry({ code: 'protocol', error: 'the gateway sent an invalid hello' });
      return;
    }
    helloReceived = true;
    beenLive = true;
    failedAttempts = 0;
    backoff.reset();
    listener.hello(parsed.data);
    // hello.serverTime is not passed on as time passing: after an outage the
    // replayed events are older than it and must count at their own times.
    listener.status({ state: 'live', attempt: 0 });
  });

  // The hot path: no parsing, no copying; the ingest pipeline validates whole batches.
  socket.on('events', (payload) => {
    watchdog.heard();
    if (helloReceived) listener.events(payload, now());
    else reportBeforeHello('events');
  });

  function onValidated<S extends z.ZodType>(
    message: Exclude<ServerMessage, 'hello' | 'events'>,
    schema: S,
    deliver: (value: z.output<S>) => void,
  ) {
    socket.on(message, (payload) => {
      watchdog.heard();
      if (!helloReceived) return reportBeforeHello(message);
      const parsed = schema.safeParse(payload);
      if (parsed.success) deliver(parsed.data);
      else reportInvalid(message, parsed.error, payload);
    });
  }
  onValidated('heartbeat', heartbeatSchema, (heartbeat) => listener.serverTime(heartbeat.serverTime));
  onValidated('gap', gapSchema, (gap) => listener.gap(gap));
  onValidated('products', productsSchema, (products) => listener.products(products));
  onValidated('end', endSchema, (end) => {
    listener.end(end);
    close();
    listener.status({ state: 'ended', attempt: 0 });
  });

  listener.status({ state: 'connecting', attempt: 0 });
  attempt();

  return {
    socket,
    ack(ack) {
      if (active) acks.push(ack);
    },
    // A pending ack is dropped, not sent on the way out: a socket.io server
    // ignores events that arrive together with the disconnect, and the next
    // connection's resume point says the same.
    stop: close,
  };
}

function authFor(options: GatewaySourceOptions, resume: ResumePoint | undefined): Auth {
  const auth: Auth = { token: options.token, room: options.room };
  if (resume) auth.resume = { session: resume.session, afterSeq: resume.afterSeq };
  return auth;
}

/** The protocol version a hello claims, if it claims one, whatever else is wrong with it. */
function announcedProtocol(payload: unknown): number | undefined {
  if (typeof payload !== 'object' || payload === null || !('protocol' in payload)) return undefined;
  return typeof payload.protocol === 'number' ? payload.protocol : undefined;
}
