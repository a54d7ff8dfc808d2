/**
 * The recap as tables — summary, minutes, products, peaks, questions,
 * talking points, layers — the one shape the XLSX workbook, the CSV files
 * and the PDF report are all written from, so the three always agree.
 * Every cell keeps its kind: money stays fen here and becomes yuan with two
 * decimals in a file; rates stay fractions and become percentages.
 */
import { z } from 'zod';
import type { Recap } from '../../../shared/api/contract.js';
import type { Language } from '../../../shared/api/settings.js';
import { lineIn } from '../../../shared/copilot/engine/cue-text.js';
import { numberFormats } from '../../../shared/format/numbers.js';
import type { RecapTableName } from '../../../shared/recap/recap-api.js';
import { recapTables } from '../../../shared/recap/recap-api.js';
import { commentIntentLabels } from '../../../shared/comments/intents.js';
import type { NumberFormats } from '../../../shared/format/numbers.js';
import { metricKeys, metricLabels, type MetricKey } from '../../../shared/metrics/index.js';
import type { Happening } from '../../../shared/recap/peaks.js';
import shipped from './labels.json' with { type: 'json' };

export type CellKind = 'text' | 'int' | 'number' | 'yuan' | 'rate';
export interface Cell {
  kind: CellKind;
  /** Fen for yuan, a fraction for a rate; null is "—" (undefined, as METRICS.md says). */
  value: string | number | null;
}

export interface RecapTable {
  name: RecapTableName;
  title: string;
  headers: string[];
  rows: Cell[][];
}

const section = z.record(z.string(), z.string());
const labelsSchema = z.record(z.enum(['zh-CN', 'en']), z.object({ tables: z.record(z.enum(recapTables), z.string()), columns: section, words: section }));
const labels = labelsSchema.parse(shipped);

const text = (value: string | null): Cell => ({ kind: 'text', value });
const int = (value: number | null): Cell => ({ kind: 'int', value });
const num = (value: number | null): Cell => ({ kind: 'number', value: value === null ? null : Math.round(value * 100) / 100 });
const yuan = (fen: number | null): Cell => ({ kind: 'yuan', value: fen });
const rate = (fraction: number | null): Cell => ({ kind: 'rate', value: fraction });

const MONEY: ReadonlySet<MetricKey> = new Set(['gmv', 'refunds', 'netGmv', 'gpm', 'uvValue', 'aov']);
const RATES: ReadonlySet<MetricKey> = new Set(['impressionViewRate', 'interactionRate', 'exposureClickRate', 'clickBuyRate', 'viewerConversion']);
const metricCell = (key: MetricKey, value: number | null | undefined): Cell =>
  MONEY.has(key) ? yuan(value ?? null) : RATES.has(key) ? rate(value ?? null) : key === 'avgWatchSeconds' || key === 'entriesPerMinute' ? num(value ?? null) : int(value ?? null);

/** Local clock time of an epoch ms, HH:mm (the machine's time zone: the one the live team works in). */
export const clockTime = (ms: number): string => new Date(ms).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', hour12: false });

