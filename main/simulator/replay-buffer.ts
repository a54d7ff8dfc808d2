/**
 * The room's memory of recent events, for clients that reconnect and ask
 * for what they missed. A fixed-size ring: memory stays bounded however
 * long or fast the stream runs, and whatever falls out is remembered only
 * as "dropped through seq N", so a resume from before it gets a `gap`.
 */
import type { LiveEvent } from '../../shared/protocol/index.js';

export class ReplayBuffer {
  private readonly ring: (LiveEvent | undefined)[];
  private start = 0;
  private length = 0;
  private newestSeq = 0;
  private forgottenThrough = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`replay buffer capacity must be a positive integer, got ${capacity}`);
    this.ring = new Array<LiveEvent | undefined>(capacity);
  }

  get size(): number {
    return this.length;
  }

  /** Highest seq ever added (0 before the first). */
  get lastSeq(): number {
    return this.newestSeq;
  }

  /** Every seq up to this one is no longer held (0 while nothing was dropped). */
  get droppedThrough(): number {
    return this.forgottenThrough;
  }

  /** The newest event, if any is held. */
  newest(): LiveEvent | undefined {
    return this.length === 0 ? undefined : this.at(this.length - 1);
  }

  /** Adds the next event (seqs must increase); the oldest falls out when full. */
  push(event: LiveEvent): void {
    if (event.seq <= this.newestSeq) throw new RangeError(`seq ${event.seq} does not follow ${this.newestSeq}`);
    if (this.length === this.capacity) this.dropOldest();
    this.ring[(this.start + this.length) % this.capacity] = event;
    this.length++;
    this.newestSeq = event.seq;
  }

  /** Up to `max` held events with seq > `afterSeq`, in seq order. */
  readAfter(afterSeq: number, max: number): LiveEvent[] {
    const out: LiveEvent[] = [];
    for (let i = this.firstIndexAfter(afterSeq); i < this.length && out.length < max; i++) {
      const event = this.at(i);
      if (event) out.push(event);
    }
    return out;
  }

  /** Forgets every event with seq < `seq`. */
  dropBefore(seq: number): void {
    while (this.length > 0 && (this.at(0)?.seq ?? Infinity) < seq) this.dropOldest();
  }

  /**
   * Forgets acknowledged events (seq ≤ `throughSeq`) older than `keepSinceTs`,
   * stopping at the first one that must stay.
   */
  dropAcknowledged(throughSeq: number, keepSinceTs: number): void {
    for (let oldest = this.at(0); oldest && oldest.seq <= throughSeq && oldest.ts < keepSinceTs; oldest = this.at(0)) this.dropOldest();
  }

  private dropOldest(): void {
    const oldest = this.at(0);
    if (!oldest) return;
    this.ring[this.start] = undefined;
    this.start = (this.start + 1) % this.capacity;
    this.length--;
    this.forgottenThrough = oldest.seq;
  }

  private at(index: number): LiveEvent | undefined {
    return index < this.length ? this.ring[(this.start + index) % this.capacity] : undefined;
  }

  /** Binary search: seqs increase along the ring. */
  private firstIndexAfter(afterSeq: number): number {
    let low = 0;
    let high = this.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((this.at(mid)?.seq ?? Infinity) > afterSeq) high = mid;
      else low = mid + 1;
    }
    return low;
  }
}
