/**
 * What followed each talking point used (METRICS.md "Attribution": the 3
 * minutes after a use next to the 3 minutes before). Minutes are the unit
 * the store keeps, so "before" is the 3 whole minutes before the one it was
 * used in, and "after" is that minute and the 2 after it.
 */
import type { SuggestionText } from '../copilot/engine/cue-text.js';
import type { MinuteActivity } from '../metrics/index.js';

export const IMPACT_MINUTES = 3;

export interface SpanFigures {
  paidOrders: number;
  gmv: number;
  clicks: number;
  /** Mean of online viewers at the minutes' ends; null when none of them is stored. */
  online: number | null;
}

export interface PointImpact {
  suggestionId: string;
  kind: string;
  line: string;
  /** The line as messages, for a reader of another language (null: only its Chinese was kept). */
  text: SuggestionText | null;
  at: number;
  before: SpanFigures;
  after: SpanFigures;
}

interface MinuteFigures {
  minute: number;
  paidOrders: number | null;
  gmv: number | null;
  onlineViewers: number | null;
}

export function pointImpacts(
  used: readonly { suggestionId: string; kind: string; line: string; text: SuggestionText | null; at: number }[],
  minutes: readonly MinuteFigures[],
  activity: readonly MinuteActivity[],
): PointImpact[] {
  const byMinute = new Map(minutes.map((m) => [m.minute, m]));
  const clicksIn = new Map(activity.map((a) => [a.minute, a.clicks]));
  const span = (first: number): SpanFigures => {
    const rows = Array.from({ length: IMPACT_MINUTES }, (_, i) => first + i);
    const online = rows.map((m) => byMinute.get(m)?.onlineViewers).filter((v): v is number => typeof v === 'number');
    return {
      paidOrders: sum(rows.map((m) => byMinute.get(m)?.paidOrders ?? 0)),
      gmv: sum(rows.map((m) => byMinute.get(m)?.gmv ?? 0)),
      clicks: sum(rows.map((m) => clicksIn.get(m) ?? 0)),
      online: online.length ? sum(online) / online.length : null,
    };
  };
  return used.map(({ suggestionId, kind, line, text, at }) => {
    const minute = Math.floor(at / 60_000);
    return { suggestionId, kind, line, text, at, before: span(minute - IMPACT_MINUTES), after: span(minute) };
  });
}

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);
