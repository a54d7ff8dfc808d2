import { describe, expect, it } from 'vitest';
import { comment } from '../testing/fixtures.js';
import { commentSearch } from './search.js';

describe('commentSearch', () => {
  it('finds words in the text or the name, ignoring case and full-width forms', () => {
    const match = commentSearch('ＳＰＦ')!;
    expect(match(comment(1, { text: '这个spf多少' }))).toBe(true);
    expect(commentSearch('coco')!(comment(2, { userName: '小Coco', text: '好看' }))).toBe(true);
    expect(match(comment(3, { text: '防晒霜' }))).toBe(false);
  });

  it('does not match across the name and the text', () => {
    expect(commentSearch('林好')!(comment(1, { userName: '小林', text: '好看' }))).toBe(false);
  });

  it('is no search when the box is empty', () => {
    expect(commentSearch('  ')).toBeNull();
  });
});
