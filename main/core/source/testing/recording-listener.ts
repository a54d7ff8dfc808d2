/** A SourceListener that records every call, and a way to wait for one. */
import type { End, Gap, Hello, Product } from '../../../../shared/protocol/index.js';
import type { ConnectionState, ConnectionStatus, SourceListener } from '../types.js';

export interface Recording {
  statuses: ConnectionStatus[];
  hellos: Hello[];
  batches: { payload: unknown; receivedAt: number }[];
  products: Product[][];
  gaps: Gap[];
  ends: End[];
  serverTimes: number[];
  protocolErrors: { message: string; detail: string }[];
}

export function recordingListener(): { listener: SourceListener; recording: Recording } {
  const recording: Recording = {
    statuses: [],
    hellos: [],
    batches: [],
    products: [],
    gaps: [],
    ends: [],
    serverTimes: [],
    protocolErrors: [],
  };
  const listener: SourceListener = {
    hello: (hello) => recording.hellos.push(hello),
    events: (payload, receivedAt) => recording.batches.push({ payload, receivedAt }),
    products: (products) => recording.products.push(products),
    gap: (gap) => recording.gaps.push(gap),
    end: (end) => recording.ends.push(end),
    serverTime: (serverTime) => recording.serverTimes.push(serverTime),
    status: (status) => recording.statuses.push(status),
    protocolError: (message, detail) => recording.protocolErrors.push({ message, detail }),
  };
  return { listener, recording };
}

export const statesOf = (recording: Recording): ConnectionState[] => recording.statuses.map((s) => s.state);

/** Polls `condition` until it holds; fails with `what` after `timeoutMs`. */
export async function waitUntil(condition: () => boolean, what: string, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Lets `ms` pass, to show that something does *not* happen. */
export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
