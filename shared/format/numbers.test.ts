import { describe, expect, it } from 'vitest';
import { numberFormats, signed, type NumberFormats } from './numbers.js';

const zh = numberFormats('zh-CN');
const en = numberFormats('en');
const zh2 = numberFormats('zh-CN', { wanDecimals: 2 });
const en2 = numberFormats('en', { wanDecimals: 2 });

type Row = [value: number | null, zh: string, en: string];
/** Each row's value as the two languages write it; a failure names the value. */
function expectTable(format: (f: NumberFormats) => (value: number | null) => string, rows: Row[], zhFormats = zh, enFormats = en) {
  for (const [value, zhText, enText] of rows) {
    expect([value, format(zhFormats)(value)]).toEqual([value, zhText]);
    expect([value, format(enFormats)(value)]).toEqual([value, enText]);
  }
}

describe('numberFormats', () => {
  it('writes counts whole, grouped below 10,000 and compact with exactly one decimal from 10,000', () => {
    expectTable((f) => f.count, [
      [0, '0', '0'],
      [7, '7', '7'],
      [2157, '2,157', '2,157'],
      [5322.8, '5,323', '5,323'],
      [0.4, '0', '0'],
      [9_999, '9,999', '9,999'],
      [9_999.6, '1.0万', '10.0K'],
      [10_000, '1.0万', '10.0K'],
      [10_049, '1.0万', '10.0K'],
      [12_345, '1.2万', '12.3K'],
      [19_999, '2.0万', '20.0K'],
      [94_321, '9.4万', '94.3K'],
      [100_000, '10.0万', '100.0K'],
      [999_960, '100.0万', '1.0M'],
      [2_500_000, '250.0万', '2.5M'],
      [99_994_999, '9999.5万', '100.0M'],
      [99_999_999, '1.0亿', '100.0M'],
      [123_456_789, '1.2亿', '123.5M'],
      [1_234_567_890, '12.3亿', '1.2B'],
      [-12_345, '-1.2万', '-12.3K'],
      [-3, '-3', '-3'],
      [null, '—', '—'],
    ]);
  });

  it('writes two decimals in compact figures when the setting chooses two', () => {
    expectTable(
      (f) => f.count,
      [
        [9_999, '9,999', '9,999'],
        [12_345, '1.23万', '12.35K'],
        [10_000, '1.00万', '10.00K'],
        [99_999_999, '1.00亿', '100.00M'],
      ],
      zh2,
      en2,
    );
    expect(zh2.money(7_420_000)).toBe('¥7.42万');
    expect(en2.money(7_420_000)).toBe('¥74.20K');
  });

  it('writes money (fen) as ¥ with cents only when there are any, compact from ¥10,000 with one decimal', () => {
    expectTable((f) => f.money, [
      [0, '¥0', '¥0'],
      [99, '¥0.99', '¥0.99'],
      [12_900, '¥129', '¥129'],
      [12_950, '¥129.50', '¥129.50'],
      [1234.56, '¥12.35', '¥12.35'],
      [742_000, '¥7,420', '¥7,420'],
      [999_999.6, '¥1.0万', '¥10.0K'],
      [7_420_000, '¥7.4万', '¥74.2K'],
      [11_100_000, '¥11.1万', '¥111.0K'],
      [940_000, '¥9,400', '¥9,400'],
      [123_456_789, '¥123.5万', '¥1.2M'],
      [-12_900, '-¥129', '-¥129'],
      [null, '—', '—'],
    ]);
  });

  it('writes a price exactly, never compact', () => {
    expectTable((f) => f.price, [
      [19_900, '¥199', '¥199'],
      [9_990, '¥99.90', '¥99.90'],
      [1_299_900, '¥12,999', '¥12,999'],
      [null, '—', '—'],
    ]);
  });

  it('writes rates with one decimal and differences of rates in 个百分点 / pp', () => {
    expectTable((f) => f.rate, [
      [0.0314, '3.1%', '3.1%'],
      [0, '0.0%', '0.0%'],
      [0.12345, '12.3%', '12.3%'],
      [1, '100.0%', '100.0%'],
      [12.5, '1,250.0%', '1,250.0%'],
      [-0.205, '-20.5%', '-20.5%'],
      [-0.0004, '0.0%', '0.0%'],
      [null, '—', '—'],
    ]);
    expectTable((f) => f.points, [
      [0.008, '0.8个百分点', '0.8pp'],
      [0.0123, '1.2个百分点', '1.2pp'],
      [-0.008, '-0.8个百分点', '-0.8pp'],
      [null, '—', '—'],
    ]);
  });

  it('writes durations in minutes and seconds, hours and minutes', () => {
    expectTable((f) => f.duration, [
      [42, '42秒', '42s'],
      [185, '3分05秒', '3m 05s'],
      [3_725, '1时02分', '1h 02m'],
      [null, '—', '—'],
    ]);
  });

  it('signs a size, and what is written as zero has no direction', () => {
    expect(signed(12_345, zh.count)).toBe('+1.2万');
    expect(signed(-12_900, zh.money)).toBe('-¥129');
    expect(signed(0, en.count)).toBe('±0');
    expect(signed(0.3, en.count)).toBe('±0');
    expect(signed(0.008, en.points)).toBe('+0.8pp');
  });

  it('builds one formatter per language and setting', () => {
    expect(numberFormats('zh-CN')).toBe(zh);
    expect(numberFormats('zh-CN', { wanDecimals: 1 })).toBe(zh);
    expect(zh2).not.toBe(zh);
    expect(zh.language).toBe('zh-CN');
  });
});
