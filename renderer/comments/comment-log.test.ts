import { describe, expect, it } from 'vitest';
import { COMMENT_WINDOW } from '../../shared/api/contract.js';
import { comment } from '../testing/fixtures.js';
import { CommentLog } from './comment-log.js';

const seqs = (log: CommentLog) => Array.from({ length: log.size }, (_, i) => log.at(i)!.seq);
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => comment(from + i));

describe('CommentLog', () => {
  it('merges overlapping live windows once each, in seq order', () => {
    const log = new CommentLog();
    log.syncWindow(range(1, 5));
    log.syncWindow(range(3, 8));
    log.syncWindow(range(6, 10));
    expect(seqs(log)).toEqual(range(1, 10).map((c) => c.seq));
  });

  it('past its capacity drops the oldest quarter at once, with counts and lookups to match', () => {
    const log = new CommentLog(100);
    const edits = log.edits;
    log.merge(range(1, 101).map((c) => (c.seq === 1 ? { ...c, question: true } : c)));
    expect(seqs(log)).toEqual(range(27, 101).map((c) => c.seq));
    expect(log.has(1)).toBe(false);
    expect(log.count('questions')).toBe(0);
    expect(log.edits).toBeGreaterThan(edits);
  });

  it('reports no change for a window it already holds', () => {
    const log = new CommentLog();
    log.syncWindow(range(1, 5));
    expect(log.syncWindow(range(1, 5))).toBe(false);
  });

  it('slots history pages (newest first, older than the window) in front, ignoring repeats', () => {
    const log = new CommentLog();
    log.syncWindow(range(201, 400));
    log.merge(range(101, 210).reverse());
    log.merge(range(1, 120).reverse());
    expect(seqs(log)).toEqual(range(1, 400).map((c) => c.seq));
  });

  it('fills a hole between held comments and a later window', () => {
    const log = new CommentLog();
    log.syncWindow([comment(1), comment(2), comment(10)]);
    log.merge([comment(7), comment(4), comment(7)]);
    expect(seqs(log)).toEqual([1, 2, 4, 7, 10]);
  });

  it('takes the window’s newer state of a comment it holds (answered elsewhere)', () => {
    const log = new CommentLog();
    log.syncWindow([comment(1, { question: true })]);
    expect(log.count('unanswered')).toBe(1);
    log.syncWindow([comment(1, { question: true, answered: true })]);
    expect(log.at(0)!.answered).toBe(true);
    expect(log.count('unanswered')).toBe(0);
    expect(log.count('questions')).toBe(1);
  });

  it('drops a comment the window no longer shows within its range (retracted)', () => {
    const log = new CommentLog();
    log.syncWindow(range(1, 5));
    log.syncWindow([comment(1), comment(2), comment(4), comment(5), comment(6)]);
    expect(seqs(log)).toEqual([1, 2, 4, 5, 6]);
  });

  it('keeps comments older than the window when they slide out of it', () => {
    const log = new CommentLog();
    log.syncWindow(range(1, COMMENT_WINDOW));
    log.syncWindow(range(COMMENT_WINDOW / 2, COMMENT_WINDOW + 50));
    expect(log.size).toBe(COMMENT_WINDOW + 50);
  });

  it('marks comments answered by id and counts them per minute', () => {
    const log = new CommentLog();
    log.merge([comment(1, { ts: 60_000 * 10, question: true }), comment(2, { ts: 60_000 * 10 + 5, question: true }), comment(3, { ts: 60_000 * 11 })]);
    expect(log.setAnswered(['c2', 'unknown'], true)).toBe(true);
    expect(log.count('unanswered')).toBe(1);
    expect(log.inMinute(10)).toBe(2);
    expect(log.inMinute(11)).toBe(1);
  });

  it('holds 100,000 comments arriving as sliding windows, each once and in order', () => {
    const log = new CommentLog();
    const total = 100_000;
    const step = COMMENT_WINDOW / 2;
    for (let newest = step; newest <= total; newest += step) {
      log.syncWindow(range(Math.max(1, newest - COMMENT_WINDOW + 1), newest));
    }
    expect(log.size).toBe(total);
    expect(log.at(0)!.seq).toBe(1);
    expect(log.at(total - 1)!.seq).toBe(total);
    let ordered = true;
    for (let i = 1; i < total; i++) if (log.at(i)!.seq !== log.at(i - 1)!.seq + 1) ordered = false;
    expect(ordered).toBe(true);
    expect(log.count('all')).toBe(total);
  });
});
