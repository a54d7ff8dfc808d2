/**
 * The rundown as it runs: which segment is on, how long it has left (or how
 * far over it is), and when the next one starts. Times are the live room's
 * clock (epoch ms), never the wall's, so a replay or a catch-up runs the same.
 *
 * The real boundaries are data (`SegmentRun`), stored as they happen, so a
 * restart resumes in the segment it left. With `autoAdvance` each segment
 * starts at its planned offset unless the assistant advanced to it earlier;
 * without it a segment runs until the assistant advances, and may run over.
 */
import { segmentEndSec, type PlanBody, type Segment } from './plan.js';

export interface SegmentRun {
  segmentId: string;
  startedAt: number;
  endedAt: number | null;
  /** Who moved the rundown on: the live room's clock, or the assistant. */
  by: 'clock' | 'manual';
}

export type RundownPlan = Pick<PlanBody, 'segments' | 'autoAdvance' | 'durationMin'>;

export interface RundownState {
  status: 'notStarted' | 'running' | 'finished';
  /** Index into the plan's segments of the one on now. */
  currentIndex: number | null;
  current: {
    segment: Segment;
    startedAt: number;
    elapsedMs: number;
    /** Planned duration left; negative once over time. */
    remainingMs: number;
  } | null;
  next: Segment | null;
  /** When the next segment is due by the plan (its planned offset, or the current one's planned end when advancing by hand). */
  nextDueAt: number | null;
}

/** Adds the boundaries the live room's clock has passed since the last call: the first start, automatic advances, the end. */
export function followClock(plan: RundownPlan, runs: readonly SegmentRun[], sessionStartedAt: number, now: number): SegmentRun[] {
  const result = runs.map((r) => ({ ...r }));
  if (plan.segments.length === 0 || now < sessionStartedAt) return result;
  if (result.length === 0) result.push({ segmentId: plan.segments[0]!.id, startedAt: sessionStartedAt, endedAt: null, by: 'clock' });
  if (!plan.autoAdvance) return result;
  for (;;) {
    const last = result[result.length - 1]!;
    if (last.endedAt !== null) return result;
    const index = plan.segments.findIndex((s) => s.id === last.segmentId);
    const next = plan.segments[index + 1];
    const dueAt = next ? sessionStartedAt + next.plannedStartSec * 1000 : sessionStartedAt + segmentEndSec(plan.segments[index]!) * 1000;
    if (now < dueAt) return result;
    // An early manual advance started this one after its successor's planned time: it still gets its start, not zero length.
    const at = Math.max(dueAt, last.startedAt);
    last.endedAt = at;
    if (!next) return result;
    result.push({ segmentId: next.id, startedAt: at, endedAt: null, by: 'clock' });
  }
}

/** The assistant moves on: the current segment ends now and the next starts (after the last, the rundown is finished). */
export function advance(plan: RundownPlan, runs: readonly SegmentRun[], sessionStartedAt: number, now: number): SegmentRun[] {
  const result = followClock(plan, runs, sessionStartedAt, now);
  const last = result[result.length - 1];
  if (!last || last.endedAt !== null) return result;
  last.endedAt = now;
  const next = plan.segments[plan.segments.findIndex((s) => s.id === last.segmentId) + 1];
  if (next) result.push({ segmentId: next.id, startedAt: now, endedAt: null, by: 'manual' });
  return result;
}

/** The session ended: whatever segment was on ends with it. */
export function endRundown(runs: readonly SegmentRun[], endedAt: number): SegmentRun[] {
  return runs.map((r) => (r.endedAt === null ? { ...r, endedAt: Math.max(endedAt, r.startedAt) } : { ...r }));
}

export function rundownState(plan: RundownPlan, runs: readonly SegmentRun[], sessionStartedAt: number, now: number): RundownState {
  const last = runs[runs.length - 1];
  if (!last) {
    const first = plan.segments[0] ?? null;
    return { status: 'notStarted', currentIndex: null, current: null, next: first, nextDueAt: first ? sessionStartedAt + first.plannedStartSec * 1000 : null };
  }
  const index = plan.segments.findIndex((s) => s.id === last.segmentId);
  const segment = plan.segments[index];
  if (last.endedAt !== null || !segment) return { status: 'finished', currentIndex: null, current: null, next: null, nextDueAt: null };
  const next = plan.segments[index + 1] ?? null;
  const elapsedMs = Math.max(0, now - last.startedAt);
  const plannedEnd = plan.autoAdvance ? sessionStartedAt + segmentEndSec(segment) * 1000 : last.startedAt + segment.plannedDurationSec * 1000;
  const nextDueAt = next ? (plan.autoAdvance ? sessionStartedAt + next.plannedStartSec * 1000 : plannedEnd) : null;
  return {
    status: 'running',
    currentIndex: index,
    current: { segment, startedAt: last.startedAt, elapsedMs, remainingMs: plannedEnd - now },
    next,
    nextDueAt,
  };
}

/**
 * Lays segments out back to back in the order given, from where the rundown starts (the earliest start, wherever
 * that segment moved): what reordering does, so a moved segment takes its new place in time rather than
 * overlapping its old neighbours, and moving one down and back up gives the rundown it started from.
 */
export function reflow<S extends Pick<Segment, 'plannedStartSec' | 'plannedDurationSec'>>(segments: readonly S[]): S[] {
  let at = segments.length === 0 ? 0 : Math.min(...segments.map((s) => s.plannedStartSec));
  return segments.map((s) => {
    const placed = { ...s, plannedStartSec: at };
    at += s.plannedDurationSec;
    return placed;
  });
}

/**
 * The rundown played faster: a rehearsal (彩排) against the demo room at N× runs every planned offset and length
 * N times faster, so the live room's clock meets the plan where the compressed scenario is. 1 is a real stream.
 */
export function scaleRundown<P extends RundownPlan>(plan: P, timeScale: number): P {
  if (timeScale === 1) return plan;
  return {
    ...plan,
    durationMin: plan.durationMin / timeScale,
    segments: plan.segments.map((s) => ({ ...s, plannedStartSec: s.plannedStartSec / timeScale, plannedDurationSec: s.plannedDurationSec / timeScale })),
  };
}
