import { spawn } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { Command } from '../../../shared/protocol/index.js';
import { createGatewaySource, type GatewaySourceOptions } from './gateway-source.js';
import { WireBatch } from './wire-decoder.js';
import {
  FAKE_ROOM,
  FAKE_SESSION,
  FAKE_TOKEN,
  NO_REPLY,
  fakeComment,
  fakeHello,
  startFakeGateway,
  type FakeGateway,
  type FakeGatewayOptions,
} from './testing/fake-gateway.js';
import { pause, recordingListener, statesOf, waitUntil, type Recording } from './testing/recording-listener.js';
import type { ConnectionState, LiveSource, ResumePoint } from './types.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function gateway(options?: FakeGatewayOptions): Promise<FakeGateway> {
  const started = await startFakeGateway(options);
  cleanups.push(() => started.close());
  return started;
}

interface Started {
  source: LiveSource;
  recording: Recording;
  /** What resumePoint() answers; tests move it as if events were stored. */
  stored: { point: ResumePoint | undefined };
}

/** A source with timings short enough for tests, started against `url`. */
function start(url: string, overrides: Partial<GatewaySourceOptions> = {}): Started {
  const source = createGatewaySource({
    url,
    room: FAKE_ROOM,
    token: FAKE_TOKEN,
    silenceTimeoutMs: 5000,
    commandTimeoutMs: 300,
    backoff: { initialMs: 10, maxMs: 40, jitter: 1 },
    maxInitialAttempts: 3,
    ...overrides,
  });
  cleanups.push(() => source.stop());
  const { listener, recording } = recordingListener();
  const stored: Started['stored'] = { point: undefined };
  source.start(listener, () => stored.point);
  return { source, recording, stored };
}

const countOf = (recording: Recording, state: ConnectionState) => statesOf(recording).filter((s) => s === state).length;
const lastStatus = (recording: Recording) => recording.statuses.at(-1);

async function startLive(overrides: FakeGatewayOptions = {}, sourceOptions: Partial<GatewaySourceOptions> = {}) {
  const server = await gateway(overrides);
  const started = start(server.url, sourceOptions);
  await waitUntil(() => lastStatus(started.recording)?.state === 'live', 'live');
  return { server, ...started };
}

/** A loopback port nothing listens on. */
async function unusedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('connecting', () => {
  it('goes live on a valid hello, sending token and room and no resume point', async () => {
    const { server, recording } = await startLive();
    expect(server.connections).toEqual([{ token: FAKE_TOKEN, room: FAKE_ROOM }]);
    expect(recording.statuses).toEqual([
      { state: 'connecting', attempt: 0 },
      { state: 'live', attempt: 0 },
    ]);
    expect(recording.hellos).toEqual([fakeHello()]);
    // Replayed events after a reconnect are older than hello's clock: it must not move time on.
    expect(recording.serverTimes).toEqual([]);
  });

  it('fails with unauthorized on a wrong token, without retrying', async () => {
    const server = await gateway({ token: 'the-right-one' });
    const { recording } = start(server.url);
    await waitUntil(() => lastStatus(recording)?.state === 'failed', 'failed');
    await pause(100);
    expect(server.attempts).toHaveLength(1);
    expect(statesOf(recording)).toEqual(['connecting', 'failed']);
    expect(lastStatus(recording)).toMatchObject({ code: 'unauthorized', error: 'the gateway refused the token' });
  });

  it('fails with unknown_room on a room the gateway does not have, without retrying', async () => {
    const server = await gateway({ rooms: ['another-room'] });
    const { recording } = start(server.url);
    await waitUntil(() => lastStatus(recording)?.state === 'failed', 'failed');
    await pause(100);
    expect(server.attempts).toHaveLength(1);
    expect(lastStatus(recording)).toMatchObject({ code: 'unknown_room', error: `the gateway has no room "${FAKE_ROOM}"` });
  });

  it('gives up on an unreachable gateway after maxInitialAttempts, with an error a user can act on', async () => {
    const url = `http://127.0.0.1:${await unusedPort()}`;
    const { recording } = start(url, { maxInitialAttempts: 4 });
    await waitUntil(() => lastStatus(recording)?.state === 'failed', 'failed');
    expect(recording.statuses.map((s) => [s.state, s.attempt])).toEqual([
      ['connecting', 0],
      ['connecting', 1],
      ['connecting', 2],
      ['connecting', 3],
      ['failed', 4],
    ]);
    expect(lastStatus(recording)).toMatchObject({ code: 'unreachable', error: `cannot reach the gateway at ${url}` });
  });

  it('fails with protocol, without retrying, when the gateway speaks another protocol version', async () => {
    const server = await gateway({ onConnection: (client) => client.emit('hello', { ...fakeHello(), protocol: 2 }) });
    const { recording } = start(server.url);
    await waitUntil(() => lastStatus(recording)?.state === 'failed', 'failed');
    await pause(100);
    expect(server.connections).toHaveLength(1);
    expect(lastStatus(recording)).toMatchObject({ code: 'protocol', error: expect.stringContaining('version 2') });
    expect(recording.hellos).toEqual([]);
  });

  it('reports an invalid hello as a protocol error, tries again, and fails with protocol if it never improves', async () => {
    const server = await gateway({ onConnection: (client) => client.emit('hello', { ...fakeHello(), room: 'not a room' }) });
    const { recording } = start(server.url, { maxInitialAttempts: 2 });
    await waitUntil(() => lastStatus(recording)?.state === 'failed', 'failed');
    expect(server.connections).toHaveLength(2);
    expect(recording.protocolErrors).toHaveLength(2);
    expect(recording.protocolErrors[0]).toMatchObject({ message: 'invalid hello from the gateway', detail: expect.stringContaining('room') });
    expect(lastStatus(recording)).toMatchObject({ code: 'protocol', error: 'the gateway sent an invalid hello' });
  });
});

