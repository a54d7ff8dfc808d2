/**
 * Normalisation is what lets one lexicon entry match a comment however it
 * was typed: these are the spellings a host's assistant sees in a real room.
 */
import { describe, expect, it } from 'vitest';
import { chineseNumber, normalise } from './normalise.js';

describe('normalise', () => {
  it('turns full-width digits, letters and punctuation into ASCII, lower case', () => {
    expect(normalise('５号ＸＬ码有吗？')).toBe('5号xl码有吗?');
    expect(normalise('ＯＫ　已付款！')).toBe('ok 已付款!');
  });

  it('writes traditional characters in their simplified form', () => {
    expect(normalise('這件衣服還有貨嗎')).toBe('这件衣服还有货吗');
    expect(normalise('運費險怎麼買')).toBe('运费险怎么买');
  });

  it('collapses runs of punctuation, keeping a question mark when the run has one', () => {
    expect(normalise('发货了没？？？')).toBe('发货了没?');
    expect(normalise('好便宜!!!!')).toBe('好便宜!');
    expect(normalise('真的吗!?!?')).toBe('真的吗?');
  });

  it('collapses repeated characters and repeated phrases, but never digits', () => {
    expect(normalise('哈哈哈哈哈哈')).toBe('哈哈');
    expect(normalise('补货补货补货')).toBe('补货');
    expect(normalise('冲鸭冲鸭')).toBe('冲鸭');
    expect(normalise('口红888色还有吗')).toBe('口红888色还有吗');
  });

  it('keeps an A-not-A followed by a negation whole (会不会不够 is not 会不 said twice)', () => {
    expect(normalise('冬天用会不会不够滋润')).toBe('冬天用会不会不够滋润');
    expect(normalise('能不能不要赠品')).toBe('能不能不要赠品');
  });

  it('drops emoji and platform emoji codes, and reads keycap digits as a product number', () => {
    expect(normalise('好看😍😍[赞R]')).toBe('好看');
    expect(normalise('4️⃣还有吗')).toBe('#4 还有吗');
    expect(normalise('1️⃣2️⃣多少钱')).toBe('#12 多少钱');
    expect(normalise('🔗在哪里')).toBe('链接在哪里');
  });

  it('respells common typos and slang', () => {
    expect(normalise('啥时侯发货')).toBe('什么时候发货');
    expect(normalise('有优惠卷嘛')).toBe('有优惠券吗');
    expect(normalise('咋用呀')).toBe('怎么用呀');
    expect(normalise('有木有小码')).toBe('有没有小码');
  });

  it('writes Chinese numerals as digits only where they name a product', () => {
    expect(normalise('八号还有吗')).toBe('8号还有吗');
    expect(normalise('十五号链接')).toBe('15号链接');
    expect(normalise('链接九怎么卖')).toBe('链接9怎么卖');
    expect(normalise('第二个是什么')).toBe('第2个是什么');
    expect(normalise('五个月宝宝能用吗')).toBe('五个月宝宝能用吗');
    expect(normalise('买三送一')).toBe('买三送一');
  });
});

describe('chineseNumber', () => {
  it('reads the numerals buyers write for cart positions', () => {
    expect(chineseNumber('七')).toBe(7);
    expect(chineseNumber('十')).toBe(10);
    expect(chineseNumber('十四')).toBe(14);
    expect(chineseNumber('三十')).toBe(30);
    expect(chineseNumber('二十六')).toBe(26);
    expect(chineseNumber('两')).toBe(2);
    expect(chineseNumber('拾贰')).toBe(12);
  });

  it('refuses what is not a number', () => {
    expect(chineseNumber('三五')).toBeUndefined();
    expect(chineseNumber('十十')).toBeUndefined();
    expect(chineseNumber('一二十')).toBeUndefined();
  });
});
