/**
 * The gateway: a socket.io server speaking docs/PROTOCOL.md on `/live`, serving
 * one simulated (or replayed) live room.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import { basename } from 'node:path';
import { Server } from 'socket.io';
import { authSchema, connectErrors, NAMESPACE, type LiveEvent, type Room } from '../../shared/protocol/index.js';
import { ScenarioGenerator } from './generator.js';
import { resolveSimulatorOptions, type SimulatorOptions, type SimulatorSettings } from './options.js';
import { readReplayFile, ReplayProducer } from './replay.js';
import { PreparedProducer } from './prepared.js';
import { LiveRoom, type CommandListener, type LiveRoomOptions, type Pace } from './room.js';
import { scenarios } from './scenarios/index.js';
import { simulatorParser } from './events-encoder.js';
import type { ClientToServerEvents, GatewayNamespace, GatewaySocket, GatewaySocketData, ServerToClientEvents } from './wire.js';

export interface RunningSimulator {
  /** Base URL; clients connect to `${url}/live`. */
  url: string;
  /** The room id clients pass as `auth.room`. */
  room: string;
  port: number;
  sessionId: string;
  /** Starts the stream when `autoStart: false` was given; does nothing once started. */
  start(): void;
  close(): Promise<void>;
  /** Events put into the stream so far (sent to clients as their windows allow). */
  emitted(): number;
  /** Every emitted event, in seq order. Needs `keepEmitted: true`, else throws. */
  events(): Iterable<LiveEvent>;
  /** Force-drops every client connection (they may reconnect and resume). */
  disconnectAll(): void;
  /** Stops emitting once `events` events have been emitted; `null` goes on. */
  holdAfter(events: number | null): void;
  /** Forgets buffered events with seq < `seq`: a resume from before it gets a `gap`. */
  dropBufferBefore(seq: number): void;
  /** Calls `listener` once per executed command (repeats of a command id are not executed again). Returns an unsubscribe. */
  onCommand(listener: CommandListener): () => void;
}

/** Client messages are tiny (acks, commands); refuse anything large. */
const MAX_CLIENT_MESSAGE_BYTES = 64 * 1024;

export async function startSimulator(options: SimulatorOptions): Promise<RunningSimulator> {
  const settings = resolveSimulatorOptions(options);
  const log = settings.log ?? (() => {});
  const startedAt = Date.now();
  const { room, createProducer } = await roomSource(settings, log);
  const { prepared, maxEvents } = settings;
  const liveRoom = new LiveRoom({
    room,
    session: { id: `${room.id}-${startedAt.toString(36)}-${randomBytes(3).toString('hex')}`, startedAt },
    pace: paceOf(settings),
    createProducer:
      prepared && maxEvents !== undefined
        ? (_stamp, onCartChange) => new PreparedProducer(createProducer((offsetMs) => startedAt + offsetMs, onCartChange), maxEvents)
        : createProducer,
    batchIntervalMs: settings.batchIntervalMs,
    replayBufferEvents: settings.replayBufferEvents,
    minRetentionMs: settings.minRetentionMs,
    maxInFlight: settings.maxInFlightEvents,
    heartbeatIntervalMs: settings.heartbeatIntervalMs,
    maxEvents: settings.maxEvents,
    keepEmitted: settings.keepEmitted,
    log,
  });

  const httpServer = createServer();
  const io = new Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, GatewaySocketData>(httpServer, {
    serveClient: false,
    maxHttpBufferSize: MAX_CLIENT_MESSAGE_BYTES,
    parser: simulatorParser,
  });
  const live: GatewayNamespace = io.of(NAMESPACE);
  live.use(authenticate(settings.token, liveRoom));
  live.on('connection', (socket) => liveRoom.attach(socket, socket.data.auth));

  const port = await listen(httpServer, settings.port, settings.host);
  const url = `http://${settings.host.includes(':') ? `[${settings.host}]` : settings.host}:${port}`;
  log(`simulator listening on ${url}${NAMESPACE}, room ${room.id}`);
  if (settings.autoStart) liveRoom.start(startedAt);

  return {
    url,
    room: room.id,
    port,
    sessionId: liveRoom.sessionId,
    start: () => liveRoom.start(),
    close: async () => {
      liveRoom.close();
      await io.close();
    },
    emitted: () => liveRoom.emitted,
    events: () => liveRoom.events(),
    disconnectAll: () => liveRoom.disconnectAll(),
    dropBufferBefore: (seq) => liveRoom.dropBufferBefore(seq),
    holdAfter: (events) => liveRoom.holdAfter(events),
    onCommand: (listener) => liveRoom.onCommand(listener),
  };
}

function paceOf(settings: SimulatorSettings): Pace {
  if (settings.rate !== undefined) return { kind: 'rate', eventsPerSecond: settings.rate };
  if (settings.speed === 'max') return { kind: 'max' };
  return { kind: 'clock', speed: settings.speed ?? 1 };
}

async function roomSource(
  settings: SimulatorSettings,
  log: (line: string) => void,
): Promise<{ room: Room; createProducer: LiveRoomOptions['createProducer'] }> {
  if (settings.replayFile !== undefined) {
    const recording = await readReplayFile(settings.replayFile);
    log(`replay ${settings.replayFile}: ${recording.events.length} events, ${recording.skipped} lines skipped`);
    for (const problem of recording.problems) log(`  skipped ${problem}`);
    const name = basename(settings.replayFile).slice(0, 100);
    return {
      room: { id: 'replay', title: `回放 · ${name}`, host: 'replay', platform: 'replay' },
      createProducer: (stamp) => new ReplayProducer(recording.events, stamp),
    };
  }
  const scenario = scenarios[settings.scenario ?? 'skincare'];
  const plannedMinutes = scenario.rundown.reduce((sum, segment) => sum + segment.minutes, 0);
  return {
    room: scenario.room,
    createProducer: (stamp, onCartChange) =>
      new ScenarioGenerator({
        scenario,
        seed: settings.seed,
        durationMs: Math.round((settings.durationMinutes ?? plannedMinutes) * 60_000),
        // A run capped by event count keeps going past the rundown's end until it gets there.
        loop: settings.maxEvents !== undefined,
        chattiness: settings.chattiness,
        stamp,
        onCartChange,
      }),
  };
}

/** docs/PROTOCOL.md's connect checks: the token first (so a stranger learns nothing about rooms), then the room. */
function authenticate(token: string, room: LiveRoom) {
  const tokenOnly = authSchema.pick({ token: true });
  const roomOnly = authSchema.pick({ room: true });
  return (socket: GatewaySocket, next: (error?: Error) => void) => {
    const auth: unknown = socket.handshake.auth;
    const offered = tokenOnly.safeParse(auth);
    if (!offered.success || !sameSecret(offered.data.token, token)) return next(new Error(connectErrors.unauthorized));
    const asked = roomOnly.safeParse(auth);
    if (!asked.success || asked.data.room !== room.id) return next(new Error(connectErrors.unknownRoom));
    const full = authSchema.safeParse(auth);
    if (!full.success) return next(new Error('bad_auth'));
    socket.data.auth = full.data;
    next();
  };
}

/** Compares digests in constant time, so response timing does not leak the token. */
function sameSecret(offered: string, expected: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(offered), digest(expected));
}

function listen(server: ReturnType<typeof createServer>, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address();
      if (address === null || typeof address === 'string') reject(new Error('server has no TCP address'));
      else resolve(address.port);
    });
  });
}