describe('messages', () => {
  it('passes events batches on unvalidated, with their wire text, in order, stamped with now()', async () => {
    const { server, recording } = await startLive({}, { now: () => 42 });
    const batches = [[fakeComment(1), fakeComment(2)], [fakeComment(3)], [{ seq: -1, type: 'comment', text: 7 }], 'not even an array'];
    for (const batch of batches) server.broadcast('events', batch);
    await waitUntil(() => recording.batches.length === batches.length, 'all batches arrived');
    expect(recording.batches).toEqual(batches.map((events) => ({ payload: new WireBatch(JSON.stringify(events), events), receivedAt: 42 })));
    expect(recording.protocolErrors).toEqual([]);
  });

  it('delivers valid heartbeats, products and gaps', async () => {
    const { server, recording } = await startLive();
    server.broadcast('heartbeat', { serverTime: 123 });
    server.broadcast('products', [{ id: 'p2', title: 'Cup', price: 500, stock: 3 }]);
    server.broadcast('gap', { session: FAKE_SESSION, fromSeq: 10, toSeq: 20 });
    await waitUntil(() => recording.gaps.length === 1, 'gap arrived');
    expect(recording.serverTimes.at(-1)).toBe(123);
    expect(recording.products).toEqual([[{ id: 'p2', title: 'Cup', price: 500, stock: 3 }]]);
    expect(recording.gaps).toEqual([{ session: FAKE_SESSION, fromSeq: 10, toSeq: 20 }]);
  });

  it('reports invalid heartbeats, products, gaps and ends as protocol errors and stays live', async () => {
    const { server, recording } = await startLive();
    server.broadcast('heartbeat', { serverTime: 'noon' });
    server.broadcast('products', [{ id: 'p2', price: -1 }]);
    server.broadcast('gap', { session: FAKE_SESSION, fromSeq: 20, toSeq: 10 });
    server.broadcast('end', null);
    server.broadcast('events', [fakeComment(1)]);
    await waitUntil(() => recording.batches.length === 1, 'the events after them arrived');
    expect(recording.protocolErrors.map((e) => e.message)).toEqual([
      'invalid heartbeat from the gateway',
      'invalid products from the gateway',
      'invalid gap from the gateway',
      'invalid end from the gateway',
    ]);
    expect(recording.protocolErrors[2]?.detail).toContain('toSeq must be ≥ fromSeq');
    expect(recording.products).toEqual([]);
    expect(recording.gaps).toEqual([]);
    expect(lastStatus(recording)?.state).toBe('live');
  });

  it('drops messages sent before hello, as protocol errors', async () => {
    const server = await gateway({
      onConnection: (client) => {
        client.emit('events', [fakeComment(1)]);
        client.emit('gap', { session: FAKE_SESSION, fromSeq: 1, toSeq: 2 });
        client.emit('hello', fakeHello());
        client.emit('events', [fakeComment(2)]);
      },
    });
    const { recording } = start(server.url);
    await waitUntil(() => recording.batches.length === 1, 'the batch after hello arrived');
    expect((recording.batches[0]?.payload as WireBatch).events).toEqual([fakeComment(2)]);
    expect(recording.gaps).toEqual([]);
    expect(recording.protocolErrors.map((e) => e.message)).toEqual([
      'events before hello from the gateway',
      'gap before hello from the gateway',
    ]);
  });
});

