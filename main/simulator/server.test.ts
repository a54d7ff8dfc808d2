import { fileURLToPath } from 'node:url';
import { io, type Socket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import {
  endSchema,
  eventTypes,
  gapSchema,
  heartbeatSchema,
  helloSchema,
  liveEventSchema,
  NAMESPACE,
  productsSchema,
  type CommandReply,
  type End,
  type Gap,
  type Hello,
  type LiveEvent,
  type Product,
} from '../../shared/protocol/index.js';
import { startSimulator, type RunningSimulator } from './server.js';
import type { SimulatorOptions } from './options.js';

const TOKEN = 'test-token';
const smallRecording = fileURLToPath(new URL('../../test/fixtures/replay-small.jsonl', import.meta.url));

const running: RunningSimulator[] = [];
const sockets: Socket[] = [];
const protocolViolations: string[] = [];
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.disconnect();
  await Promise.all(running.splice(0).map((sim) => sim.close()));
  // Every message any peer received must have matched docs/PROTOCOL.md.
  expect(protocolViolations.splice(0)).toEqual([]);
});

async function simulator(options: Partial<SimulatorOptions> = {}): Promise<RunningSimulator> {
  const sim = await startSimulator({ token: TOKEN, port: 0, ...options });
  running.push(sim);
  return sim;
}

/** What a client saw, in arrival order, validated against the protocol schemas on the way in. */
interface Peer {
  socket: Socket;
  hello?: Hello;
  events: LiveEvent[];
  batchSizes: number[];
  gaps: Gap[];
  carts: Product[][];
  heartbeats: number;
  end?: End;
  /** Message names in arrival order. */
  order: string[];
  command(payload: unknown): Promise<CommandReply>;
  ack(seq: number): void;
}

interface PeerOptions {
  token?: string;
  room?: string;
  resume?: { session: string; afterSeq: number };
  /** Acknowledge each batch as a storing client does (default true). */
  autoAck?: boolean;
}

function connect(sim: RunningSimulator, options: PeerOptions = {}): Peer {
  const socket = io(`${sim.url}${NAMESPACE}`, {
    auth: { token: options.token ?? TOKEN, room: options.room ?? sim.room, ...(options.resume ? { resume: options.resume } : {}) },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  });
  sockets.push(socket);
  const peer: Peer = {
    socket,
    events: [],
    batchSizes: [],
    gaps: [],
    carts: [],
    heartbeats: 0,
    order: [],
    command: (payload) => socket.timeout(2000).emitWithAck('command', payload),
    ack: (seq) => socket.emit('ack', { session: sim.sessionId, seq }),
  };
  const check = <T>(message: string, schema: { safeParse(value: unknown): { success: true; data: T } | { success: false } }, value: unknown) => {
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    protocolViolations.push(`${message}: ${JSON.stringify(value).slice(0, 300)}`);
    return undefined;
  };
  socket.on('hello', (hello: unknown) => {
    peer.order.push('hello');
    peer.hello = check('hello', helloSchema, hello);
  });
  socket.on('events', (batch: unknown[]) => {
    peer.order.push('events');
    peer.batchSizes.push(batch.length);
    for (const raw of batch) {
      const event = check('event', liveEventSchema, raw);
      if (event) peer.events.push(event);
    }
    if (options.autoAck !== false) peer.ack(peer.events.at(-1)?.seq ?? 0);
  });
  socket.on('gap', (gap: unknown) => {
    peer.order.push('gap');
    const valid = check('gap', gapSchema, gap);
    if (valid) peer.gaps.push(valid);
  });
  socket.on('products', (products: unknown) => {
    peer.order.push('products');
    const valid = check('products', productsSchema, products);
    if (valid) peer.carts.push(valid);
  });
  socket.on('heartbeat', (beat: unknown) => {
    peer.order.push('heartbeat');
    if (check('heartbeat', heartbeatSchema, beat)) peer.heartbeats++;
  });
  socket.on('end', (end: unknown) => {
    peer.order.push('end');
    peer.end = check('end', endSchema, end);
  });
  return peer;
}

function refusal(sim: RunningSimulator, auth: Record<string, unknown>): Promise<string> {
  const socket = io(`${sim.url}${NAMESPACE}`, { auth, transports: ['websocket'], reconnection: false, forceNew: true });
  sockets.push(socket);
  return new Promise((resolve, reject) => {
    socket.on('connect_error', (error) => resolve(error.message));
    socket.on('connect', () => reject(new Error('connected without valid credentials')));
  });
}

