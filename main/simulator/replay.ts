/**
 * Playing back a recorded session (JSONL, one PROTOCOL event a line) instead
 * of a scenario. Seqs are kept exactly as recorded; timestamps are re-based
 * onto the replay's clock (the same mapping scenarios use), so live figures
 * such as "last minute" make sense while it plays.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { eventProblem, isKnownEventType, type Command, type CommandReply, type LiveEvent, type Product } from '../../shared/protocol/index.js';
import { commandRejection } from './commands.js';
import type { EventProducer, Stamp } from './producer.js';

export interface ReplayRecording {
  /** Valid events of known types, in increasing seq order. */
  events: LiveEvent[];
  /** Lines that were not such an event (malformed JSON, invalid event, unknown type, seq not increasing). */
  skipped: number;
  /** The first few reasons for skipping, "line N: reason", for the log. */
  problems: string[];
}

const PROBLEMS_KEPT = 5;

/** Reads a recording; bad lines are skipped and counted, never fatal (they came from a live capture). */
export async function readReplayFile(path: string): Promise<ReplayRecording> {
  const recording: ReplayRecording = { events: [], skipped: 0, problems: [] };
  const skip = (lineNumber: number, reason: string) => {
    recording.skipped++;
    if (recording.problems.length < PROBLEMS_KEPT) recording.problems.push(`line ${lineNumber}: ${reason}`);
  };
  let lineNumber = 0;
  let lastSeq = 0;
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  for await (const line of lines) {
    lineNumber++;
    if (line.trim() === '') continue;
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch {
      skip(lineNumber, 'not JSON');
      continue;
    }
    const problem = eventProblem(raw);
    if (problem !== null) {
      skip(lineNumber, problem);
      continue;
    }
    const event = raw as LiveEvent;
    if (!isKnownEventType(event.type)) skip(lineNumber, `unknown event type ${JSON.stringify(event.type)}`);
    else if (event.seq <= lastSeq) skip(lineNumber, `seq ${event.seq} does not follow ${lastSeq}`);
    else {
      recording.events.push(event);
      lastSeq = event.seq;
    }
  }
  return recording;
}

export class ReplayProducer implements EventProducer {
  private readonly offsets: number[];
  private next = 0;
  private stopped = false;

  constructor(
    private readonly events: readonly LiveEvent[],
    private readonly stamp: Stamp,
  ) {
    const firstTs = events[0]?.ts ?? 0;
    // A recording's clock may step back a little; never before the start.
    this.offsets = events.map((event) => Math.max(0, event.ts - firstTs));
  }

  get finished(): boolean {
    return this.stopped || this.next >= this.events.length;
  }

  take(max: number, untilOffsetMs: number, out: LiveEvent[]): number {
    let taken = 0;
    while (taken < max && !this.stopped) {
      const event = this.events[this.next];
      const offset = this.offsets[this.next];
      if (event === undefined || offset === undefined || offset > untilOffsetMs) break;
      out.push({ ...event, ts: this.stamp(offset) });
      this.next++;
      taken++;
    }
    return taken;
  }

  finish(): void {
    this.stopped = true;
  }

  /** A recording carries no cart. */
  products(): Product[] {
    return [];
  }

  /** A recording cannot change: injecting events would need seqs the recording does not have. */
  command(command: Command): CommandReply {
    return commandRejection('read_only', `this room replays a recording; ${command.type} cannot change it`);
  }
}
