/**
 * Turns validated events into the columnar batch the writer thread stores.
 * This is the hot path: no per-event objects, and no serialization when the
 * events came with their wire text — the writer thread then slices each
 * stored event's exact text out of it (see AppendBatch.wire).
 */
import type { LiveEvent, UnknownEvent } from '../../../shared/protocol/index.js';
import type { AppendBatch, GapRow, RejectRow, RetractTarget, SessionKey } from '../store/types.js';

export class BatchBuilder {
  private batch: AppendBatch;

  constructor(private readonly session: SessionKey) {
    this.batch = BatchBuilder.empty(session);
  }

  private static empty(session: SessionKey): AppendBatch {
    return { session, seqs: [], ts: [], types: [], eids: [], bodies: [], known: [], rejects: [], minutes: [], gaps: [] };
  }

  /**
   * Starts the events of one received frame. With its wire text, `add` names
   * each stored event by its index in the frame's array and the writer slices
   * the bodies; without, `add` serializes each event.
   */
  startFrame(wire: { text: string; count: number } | null): void {
    if (this.batch.seqs.length > 0) throw new Error('a frame must start a batch');
    if (wire) this.batch.wire = { text: wire.text, keep: new Uint8Array(wire.count) };
    else delete this.batch.wire;
  }

  /** `index`: the event's position in the wire array, when there is one. */
  add(event: LiveEvent | UnknownEvent, known: boolean, index: number): void {
    const b = this.batch;
    b.seqs.push(event.seq);
    b.ts.push(event.ts);
    b.types.push(event.type);
    b.eids.push(event.id ?? null);
    b.known.push(known ? 1 : 0);
    if (b.wire) b.wire.keep[index] = 1;
    else b.bodies.push(JSON.stringify(event));
  }

  reject(row: RejectRow): void {
    this.batch.rejects.push(row);
  }

  retract(target: RetractTarget): void {
    (this.batch.retracts ??= []).push(target);
  }

  gap(row: GapRow): void {
    this.batch.gaps.push(row);
  }

  get isEmpty(): boolean {
    const b = this.batch;
    return b.seqs.length === 0 && b.rejects.length === 0 && b.gaps.length === 0;
  }

  /** Hands the batch over (after `finish` adds its side rows) and starts a new one. */
  take(finish: (batch: AppendBatch) => void): AppendBatch {
    const full = this.batch;
    finish(full);
    this.batch = BatchBuilder.empty(this.session);
    return full;
  }
}
