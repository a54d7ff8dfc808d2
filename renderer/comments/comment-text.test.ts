import { describe, expect, it } from 'vitest';
import { clampText, foldKey, MAX_COMMENT_CHARS } from './comment-text.js';

describe('foldKey', () => {
  it('treats the same question in different punctuation, width and case as one', () => {
    const key = foldKey('多少钱');
    expect(foldKey('多少钱？？？')).toBe(key);
    expect(foldKey(' 多少钱?! ')).toBe(key);
    expect(foldKey('多 少 钱。')).toBe(key);
    expect(foldKey('ＤＵＯ少钱')).toBe(foldKey('duo少钱'));
    expect(foldKey('Link PLS')).toBe(foldKey('link pls'));
  });

  it('collapses repeated characters, so cheers of any length fold together', () => {
    expect(foldKey('666')).toBe(foldKey('66666666'));
    expect(foldKey('哈哈哈哈')).toBe(foldKey('哈哈'));
    expect(foldKey('好好好看')).toBe(foldKey('好看'));
  });

  it('ignores emoji beside words', () => {
    expect(foldKey('想要😍😍')).toBe(foldKey('想要'));
    expect(foldKey('❤️ 已拍')).toBe(foldKey('已拍'));
  });

  it('keeps an emoji-only comment distinct from other emoji and from punctuation', () => {
    expect(foldKey('❤️❤️❤️')).toBe(foldKey('❤️'));
    expect(foldKey('❤️')).not.toBe(foldKey('👍'));
    expect(foldKey('❤️')).not.toBe(foldKey('？'));
  });

  it('keeps different questions apart', () => {
    expect(foldKey('几号链接')).not.toBe(foldKey('什么价'));
    expect(foldKey('3号')).not.toBe(foldKey('5号'));
  });
});

describe('clampText', () => {
  it('shows a long comment up to the limit with an ellipsis', () => {
    const long = '很'.repeat(1000);
    const shown = clampText(long);
    expect(Array.from(shown)).toHaveLength(MAX_COMMENT_CHARS + 1);
    expect(shown.endsWith('…')).toBe(true);
  });

  it('leaves short text alone and never splits an emoji', () => {
    expect(clampText('正常评论')).toBe('正常评论');
    const emoji = '😀'.repeat(MAX_COMMENT_CHARS + 5);
    expect(Array.from(clampText(emoji)).slice(0, -1).every((c) => c === '😀')).toBe(true);
  });
});