async function until(condition: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const withoutTs = (events: Iterable<LiveEvent>) => [...events].map(({ ts: _ts, ...rest }) => rest);
const seqRange = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('simulator gateway', () => {
  it('refuses a wrong or missing token and an unknown room', async () => {
    const sim = await simulator({ autoStart: false });
    expect(await refusal(sim, { token: 'wrong', room: sim.room })).toBe('unauthorized');
    expect(await refusal(sim, { room: sim.room })).toBe('unauthorized');
    expect(await refusal(sim, { token: TOKEN, room: 'demo-nowhere' })).toBe('unknown_room');
  });

  it('refuses contradictory or misspelt options with a message naming them', async () => {
    await expect(startSimulator({ token: TOKEN, speed: 10, rate: 100 })).rejects.toThrow(/speed or rate/);
    await expect(startSimulator({ token: TOKEN, speed: 5000 })).rejects.toThrow(/speed/);
    await expect(startSimulator({ token: TOKEN, sped: 10 } as SimulatorOptions)).rejects.toThrow(/sped/);
  });

  it('streams a 5-minute skincare session at 1000x: every event type, valid, in order, then end', async () => {
    const sim = await simulator({ scenario: 'skincare', speed: 1000, durationMinutes: 5 });
    const peer = connect(sim);
    await until(() => peer.end !== undefined, 'end');
    const { hello, events } = peer;
    expect(peer.order[0]).toBe('hello');
    expect(hello?.room.id).toBe('demo-skincare');
    expect(hello?.session.id).toBe(sim.sessionId);
    expect(events.map((event) => event.seq)).toEqual(seqRange(1, events.length));
    expect(events.length).toBe(sim.emitted());
    expect(new Set(events.map((event) => event.type))).toEqual(new Set(eventTypes));
    expect(events[0]).toMatchObject({ type: 'stream.status', status: 'live' });
    expect(events.at(-1)).toMatchObject({ type: 'stream.status', status: 'ended' });
    expect(Math.max(...peer.batchSizes)).toBeLessThanOrEqual(5000);
    // At 1000x, five live-room minutes take 0.3 s of the server's clock.
    const first = events[0]?.ts ?? 0;
    const last = events.at(-1)?.ts ?? 0;
    expect(first).toBeGreaterThanOrEqual(hello?.session.startedAt ?? Infinity);
    expect(last - first).toBe(300);
    expect(peer.end).toEqual({ session: sim.sessionId, endedAt: last });
    // The deal segment's flash price reached the client as a cart update.
    const listed = new Map(hello?.products.map((product) => [product.id, product.price]));
    const discounted = peer.carts.flat().filter((product) => product.price < (listed.get(product.id) ?? 0));
    expect(discounted.map((product) => product.id)).toContain('sk-niacinamide-serum');
    expect(peer.heartbeats).toBe(0);
  });

  it('plays the same seed the same way and another seed differently', async () => {
    const run = async (seed: number) => {
      const sim = await simulator({ seed, speed: 'max', maxEvents: 2000, keepEmitted: true });
      const peer = connect(sim);
      await until(() => peer.end !== undefined, 'end');
      const events = [...sim.events()];
      const origin = events[0]?.ts ?? 0;
      return events.map((event) => ({ ...event, ts: event.ts - origin }));
    };
    const first = await run(9);
    expect(await run(9)).toEqual(first);
    expect(await run(10)).not.toEqual(first);
  });

  it('sends a heartbeat while there is nothing to send, and events once the stream starts', async () => {
    const sim = await simulator({ autoStart: false, heartbeatIntervalMs: 50 });
    const peer = connect(sim);
    await until(() => peer.heartbeats >= 2, 'two heartbeats');
    expect(peer.events).toHaveLength(0);
    sim.start();
    await until(() => peer.events.length > 0, 'events');
    expect(peer.events[0]).toMatchObject({ seq: 1, type: 'stream.status', status: 'live' });
  });

  it('replays exactly the missing events when a client resumes after a disconnect', async () => {
    const sim = await simulator({ speed: 200, durationMinutes: 2, keepEmitted: true });
    const first = connect(sim);
    await until(() => first.events.length >= 300, '300 events');
    const stored = [...first.events];
    sim.disconnectAll();
    await pause(100); // the room goes on while the client is away
    const afterSeq = stored.at(-1)?.seq ?? 0;
    const second = connect(sim, { resume: { session: sim.sessionId, afterSeq } });
    await until(() => second.end !== undefined, 'end');
    expect(second.gaps).toEqual([]);
    expect(second.events[0]?.seq).toBe(afterSeq + 1);
    const combined = [...stored, ...second.events];
    expect(combined.map((event) => event.seq)).toEqual(seqRange(1, sim.emitted()));
    expect(combined).toEqual([...sim.events()]);
  });

  it('announces a gap for what the buffer no longer holds, then continues', async () => {
    const sim = await simulator({ speed: 'max', maxEvents: 3000, keepEmitted: true });
    const first = connect(sim);
    await until(() => first.end !== undefined, 'end');
    sim.dropBufferBefore(1001);

    const resumed = connect(sim, { resume: { session: sim.sessionId, afterSeq: 500 } });
    await until(() => resumed.end !== undefined, 'end after resume');
    expect(resumed.order.slice(0, 3)).toEqual(['hello', 'gap', 'events']);
    expect(resumed.gaps).toEqual([{ session: sim.sessionId, fromSeq: 501, toSeq: 1000 }]);
    expect(resumed.events).toEqual([...sim.events()].slice(1000));

    // A resume for another session starts this session from the beginning: here, from the gap.
    const stranger = connect(sim, { resume: { session: 'an-old-session', afterSeq: 2500 } });
    await until(() => stranger.end !== undefined, 'end for a stranger');
    expect(stranger.gaps).toEqual([{ session: sim.sessionId, fromSeq: 1, toSeq: 1000 }]);
    expect(stranger.events[0]?.seq).toBe(1001);
  });

  it('lets acknowledged events leave the buffer once the retention floor allows', async () => {
    const sim = await simulator({ speed: 'max', maxEvents: 2000, minRetentionMs: 0 });
    const storer = connect(sim);
    await until(() => storer.end !== undefined, 'end');
    await pause(50); // the last ack reaches the server
    const latecomer = connect(sim);
    await until(() => latecomer.end !== undefined, 'end for the latecomer');
    const gap = latecomer.gaps[0];
    expect(gap?.fromSeq).toBe(1);
    expect(gap?.toSeq).toBeGreaterThan(1500);
    expect(latecomer.events[0]?.seq).toBe((gap?.toSeq ?? 0) + 1);
    expect(latecomer.events.at(-1)?.seq).toBe(2000);
  });

  it('in max mode never sends a client more than its window of unacknowledged events', async () => {
    const sim = await simulator({ speed: 'max', maxInFlightEvents: 2000 });
    const slow = connect(sim, { autoAck: false });
    await until(() => slow.events.length >= 2000, 'a full window');
    await pause(200);
    expect(slow.events).toHaveLength(2000);
    expect(sim.emitted()).toBe(2000); // production waits for the client too
    slow.ack(1000);
    await until(() => slow.events.length >= 3000, 'the window to reopen');
    await pause(100);
    expect(slow.events).toHaveLength(3000);
    expect(slow.events.map((event) => event.seq)).toEqual(seqRange(1, 3000));
  });

  it('in max mode delivers a capped run as fast as the client acknowledges', async () => {
    const sim = await simulator({ speed: 'max', maxEvents: 20_000 });
    const peer = connect(sim);
    await until(() => peer.end !== undefined, 'end');
    expect(peer.events).toHaveLength(20_000);
    expect(peer.events.at(-1)?.seq).toBe(20_000);
    expect(sim.emitted()).toBe(20_000);
  });

  it('holds a max-speed stream at a given count, then goes on to the end when released', async () => {
    const sim = await simulator({ speed: 'max', maxEvents: 8_000 });
    sim.holdAfter(3_000);
    const peer = connect(sim);
    await until(() => peer.events.length >= 3_000, 'the held count');
    await pause(200);
    expect(peer.events).toHaveLength(3_000);
    expect(peer.end).toBeUndefined();
    sim.holdAfter(null);
    await until(() => peer.end !== undefined, 'end');
    expect(peer.events.map((event) => event.seq)).toEqual(seqRange(1, 8_000));
  });

  it('at a fixed rate, sends that many events per second, each stamped with its emit time', async () => {
    const RATE = 2000;
    const EVENTS = 1000;
    const sim = await simulator({ rate: RATE, maxEvents: EVENTS, batchIntervalMs: 10 });
    const peer = connect(sim);
    const arrivals: number[] = [];
    peer.socket.on('events', () => arrivals.push(Date.now()));
    await until(() => peer.end !== undefined, 'end');
    expect(peer.events).toHaveLength(EVENTS);
    // Checked at each moment the gateway sent (the stamps), not against a
    // wall-clock budget, so a busy machine cannot fail it: by then it has sent
    // what RATE allows since the session started, give or take one event. More
    // would be a burst; fewer, a stream that fell behind instead of catching up.
    const startedAt = peer.hello?.session.startedAt ?? NaN;
    const sentBy = new Map<number, number>();
    peer.events.forEach((event, index) => sentBy.set(event.ts, index + 1));
    const offSchedule = [...sentBy]
      .map(([ts, sent]) => ({ atMs: ts - startedAt, sent, allowed: Math.min(EVENTS, Math.floor(((ts - startedAt) * RATE) / 1000)) }))
      .filter(({ sent, allowed }) => sent > allowed || sent < allowed - 1);
    expect(offSchedule).toEqual([]);
    expect(sentBy.size).toBeGreaterThan(1); // spread over several sends, not one
    // Stamped when sent: no event arrives before its ts (same host clock); the
    // upper bound only catches stamps far older than the send, as delivery on a
    // loaded machine may lag.
    const lastArrival = arrivals.at(-1) ?? 0;
    expect(lastArrival).toBeGreaterThanOrEqual(peer.events.at(-1)?.ts ?? Infinity);
    expect(lastArrival - (peer.events.at(-1)?.ts ?? 0)).toBeLessThan(5_000);
  });

  it('pins and unpins cards, refuses unknown products and bad commands, and runs each command id once', async () => {
    const sim = await simulator({ speed: 1 });
    const executed: string[] = [];
    sim.onCommand((command) => executed.push(command.id));
    const peer = connect(sim);
    await until(() => peer.events.length > 0, 'first events');
    const shownCream = () => peer.events.filter((event) => event.type === 'card.shown' && event.productId === 'sk-repair-cream');

    const pin = { id: 'pin-1', type: 'card.pin', productId: 'sk-repair-cream' };
    expect(await peer.command(pin)).toEqual({ ok: true });
    await until(() => shownCream().length === 1, 'card.shown');
    expect(await peer.command(pin)).toEqual({ ok: true });
    await pause(150);
    expect(shownCream()).toHaveLength(1);

    expect(await peer.command({ id: 'pin-2', type: 'card.pin', productId: 'sk-nothing' })).toMatchObject({
      ok: false,
      error: { code: 'unknown_product' },
    });
    expect(await peer.command({ type: 'card.pin', productId: 'sk-repair-cream' })).toMatchObject({ ok: false, error: { code: 'bad_command' } });
    expect(await peer.command({ id: 'coupon-1', type: 'coupon.push', couponId: 'sk-fans-20' })).toEqual({ ok: true });
    expect(await peer.command({ id: 'comment-1', type: 'comment.pin', commentId: 'c1' })).toEqual({ ok: true });
    expect(await peer.command({ id: 'unpin-1', type: 'card.unpin' })).toEqual({ ok: true });
    await until(() => peer.events.some((event) => event.type === 'card.hidden' && event.productId === 'sk-repair-cream'), 'card.hidden');
    expect(executed).toEqual(['pin-1', 'pin-2', 'coupon-1', 'comment-1', 'unpin-1']);
  });

  it('plays a recorded session with its own seqs, skipping the bad lines', async () => {
    const log: string[] = [];
    const sim = await simulator({ replayFile: smallRecording, speed: 'max', log: (line) => log.push(line) });
    const peer = connect(sim);
    await until(() => peer.end !== undefined, 'end');
    expect(peer.hello?.room.id).toBe('replay');
    expect(peer.events.map((event) => event.seq)).toEqual([1, 2, 3, 4, 5, 6, 8, 9, 10, 12, 13]);
    expect(peer.events[3]).toMatchObject({ type: 'comment', id: 'c9001', text: '3号多少钱' });
    // Spacing as recorded (seq 1 → 13 took 9 s), on the replay's clock.
    expect((peer.events.at(-1)?.ts ?? 0) - (peer.events[0]?.ts ?? 0)).toBe(9000);
    expect(log.some((line) => line.includes('4 lines skipped'))).toBe(true);
    expect(await peer.command({ id: 'p', type: 'card.pin', productId: 'sk-sunscreen' })).toMatchObject({ ok: false, error: { code: 'read_only' } });
    expect(withoutTs(peer.events)).toContainEqual({ seq: 6, type: 'card.shown', productId: 'sk-sunscreen' });
  });
});
