/**
 * Delivery to one connected client: its own cursor into the room's shared
 * stream, flow control, gaps, heartbeats and the final `end`.
 *
 * Flow control: at most `maxInFlight` events may be sent and not yet
 * acknowledged. When the window is full the client gets nothing more until
 * its `ack` arrives, so a client is never sent more than it can store, and
 * in max mode production itself waits for the fastest client's acks.
 */
import { LIMITS, type End } from '../../shared/protocol/index.js';
import type { ReplayBuffer } from './replay-buffer.js';
import type { GatewaySocket } from './wire.js';

/** What a client stream needs from its room. */
export interface StreamFeed {
  readonly sessionId: string;
  readonly buffer: ReplayBuffer;
  /** Asks for up to `count` more events past the newest (honoured when the room produces on demand). */
  demand(count: number): void;
  /** Set once the stream has ended and its last event is in the buffer. */
  readonly ending: End | undefined;
}

export interface ClientStreamOptions {
  maxInFlight: number;
  heartbeatIntervalMs: number;
}

export class ClientStream {
  private sentThrough: number;
  private ackedThrough: number;
  private endSent = false;
  private readonly heartbeat: NodeJS.Timeout;

  /** `startAfter`: the client already holds every event up to this seq (its resume point, or 0). */
  constructor(
    readonly socket: GatewaySocket,
    private readonly feed: StreamFeed,
    startAfter: number,
    private readonly options: ClientStreamOptions,
  ) {
    this.sentThrough = startAfter;
    this.ackedThrough = startAfter;
    // Refreshed whenever events go out, so it only fires after a quiet interval.
    this.heartbeat = setInterval(() => this.socket.emit('heartbeat', { serverTime: Date.now() }), options.heartbeatIntervalMs);
  }

  /** Highest seq this client has confirmed as stored. */
  get acknowledged(): number {
    return this.ackedThrough;
  }

  acknowledge(seq: number): void {
    // A client cannot have stored what it was never sent; capping keeps the window honest.
    this.ackedThrough = Math.max(this.ackedThrough, Math.min(seq, this.sentThrough));
  }

  /** Sends what the client may have now: a gap for what is gone, events up to its window, then `end` once caught up. */
  pump(): void {
    if (this.endSent || !this.socket.connected) return;
    const { buffer } = this.feed;
    for (;;) {
      this.announceGap();
      const room = this.options.maxInFlight - (this.sentThrough - this.ackedThrough);
      if (room <= 0) break;
      const wanted = Math.min(LIMITS.maxBatch, room);
      if (this.sentThrough >= buffer.lastSeq) {
        if (this.feed.ending) break;
        const before = buffer.lastSeq;
        this.feed.demand(wanted);
        if (buffer.lastSeq === before) break;
        // Producing may have pushed old events out of the buffer: check for a gap again first.
        continue;
      }
      const batch = buffer.readAfter(this.sentThrough, wanted);
      const last = batch[batch.length - 1];
      if (!last) break;
      this.socket.emit('events', batch);
      this.sentThrough = last.seq;
      this.heartbeat.refresh();
    }
    const { ending } = this.feed;
    if (ending && this.sentThrough >= buffer.lastSeq) {
      this.socket.emit('end', ending);
      this.endSent = true;
      clearInterval(this.heartbeat);
    }
  }

  close(): void {
    clearInterval(this.heartbeat);
  }

  /** Events the client still lacks that the buffer no longer holds: announced, and counted as settled for the window. */
  private announceGap(): void {
    const { droppedThrough } = this.feed.buffer;
    if (this.sentThrough >= droppedThrough) return;
    this.socket.emit('gap', { session: this.feed.sessionId, fromSeq: this.sentThrough + 1, toSeq: droppedThrough });
    this.sentThrough = droppedThrough;
    this.ackedThrough = Math.max(this.ackedThrough, droppedThrough);
  }
}
