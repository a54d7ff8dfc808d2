/**
 * What a view writes: the numbers of shared/format/numbers.ts (the one way
 * LiveCue writes a count, an amount, a price, a rate, a difference of rates
 * and a duration, on every screen, in the CLI and in the reports), a metric
 * by its kind, a window's change, and times (24-hour clock, spans on air).
 */
import type { Language } from '../../shared/api/settings.js';
import { NO_VALUE, numberFormats, type NumberFormats, type WanDecimals } from '../../shared/format/numbers.js';
import type { MetricKind } from '../metrics/metric-kinds.js';
import type { WindowChange } from '../metrics/window-change.js';

export interface Formats extends NumberFormats {
  metric(kind: MetricKind, value: number | null): string;
  /** The size of a window change ("12.3%", "0.8个百分点" / "0.8pp"); its direction is shown by an arrow. */
  change(change: WindowChange | null): string;
  /** HH:mm:ss, local time. */
  clock(epochMs: number): string;
  /** A span as m:ss or h:mm:ss (time on air, countdowns). */
  elapsed(ms: number): string;
}

export function formatsFor(language: Language, wanDecimals: WanDecimals = 1): Formats {
  const numbers = numberFormats(language, { wanDecimals });
  const time = new Intl.DateTimeFormat(language === 'zh-CN' ? 'zh-CN' : 'en-US', { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
  const byKind: Record<MetricKind, (value: number | null) => string> = { count: numbers.count, money: numbers.money, rate: numbers.rate, seconds: numbers.duration };

  return {
    ...numbers,
    metric: (kind, value) => byKind[kind](value),
    // Magnitudes are in percent and percentage points; the formats take fractions.
    change: (change) => (change === null ? NO_VALUE : change.unit === 'points' ? numbers.points(change.magnitude / 100) : numbers.rate(change.magnitude / 100)),
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
