import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { comment, T0 } from '../testing/fixtures.js';
import { CommentLog } from './comment-log.js';
import { commentFilterMatches } from './filters.js';
import { FOLD_WINDOW_MS, FoldedComments, rowMembers } from './folded-comments.js';

const at = (seq: number, seconds: number, text: string, extra = {}) => comment(seq, { ts: T0 + seconds * 1000, text, ...extra });

function rowsOf(log: CommentLog, view = new FoldedComments(commentFilterMatches.all)) {
  view.sync(log, true);
  return view.rows.map((row) => ({ text: row.comment.text, count: row.count }));
}

describe('FoldedComments', () => {
  it('folds near-duplicates within two minutes into one row with a counter, at the newest one’s place', () => {
    const log = new CommentLog();
    log.merge([at(1, 0, '多少钱'), at(2, 5, '好看'), at(3, 10, '多少钱？？'), at(4, 20, '多少钱!')]);
    expect(rowsOf(log)).toEqual([
      { text: '好看', count: 1 },
      { text: '多少钱!', count: 3 },
    ]);
  });

  it('starts a new row when the same text comes back after more than two minutes of silence', () => {
    const log = new CommentLog();
    const gap = FOLD_WINDOW_MS / 1000 + 1;
    log.merge([at(1, 0, '666'), at(2, gap, '6666')]);
    expect(rowsOf(log)).toEqual([
      { text: '666', count: 1 },
      { text: '6666', count: 1 },
    ]);
  });

  it('keeps every folded comment reachable, newest first (mark answered marks them all)', () => {
    const log = new CommentLog();
    log.merge([at(1, 0, '能用吗', { question: true }), at(2, 30, '能用吗？', { question: true })]);
    const view = new FoldedComments(commentFilterMatches.all);
    view.sync(log, true);
    expect(rowMembers(view.rows[0]!).map((c) => c.seq)).toEqual([2, 1]);
  });

  it('extends with new comments and rebuilds when an older one changes', () => {
    const log = new CommentLog();
    const view = new FoldedComments(commentFilterMatches.unanswered);
    log.merge([at(1, 0, '敏感肌能用吗', { question: true }), at(2, 1, '几号链接', { question: true })]);
    expect(rowsOf(log, view).map((r) => r.text)).toEqual(['敏感肌能用吗', '几号链接']);
    log.merge([at(3, 2, '发什么快递', { question: true })]);
    expect(rowsOf(log, view)).toHaveLength(3);
    log.setAnswered(['c1'], true);
    expect(rowsOf(log, view).map((r) => r.text)).toEqual(['几号链接', '发什么快递']);
  });

  it('takes in comments slotted in from history only when asked to', () => {
    const log = new CommentLog();
    const view = new FoldedComments(commentFilterMatches.all);
    log.merge([at(1, 0, 'a'), at(5, 5, 'b')]);
    view.sync(log, false);
    log.merge([at(3, 3, 'c'), at(7, 7, 'd')]);
    view.sync(log, false);
    expect(view.rows.map((r) => r.comment.text)).toEqual(['a', 'b', 'd']);
    view.sync(log, true);
    expect(view.rows.map((r) => r.comment.text)).toEqual(['a', 'c', 'b', 'd']);
  });

  it('folds within a filter only among the comments it shows', () => {
    const log = new CommentLog();
    log.merge([at(1, 0, '已拍', { intent: 'purchased' }), at(2, 1, '已拍'), at(3, 2, '已拍！', { intent: 'purchased' })]);
    expect(rowsOf(log, new FoldedComments(commentFilterMatches.purchases))).toEqual([{ text: '已拍！', count: 2 }]);
  });

  it('folds the same whether built comment by comment or all at once', () => {
    const stream = fc.array(fc.record({ text: fc.constantFrom('多少钱', '多少钱？', '666', '6666', '好看', '几号链接'), gapSeconds: fc.integer({ min: 0, max: 90 }) }), { maxLength: 60 });
    fc.assert(
      fc.property(stream, (items) => {
        const log = new CommentLog();
        const live = new FoldedComments(commentFilterMatches.all);
        let seconds = 0;
        items.forEach(({ text, gapSeconds }, i) => {
          seconds += gapSeconds;
          log.merge([at(i + 1, seconds, text)]);
          live.sync(log, false);
        });
        const rebuilt = new FoldedComments(commentFilterMatches.all);
        rebuilt.sync(log, true);
        const shape = (view: FoldedComments) => view.rows.map((row) => [row.comment.seq, row.count]);
        expect(shape(live)).toEqual(shape(rebuilt));
      }),
    );
  });
});
