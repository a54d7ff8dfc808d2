/**
 * Turns validated events into the columnar batch the writer thread stores.
 * This is the hot path: one JSON.stringify per event (the body that is kept
 * forever), no other copies, no per-event objects.
 */
import type { LiveEvent, UnknownEvent } from '../../../shared/protocol/index.js';
import type { AppendBatch, GapRow, RejectRow, SessionKey } from '../store/types.js';

export class BatchBuilder {
  private batch: AppendBatch;

  constructor(private readonly session: SessionKey) {
    this.batch = BatchBuilder.empty(session);
  }

  private static empty(session: SessionKey): AppendBatch {
    return { session, seqs: [], ts: [], types: [], eids: [], bodies: [], known: [], rejects: [], minutes: [], gaps: [] };
  }

  add(event: LiveEvent | UnknownEvent, known: boolean): void {
    const b = this.batch;
    b.seqs.push(event.seq);
    b.ts.push(event.ts);
    b.types.push(event.type);
    b.eids.push(event.id ?? null);
    b.bodies.push(JSON.stringify(event));
    b.known.push(known ? 1 : 0);
  }

  reject(row: RejectRow): void {
    this.batch.rejects.push(row);
  }

  gap(row: GapRow): void {
    this.batch.gaps.push(row);
  }

  get size(): number {
    return this.batch.seqs.length;
  }

  get isEmpty(): boolean {
    const b = this.batch;
    return b.seqs.length === 0 && b.rejects.length === 0 && b.gaps.length === 0;
  }

  /** Hands the batch over and starts a new one. */
  take(finish: (batch: AppendBatch) => void): AppendBatch {
    const full = this.batch;
    finish(full);
    this.batch = BatchBuilder.empty(this.session);
    return full;
  }
}
