import { afterEach, describe, expect, it, vi } from 'vitest';
import { comment } from '../../testing/fixtures.js';
import { createAppStore } from '../store.js';
import { LATE_REBUILD_MS } from './comments-slice.js';

afterEach(() => vi.useRealTimers());

describe('comments slice', () => {
  it('shows comments from history in the stream within a second, rebuilding once for a burst of pages', () => {
    vi.useFakeTimers();
    const store = createAppStore(undefined);
    const shown = () => store.getState().commentRows.map((row) => row.comment.seq);
    store.getState().syncCommentWindow([comment(10), comment(11)]);
    store.getState().addCommentHistory([comment(5)]);
    store.getState().addCommentHistory([comment(3)]);
    expect(shown()).toEqual([10, 11]);
    expect(store.getState().commentLog.size).toBe(4);
    vi.advanceTimersByTime(LATE_REBUILD_MS);
    expect(shown()).toEqual([3, 5, 10, 11]);
  });

  it('shows live comments at once', () => {
    const store = createAppStore(undefined);
    store.getState().syncCommentWindow([comment(1)]);
    store.getState().syncCommentWindow([comment(1), comment(2)]);
    expect(store.getState().commentRows.map((row) => row.comment.seq)).toEqual([1, 2]);
  });
});
