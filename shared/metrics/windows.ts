/**
 * Rolling windows (the last 1 and 5 minutes) and the window before each, exact
 * at one-second resolution, in O(1) per event.
 *
 * Window definition. At a time `now` in second S (= floor(now / 1000)), the
 * window of W seconds covers the W seconds S−W+1 … S: from (S−W+1)·1000 ms to
 * now, the current second included as far as it has gone.
 * - Counts and sums (PV, impressions, paid orders, GMV, refunds): over the
 *   events in those seconds. Entries per minute: PV ÷ W minutes.
 * - Distinct users: users who did the thing in those seconds.
 * - Rates: the METRICS.md ratios of the window's own figures, so one can
 *   exceed 1 (buyers in the window ÷ click users in it, when some buyers
 *   clicked before the window began).
 * - Average watch time: presence accrued inside the window ÷ users present at
 *   any time in it (present now, or absent with their last leave inside it).
 * - Online viewers: the latest value; peak online: the highest value in it.
 * - The previous window is the current window's value as it stood at the end
 *   of second S−W (recorded once per second), so "last 5 minutes vs the 5
 *   before" compares the same definition, exactly. While second S−W is
 *   before the session's start, the previous window is empty (counts 0).
 *
 * How it stays O(1): each counted slot has a ring of per-second buckets and
 * a running sum per window. A distinct-user slot's bucket for second s holds
 * the users whose LAST activity of that kind was in s; when a user acts
 * again, they move from their old bucket to the current one, so a window's
 * sum is the number of distinct users active in it. Users who left are kept
 * the same way by their last leave. When a second ends, each window drops
 * the bucket that slides out of it.
 */
import type { Presence } from './presence.js';
import {
  COUNTED_SLOT_COUNT,
  DURATION_MS,
  ONLINE_VIEWERS,
  PEAK_ONLINE,
  PRESENCE_MS,
  PRESENT_USERS,
  TALLY_SIZE,
  emptyTally,
} from './tally.js';

export const WINDOW_SECONDS = [60, 300] as const;
/** Index into WINDOW_SECONDS: 0 for the last minute, 1 for the last 5 minutes. */
export type WindowIndex = 0 | 1;
const WINDOW_COUNT = WINDOW_SECONDS.length;
const LONGEST_WINDOW_SECONDS = 300;
/** Seconds of history kept: the longest window and the one before it, whose value is read back as "previous". */
const HISTORY_SECONDS = 2 * LONGEST_WINDOW_SECONDS;

/** Bucketed slots: the tally's counted slots, then users by the second of their last leave. */
const LEFT_USERS = COUNTED_SLOT_COUNT;
const BUCKETED_SLOT_COUNT = COUNTED_SLOT_COUNT + 1;

export interface WindowsState {
  second: number;
  firstSecond: number;
  /** BUCKETED_SLOT_COUNT rings of HISTORY_SECONDS buckets, slot-major, indexed by second mod HISTORY_SECONDS. */
  buckets: number[];
  /** Per window, per bucketed slot: the sum of the buckets inside the window. */
  sums: number[];
  /** Per second (ring): the presence integral when the second began. */
  presenceAtSecondStart: number[];
  /** Per second (ring): the highest online viewers during the second. */
  peakOnlineBySecond: number[];
  /** Per window, per second (ring): the window's tally at the end of that second. */
  recorded: number[];
}

export class RollingWindows {
  /** The current second (epoch seconds): every event is counted in it, time being monotonic. */
  second: number;
  /** The second the session's clock started in; nothing before it is counted or recorded. */
  private readonly firstSecond: number;
  private readonly buckets = new Float64Array(BUCKETED_SLOT_COUNT * HISTORY_SECONDS);
  private readonly sums = new Float64Array(WINDOW_COUNT * BUCKETED_SLOT_COUNT);
  private readonly presenceAtSecondStart = new Float64Array(HISTORY_SECONDS);
  private readonly peakOnlineBySecond = new Float64Array(HISTORY_SECONDS);
  private readonly recorded = new Float64Array(WINDOW_COUNT * HISTORY_SECONDS * TALLY_SIZE);

