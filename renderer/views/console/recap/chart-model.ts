/**
 * What the recap's per-minute charts show, as plain data: the series of each
 * chart, the overlays (rundown planned and actual, cards on air, talking
 * points used, moments) in seconds since the session started, and the zoom
 * window's arithmetic. No uPlot here, so all of it is tested without a canvas.
 */
import type { Recap, RecapMinute } from '../../../../shared/api/contract.js';
import type { Language } from '../../../../shared/api/settings.js';
import { lineIn } from '../../../../shared/copilot/engine/cue-text.js';
import { numberFormats } from '../../../../shared/format/numbers.js';
import { segmentKindLabels } from '../../../../shared/plan/labels.js';
import type { SegmentKind } from '../../../../shared/plan/plan.js';
import type { MessageKey } from '../../../i18n/i18n.js';

export const recapChartKeys = ['online', 'entries', 'comments', 'clicks', 'orders', 'gmv'] as const;
export type RecapChartKey = (typeof recapChartKeys)[number];

export const recapChartLabels: Record<RecapChartKey, MessageKey> = {
  online: 'charts.online',
  entries: 'charts.entries',
  comments: 'charts.comments',
  clicks: 'recap.chart.clicks',
  orders: 'charts.orders',
  gmv: 'charts.gmv',
};

/** Each chart's figure of a minute: online viewers at its end, the rest counted in it (GMV in fen). */
export const minuteValue: Record<RecapChartKey, (minute: RecapMinute) => number | null> = {
  online: (m) => m.onlineViewers,
  entries: (m) => m.pv,
  comments: (m) => m.comments,
  clicks: (m) => m.clicks,
  orders: (m) => m.paidOrders,
  gmv: (m) => m.gmv,
};

const MINUTE_SEC = 60;

/** Where each minute starts, in seconds since the session started (the first may start before it). */
export function minuteTimes(recap: Pick<Recap, 'minutes' | 'session'>): number[] {
  return recap.minutes.map((m) => m.minute * MINUTE_SEC - recap.session.startedAt / 1000);
}

/** A span of the session, in seconds since it started. */
export interface Band {
  from: number;
  to: number;
  label: string;
}

export interface Marker {
  at: number;
  kind: 'point' | 'moment';
  label: string;
}

export interface Overlays {
  planned: Band[];
  actual: Band[];
  cards: Band[];
  markers: Marker[];
}

/** The session's end in seconds since its start: when it ended, or the end of its last minute. */
export function sessionEnd(recap: Pick<Recap, 'minutes' | 'session'>): number {
  const { startedAt, endedAt } = recap.session;
  if (endedAt !== null) return (endedAt - startedAt) / 1000;
  const last = recap.minutes.at(-1);
  return last ? (last.minute + 1) * MINUTE_SEC - startedAt / 1000 : 0;
}

export function overlaysOf(recap: Recap, language: Language): Overlays {
  const start = recap.session.startedAt;
  const end = sessionEnd(recap);
  const sec = (at: number) => (at - start) / 1000;
  const segments = recap.plan?.segments ?? [];
  const name = (s: (typeof segments)[number]) => segmentLabel(s, language);
  const formats = numberFormats(language);
  return {
    planned: segments.map((s) => ({ from: s.plannedStartSec, to: s.plannedStartSec + s.plannedDurationSec, label: name(s) })),
    actual: segments.flatMap((s) => (s.actualStartedAt === null ? [] : [{ from: sec(s.actualStartedAt), to: s.actualEndedAt === null ? end : sec(s.actualEndedAt), label: name(s) }])),
    cards: recap.cards.map((c) => ({ from: sec(c.from), to: c.to === null ? end : sec(c.to), label: productTitle(recap, c.productId) })),
    markers: [
      ...recap.talkingPoints.map((p) => ({ at: sec(p.at), kind: 'point' as const, label: lineIn(p, formats) })),
      ...recap.moments.map((m) => ({ at: sec(m.at), kind: 'moment' as const, label: m.note ?? '' })),
    ].sort((a, b) => a.at - b.at),
  };
}

/** A rundown segment by its title, or its kind's name when it has none. */
export function segmentLabel(segment: { title: string; kind: SegmentKind }, language: Language): string {
  return segment.title || segmentKindLabels[segment.kind][language === 'zh-CN' ? 'zh' : 'en'];
}

export function productTitle(recap: Pick<Recap, 'products'>, productId: string): string {
  return recap.products.find((p) => p.productId === productId)?.title ?? productId;
}

/** What a minute [at, at + 60 s) overlaps: the bands running in it and the markers inside it. */
export function inMinute(overlays: Overlays, at: number): { planned: Band[]; actual: Band[]; cards: Band[]; markers: Marker[] } {
  const overlaps = (b: Band) => b.from < at + MINUTE_SEC && b.to > at;
  return {
    planned: overlays.planned.filter(overlaps),
    actual: overlays.actual.filter(overlaps),
    cards: overlays.cards.filter(overlaps),
    markers: overlays.markers.filter((m) => m.at >= at && m.at < at + MINUTE_SEC),
  };
}

/** The x window the charts show. */
export interface Range {
  min: number;
  max: number;
}

/** Shortest window a zoom can reach: three minutes. */
const MIN_SPAN = 3 * MINUTE_SEC;

export function fullRange(times: readonly number[]): Range {
  const first = times[0] ?? 0;
  return { min: first, max: (times.at(-1) ?? first) + MINUTE_SEC };
}

/** Keeps a window inside the whole session and at least MIN_SPAN wide (or the whole session when it is shorter). */
export function clampRange(range: Range, full: Range): Range {
  const span = Math.min(full.max - full.min, Math.max(MIN_SPAN, range.max - range.min));
  // Widened, it stays centred where it was; then it is moved back inside.
  const min = Math.min(Math.max((range.min + range.max) / 2 - span / 2, full.min), full.max - span);
  return { min, max: min + span };
}

/** Moves the window by half its width, earlier (-1) or later (+1). */
export function panRange(range: Range, full: Range, direction: -1 | 1): Range {
  const shift = ((range.max - range.min) / 2) * direction;
  return clampRange({ min: range.min + shift, max: range.max + shift }, full);
}

/** Halves (factor 0.5) or doubles (2) the window around its middle. */
export function zoomRange(range: Range, full: Range, factor: number): Range {
  const middle = (range.min + range.max) / 2;
  const half = ((range.max - range.min) * factor) / 2;
  return clampRange({ min: middle - half, max: middle + half }, full);
}

export const isWhole = (range: Range, full: Range) => range.min <= full.min && range.max >= full.max;
