/**
 * The comment stream as rows: near-duplicates folded into one row with a ×N
 * counter. A comment joins the row of an equal one (same fold key) when that
 * row's newest comment is at most two minutes older; the row then moves to
 * the newest member's place, so a question asked again comes back into view
 * at the bottom instead of hiding two minutes up the stream.
 */
import type { CommentView } from '../../shared/api/contract.js';
import type { CommentLog } from './comment-log.js';
import { foldKey } from './comment-text.js';

export const FOLD_WINDOW_MS = 2 * 60_000;

export interface CommentRow {
  /** The newest comment of the row: what the row shows. */
  comment: CommentView;
  /** Comments folded into this row, itself included. */
  count: number;
  /** The row this one absorbed, which holds the older members. */
  earlier: CommentRow | null;
}

/** Every comment folded into `row`, newest first. */
export function rowMembers(row: CommentRow): CommentView[] {
  const members: CommentView[] = [];
  for (let r: CommentRow | null = row; r !== null; r = r.earlier) members.push(r.comment);
  return members;
}

/**
 * The rows of the comments that pass `matches`, kept in step with a
 * CommentLog: newer comments extend them, an edit rebuilds them. Comments
 * slotted in from history join at the next rebuild, which the caller asks
 * for: rebuilding 100,000 comments on every history page would stall the page.
 */
export class FoldedComments {
  private list: CommentRow[] = [];
  private readonly latestRowByKey = new Map<string, CommentRow>();
  /** Fold keys are pure functions of the text; a comment object is immutable, so its key is computed once. */
  private static readonly keys = new WeakMap<CommentView, string>();
  /** The newest seq taken in; newer comments are appended by the next sync. */
  private newestSeq = 0;
  private editsSeen = -1;
  private lateInsertsSeen = -1;

  constructor(private readonly matches: (comment: CommentView) => boolean) {}

  /** The rows, oldest first. The array is reused between syncs; read it right after `sync`. */
  get rows(): readonly CommentRow[] {
    return this.list;
  }

  /** Takes in what changed in the log; with `includeLate`, also the comments history slotted in since the last rebuild. */
  sync(log: CommentLog, includeLate: boolean): void {
    if (log.edits !== this.editsSeen || (includeLate && log.lateInserts !== this.lateInsertsSeen)) return this.rebuild(log);
    for (let i = log.firstIndexAtOrAfter(this.newestSeq + 1); i < log.size; i++) {
      const comment = log.at(i)!;
      if (this.matches(comment)) this.append(comment);
      this.newestSeq = comment.seq;
    }
  }

  /** All rows anew, in one pass and one filter: no row is spliced out of a long list. */
  private rebuild(log: CommentLog): void {
    const rows: CommentRow[] = [];
    const superseded = new Set<CommentRow>();
    this.latestRowByKey.clear();
    for (let i = 0; i < log.size; i++) {
      const comment = log.at(i)!;
      if (!this.matches(comment)) continue;
      const row = this.fold(comment);
      if (row.earlier) superseded.add(row.earlier);
      rows.push(row);
    }
    this.list = superseded.size === 0 ? rows : rows.filter((row) => !superseded.has(row));
    this.newestSeq = log.at(log.size - 1)?.seq ?? 0;
    this.editsSeen = log.edits;
    this.lateInsertsSeen = log.lateInserts;
  }

  private append(comment: CommentView): void {
    const row = this.fold(comment);
    if (row.earlier) {
      // The row it absorbs is at most two minutes old, so it is near the end: search backwards.
      this.list.splice(this.list.lastIndexOf(row.earlier), 1);
    }
    this.list.push(row);
  }

  /** The row `comment` makes: alone, or absorbing the newest row of its fold key when that is recent enough. */
  private fold(comment: CommentView): CommentRow {
    const key = FoldedComments.keyOf(comment);
    const previous = this.latestRowByKey.get(key);
    const row: CommentRow =
      previous !== undefined && comment.ts - previous.comment.ts <= FOLD_WINDOW_MS
        ? { comment, count: previous.count + 1, earlier: previous }
        : { comment, count: 1, earlier: null };
    this.latestRowByKey.set(key, row);
    return row;
  }

  private static keyOf(comment: CommentView): string {
    let key = FoldedComments.keys.get(comment);
    if (key === undefined) {
      key = foldKey(comment.text);
      FoldedComments.keys.set(comment, key);
    }
    return key;
  }
}
