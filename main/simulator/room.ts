/**
 * One live room: a single event stream (seq, ts) shared by every connected
 * client, a replay buffer for reconnects, and the pacing that decides when
 * events are produced:
 *
 * - `clock`: X seconds of live-room time per real second; every tick takes
 *   what has become due. `ts` = stream start + offset / X (real time).
 * - `max`: no clock; events are produced when a client has room in its
 *   window, so the run goes exactly as fast as the fastest client acks.
 *   `ts` follows live-room time at 1x from the stream start (it runs ahead
 *   of the wall clock).
 * - `rate`: a steady N events per second whatever the scenario says; `ts` is
 *   the time the event is emitted (for latency measurements).
 */
import {
  ackSchema,
  commandSchema,
  LIMITS,
  PROTOCOL_VERSION,
  type Auth,
  type Command,
  type CommandReply,
  type End,
  type LiveEvent,
  type Product,
  type Room,
} from '../../shared/protocol/index.js';
import { ClientStream, type StreamFeed } from './client-stream.js';
import { CommandLedger, commandRejection } from './commands.js';
import type { EventProducer, Stamp } from './producer.js';
import { ReplayBuffer } from './replay-buffer.js';
import type { GatewaySocket } from './wire.js';

export type Pace = { kind: 'clock'; speed: number } | { kind: 'max' } | { kind: 'rate'; eventsPerSecond: number };

export type CommandListener = (command: Command, reply: CommandReply) => void;

export interface LiveRoomOptions {
  room: Room;
  session: { id: string; startedAt: number };
  pace: Pace;
  /** Builds the producer once the room knows how to stamp events and where to announce cart changes. */
  createProducer: (stamp: Stamp, onCartChange: (products: Product[]) => void) => EventProducer;
  batchIntervalMs: number;
  replayBufferEvents: number;
  /** Acknowledged events younger than this (by `ts`) stay replayable anyway. */
  minRetentionMs: number;
  maxInFlight: number;
  heartbeatIntervalMs: number;
  maxEvents: number | undefined;
  keepEmitted: boolean;
  log: (line: string) => void;
}

export class LiveRoom implements StreamFeed {
  readonly buffer: ReplayBuffer;
  readonly sessionId: string;
  ending: End | undefined;

  private readonly producer: EventProducer;
  private readonly clients = new Set<ClientStream>();
  private readonly ledger = new CommandLedger();
  private readonly commandListeners = new Set<CommandListener>();
  private readonly kept: LiveEvent[] | undefined;
  private readonly scratch: LiveEvent[] = [];
  /** Wall-clock time the stream started (live-room offset 0). */
  private origin = 0;
  private started = false;
  private emittedCount = 0;
  /** No events are emitted past this count until it is lifted (`holdAfter`). */
  private holdLimit = Infinity;
  private ticker: NodeJS.Timeout | undefined;
  private pumpScheduled = false;
  /** Cart changes not yet announced, oldest first: each is sent, so a short flash sale is never coalesced away. */
  private readonly cartChanges: Product[][] = [];

  constructor(private readonly options: LiveRoomOptions) {
    this.sessionId = options.session.id;
    this.buffer = new ReplayBuffer(options.replayBufferEvents);
    this.kept = options.keepEmitted ? [] : undefined;
    const { pace } = options;
    const stamp: Stamp =
      pace.kind === 'clock' ? (offsetMs) => this.origin + Math.round(offsetMs / pace.speed) : (offsetMs) => this.origin + offsetMs;
    this.producer = options.createProducer(stamp, (products) => {
      this.cartChanges.push(products);
      this.schedulePump();
    });
  }

  get id(): string {
    return this.options.room.id;
  }

  get emitted(): number {
    return this.emittedCount;
  }

  events(): readonly LiveEvent[] {
    if (!this.kept) throw new Error('the simulator keeps emitted events only with keepEmitted: true');
    return this.kept;
  }

  /**
   * Starts the stream. `origin` is the stream's time zero; a simulator that
   * starts at once passes the session's `startedAt`, so the same seed gives
   * the same timings relative to the session start in every run.
   */
  start(origin = Date.now()): void {
    if (this.started) return;
    this.started = true;
    this.origin = origin;
    const { pace, batchIntervalMs } = this.options;
    if (pace.kind !== 'max') this.ticker = setInterval(() => this.tick(), batchIntervalMs);
    this.options.log(`room ${this.id}: session ${this.sessionId} live (${describePace(pace)})`);
    this.schedulePump();
  }

  attach(socket: GatewaySocket, auth: Auth): void {
    const resume = auth.resume;
    let startAfter = 0;
    if (resume?.session === this.sessionId) startAfter = resume.afterSeq;
    else if (resume) this.options.log(`client ${socket.id} resumes session ${resume.session}, not the current one: sending this session from its start`);
    this.options.log(startAfter > 0 ? `client ${socket.id} resumes after seq ${startAfter}` : `client ${socket.id} connected`);
    socket.emit('hello', {
      protocol: PROTOCOL_VERSION,
      room: this.options.room,
      session: this.options.session,
      products: this.producer.products(),
      serverTime: Date.now(),
    });
    const { maxInFlight, heartbeatIntervalMs } = this.options;
    const client = new ClientStream(socket, this, startAfter, { maxInFlight, heartbeatIntervalMs });
    this.clients.add(client);
    socket.on('ack', (payload) => this.acknowledge(client, payload));
    socket.on('command', (payload, reply) => this.command(socket, payload, reply));
    socket.on('disconnect', () => {
      client.close();
      this.clients.delete(client);
    });
    if (this.started) client.pump();
  }

