/**
 * Where a room's events come from: a scenario generator or a recorded
 * session. The room decides when to ask (on a clock, at a fixed rate, or as
 * fast as clients acknowledge); the producer decides what comes next.
 */
import type { Command, CommandReply, LiveEvent, Product } from '../../shared/protocol/index.js';

/** Maps an offset into the session (ms of live-room time) to an event's `ts`. */
export type Stamp = (offsetMs: number) => number;

export interface EventProducer {
  /**
   * Appends to `out`, in seq order, up to `max` events due at or before
   * `untilOffsetMs` (ms of live-room time since the stream started), each
   * with its `seq` and `ts` set. Returns how many it appended.
   */
  take(max: number, untilOffsetMs: number, out: LiveEvent[]): number;
  /** True once the last event has been taken. */
  readonly finished: boolean;
  /** Ends the stream now: `take` yields nothing more (used when a run is capped at N events). */
  finish(): void;
  /** The live cart as it stands now. */
  products(): Product[];
  /** Carries out a validated client command. */
  command(command: Command): CommandReply;
}
