/**
 * Numbers as a live team reads them: zh-CN counts of 10,000 and more in 万
 * (1.2万) and 亿; money (stored in fen) as ¥ with decimals only when there are
 * cents; rates with one decimal; 24-hour times; null as "—".
 */
import type { Language } from '../../shared/api/settings.js';
import type { MetricKind } from '../metrics/metric-kinds.js';
import type { WindowChange } from '../metrics/window-change.js';

export const NO_VALUE = '—';

export interface Formats {
  count(value: number | null): string;
  /** `fen` may be fractional (GPM, UV value and AOV are fen rounded to 2 decimals). */
  money(fen: number | null): string;
  rate(fraction: number | null): string;
  seconds(value: number | null): string;
  metric(kind: MetricKind, value: number | null): string;
  /** The size of a window change ("12.3%", "0.8pp"); its direction is shown by an arrow. */
  change(change: WindowChange | null): string;
  /** HH:mm:ss, local time. */
  clock(epochMs: number): string;
  /** A span as m:ss or h:mm:ss (time on air, countdowns). */
  elapsed(ms: number): string;
}

interface Scale {
  /** Divisor and suffix, largest first. */
  steps: readonly (readonly [number, string])[];
}
const zhScale: Scale = { steps: [[1e8, '亿'], [1e4, '万']] };
const enScale: Scale = { steps: [[1e9, 'B'], [1e6, 'M']] };

export function formatsFor(language: Language): Formats {
  const locale = language === 'zh-CN' ? 'zh-CN' : 'en-US';
  const scale = language === 'zh-CN' ? zhScale : enScale;
  const whole = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const cents = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const noCents = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const scaled = (digits: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: digits, useGrouping: false });
  const scaledCount = scaled(1);
  const scaledMoney = scaled(2);
  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });

  const withScale = (value: number, format: Intl.NumberFormat, fallback: (n: number) => string): string => {
    const step = scale.steps.find(([divisor]) => Math.abs(value) >= divisor);
    return step ? `${format.format(value / step[0])}${step[1]}` : fallback(value);
  };

  const count = (value: number | null) => (value === null ? NO_VALUE : withScale(value, scaledCount, (n) => whole.format(n)));

  const money = (fen: number | null) => {
    if (fen === null) return NO_VALUE;
    const sign = fen < 0 ? '-' : '';
    const yuan = Math.abs(fen) / 100;
    const hasCents = Math.round(Math.abs(fen)) % 100 !== 0;
    return `${sign}¥${withScale(yuan, scaledMoney, (n) => (hasCents ? cents : noCents).format(n))}`;
  };

  const rate = (fraction: number | null) => (fraction === null ? NO_VALUE : `${(fraction * 100).toFixed(1)}%`);

  const seconds = (value: number | null) => {
    if (value === null) return NO_VALUE;
    const total = Math.round(value);
    const h = Math.floor(total / 3600);
    const m = Math.floor((total % 3600) / 60);
    const s = total % 60;
    const pad = (n: number) => String(n).padStart(2, '0');
    if (language === 'zh-CN') return h > 0 ? `${h}时${pad(m)}分` : m > 0 ? `${m}分${pad(s)}秒` : `${s}秒`;
    return h > 0 ? `${h}h ${pad(m)}m` : m > 0 ? `${m}m ${pad(s)}s` : `${s}s`;
  };

  const byKind: Record<MetricKind, (value: number | null) => string> = { count, money, rate, seconds };

  return {
    count,
    money,
    rate,
    seconds,
    metric: (kind, value) => byKind[kind](value),
    change: (change) => (change === null ? NO_VALUE : `${change.magnitude.toFixed(1)}${change.unit === 'points' ? 'pp' : '%'}`),
    clock: (epochMs) => time.format(epochMs),
    elapsed: (ms) => {
      const total = Math.max(0, Math.floor(ms / 1000));
      const h = Math.floor(total / 3600);
      const m = Math.floor((total % 3600) / 60);
      const s = String(total % 60).padStart(2, '0');
      return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
    },
  };
}
