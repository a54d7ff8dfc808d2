/**
 * The shape of a stream over time: the rundown's segments laid out on the
 * session's length, and how strongly traffic flows at any moment (a warm-up,
 * surges in deal segments, dips in interludes, slow waves in between).
 */
import type { RundownSegment, SegmentKind } from './scenarios/index.js';

export interface Segment extends RundownSegment {
  index: number;
  startMs: number;
  endMs: number;
}

interface SegmentTraffic {
  /** Multiplies arrivals: 福利款 pulls people in, an interlude lets them drift. */
  pull: number;
  /** Multiplies how long viewers stay. */
  stay: number;
  /** Multiplies how much viewers type. */
  chat: number;
}

export const segmentTraffic: Record<SegmentKind, SegmentTraffic> = {
  opening: { pull: 0.85, stay: 1.0, chat: 1.2 },
  deal: { pull: 1.7, stay: 1.4, chat: 1.5 },
  hero: { pull: 1.15, stay: 1.1, chat: 1.0 },
  interlude: { pull: 0.75, stay: 0.8, chat: 1.3 },
  encore: { pull: 1.3, stay: 1.2, chat: 1.4 },
  closing: { pull: 0.55, stay: 0.7, chat: 0.9 },
};

const MINUTE_MS = 60_000;
/** The share of the session over which the audience builds up from the reservation crowd. */
const WARM_UP_SHARE = 0.1;
/** How long traffic takes to move from one segment's level to the next, at the planned length. */
const TRANSITION_MS = MINUTE_MS;

export class Timeline {
  readonly durationMs: number;
  readonly segments: readonly Segment[];
  /** Planned length ÷ actual length: waves and transitions shrink with a shortened run. */
  private readonly scale: number;
  private cursor = 0;

  constructor(rundown: readonly RundownSegment[], durationMs: number) {
    const plannedMs = rundown.reduce((sum, segment) => sum + segment.minutes * MINUTE_MS, 0);
    this.durationMs = durationMs;
    this.scale = durationMs / plannedMs;
    let startMs = 0;
    this.segments = rundown.map((segment, index) => {
      const endMs = index === rundown.length - 1 ? durationMs : startMs + segment.minutes * MINUTE_MS * this.scale;
      const laidOut = { ...segment, index, startMs, endMs };
      startMs = endMs;
      return laidOut;
    });
  }

  /** The segment at `offsetMs` into the session (0 ≤ offset < duration). Amortised O(1) for advancing offsets. */
  segmentAt(offsetMs: number): Segment {
    if (offsetMs < (this.segments[this.cursor]?.startMs ?? 0)) this.cursor = 0;
    while (this.cursor < this.segments.length - 1 && offsetMs >= (this.segments[this.cursor]?.endMs ?? Infinity)) this.cursor++;
    const segment = this.segments[this.cursor];
    if (!segment) throw new Error('a timeline needs at least one segment');
    return segment;
  }

  /** Relative traffic at `offsetMs`: about 1 in a regular segment at full audience. */
  intensityAt(offsetMs: number, segment: Segment): number {
    const warmUpMs = this.durationMs * WARM_UP_SHARE;
    const warmUp = offsetMs >= warmUpMs ? 1 : 0.35 + 0.65 * Math.sqrt(offsetMs / warmUpMs);
    return warmUp * this.pullAt(offsetMs, segment) * this.wavesAt(offsetMs);
  }

  /** The segment's pull, eased in from the previous segment's so traffic never jumps in one step. */
  private pullAt(offsetMs: number, segment: Segment): number {
    const pull = segmentTraffic[segment.kind].pull;
    const previous = this.segments[segment.index - 1];
    if (!previous) return pull;
    const transitionMs = Math.min(TRANSITION_MS * this.scale, (segment.endMs - segment.startMs) / 4);
    const progress = Math.min(1, (offsetMs - segment.startMs) / transitionMs);
    const before = segmentTraffic[previous.kind].pull;
    return before + (pull - before) * progress;
  }

  /** Two slow swells: attention drifts in and out even within a segment. */
  private wavesAt(offsetMs: number): number {
    const minutes = offsetMs / (MINUTE_MS * this.scale);
    return 1 + 0.15 * Math.sin((2 * Math.PI * minutes) / 11) + 0.07 * Math.sin((2 * Math.PI * minutes) / 3.7 + 1.3);
  }
}
