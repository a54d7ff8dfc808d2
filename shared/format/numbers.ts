/**
 * One way to write numbers, everywhere LiveCue shows one: the live console,
 * the overlay, the OBS card, the recap screen, the recap's PDF report, the
 * CLI and the talking points the engine writes. Built on Intl.NumberFormat
 * ('zh-CN' or 'en-US'); a missing value (null, undefined as METRICS.md says)
 * is "—", never 0 or NaN.
 *
 * - **count**: people, orders, clicks, comments — always whole (5,322.8 people
 *   a minute is 5,323). Below 10,000 grouped digits in both languages (9,999).
 *   From 10,000 on, compact with exactly `wanDecimals` decimals (1 unless the
 *   display setting chooses 2):
 *   - zh-CN in 万, from 1亿 in 亿: 10,000 → 1.0万, 12,345 → 1.2万 (1.23万),
 *     123,456,789 → 1.2亿;
 *   - en in K, from 1M in M, from 1B in B: 12,345 → 12.3K (12.35K),
 *     2,500,000 → 2.5M. English compacts from 10,000 too, not from 1,000:
 *     both languages show the same values whole, and a figure switches to
 *     compact at the same size in either.
 *   The trailing zero stays (1.0万, not 1万: the decimal is never dropped),
 *   and a value that rounds up to the next unit is written in it
 *   (99,999,999 → 1.0亿, never 10000.0万; 999,960 → 1.0M). The figure in
 *   front of the unit is not grouped, as Intl's own compact notation writes
 *   it (9999.5万).
 * - **money** (fen in, an amount: GMV, refunds, GPM, AOV): ¥ and yuan, below
 *   ¥10,000 grouped with the cents only when there are any (¥129, ¥129.50,
 *   ¥7,420); from ¥10,000 compact like a count: ¥74,200 → ¥7.4万 | ¥74.2K.
 * - **price** (fen in): a price as the merchant set it, never compact, so
 *   nothing of it is lost: ¥12,999, ¥99.90.
 * - **rate** (a fraction in): one decimal, 0.0314 → 3.1%; a relative change is
 *   a rate too (+12.3%).
 * - **points** (a difference of two rates, as a fraction): one decimal in
 *   percentage points, 0.008 → 0.8个百分点 | 0.8pp (3.1% → 3.9%).
 * - **duration** (seconds in): 3分05秒 | 3m 05s, 1时02分 | 1h 02m.
 *
 * Negative values carry a "-"; `signed` writes "+" and "-" (and "±" for 0)
 * in front of a size.
 */
import type { Language } from '../api/settings.js';

export const NO_VALUE = '—';

/** How many decimals a compact figure (万, 亿; K, M, B) carries. */
export type WanDecimals = 1 | 2;

export interface NumberFormats {
  readonly language: Language;
  count(value: number | null): string;
  /** `fen` may be fractional (GPM, UV value and AOV are fen rounded to 2 decimals). */
  money(fen: number | null): string;
  price(fen: number | null): string;
  rate(fraction: number | null): string;
  points(fractionDifference: number | null): string;
  duration(seconds: number | null): string;
}

/** Counts and amounts from this size on are compact. */
export const COMPACT_FROM = 10_000;

/** Divisor and suffix of each compact unit, smallest first. */
const UNITS: Record<Language, readonly (readonly [number, string])[]> = {
  'zh-CN': [
    [1e4, '万'],
    [1e8, '亿'],
  ],
  en: [
    [1e3, 'K'],
    [1e6, 'M'],
    [1e9, 'B'],
  ],
};

const POINTS_UNIT: Record<Language, string> = { 'zh-CN': '个百分点', en: 'pp' };

function createFormats(language: Language, wanDecimals: WanDecimals): NumberFormats {
  const locale = language === 'zh-CN' ? 'zh-CN' : 'en-US';
  const units = UNITS[language];
  const whole = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const cents = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const compactDigits = new Intl.NumberFormat(locale, { minimumFractionDigits: wanDecimals, maximumFractionDigits: wanDecimals, useGrouping: false });
  const oneDecimal = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const scale = 10 ** wanDecimals;

  /** A non-negative value of at least COMPACT_FROM in its unit, moving up a unit when rounding reaches it. */
  const compact = (value: number): string => {
    let index = 0;
    while (index + 1 < units.length && value >= units[index + 1]![0]) index++;
    const next = units[index + 1];
    if (next && Math.round((value / units[index]![0]) * scale) >= (next[0] / units[index]![0]) * scale) index++;
    const [divisor, suffix] = units[index]!;
    return `${compactDigits.format(value / divisor)}${suffix}`;
  };
  const minus = (negative: boolean, text: string) => (negative ? `-${text}` : text);

  const count = (value: number | null) => {
    if (value === null) return NO_VALUE;
    const size = Math.round(Math.abs(value));
    return minus(size > 0 && value < 0, size >= COMPACT_FROM ? compact(size) : whole.format(size));
  };

  const yuan = (fen: number, allowCompact: boolean) => {
    const inCents = Math.round(Math.abs(fen));
    const size = inCents / 100;
    const text = allowCompact && size >= COMPACT_FROM ? compact(size) : (inCents % 100 === 0 ? whole : cents).format(size);
    return minus(inCents > 0 && fen < 0, `¥${text}`);
  };

  const percent = (value: number) => {
    const text = oneDecimal.format(Math.abs(value));
    // -0.04% reads as 0.0%, not -0.0%.
    return minus(value < 0 && text !== oneDecimal.format(0), text);
  };

  const duration = (value: number | null) => {
    if (value === null) return NO_VALUE;
    const total = Math.round(Math.abs(value));
    const h = Math.floor(total / 3600);
    const m = Math.floor((total % 3600) / 60);
    const s = total % 60;
    const pad = (n: number) => String(n).padStart(2, '0');
    const text =
      language === 'zh-CN'
        ? h > 0
          ? `${whole.format(h)}时${pad(m)}分`
          : m > 0
            ? `${m}分${pad(s)}秒`
            : `${s}秒`
        : h > 0
          ? `${whole.format(h)}h ${pad(m)}m`
          : m > 0
            ? `${m}m ${pad(s)}s`
            : `${s}s`;
    return minus(total > 0 && value < 0, text);
  };

  return {
    language,
    count,
    money: (fen) => (fen === null ? NO_VALUE : yuan(fen, true)),
    price: (fen) => (fen === null ? NO_VALUE : yuan(fen, false)),
    rate: (fraction) => (fraction === null ? NO_VALUE : `${percent(fraction * 100)}%`),
    points: (difference) => (difference === null ? NO_VALUE : `${percent(difference * 100)}${POINTS_UNIT[language]}`),
    duration,
  };
}

const cache = new Map<string, NumberFormats>();

/** The formats of one language (and compact decimals), built once: Intl formatters are costly to create. */
export function numberFormats(language: Language, options: { wanDecimals?: WanDecimals } = {}): NumberFormats {
  const wanDecimals = options.wanDecimals ?? 1;
  const key = `${language}|${wanDecimals}`;
  let formats = cache.get(key);
  if (!formats) {
    formats = createFormats(language, wanDecimals);
    cache.set(key, formats);
  }
  return formats;
}

/** `format` of the size of `value`, with its sign in front: +1.2万, -¥129, ±0. */
export function signed(value: number, format: (size: number) => string): string {
  const text = format(Math.abs(value));
  // What is written as zero (a count of 0.3) has no direction.
  return `${text === format(0) ? '±' : value > 0 ? '+' : '-'}${text}`;
}