describe('reconnecting', () => {
  it.each(['protocol', 'transport'] as const)(
    'reconnects after a server-side %s disconnect, resuming after the latest stored seq',
    async (how) => {
      const { server, recording, stored } = await startLive();
      stored.point = { session: FAKE_SESSION, afterSeq: 7 };
      server.disconnectAll(how);
      await waitUntil(() => countOf(recording, 'live') === 2, 'live again');
      expect(server.connections[1]).toEqual({ token: FAKE_TOKEN, room: FAKE_ROOM, resume: { session: FAKE_SESSION, afterSeq: 7 } });
      expect(recording.statuses.map((s) => [s.state, s.attempt])).toEqual([
        ['connecting', 0],
        ['live', 0],
        ['reconnecting', 1],
        ['live', 0],
      ]);
      expect(recording.statuses[2]?.error).toMatch(/^lost the connection to the gateway/);
    },
  );

  it('keeps trying once it has been live, and resumes when the gateway comes back', async () => {
    const { server, recording, stored } = await startLive({}, { maxInitialAttempts: 1 });
    await server.close();
    await waitUntil(() => countOf(recording, 'reconnecting') >= 3, 'several failed reconnects');
    expect(statesOf(recording)).not.toContain('failed');
    expect(recording.statuses.filter((s) => s.state === 'reconnecting').map((s) => s.attempt).slice(0, 3)).toEqual([1, 2, 3]);
    stored.point = { session: FAKE_SESSION, afterSeq: 12 };
    const revived = await gateway({ port: server.port });
    await waitUntil(() => countOf(recording, 'live') === 2, 'live again');
    expect(revived.connections).toEqual([{ token: FAKE_TOKEN, room: FAKE_ROOM, resume: { session: FAKE_SESSION, afterSeq: 12 } }]);
  });

  it('reconnects when it hears nothing for silenceTimeoutMs, and not while heartbeats flow', async () => {
    let heartbeats = true;
    const { server, recording } = await startLive(
      {
        onConnection: (client) => {
          client.emit('hello', fakeHello());
          const timer = setInterval(() => heartbeats && client.emit('heartbeat', { serverTime: 1 }), 40);
          client.on('disconnect', () => clearInterval(timer));
        },
      },
      { silenceTimeoutMs: 200 },
    );
    await pause(500);
    expect(server.connections).toHaveLength(1);
    heartbeats = false;
    await waitUntil(() => server.connections.length === 2 && lastStatus(recording)?.state === 'live', 'reconnected');
    const reconnecting = recording.statuses.find((s) => s.state === 'reconnecting');
    expect(reconnecting?.error).toBe('heard nothing from the gateway for 0.2 s');
  });

  it('stops at end: ended, socket closed, no reconnect', async () => {
    const { server, recording } = await startLive();
    server.broadcast('end', { session: FAKE_SESSION, endedAt: 99 });
    await waitUntil(() => lastStatus(recording)?.state === 'ended', 'ended');
    await pause(150);
    expect(recording.ends).toEqual([{ session: FAKE_SESSION, endedAt: 99 }]);
    expect(server.clients()).toHaveLength(0);
    expect(server.connections).toHaveLength(1);
    expect(statesOf(recording)).toEqual(['connecting', 'live', 'ended']);
  });
});

