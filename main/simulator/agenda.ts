/**
 * Things that happen later: a click turns into an order seconds later, a
 * paid order into a refund minutes later. A ring of per-step lists indexed
 * by simulated second keeps scheduling O(1) with no sorting.
 */
export class Agenda<T> {
  private readonly slots: T[][];

  /** `horizon`: the furthest ahead (in steps) anything may be scheduled. */
  constructor(readonly horizon: number) {
    this.slots = Array.from({ length: horizon }, () => []);
  }

  /** Schedules `item` at `step`, `delay` steps after `now`; delays are kept within 1..horizon-1. */
  add(now: number, delay: number, item: T): void {
    const step = now + Math.min(Math.max(1, Math.round(delay)), this.horizon - 1);
    this.slots[step % this.horizon]?.push(item);
  }

  /** Everything due at `step`, removed from the agenda. */
  takeDue(step: number): T[] {
    const slot = step % this.horizon;
    const due = this.slots[slot] ?? [];
    if (due.length > 0) this.slots[slot] = [];
    return due;
  }
}
