import { describe, expect, it } from 'vitest';
import { fillPlaceholders, placeholderNames } from './placeholders.js';

describe('message templates', () => {
  it('fill placeholders and leave a missing one visible', () => {
    expect(fillPlaceholders('第 {attempt} 次', { attempt: 3 })).toBe('第 3 次');
    expect(fillPlaceholders('{a} and {b}', { a: 1 })).toBe('1 and {b}');
  });

  it('choose the plural form by the language’s rules, also for a count given already formatted', () => {
    const en = new Intl.PluralRules('en');
    expect(fillPlaceholders('{count} {count|problem|problems}', { count: 1 }, en)).toBe('1 problem');
    expect(fillPlaceholders('{count} {count|problem|problems}', { count: '1,234' }, en)).toBe('1,234 problems');
    expect(fillPlaceholders('{count} {count|problem|problems}', { count: 0 }, en)).toBe('0 problems');
    expect(fillPlaceholders('{count} {count|problem|problems}', { count: 1 }, new Intl.PluralRules('zh-CN'))).toBe('1 problems');
  });

  it('name the parameters a template uses, plural choices included, once each', () => {
    expect(placeholderNames('{b} {a|x|y} {a}')).toEqual(['a', 'b']);
    expect(placeholderNames('{n|one|other} left')).toEqual(['n']);
  });
});
