/**
 * What the engine remembers about each user: bounded by users, never by
 * events. Stored column-wise (a user is an index into typed arrays) rather
 * than as an object per user: the hot path then costs one Map lookup and one
 * contiguous read per event, instead of chasing an object and its array.
 */
import { USER_SLOT_COUNT } from './tally.js';

/** The "last time" of something a user never did. Event times are ≥ 0. */
export const NEVER = -1;

const INITIAL_CAPACITY = 1024;

/** UserTable in EngineState: one entry per user in each column, in index order. */
export interface UsersState {
  ids: string[];
  present: boolean[];
  lastLeaveMs: number[];
  /** USER_SLOT_COUNT values per user. */
  lastSeconds: number[];
}

export class UserTable {
  size = 0;
  /** Whether each user is present now (1) or not (0). */
  present = new Uint8Array(INITIAL_CAPACITY);
  /** Time of each user's last leave while present (or the session's end). */
  lastLeaveMs = new Float64Array(INITIAL_CAPACITY).fill(NEVER);
  /**
   * For user u and distinct-user slot s of the tally (UV … BUYERS), at
   * u × USER_SLOT_COUNT + s: the last second (epoch seconds) u did it. One
   * number answers "counted already?" for the session (≠ NEVER), for the
   * minute (same minute) and for the rolling windows, whose histograms are
   * keyed by it.
   */
  lastSeconds = new Float64Array(INITIAL_CAPACITY * USER_SLOT_COUNT).fill(NEVER);
  private readonly indexById = new Map<string, number>();

  /** The user's index, adding the user when new. */
  indexOf(userId: string): number {
    const known = this.indexById.get(userId);
    return known === undefined ? this.add(userId) : known;
  }

  /** The user's index, or -1 for a user never seen. */
  find(userId: string): number {
    return this.indexById.get(userId) ?? -1;
  }

  private add(userId: string): number {
    if (this.size === this.present.length) this.grow();
    const index = this.size++;
    this.indexById.set(userId, index);
    return index;
  }

  /** Doubling keeps adding a user O(1) amortised. */
  private grow(): void {
    const capacity = this.present.length * 2;
    const present = new Uint8Array(capacity);
    present.set(this.present);
    const lastLeaveMs = new Float64Array(capacity).fill(NEVER);
    lastLeaveMs.set(this.lastLeaveMs);
    const lastSeconds = new Float64Array(capacity * USER_SLOT_COUNT).fill(NEVER);
    lastSeconds.set(this.lastSeconds);
    this.present = present;
    this.lastLeaveMs = lastLeaveMs;
    this.lastSeconds = lastSeconds;
  }

  /** User ids in index order. */
  ids(): string[] {
    return Array.from(this.indexById.keys());
  }

  toJSON(): UsersState {
    return {
      ids: this.ids(),
      present: Array.from(this.present.subarray(0, this.size), (flag) => flag === 1),
      lastLeaveMs: Array.from(this.lastLeaveMs.subarray(0, this.size)),
      lastSeconds: Array.from(this.lastSeconds.subarray(0, this.size * USER_SLOT_COUNT)),
    };
  }

  static fromJSON(state: UsersState): UserTable {
    const count = state.ids.length;
    if (state.present.length !== count || state.lastLeaveMs.length !== count || state.lastSeconds.length !== count * USER_SLOT_COUNT) {
      throw new Error(`metrics state: user columns disagree for ${count} users`);
    }
    const table = new UserTable();
    for (const userId of state.ids) table.add(userId);
    table.present.set(state.present.map((flag) => (flag ? 1 : 0)));
    table.lastLeaveMs.set(state.lastLeaveMs);
    table.lastSeconds.set(state.lastSeconds);
    return table;
  }
}