  /** Starts at `startMs`, when nobody is present yet and online viewers are 0. */
  constructor(startMs: number) {
    this.second = Math.floor(startMs / 1000);
    this.firstSecond = this.second;
  }

  /** Adds to a counted slot in the current second. */
  add(slot: number, amount: number): void {
    this.buckets[slot * HISTORY_SECONDS + (this.second % HISTORY_SECONDS)]! += amount;
    for (let w = 0; w < WINDOW_COUNT; w++) this.sums[w * BUCKETED_SLOT_COUNT + slot]! += amount;
  }

  /** A user acts again: they leave the bucket of their previous last second for the current one. */
  moveUser(slot: number, lastSecond: number): void {
    this.withdraw(slot, lastSecond);
    this.add(slot, 1);
  }

  userLeft(): void {
    this.add(LEFT_USERS, 1);
  }

  /** A user who had left is present again: they are counted as present now, no longer by their last leave. */
  userReturned(lastLeaveMs: number): void {
    this.withdraw(LEFT_USERS, Math.floor(lastLeaveMs / 1000));
  }

  noteOnline(online: number): void {
    const slot = this.second % HISTORY_SECONDS;
    if (online > this.peakOnlineBySecond[slot]!) this.peakOnlineBySecond[slot] = online;
  }

  /**
   * Time moves on to `second`: each second that ends is recorded and slides
   * out of the windows. Nothing happens between events, so presence and
   * online viewers are constant over the seconds crossed.
   */
  advanceTo(second: number, presence: Presence, online: number): void {
    if (second - this.second > HISTORY_SECONDS + LONGEST_WINDOW_SECONDS) this.skipQuietSeconds(second, presence, online);
    while (this.second < second) this.endSecond(presence, online);
  }

  /** The window's tally now; `presenceNow` is the presence integral accrued to now. */
  current(window: WindowIndex, presenceNow: number, presentCount: number, online: number): Float64Array {
    const tally = new Float64Array(TALLY_SIZE);
    this.writeTally(tally, 0, window, presenceNow, presentCount, online);
    return tally;
  }

  /** The window's tally at the end of second now−W: the window before the current one. */
  previous(window: WindowIndex): Float64Array {
    const seconds = WINDOW_SECONDS[window];
    const second = this.second - seconds;
    if (second < this.firstSecond) return emptyTally(seconds * 1000);
    const offset = this.recordOffset(window, second);
    return this.recorded.slice(offset, offset + TALLY_SIZE);
  }

  private withdraw(slot: number, second: number): void {
    const age = this.second - second;
    // Before the start (or NEVER): in no bucket. Older than the ring: its bucket was already cleared.
    if (second < this.firstSecond || age >= HISTORY_SECONDS) return;
    this.buckets[slot * HISTORY_SECONDS + (second % HISTORY_SECONDS)]! -= 1;
    for (let w = 0; w < WINDOW_COUNT; w++) {
      if (age < WINDOW_SECONDS[w]!) this.sums[w * BUCKETED_SLOT_COUNT + slot]! -= 1;
    }
  }

  private endSecond(presence: Presence, online: number): void {
    const ending = this.second;
    const presenceAtEnd = presence.accruedAt((ending + 1) * 1000);
    for (let w = 0; w < WINDOW_COUNT; w++) {
      this.writeTally(this.recorded, this.recordOffset(w, ending), w, presenceAtEnd, presence.presentCount, online);
    }
    const next = ending + 1;
    for (let w = 0; w < WINDOW_COUNT; w++) {
      const leaving = next - WINDOW_SECONDS[w]!;
      if (leaving < this.firstSecond) continue;
      for (let slot = 0; slot < BUCKETED_SLOT_COUNT; slot++) {
        this.sums[w * BUCKETED_SLOT_COUNT + slot]! -= this.buckets[slot * HISTORY_SECONDS + (leaving % HISTORY_SECONDS)]!;
      }
    }
    const nextSlot = next % HISTORY_SECONDS;
    for (let slot = 0; slot < BUCKETED_SLOT_COUNT; slot++) this.buckets[slot * HISTORY_SECONDS + nextSlot] = 0;
    this.presenceAtSecondStart[nextSlot] = presenceAtEnd;
    this.peakOnlineBySecond[nextSlot] = online;
    this.second = next;
  }

