import type { Language } from '../../shared/api/settings.js';
import type { WanDecimals } from '../../shared/format/numbers.js';
import type { CommentIntent } from '../../shared/comments/intents.js';
import { metricLabels, type MetricKey } from '../../shared/metrics/keys.js';
import { fillPlaceholders, type MessageParams } from '../../shared/format/placeholders.js';
import { formatsFor, type Formats } from './format.js';
import { dictionaries, type MessageKey } from './messages.js';

export { dictionaries } from './messages.js';
export type { MessageKey } from './messages.js';
export type { MessageParams } from '../../shared/format/placeholders.js';

/** Everything a view needs to speak one language. */
export interface I18n {
  language: Language;
  t(key: MessageKey, params?: MessageParams): string;
  metricLabel(key: MetricKey): string;
  intentLabel(intent: CommentIntent): string;
  fmt: Formats;
}

function createI18n(language: Language, wanDecimals: WanDecimals): I18n {
  const dictionary = dictionaries[language];
  const plurals = new Intl.PluralRules(language);
  const t = (key: MessageKey, params?: MessageParams) => fillPlaceholders(dictionary[key], params, plurals);
  return {
    language,
    t,
    metricLabel: (key) => metricLabels[key][language === 'zh-CN' ? 'zh' : 'en'],
    intentLabel: (intent) => t(`intent.${intent}`),
    fmt: formatsFor(language, wanDecimals),
  };
}

const cache = new Map<string, I18n>();

/** One I18n per language (and decimals of compact figures, a display setting), built once: number formatters are costly to create. */
export function i18nFor(language: Language, wanDecimals: WanDecimals = 1): I18n {
  const key = `${language}|${wanDecimals}`;
  let i18n = cache.get(key);
  if (!i18n) {
    i18n = createI18n(language, wanDecimals);
    cache.set(key, i18n);
  }
  return i18n;
}
