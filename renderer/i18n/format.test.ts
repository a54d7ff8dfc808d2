import { describe, expect, it } from 'vitest';
import { formatsFor } from './format.js';

const zh = formatsFor('zh-CN');
const en = formatsFor('en');

describe('formats', () => {
  it('shows counts of 10,000 and more in 万 and 亿 in Chinese, grouped in English', () => {
    expect(zh.count(9_999)).toBe('9,999');
    expect(zh.count(12_345)).toBe('1.2万');
    expect(zh.count(100_000)).toBe('10万');
    expect(zh.count(320_000_000)).toBe('3.2亿');
    expect(en.count(12_345)).toBe('12,345');
    expect(en.count(2_500_000)).toBe('2.5M');
    expect(zh.count(12.44)).toBe('12.4');
  });

  it('shows money (fen) as ¥ with cents only when there are any', () => {
    expect(zh.money(12_900)).toBe('¥129');
    expect(zh.money(12_950)).toBe('¥129.50');
    expect(zh.money(123_456_789)).toBe('¥123.46万');
    expect(en.money(123_456_789)).toBe('¥1.23M');
    expect(en.money(99)).toBe('¥0.99');
    expect(zh.money(1234.56)).toBe('¥12.35');
  });

  it('shows rates with one decimal and watch time in minutes and seconds', () => {
    expect(zh.rate(0.0314)).toBe('3.1%');
    expect(zh.seconds(185)).toBe('3分05秒');
    expect(en.seconds(185)).toBe('3m 05s');
    expect(en.seconds(42)).toBe('42s');
  });

  it('shows a missing value as a dash, never 0 or NaN', () => {
    for (const f of [zh.count, zh.money, zh.rate, zh.seconds]) expect(f(null)).toBe('—');
    expect(zh.change(null)).toBe('—');
  });

  it('shows window changes in percent, and rates in percentage points', () => {
    expect(zh.change({ direction: 'up', magnitude: 12.345, unit: 'percent' })).toBe('12.3%');
    expect(en.change({ direction: 'down', magnitude: 0.8, unit: 'points' })).toBe('0.8pp');
  });

  it('shows spans as m:ss and h:mm:ss', () => {
    expect(zh.elapsed(65_000)).toBe('1:05');
    expect(zh.elapsed(3_725_000)).toBe('1:02:05');
    expect(zh.elapsed(-5)).toBe('0:00');
  });
});