describe('commands', () => {
  const pin: Command = { id: 'cmd-1', type: 'card.pin', productId: 'p1' };

  it('sends a command and resolves with the gateway reply', async () => {
    const { server, source } = await startLive();
    await expect(source.command(pin)).resolves.toEqual({ ok: true });
    expect(server.commands).toEqual([pin]);
  });

  it("passes the gateway's own error reply on", async () => {
    const refusal = { ok: false, error: { code: 'not_found', message: 'no product p1' } };
    const { source } = await startLive({ answer: () => refusal });
    await expect(source.command(pin)).resolves.toEqual(refusal);
  });

  it('turns an invalid reply into bad_reply', async () => {
    const { source } = await startLive({ answer: () => ({ ok: 'sure' }) });
    await expect(source.command(pin)).resolves.toMatchObject({ ok: false, error: { code: 'bad_reply' } });
  });

  it('resolves timeout when the gateway does not answer in time', async () => {
    const { source } = await startLive({ answer: () => NO_REPLY }, { commandTimeoutMs: 100 });
    await expect(source.command(pin)).resolves.toEqual({
      ok: false,
      error: { code: 'timeout', message: 'the gateway did not answer within 100 ms' },
    });
  });

  it('resolves offline at once when not connected: before start, unreachable, after stop', async () => {
    const offline = { ok: false, error: { code: 'offline', message: 'not connected to the gateway' } };
    const unstarted = createGatewaySource({ url: 'http://127.0.0.1:1', room: FAKE_ROOM, token: FAKE_TOKEN });
    await expect(unstarted.command(pin)).resolves.toEqual(offline);
    const { source: unreachable } = start(`http://127.0.0.1:${await unusedPort()}`);
    await expect(unreachable.command(pin)).resolves.toEqual(offline);
    const { source: stopped, server } = await startLive();
    await stopped.stop();
    await expect(stopped.command(pin)).resolves.toEqual(offline);
    expect(server.commands).toEqual([]);
  });

  it('resolves offline when the connection drops before the answer', async () => {
    const { server, source } = await startLive({ answer: () => NO_REPLY }, { commandTimeoutMs: 2000 });
    const reply = source.command(pin);
    await waitUntil(() => server.commands.length === 1, 'the gateway got the command');
    server.disconnectAll('transport');
    await expect(reply).resolves.toMatchObject({ ok: false, error: { code: 'offline' } });
  });
});

describe('acks', () => {
  it('sends only the latest of acks requested close together', async () => {
    const { server, source } = await startLive();
    for (let seq = 1; seq <= 100; seq++) source.ack(FAKE_SESSION, seq);
    await waitUntil(() => server.acks.length === 2, 'the first ack at once, then the latest of the burst');
    await pause(150);
    expect(server.acks).toEqual([
      { session: FAKE_SESSION, seq: 1 },
      { session: FAKE_SESSION, seq: 100 },
    ]);
    source.ack(FAKE_SESSION, 101);
    await waitUntil(() => server.acks.length === 3, 'the next ack arrived');
    expect(server.acks[2]).toEqual({ session: FAKE_SESSION, seq: 101 });
  });

  it('drops acks requested while offline: the resume point carries them', async () => {
    const { server, source, recording, stored } = await startLive({}, { backoff: { initialMs: 300, maxMs: 300, jitter: 0 } });
    server.disconnectAll('transport');
    await waitUntil(() => lastStatus(recording)?.state === 'reconnecting', 'reconnecting');
    source.ack(FAKE_SESSION, 5);
    stored.point = { session: FAKE_SESSION, afterSeq: 5 };
    await waitUntil(() => countOf(recording, 'live') === 2, 'live again');
    await pause(150);
    expect(server.acks).toEqual([]);
    expect(server.connections[1]?.resume).toEqual({ session: FAKE_SESSION, afterSeq: 5 });
  });
});

describe('stop', () => {
  it('delivers nothing after stop, and does not reconnect', async () => {
    const { server, source, recording } = await startLive();
    const client = server.clients()[0];
    await source.stop();
    const statusesAtStop = recording.statuses.length;
    client?.emit('events', [fakeComment(1)]);
    server.broadcast('events', [fakeComment(2)]);
    await pause(200);
    expect(recording.batches).toEqual([]);
    expect(recording.statuses).toHaveLength(statusesAtStop);
    expect(server.connections).toHaveLength(1);
    await waitUntil(() => server.clients().length === 0, 'the gateway saw the client leave');
  });

  it('cancels a pending reconnect', async () => {
    const { server, source, recording } = await startLive({}, { backoff: { initialMs: 200, maxMs: 200, jitter: 0 } });
    server.disconnectAll('transport');
    await waitUntil(() => lastStatus(recording)?.state === 'reconnecting', 'reconnecting');
    await source.stop();
    await pause(400);
    expect(server.connections).toHaveLength(1);
  });

  it('leaves nothing that keeps the process alive', async () => {
    const scenario = fileURLToPath(new URL('./testing/live-then-stop.ts', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', scenario], { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exitCode = await new Promise<number | null>((resolve) => {
      // Well under the 25 s socket.io ping and any backoff: a leak shows as a hang.
      const timer = setTimeout(() => child.kill(), 10_000);
      child.on('exit', (code) => {
        clearTimeout(timer);
        resolve(code);
      });
    });
    expect(output).toContain('stopped');
    expect(exitCode).toBe(0);
  });
});
