import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BRIDGE_CHANNELS, MAX_BRIDGE_MESSAGE_BYTES, type StateUpdate } from '../../shared/api/bridge.js';
import { REWRITE_TIMEOUT_MS, type RewriteLineInput } from '../../shared/api/rewriter-api.js';
import { settingsView, snapshot } from '../testing/fixtures.js';
import type { TransportStatus } from './client-bridge.js';
import { createWebBridge, RECONNECT_AFTER_SERVER_CLOSE_MS, REQUEST_TIMEOUT_MS, type BridgeSocket } from './web-bridge.js';

type AnyListener = (...args: never[]) => void;

/** The socket.io client as the bridge sees it: tests fire its events and answer its emits. */
class FakeSocket implements BridgeSocket {
  connected = false;
  connectCalls = 0;
  readonly emitted: { name: string; payload: unknown; ack: (reply: unknown) => void }[] = [];
  private readonly listeners = new Map<string, AnyListener[]>();
  readonly io = { on: (event: string, listener: AnyListener) => this.on(event, listener) };

  on(event: string, listener: AnyListener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }

  emit(event: string, name: string, payload: unknown, ack: (reply: unknown) => void): this {
    if (event === BRIDGE_CHANNELS.request) this.emitted.push({ name, payload, ack });
    return this;
  }

  connect(): this {
    this.connectCalls++;
    return this;
  }

  fire(event: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(event) ?? []) (listener as (...a: unknown[]) => void)(...args);
  }
}

function setup() {
  const socket = new FakeSocket();
  const bridge = createWebBridge(socket);
  const statuses: TransportStatus[] = [];
  bridge.onTransportStatus((s) => statuses.push(s));
  return { socket, bridge, statuses };
}

describe('web bridge requests', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('sends the request on the request channel and resolves with the host’s reply', async () => {
    const { socket, bridge } = setup();
    socket.connected = true;
    const reply = bridge.request('getSettings', {});
    expect(socket.emitted).toHaveLength(1);
    expect(socket.emitted[0]).toMatchObject({ name: 'getSettings', payload: {} });
    const value = settingsView();
    socket.emitted[0]!.ack({ ok: true, value });
    await expect(reply).resolves.toEqual({ ok: true, value });
  });

  it('gives up after the timeout with "unavailable", and ignores a reply that comes later', async () => {
    const { socket, bridge } = setup();
    socket.connected = true;
    const reply = bridge.request('markMoment', {});
    vi.advanceTimersByTime(REQUEST_TIMEOUT_MS);
    await expect(reply).resolves.toMatchObject({ ok: false, error: { code: 'unavailable' } });
    socket.emitted[0]!.ack({ ok: true, value: { id: 1, at: 0, note: null } });
    await expect(reply).resolves.toMatchObject({ ok: false });
  });

  it('waits for the rewriter as long as the host waits for its endpoint, plus the usual time', async () => {
    const { socket, bridge } = setup();
    socket.connected = true;
    const payload: RewriteLineInput = {
      product: { title: '精华', category: 'skincare', sellingPoints: [] },
      point: { audience: '', scenario: '', pain: '', benefit: '', proof: '', line: '敏感肌先试用' },
    };
    const reply = bridge.request('rewriteLine', payload);
    vi.advanceTimersByTime(REWRITE_TIMEOUT_MS + REQUEST_TIMEOUT_MS - 1);
    const value = { rewritten: false, failure: { code: 'timeout', detail: 'no reply within 20 s' } } as const;
    socket.emitted[0]!.ack({ ok: true, value });
    await expect(reply).resolves.toEqual({ ok: true, value });
  });

  it('refuses at once while disconnected rather than sending the request late', async () => {
    const { socket, bridge } = setup();
    await expect(bridge.request('command', { name: 'unpinProduct', input: {} })).resolves.toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(socket.emitted).toHaveLength(0);
  });

  it('turns a malformed reply into an error instead of passing it on', async () => {
    const { socket, bridge } = setup();
    socket.connected = true;
    const reply = bridge.request('getSettings', {});
    socket.emitted[0]!.ack('oops');
    await expect(reply).resolves.toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('refuses a request larger than the host’s socket limit with its size, without sending it', async () => {
    const { socket, bridge, statuses } = setup();
    socket.connected = true;
    socket.fire('connect');
    // 60,000 two-character Chinese notes: 360 KB in UTF-8 though only 120,000 characters.
    const reply = await bridge.request('markMoment', { note: '备注'.repeat(60_000) });
    expect(reply).toEqual({ ok: false, error: { code: 'bad_request', message: expect.stringMatching(/^markMoment is 35\d KB, more than the 256 KB one request to LiveCue may be; nothing was sent$/) } });
    expect(socket.emitted).toHaveLength(0);
    expect(statuses.at(-1)).toEqual({ state: 'connected' });
    // Just under the limit it goes.
    void bridge.request('markMoment', { note: 'x'.repeat(MAX_BRIDGE_MESSAGE_BYTES - 200) });
    expect(socket.emitted).toHaveLength(1);
  });
});

describe('web bridge status and state', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('reports connecting, connected, a refused token and a lost link with its attempts', () => {
    const { socket, statuses } = setup();
    socket.fire('connect');
    socket.fire('disconnect', 'transport close');
    socket.fire('reconnect_attempt', 3);
    socket.fire('connect_error', new Error('xhr poll error'));
    socket.fire('connect_error', new Error('unauthorized'));
    expect(statuses).toEqual([
      { state: 'connecting' },
      { state: 'connected' },
      { state: 'disconnected', attempt: 0, error: 'transport close' },
      { state: 'disconnected', attempt: 3, error: 'transport close' },
      { state: 'disconnected', attempt: 3, error: 'xhr poll error' },
      { state: 'unauthorized' },
    ]);
  });

  it('takes an HTTP 401 on the polling transport (no or stale cookie) for a refused token', () => {
    const { socket, statuses } = setup();
    socket.fire('connect_error', Object.assign(new Error('xhr poll error'), { description: 401 }));
    expect(statuses.at(-1)).toEqual({ state: 'unauthorized' });
  });

  it('reconnects by itself after the host closed the socket', () => {
    const { socket } = setup();
    socket.fire('disconnect', 'io server disconnect');
    expect(socket.connectCalls).toBe(0);
    vi.advanceTimersByTime(RECONNECT_AFTER_SERVER_CLOSE_MS);
    expect(socket.connectCalls).toBe(1);
  });

  it('passes state updates to listeners until they unsubscribe', () => {
    const { socket, bridge } = setup();
    const received: StateUpdate[] = [];
    const off = bridge.onState((u) => received.push(u));
    const update: StateUpdate = { kind: 'snapshot', snapshot: snapshot() };
    socket.fire(BRIDGE_CHANNELS.state, update);
    off();
    socket.fire(BRIDGE_CHANNELS.state, { kind: 'patch', patch: { now: 1 } });
    expect(received).toEqual([update]);
  });
});
