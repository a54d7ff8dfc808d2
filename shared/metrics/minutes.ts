/**
 * The per-minute series: for each minute (floor(time / 60000)) the metrics
 * of that minute alone.
 * - Counts, sums and entries per minute: over the minute's events.
 * - Distinct users: a user counts in a minute the first time they act in it.
 * - Average watch time: presence accrued inside the minute ÷ users present
 *   at any time in it (the rolling windows' definition, over a fixed minute).
 * - Online viewers: the value at the minute's end (the latest in it while it
 *   runs); peak online: the highest value in it.
 * Every minute from the session's start to now is in the series, quiet ones
 * included, so a chart shows a lull as a lull rather than skipping it.
 */
import type { MetricValues } from './keys.js';
import type { Presence } from './presence.js';
import {
  DURATION_MS,
  ONLINE_VIEWERS,
  PEAK_ONLINE,
  PRESENCE_MS,
  PRESENT_USERS,
  TALLY_SIZE,
  metricValuesOf,
} from './tally.js';

export interface MinuteMetrics {
  /** Epoch minute: floor(epoch ms / 60000). */
  minute: number;
  values: MetricValues;
}

export interface MinutesState {
  /** Epoch minute of each entry, oldest first. */
  minutes: number[];
  /** Tally of each entry; the last one is the running minute, whose presence is not summed yet. */
  tallies: number[][];
  /** The presence integral when the running minute began. */
  presenceAtOpen: number;
  /** Index of the oldest entry changed since the last takeDirty, or null. */
  firstDirty: number | null;
}

const MS_PER_MINUTE = 60_000;
/**
 * A silence longer than a day is a clock error (no stream runs a day without
 * a single event or heartbeat): its empty minutes are not filled in, so one
 * absurd timestamp cannot fill memory. The series resumes at the new minute.
 */
const MAX_FILLED_QUIET_MINUTES = 24 * 60;

export class MinuteSeries {
  /** The running minute, and its tally. */
  private currentMinute = 0;
  private current: Float64Array = new Float64Array(TALLY_SIZE);
  private readonly minutes: number[] = [];
  private readonly tallies: Float64Array[] = [];
  /** The presence integral when the running minute began: its presence so far is "now" minus this. */
  private presenceAtOpen = 0;
  /** Index of the oldest minute changed since the last takeDirty. Only the running minute ever changes, so the dirty ones are a tail. */
  private firstDirty: number | null = null;

  /** A series starting at `startMs`, when nobody is present yet and online viewers are 0. */
  static startingAt(startMs: number): MinuteSeries {
    const series = new MinuteSeries();
    series.open(Math.floor(startMs / MS_PER_MINUTE), 0, 0, 0);
    return series;
  }

  count(slot: number, amount: number): void {
    this.current[slot]! += amount;
  }

  /** A distinct-user slot: counts the user unless their last such act was in this minute already. */
  countUser(slot: number, lastSecond: number): void {
    if (Math.floor(lastSecond / 60) !== this.currentMinute) this.current[slot]! += 1;
  }

  /** A user's presence starts: new to this minute unless they were present earlier in it (left within it). */
  userBecamePresent(lastLeaveMs: number): void {
    if (Math.floor(lastLeaveMs / MS_PER_MINUTE) !== this.currentMinute) this.current[PRESENT_USERS]! += 1;
  }

  noteOnline(online: number): void {
    this.current[ONLINE_VIEWERS] = online;
    if (online > this.current[PEAK_ONLINE]!) this.current[PEAK_ONLINE] = online;
  }

  /** The running minute changed (or may have): the store will receive it again. */
  touch(): void {
    if (this.firstDirty === null) this.firstDirty = this.minutes.length - 1;
  }

  /** Time moves on to `minute`; presence and online viewers are constant until then. */
  advanceTo(minute: number, presence: Presence, online: number): void {
    if (minute <= this.currentMinute) return;
    this.close(presence);
    const firstToOpen = minute - this.currentMinute > MAX_FILLED_QUIET_MINUTES ? minute : this.currentMinute + 1;
    for (let quiet = firstToOpen; quiet < minute; quiet++) {
      this.open(quiet, presence.accruedAt(quiet * MS_PER_MINUTE), presence.presentCount, online);
      this.close(presence);
    }
    this.open(minute, presence.accruedAt(minute * MS_PER_MINUTE), presence.presentCount, online);
  }

  /** Every minute so far; `presenceNow` is the presence integral accrued to now. */
  /** Every minute, or only the newest `newest` of them (a chart needs the last hour or so, not a whole day). */
  series(presenceNow: number, newest = Infinity): MinuteMetrics[] {
    return this.entriesFrom(Math.max(0, this.minutes.length - newest), presenceNow);
  }

  /** The minutes changed since the last call, for the store to upsert. */
  takeDirty(presenceNow: number): MinuteMetrics[] {
    if (this.firstDirty === null) return [];
    const dirty = this.entriesFrom(this.firstDirty, presenceNow);
    this.firstDirty = null;
    return dirty;
  }

  private entriesFrom(first: number, presenceNow: number): MinuteMetrics[] {
    const entries: MinuteMetrics[] = [];
    const last = this.minutes.length - 1;
    for (let index = first; index <= last; index++) {
      let tally = this.tallies[index]!;
      if (index === last) {
        tally = tally.slice();
        tally[PRESENCE_MS] = presenceNow - this.presenceAtOpen;
      }
      entries.push({ minute: this.minutes[index]!, values: metricValuesOf(tally) });
    }
    return entries;
  }

  private open(minute: number, presenceAtOpen: number, presentCount: number, online: number): void {
    this.current = new Float64Array(TALLY_SIZE);
    this.current[PRESENT_USERS] = presentCount;
    this.current[ONLINE_VIEWERS] = online;
    this.current[PEAK_ONLINE] = online;
    this.current[DURATION_MS] = MS_PER_MINUTE;
    this.currentMinute = minute;
    this.presenceAtOpen = presenceAtOpen;
    this.minutes.push(minute);
    this.tallies.push(this.current);
    this.touch();
  }

  /** The running minute is over: its presence is final. */
  private close(presence: Presence): void {
    this.current[PRESENCE_MS] = presence.accruedAt((this.currentMinute + 1) * MS_PER_MINUTE) - this.presenceAtOpen;
  }

  toJSON(): MinutesState {
    return {
      minutes: this.minutes.slice(),
      tallies: this.tallies.map((tally) => Array.from(tally)),
      presenceAtOpen: this.presenceAtOpen,
      firstDirty: this.firstDirty,
    };
  }

  static fromJSON(state: MinutesState): MinuteSeries {
    const last = state.minutes.length - 1;
    if (last < 0 || state.tallies.length !== state.minutes.length) throw new Error('metrics state: minutes and tallies disagree');
    const series = new MinuteSeries();
    for (const [index, minute] of state.minutes.entries()) {
      const values = state.tallies[index]!;
      if (values.length !== TALLY_SIZE) throw new Error(`metrics state: minute ${minute} has ${values.length} values, expected ${TALLY_SIZE}`);
      series.minutes.push(minute);
      series.tallies.push(Float64Array.from(values));
    }
    series.current = series.tallies[last]!;
    series.currentMinute = state.minutes[last]!;
    series.presenceAtOpen = state.presenceAtOpen;
    series.firstDirty = state.firstDirty;
    return series;
  }
}
