import type { StateCreator } from 'zustand/vanilla';
import type { CommentView } from '../../../shared/api/contract.js';
import { CommentLog } from '../../comments/comment-log.js';
import { commentFilterMatches, commentFilters, type CommentFilter } from '../../comments/filters.js';
import { FoldedComments, type CommentRow } from '../../comments/folded-comments.js';
import { commentSearch } from '../../comments/search.js';
import type { AppState } from '../app-state.js';
import { withAlerts } from '../with-alerts.js';

/**
 * The session's comments. The log and the rows are mutable structures held
 * by identity (copying 100,000 comments several times a second is not an
 * option); `commentsVersion` changes whenever they do, and is what
 * components select to re-render.
 */
export interface CommentsSlice {
  commentLog: CommentLog;
  commentFilter: CommentFilter;
  /** What the search box holds; empty for no search. */
  commentQuery: string;
  /** The folded rows that pass the filter and the search, oldest first. */
  commentRows: readonly CommentRow[];
  commentsVersion: number;
  /** Merges a live window (the newest comments) and drops what it shows was retracted. */
  syncCommentWindow(window: readonly CommentView[]): void;
  /** Merges older comments (a history page). */
  addCommentHistory(page: readonly CommentView[]): void;
  setCommentsAnswered(ids: readonly string[], answered: boolean): void;
  setCommentFilter(filter: CommentFilter): void;
  setCommentQuery(query: string): void;
  clearComments(): void;
}

/** How long older comments from history may wait before the rows are rebuilt to include them. */
export const LATE_REBUILD_MS = 1_000;

export const createCommentsSlice: StateCreator<AppState, [], [], CommentsSlice> = (set) => {
  const log = new CommentLog();
  // One folded view per filter, kept up to date as comments arrive; a search gets its own while it lasts.
  const filterViews = new Map(commentFilters.map((filter) => [filter, new FoldedComments(commentFilterMatches[filter])]));
  let searchView: { filter: CommentFilter; query: string; view: FoldedComments } | null = null;

  const viewFor = (filter: CommentFilter, query: string): FoldedComments => {
    const search = commentSearch(query);
    if (search === null) return filterViews.get(filter)!;
    if (searchView?.filter !== filter || searchView.query !== query) {
      const matchesFilter = commentFilterMatches[filter];
      searchView = { filter, query, view: new FoldedComments((c) => matchesFilter(c) && search(c)) };
    }
    return searchView.view;
  };
  const rowsOf = (filter: CommentFilter, query: string, includeLate: boolean) => {
    const view = viewFor(filter, query);
    view.sync(log, includeLate);
    return view.rows;
  };
  const rowsChanged =
    (includeLate: boolean) =>
    (state: AppState): Partial<AppState> => ({
      commentRows: rowsOf(state.commentFilter, state.commentQuery, includeLate),
      commentsVersion: state.commentsVersion + 1,
    });

  // Older comments from history join the rows at most once a second: a burst of pages costs one rebuild.
  let lateRebuild: ReturnType<typeof setTimeout> | null = null;
  const merged = (lateInsertsBefore: number) => {
    // Comments from the host arrive inside a state update, which derives the alerts once at its end.
    set(rowsChanged(false));
    if (log.lateInserts === lateInsertsBefore || lateRebuild !== null) return;
    lateRebuild = setTimeout(() => {
      lateRebuild = null;
      set(rowsChanged(true));
    }, LATE_REBUILD_MS);
  };

  return {
    commentLog: log,
    commentFilter: 'all',
    commentQuery: '',
    commentRows: [],
    commentsVersion: 0,
    syncCommentWindow(window) {
      const lateInsertsBefore = log.lateInserts;
      if (log.syncWindow(window)) merged(lateInsertsBefore);
    },
    addCommentHistory(page) {
      const lateInsertsBefore = log.lateInserts;
      if (log.merge(page)) merged(lateInsertsBefore);
    },
    setCommentsAnswered(ids, answered) {
      // A local edit: an answered question may end the "waiting questions" alert at once.
      if (log.setAnswered(ids, answered)) set((state) => withAlerts(state, rowsChanged(true)(state)));
    },
    setCommentFilter(commentFilter) {
      set((state) => ({ commentFilter, commentRows: rowsOf(commentFilter, state.commentQuery, true), commentsVersion: state.commentsVersion + 1 }));
    },
    setCommentQuery(commentQuery) {
      set((state) => ({ commentQuery, commentRows: rowsOf(state.commentFilter, commentQuery, true), commentsVersion: state.commentsVersion + 1 }));
    },
    clearComments() {
      if (log.size === 0) return;
      log.clear();
      set(rowsChanged(true));
    },
  };
};
