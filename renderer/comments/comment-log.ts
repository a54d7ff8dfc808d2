/**
 * Every comment of the session this page has seen, in seq order, held once.
 *
 * Comments arrive three ways: the live window of each update (the newest
 * 200, re-sent whole whenever it changes), history pages (newest first,
 * older than what is held) and local edits (marked answered). A session can
 * reach 100,000 comments, so the log is a mutable sorted array: the common
 * case (newer than everything held) is an append, a history page is one
 * linear merge, and views built on top of it (folding, counts) extend
 * incrementally. Two counters tell them what else happened: `edits` (a
 * comment changed or went away: rebuild now) and `lateInserts` (older
 * comments slotted in from history: rebuild when convenient).
 */
import type { CommentView } from '../../shared/api/contract.js';
import { commentFilterMatches, commentFilters, type CommentFilter } from './filters.js';

const MS_PER_MINUTE = 60_000;

export class CommentLog {
  private items: CommentView[] = [];
  private readonly seqById = new Map<string, number>();
  private readonly perMinute = new Map<number, number>();
  private readonly matching = Object.fromEntries(commentFilters.map((f) => [f, 0])) as Record<CommentFilter, number>;
  /** Bumped when a held comment changes or is removed. */
  edits = 0;
  /** Bumped when comments are inserted before the newest held. */
  lateInserts = 0;

  /**
   * At most `capacity` comments are held: past it the oldest quarter goes at
   * once (one rebuild of the views, not one per comment). Hours of a big room
   * would otherwise hold millions; the store and the recap keep them all.
   */
  constructor(private readonly capacity = 200_000) {}

  get size(): number {
    return this.items.length;
  }

  at(index: number): CommentView | undefined {
    return this.items[index];
  }

  get newestSeq(): number | null {
    return this.items[this.items.length - 1]?.seq ?? null;
  }

  has(seq: number): boolean {
    return this.indexOfSeq(seq) >= 0;
  }

  /** How many held comments pass `filter`. */
  count(filter: CommentFilter): number {
    return this.matching[filter];
  }

  /** Comments held whose event time falls in the epoch minute. */
  inMinute(minute: number): number {
    return this.perMinute.get(minute) ?? 0;
  }

  /** Adds comments in any order; one already held (same seq) is updated if it changed. Returns whether anything changed. */
  merge(incoming: readonly CommentView[]): boolean {
    let changed = false;
    let late: CommentView[] = [];
    for (const comment of incoming) {
      const newest = this.items[this.items.length - 1];
      if (newest === undefined || comment.seq > newest.seq) {
        this.items.push(comment);
        this.track(comment, 1);
        changed = true;
        continue;
      }
      const index = this.indexOfSeq(comment.seq);
      if (index >= 0) changed = this.replaceAt(index, comment) || changed;
      else late.push(comment);
    }
    if (late.length > 0) {
      late = late.sort((a, b) => a.seq - b.seq);
      this.insertSorted(late);
      changed = true;
    }
    if (this.items.length > this.capacity) this.dropOldest(this.items.length - Math.floor(this.capacity * 0.75));
    return changed;
  }

  private dropOldest(count: number): void {
    for (const comment of this.items.slice(0, count)) {
      this.track(comment, -1);
      this.seqById.delete(comment.id);
    }
    this.items.splice(0, count);
    this.edits++;
  }

  /**
   * Merges the live window and drops what the host retracted: the window
   * holds every comment between its oldest and newest seq, so a held comment
   * in that range that the window lacks was retracted (removed by the platform).
   */
  syncWindow(window: readonly CommentView[]): boolean {
    let changed = this.merge(window);
    if (window.length === 0) return changed;
    const present = new Set<number>();
    let lowest = Infinity;
    let highest = -Infinity;
    for (const c of window) {
      present.add(c.seq);
      lowest = Math.min(lowest, c.seq);
      highest = Math.max(highest, c.seq);
    }
    let index = this.firstIndexAtOrAfter(lowest);
    while (index < this.items.length && this.items[index]!.seq <= highest) {
      const comment = this.items[index]!;
      if (present.has(comment.seq)) {
        index++;
        continue;
      }
      this.items.splice(index, 1);
      this.track(comment, -1);
      this.seqById.delete(comment.id);
      this.edits++;
      changed = true;
    }
    return changed;
  }

  /** Sets `answered` on the comments with these ids. Returns whether anything changed. */
  setAnswered(ids: readonly string[], answered: boolean): boolean {
    let changed = false;
    for (const id of ids) {
      const seq = this.seqById.get(id);
      const index = seq === undefined ? -1 : this.indexOfSeq(seq);
      const comment = this.items[index];
      if (comment) changed = this.replaceAt(index, { ...comment, answered }) || changed;
    }
    return changed;
  }

  clear(): void {
    this.items = [];
    this.seqById.clear();
    this.perMinute.clear();
    for (const filter of commentFilters) this.matching[filter] = 0;
    this.edits++;
  }

  private replaceAt(index: number, next: CommentView): boolean {
    const current = this.items[index]!;
    const same =
      current.answered === next.answered &&
      current.question === next.question &&
      current.intent === next.intent &&
      current.productId === next.productId &&
      current.text === next.text;
    if (same) return false;
    this.track(current, -1);
    this.items[index] = next;
    this.track(next, 1);
    this.edits++;
    return true;
  }

  /** Merges comments (sorted by seq, none held yet, maybe repeating each other) into the log in one pass. */
  private insertSorted(sorted: readonly CommentView[]): void {
    const merged: CommentView[] = new Array<CommentView>(this.items.length + sorted.length);
    let size = 0;
    let i = 0;
    let j = 0;
    while (i < this.items.length || j < sorted.length) {
      const held = this.items[i];
      const added = sorted[j];
      if (added === undefined || (held !== undefined && held.seq < added.seq)) {
        merged[size++] = held!;
        i++;
      } else {
        if (size === 0 || merged[size - 1]!.seq !== added.seq) {
          merged[size++] = added;
          this.track(added, 1);
        }
        j++;
      }
    }
    merged.length = size;
    this.items = merged;
    this.lateInserts++;
  }

  private track(comment: CommentView, delta: 1 | -1): void {
    if (delta === 1) this.seqById.set(comment.id, comment.seq);
    const minute = Math.floor(comment.ts / MS_PER_MINUTE);
    this.perMinute.set(minute, (this.perMinute.get(minute) ?? 0) + delta);
    for (const filter of commentFilters) if (commentFilterMatches[filter](comment)) this.matching[filter] += delta;
  }

  private indexOfSeq(seq: number): number {
    const index = this.firstIndexAtOrAfter(seq);
    return this.items[index]?.seq === seq ? index : -1;
  }

  /** The index of the first comment with a seq of at least `seq` (the size when there is none). */
  firstIndexAtOrAfter(seq: number): number {
    let lo = 0;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.items[mid]!.seq < seq) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