  /**
   * After a long silence (a pause, a sleeping laptop, a clock error) only the
   * last HISTORY_SECONDS seconds are stepped through, so no time jump costs
   * more than that. Skipping is exact: every event is more than
   * HISTORY_SECONDS + LONGEST_WINDOW_SECONDS old, so each window from the
   * resume point on is empty of events, presence grows linearly and online
   * viewers are constant: exactly what stepping would have left.
   */
  private skipQuietSeconds(target: number, presence: Presence, online: number): void {
    const resumeAt = target - HISTORY_SECONDS - 1;
    this.buckets.fill(0);
    this.sums.fill(0);
    for (let second = resumeAt - LONGEST_WINDOW_SECONDS + 1; second <= resumeAt; second++) {
      this.presenceAtSecondStart[second % HISTORY_SECONDS] = presence.accruedAt(second * 1000);
      this.peakOnlineBySecond[second % HISTORY_SECONDS] = online;
    }
    this.second = resumeAt;
  }

  private writeTally(
    target: Float64Array,
    offset: number,
    window: number,
    presenceAtEnd: number,
    presentCount: number,
    online: number,
  ): void {
    const seconds = WINDOW_SECONDS[window]!;
    const sumsOffset = window * BUCKETED_SLOT_COUNT;
    for (let slot = 0; slot < COUNTED_SLOT_COUNT; slot++) target[offset + slot] = this.sums[sumsOffset + slot]!;
    const startSecond = this.second - seconds + 1;
    const presenceAtStart = startSecond <= this.firstSecond ? 0 : this.presenceAtSecondStart[startSecond % HISTORY_SECONDS]!;
    target[offset + PRESENCE_MS] = presenceAtEnd - presenceAtStart;
    target[offset + PRESENT_USERS] = presentCount + this.sums[sumsOffset + LEFT_USERS]!;
    target[offset + ONLINE_VIEWERS] = online;
    let peak = 0;
    for (let second = Math.max(startSecond, this.firstSecond); second <= this.second; second++) {
      const secondPeak = this.peakOnlineBySecond[second % HISTORY_SECONDS]!;
      if (secondPeak > peak) peak = secondPeak;
    }
    target[offset + PEAK_ONLINE] = peak;
    target[offset + DURATION_MS] = seconds * 1000;
  }

  private recordOffset(window: number, second: number): number {
    return (window * HISTORY_SECONDS + (second % HISTORY_SECONDS)) * TALLY_SIZE;
  }

  toJSON(): WindowsState {
    return {
      second: this.second,
      firstSecond: this.firstSecond,
      buckets: Array.from(this.buckets),
      sums: Array.from(this.sums),
      presenceAtSecondStart: Array.from(this.presenceAtSecondStart),
      peakOnlineBySecond: Array.from(this.peakOnlineBySecond),
      recorded: Array.from(this.recorded),
    };
  }

  static fromJSON(state: WindowsState): RollingWindows {
    const windows = new RollingWindows(state.firstSecond * 1000);
    windows.second = state.second;
    copyInto(windows.buckets, state.buckets, 'buckets');
    copyInto(windows.sums, state.sums, 'sums');
    copyInto(windows.presenceAtSecondStart, state.presenceAtSecondStart, 'presenceAtSecondStart');
    copyInto(windows.peakOnlineBySecond, state.peakOnlineBySecond, 'peakOnlineBySecond');
    copyInto(windows.recorded, state.recorded, 'recorded');
    return windows;
  }
}

/** A snapshot from another layout would be silently misread: refuse it. */
function copyInto(target: Float64Array, values: number[], name: string): void {
  if (values.length !== target.length) {
    throw new Error(`metrics state: windows.${name} has ${values.length} values, expected ${target.length}`);
  }
  target.set(values);
}
