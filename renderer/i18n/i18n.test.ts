import { describe, expect, it } from 'vitest';
import { languages } from '../../shared/api/settings.js';
import { placeholderNames } from '../../shared/format/placeholders.js';
import { dictionaries, i18nFor } from './i18n.js';


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
      expect(placeholderNames(en), key).toEqual(placeholderNames(zh));
    }
  });

  it('choose the plural form by the language’s rules', () => {
    expect(i18nFor('en').t('plan.invalid', { count: 1 })).toBe('The plan has 1 problem and was not saved');
    expect(i18nFor('zh-CN').t('plan.invalid', { count: 1 })).not.toContain('|');
  });

  it('label metrics and intents in each language', () => {
    expect(i18nFor('zh-CN').metricLabel('viewerConversion')).toBe('观看-成交转化率');
    expect(i18nFor('en').metricLabel('viewerConversion')).toBe('viewer conversion');
    expect(i18nFor('zh-CN').intentLabel('purchased')).toBe('已购');
  });
});