  demand(count: number): void {
    if (this.options.pace.kind !== 'max' || !this.started || this.ending) return;
    this.produce(count, Infinity, undefined);
    // Other clients waiting at the head can take the new events too.
    this.schedulePump();
  }

  /**
   * Stops emitting once `events` events have been emitted, until called
   * again with `null`: a stream that stalls at a known point, then goes on.
   */
  holdAfter(events: number | null): void {
    this.holdLimit = events ?? Infinity;
    this.schedulePump();
  }

  onCommand(listener: CommandListener): () => void {
    this.commandListeners.add(listener);
    return () => this.commandListeners.delete(listener);
  }

  /** Drops every connection (the clients reconnect and resume): for resume tests. */
  disconnectAll(): void {
    for (const client of this.clients) client.socket.disconnect(true);
  }

  dropBufferBefore(seq: number): void {
    this.buffer.dropBefore(seq);
  }

  close(): void {
    clearInterval(this.ticker);
    for (const client of this.clients) client.close();
    this.clients.clear();
  }

  private tick(): void {
    const now = Date.now();
    const { pace } = this.options;
    if (pace.kind === 'clock') this.produce(Infinity, (now - this.origin) * pace.speed, undefined);
    else if (pace.kind === 'rate') {
      const due = Math.floor(((now - this.origin) * pace.eventsPerSecond) / 1000) - this.emittedCount;
      if (due > 0) this.produce(due, Infinity, now);
    }
    this.pumpAll();
  }

  /** Moves up to `max` due events from the producer into the stream; `emitTime` overrides `ts` (rate pacing). */
  private produce(max: number, untilOffsetMs: number, emitTime: number | undefined): void {
    const { maxEvents } = this.options;
    const allowed = Math.min(max, (maxEvents ?? Infinity) - this.emittedCount, this.holdLimit - this.emittedCount);
    const batch = this.scratch;
    batch.length = 0;
    if (allowed > 0) this.producer.take(allowed, untilOffsetMs, batch);
    for (const event of batch) {
      if (emitTime !== undefined) event.ts = emitTime;
      this.buffer.push(event);
      this.kept?.push(event);
    }
    this.emittedCount += batch.length;
    batch.length = 0;
    if (maxEvents !== undefined && this.emittedCount >= maxEvents) this.producer.finish();
    if (this.producer.finished && !this.ending) this.end();
  }

  private end(): void {
    clearInterval(this.ticker);
    this.ending = { session: this.sessionId, endedAt: this.buffer.newest()?.ts ?? Date.now() };
    this.options.log(`room ${this.id}: session ${this.sessionId} ended after ${this.emittedCount} events; still serving resumes`);
    this.schedulePump();
  }

  private schedulePump(): void {
    if (this.pumpScheduled) return;
    this.pumpScheduled = true;
    setImmediate(() => {
      this.pumpScheduled = false;
      this.pumpAll();
    });
  }

  private pumpAll(): void {
    for (const client of this.clients) client.pump();
    for (const cart of this.cartChanges.splice(0)) {
      for (const client of this.clients) client.socket.emit('products', cart);
    }
  }

  private acknowledge(client: ClientStream, payload: unknown): void {
    const ack = ackSchema.safeParse(payload);
    if (!ack.success) {
      this.options.log(`client ${client.socket.id}: malformed ack ignored`);
      return;
    }
    if (ack.data.session !== this.sessionId) return;
    client.acknowledge(ack.data.seq);
    this.releaseAcknowledged();
    this.schedulePump();
  }

  /** Events every connected client has stored, and older than the retention floor, leave the buffer. */
  private releaseAcknowledged(): void {
    let storedByAll = Infinity;
    for (const client of this.clients) storedByAll = Math.min(storedByAll, client.acknowledged);
    const newest = this.buffer.newest();
    if (!newest || storedByAll === Infinity) return;
    this.buffer.dropAcknowledged(storedByAll, newest.ts - this.options.minRetentionMs);
  }

  private command(socket: GatewaySocket, payload: unknown, reply: ((answer: CommandReply) => void) | undefined): void {
    if (typeof reply !== 'function') {
      this.options.log(`client ${socket.id}: command without an acknowledgement callback ignored`);
      return;
    }
    const parsed = commandSchema.safeParse(payload);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'command'}: ${issue.message}`).join('; ');
      reply(commandRejection('bad_command', problems.slice(0, LIMITS.maxTextLength)));
      return;
    }
    const { reply: answer, repeated } = this.ledger.handle(parsed.data, (command) => this.producer.command(command));
    reply(answer);
    if (!repeated) {
      this.options.log(`client ${socket.id}: ${parsed.data.type} ${answer.ok ? 'done' : `refused (${answer.error.code})`}`);
      for (const listener of this.commandListeners) listener(parsed.data, answer);
    }
    // In clock pacing the effect (e.g. card.shown) goes out with the next tick; on demand, right away.
    this.schedulePump();
  }
}

function describePace(pace: Pace): string {
  switch (pace.kind) {
    case 'clock':
      return `${pace.speed}x`;
    case 'max':
      return 'as fast as clients acknowledge';
    case 'rate':
      return `${pace.eventsPerSecond} events/s`;
  }
}
