import { describe, expect, it } from 'vitest';
import { languages } from '../../shared/api/settings.js';
import { dictionaries, fillPlaceholders, i18nFor } from './i18n.js';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('dictionaries', () => {
  it('have exactly the same keys in every language', () => {
    const reference = Object.keys(dictionaries['zh-CN']).sort();
    for (const language of languages) expect(Object.keys(dictionaries[language]).sort()).toEqual(reference);
  });

  it('translate every string, with the same placeholders', () => {
    for (const [key, zh] of Object.entries(dictionaries['zh-CN'])) {
      const en = dictionaries.en[key as keyof typeof dictionaries.en];
      expect(en.trim(), key).not.toBe('');
      expect(zh.trim(), key).not.toBe('');
      expect(placeholders(en), key).toEqual(placeholders(zh));
    }
  });

  it('fill placeholders and leave a missing one visible', () => {
    expect(fillPlaceholders('第 {attempt} 次', { attempt: 3 })).toBe('第 3 次');
    expect(fillPlaceholders('{a} and {b}', { a: 1 })).toBe('1 and {b}');
  });

  it('chooses the plural form by the language’s rules, also for a count given already formatted', () => {
    const en = new Intl.PluralRules('en');
    expect(fillPlaceholders('{count} {count|problem|problems}', { count: 1 }, en)).toBe('1 problem');
    expect(fillPlaceholders('{count} {count|problem|problems}', { count: '1,234' }, en)).toBe('1,234 problems');
    expect(fillPlaceholders('{count} {count|problem|problems}', { count: 0 }, en)).toBe('0 problems');
    expect(i18nFor('en').t('plan.invalid', { count: 1 })).toBe('The plan has 1 problem and was not saved');
    expect(i18nFor('zh-CN').t('plan.invalid', { count: 1 })).not.toContain('|');
  });

  it('label metrics and intents in each language', () => {
    expect(i18nFor('zh-CN').metricLabel('viewerConversion')).toBe('观看-成交转化率');
    expect(i18nFor('en').metricLabel('viewerConversion')).toBe('viewer conversion');
    expect(i18nFor('zh-CN').intentLabel('purchased')).toBe('已购');
  });
});
