/**
 * The co-pilot's own sentences as data: a suggestion carries what it says as
 * a message key with parameters (`CueText`), and whoever shows it renders it
 * in the reader's language from cue-messages.json. The engine itself renders
 * the Chinese (its working text: the 真诚经营 check, merging of statements,
 * the recap), so both languages come from the same message and parameters.
 *
 * A parameter is either text as written (a product title, the merchant's
 * coupon or buying point, a buyer's quote: never translated), a figure
 * formatted in the reader's language, or another message.
 */
import { z } from 'zod';
import { languages, type Language } from '../../api/settings.js';
import { numberFormats, type NumberFormats } from '../../format/numbers.js';
import { fillPlaceholders, placeholderNames, type MessageParams } from '../../format/placeholders.js';
import shipped from './cue-messages.json' with { type: 'json' };

export type CueKey = keyof typeof shipped.messages;

/** How a figure is written: counts, prices and amounts in fen, a fraction as a rate, a UTC clock time of epoch ms. */
export const cueFigureKinds = ['count', 'price', 'money', 'rate', 'utcTime'] as const;
export type CueFigure = { n: number; as: (typeof cueFigureKinds)[number] };
export type CueParam = string | CueFigure | { cue: CueText };
export interface CueText {
  key: CueKey;
  params?: Record<string, CueParam>;
}

const catalogueSchema = z.object({
  about: z.string(),
  messages: z.record(z.string(), z.object({ 'zh-CN': z.string(), en: z.string() }).strict()),
});

/** The catalogue, checked once: both languages of every message, with the same parameters. */
const messages = (() => {
  const parsed = catalogueSchema.parse(shipped).messages;
  for (const [key, texts] of Object.entries(parsed)) {
    const names = placeholderNames(texts['zh-CN']).join(',');
    if (placeholderNames(texts.en).join(',') !== names) throw new Error(`cue-messages.json: "${key}" has other parameters in English than in Chinese`);
  }
  return parsed as Record<CueKey, Record<Language, string>>;
})();

export const cueKeys = Object.keys(messages) as CueKey[];

export const cueTextSchema: z.ZodType<CueText> = z.lazy(() =>
  z.object({
    key: z.enum(cueKeys as [CueKey, ...CueKey[]]),
    params: z
      .record(z.string(), z.union([z.string(), z.object({ n: z.number(), as: z.enum(cueFigureKinds) }), z.object({ cue: cueTextSchema })]))
      .optional(),
  }),
);

/** What a suggestion says as messages: its line, and every reason merged into it. */
export interface SuggestionText {
  line: CueText;
  reasons: CueText[];
}

export const suggestionTextSchema = z.object({ line: cueTextSchema, reasons: z.array(cueTextSchema) });

export const cue = (key: CueKey, params?: Record<string, CueParam>): CueText => (params ? { key, params } : { key });
export const count = (n: number): CueFigure => ({ n, as: 'count' });
export const price = (fen: number): CueFigure => ({ n: fen, as: 'price' });
export const money = (fen: number): CueFigure => ({ n: fen, as: 'money' });
export const rate = (fraction: number): CueFigure => ({ n: fraction, as: 'rate' });
export const utcTime = (ms: number): CueFigure => ({ n: ms, as: 'utcTime' });

function figure(value: CueFigure, formats: NumberFormats): string {
  switch (value.as) {
    case 'count':
      return formats.count(value.n);
    case 'price':
      return formats.price(value.n);
    case 'money':
      return formats.money(value.n);
    case 'rate':
      return formats.rate(value.n);
    case 'utcTime':
      return new Date(value.n).toISOString().slice(11, 16);
  }
}

const plurals = Object.fromEntries(languages.map((language) => [language, new Intl.PluralRules(language)])) as Record<Language, Intl.PluralRules>;

/** The text in the language of `formats` (the reader's, with their decimals of compact figures). */
export function renderCue(text: CueText, formats: NumberFormats): string {
  const params: MessageParams = {};
  for (const [name, value] of Object.entries(text.params ?? {})) {
    params[name] = typeof value === 'string' ? value : 'cue' in value ? renderCue(value.cue, formats) : figure(value, formats);
  }
  return fillPlaceholders(messages[text.key][formats.language], params, plurals[formats.language]);
}

/** Reasons merged into one suggestion, said as one sentence. */
export const renderReasons = (reasons: readonly CueText[], formats: NumberFormats): string =>
  reasons.map((reason) => renderCue(reason, formats)).join(messages['separator.reasons'][formats.language]);

// A talking point marked before LiveCue kept its messages has only its Chinese: shown as stored.
/** A suggestion's line for this reader. */
export const lineIn = (s: { line: string; text?: SuggestionText | null }, formats: NumberFormats) => (s.text ? renderCue(s.text.line, formats) : s.line);
/** A suggestion's reasons for this reader. */
export const reasonIn = (s: { reason: string; text?: SuggestionText | null }, formats: NumberFormats) => (s.text ? renderReasons(s.text.reasons, formats) : s.reason);

/** Stored messages read back: null when absent or not what this version writes. */
export function storedSuggestionText(json: string | null): SuggestionText | null {
  if (json === null) return null;
  try {
    const parsed = suggestionTextSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The engine's own language: its working text is Chinese. */
export const zh = numberFormats('zh-CN');
export const inChinese = (text: CueText) => renderCue(text, zh);
