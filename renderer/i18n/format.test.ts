import { describe, expect, it } from 'vitest';
import { formatsFor } from './format.js';

// The numbers themselves are shared/format/numbers.ts's (tested there); this is what the views add.
const zh = formatsFor('zh-CN');
const en = formatsFor('en');

describe('formats', () => {
  it('writes a metric by its kind, people whole', () => {
    expect(zh.metric('count', 5_322.8)).toBe('5,323');
    expect(zh.metric('count', 10_049)).toBe('1.0万');
    expect(zh.metric('money', 7_420_000)).toBe('¥7.4万');
    expect(en.metric('money', 7_420_000)).toBe('¥74.2K');
    expect(zh.metric('rate', 0.0314)).toBe('3.1%');
    expect(zh.metric('seconds', 185)).toBe('3分05秒');
    expect(en.metric('seconds', 185)).toBe('3m 05s');
    for (const kind of ['count', 'money', 'rate', 'seconds'] as const) expect(zh.metric(kind, null)).toBe('—');
  });

  it('takes the decimals of compact figures from the display setting', () => {
    expect(formatsFor('zh-CN', 2).metric('money', 7_420_000)).toBe('¥7.42万');
    expect(formatsFor('en', 2).count(12_345)).toBe('12.35K');
  });

  it('shows window changes in percent, and rates in 个百分点 (pp in English)', () => {
    expect(zh.change({ direction: 'up', magnitude: 12.345, unit: 'percent' })).toBe('12.3%');
    expect(zh.change({ direction: 'down', magnitude: 0.8, unit: 'points' })).toBe('0.8个百分点');
    expect(en.change({ direction: 'down', magnitude: 0.8, unit: 'points' })).toBe('0.8pp');
    expect(zh.change(null)).toBe('—');
  });

  it('shows spans as m:ss and h:mm:ss', () => {
    expect(zh.elapsed(65_000)).toBe('1:05');
    expect(zh.elapsed(3_725_000)).toBe('1:02:05');
    expect(zh.elapsed(-5)).toBe('0:00');
  });
});