export function recapTablesOf(recap: Recap, lang: Language): RecapTable[] {
  const l = labels[lang]!;
  const formats = numberFormats(lang);
  const column = (key: string) => l.columns[key] ?? key;
  const word = (key: string) => l.words[key] ?? key;
  const titleOf = (productId: string) => recap.products.find((p) => p.productId === productId)?.title ?? productId;
  const start = recap.session.startedAt;
  const table = (name: RecapTableName, columns: string[], rows: Cell[][]): RecapTable => ({ name, title: l.tables[name], headers: columns.map(column), rows });

  const happened = (h: Happening): string => {
    switch (h.kind) {
      case 'cardShown':
        return `${clockTime(h.at)} ${word('cardShown')} ${h.title ?? h.productId}`;
      case 'segmentStarted':
        return `${clockTime(h.at)} ${word('segmentStarted')} ${h.title}`;
      case 'pointUsed':
        return `${clockTime(h.at)} ${word('pointUsed')} ${lineIn(h, formats)}`;
      case 'moment':
        return `${clockTime(h.at)} ${word('moment')}${h.note ? ` ${h.note}` : ''}`;
      case 'questionBurst':
        return `${clockTime(h.minute * 60_000)} ${word('questionBurst')} ${h.questions} (${lang === 'zh-CN' ? commentIntentLabels[h.topIntent] : h.topIntent})`;
      case 'couponSurge':
        return `${clockTime(h.minute * 60_000)} ${word('couponSurge')} ${h.claims}`;
    }
  };
  const intentName = (intent: keyof typeof commentIntentLabels) => (lang === 'zh-CN' ? commentIntentLabels[intent] : intent);
  const goals = recap.plan?.goals ?? {};

  return [
    table(
      'summary',
      ['metric', 'value', 'goal', 'baseline', 'vsBaseline'],
      metricKeys.map((key) => {
        const value = recap.totals[key];
        const base = recap.baseline?.totals[key] ?? null;
        const goal = (goals as Partial<Record<MetricKey, number>>)[key];
        return [
          text(metricLabels[key][lang === 'zh-CN' ? 'zh' : 'en']),
          metricCell(key, value),
          metricCell(key, goal ?? null),
          metricCell(key, base),
          rate(value === null || base === null || base === 0 ? null : (value - base) / base),
        ];
      }),
    ),
    table(
      'minutes',
      ['time', 'minuteOfSession', 'onlineViewers', 'pv', 'uv', 'comments', 'clicks', 'cartAdds', 'paidOrders', 'gmv', 'questions', 'couponClaims', 'onAir'],
      recap.minutes.map((m) => [
        text(clockTime(m.minute * 60_000)),
        int(m.minute - Math.floor(start / 60_000)),
        int(m.onlineViewers),
        int(m.pv),
        int(m.uv),
        int(m.comments),
        int(m.clicks),
        int(m.cartAdds),
        int(m.paidOrders),
        yuan(m.gmv),
        int(m.questions),
        int(m.couponClaims),
        text(m.onAir.map(titleOf).join(' / ')),
      ]),
    ),
    table(
      'products',
      ['product', 'productId', 'minutesOnAir', 'exposureUsers', 'clickUsers', 'clickRate', 'cartAdds', 'buyers', 'paidOrders', 'gmv', 'refunds', 'clickBuy', 'gmvPerMinuteOnAir'],
      [...recap.products]
        .sort((a, b) => b.gmv - a.gmv)
        .map((p) => [
          text(p.title ?? p.productId),
          text(p.productId),
          num(p.timeOnAirMs / 60_000),
          int(p.exposureUsers),
          int(p.clickUsers),
          rate(p.exposureUsers ? p.clickUsers / p.exposureUsers : null),
          int(p.cartAdds),
          int(p.buyers),
          int(p.paidOrders),
          yuan(p.gmv),
          yuan(p.refunds),
          rate(p.clickUsers ? p.buyers / p.clickUsers : null),
          yuan(p.timeOnAirMs >= 60_000 ? Math.round(p.onAirGmv / (p.timeOnAirMs / 60_000)) : null),
        ]),
    ),
    table(
      'peaks',
      ['metricName', 'direction', 'time', 'from', 'to', 'change', 'happened'],
      recap.peaks.map((p) => [
        text(metricLabels[p.metric][lang === 'zh-CN' ? 'zh' : 'en']),
        text(word(p.direction)),
        text(clockTime(p.minute * 60_000)),
        int(p.from),
        int(p.to),
        int(p.change),
        text(p.happened.map(happened).join('; ') || word('none')),
      ]),
    ),
    table(
      'questions',
      ['intent', 'product', 'question', 'asked', 'askers', 'answered', 'answeredBy'],
      (recap.questions?.top ?? []).map((q) => [
        text(intentName(q.intent)),
        text(q.productId === null ? word('wholeRoom') : titleOf(q.productId)),
        text(q.text),
        int(q.asked),
        int(q.askers),
        int(q.answered),
        text(q.answeredBy),
      ]),
    ),
    table(
      'talkingPoints',
      ['time', 'line', 'outcome', 'ordersBefore', 'ordersAfter', 'gmvBefore', 'gmvAfter', 'clicksBefore', 'clicksAfter', 'onlineBefore', 'onlineAfter'],
      [
        ...recap.talkingPoints.map((t) => [
          text(clockTime(t.at)),
          text(lineIn(t, formats)),
          text(word('used')),
          int(t.before.paidOrders),
          int(t.after.paidOrders),
          yuan(t.before.gmv),
          yuan(t.after.gmv),
          int(t.before.clicks),
          int(t.after.clicks),
          num(t.before.online),
          num(t.after.online),
        ]),
        ...recap.suggestions
          .filter((s) => s.outcome === 'dismissed')
          .map((s) => [text(clockTime(s.at)), text(lineIn(s, formats)), text(word('dismissed')), ...Array.from({ length: 8 }, () => int(null))]),
      ],
    ),
    table('layers', ['part', 'from', 'to', 'users', 'buyers', 'gmv'], [
      ...recap.layers.atEntry.map((s) => [text(word('atEntry')), text(word(s.layer)), text(null), int(s.uv), int(s.buyers), yuan(s.gmv)]),
      ...recap.layers.moves.map((m) => [text(word('move')), text(word(m.from)), text(word(m.to)), int(m.users), int(null), yuan(null)]),
    ]),
  ];
}

/** A cell as a file's text (CSV): the raw figure, yuan with 2 decimals, rates as percentages with 2 decimals, "—" for undefined. */
export function cellText(cell: Cell): string {
  if (cell.value === null) return cell.kind === 'text' ? '' : '—';
  if (typeof cell.value === 'string') return cell.value;
  switch (cell.kind) {
    case 'yuan':
      return (cell.value / 100).toFixed(2);
    case 'rate':
      return `${(cell.value * 100).toFixed(2)}%`;
    default:
      return String(cell.value);
  }
}

/**
 * A cell as a reader sees it (the PDF report), in the one number format of
 * every UI: counts whole (万 / K from 10,000), money as ¥ (compact from
 * ¥10,000), rates with one decimal. A `number` cell (an average of people or
 * seconds, minutes on air) is written whole; the files keep its 2 decimals.
 */
export function cellDisplay(cell: Cell, numbers: NumberFormats): string {
  if (cell.value === null || typeof cell.value === 'string') return cellText(cell);
  switch (cell.kind) {
    case 'yuan':
      return numbers.money(cell.value);
    case 'rate':
      return numbers.rate(cell.value);
    default:
      return numbers.count(cell.value);
  }
}
