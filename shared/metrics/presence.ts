/**
 * Watch time in O(1) per event.
 *
 * METRICS.md: a user's presence starts at a `viewer.enter` while absent (an
 * enter while present changes nothing) and ends at their `viewer.leave` (a
 * leave while absent changes nothing) or at the session's end; while live it
 * runs until now.
 *
 * The total — the presence integral, in user·ms — is kept as a running sum
 * that grows by presentCount × elapsed ms whenever time moves. It equals
 * "closed presence + Σ(now − presentSince) over present users", but never
 * multiplies a user count by epoch milliseconds: 50,000 × 1.7e12 is past
 * 2^53, where doubles stop counting milliseconds exactly.
 */
import type { UserTable } from './users.js';

export interface PresenceState {
  accruedMs: number;
  presentCount: number;
  lastMs: number;
}

export class Presence {
  /** The presence integral up to `lastMs`. */
  accruedMs = 0;
  presentCount = 0;

  constructor(public lastMs: number) {}

  /** The integral at `ms` ≥ lastMs, when nobody enters or leaves in between. */
  accruedAt(ms: number): number {
    return this.accruedMs + this.presentCount * (ms - this.lastMs);
  }

  accrueTo(ms: number): void {
    this.accruedMs = this.accruedAt(ms);
    this.lastMs = ms;
  }

  /** Call with the integral accrued to the current time. Returns whether presence started. */
  enter(users: UserTable, user: number): boolean {
    if (users.present[user] === 1) return false;
    users.present[user] = 1;
    this.presentCount++;
    return true;
  }

  /** Call with the integral accrued to `ms`. Returns whether presence ended. */
  leave(users: UserTable, user: number, ms: number): boolean {
    if (users.present[user] !== 1) return false;
    users.present[user] = 0;
    users.lastLeaveMs[user] = ms;
    this.presentCount--;
    return true;
  }

  toJSON(): PresenceState {
    return { accruedMs: this.accruedMs, presentCount: this.presentCount, lastMs: this.lastMs };
  }

  static fromJSON(state: PresenceState): Presence {
    const presence = new Presence(state.lastMs);
    presence.accruedMs = state.accruedMs;
    presence.presentCount = state.presentCount;
    return presence;
  }
}
