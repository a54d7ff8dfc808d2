/**
 * The biggest rises and falls of a session — of online viewers (the value
 * at each minute's end) and of paid orders per minute — each with what
 * happened in the minutes before it: a card pinned, a segment starting, a
 * talking point used, a burst of questions with its top intent, a surge of
 * coupon claims, a moment someone marked. It says what happened, not why:
 * the recap never claims a cause.
 */
import type { CommentIntent } from '../comments/index.js';
import type { SuggestionText } from '../copilot/engine/cue-text.js';

/** The change of minute m is judged against what happened from LOOKBACK_MINUTES before m to m's end. */
export const LOOKBACK_MINUTES = 2;
export const PEAKS_PER_LIST = 5;
/** A burst or a surge: at least this many, and at least twice the session's typical minute. */
const BURST_MIN = 5;
const BURST_FACTOR = 2;

export type PeakMetric = 'onlineViewers' | 'paidOrders';

export type Happening =
  | { kind: 'cardShown'; at: number; productId: string; title: string | null }
  | { kind: 'segmentStarted'; at: number; title: string }
  | { kind: 'pointUsed'; at: number; line: string; text: SuggestionText | null }
  | { kind: 'questionBurst'; minute: number; questions: number; topIntent: CommentIntent }
  | { kind: 'couponSurge'; minute: number; claims: number }
  | { kind: 'moment'; at: number; note: string | null };

export interface Peak {
  metric: PeakMetric;
  direction: 'rise' | 'fall';
  /** Epoch minute in which the change happened. */
  minute: number;
  from: number;
  to: number;
  change: number;
  happened: Happening[];
}

export interface PeakInput {
  /** Minutes in order, every minute of the session (quiet ones included). */
  minutes: readonly { minute: number; onlineViewers: number | null; paidOrders: number | null }[];
  cards: readonly { productId: string; from: number }[];
  titles: ReadonlyMap<string, string | null>;
  segments: readonly { title: string; startedAt: number }[];
  pointsUsed: readonly { at: number; line: string; text: SuggestionText | null }[];
  questions: readonly { minute: number; byIntent: Partial<Record<CommentIntent, number>> }[];
  coupons: readonly { minute: number; couponClaims: number }[];
  moments: readonly { at: number; note: string | null }[];
}

export function findPeaks(input: PeakInput): Peak[] {
  const context = happenings(input);
  return (['onlineViewers', 'paidOrders'] as const).flatMap((metric) => {
    const changes = input.minutes.slice(1).map((row, index) => {
      const from = input.minutes[index]![metric] ?? 0;
      const to = row[metric] ?? 0;
      return { minute: row.minute, from, to, change: to - from };
    });
    const rises = changes.filter((c) => c.change > 0).sort((a, b) => b.change - a.change || a.minute - b.minute);
    const falls = changes.filter((c) => c.change < 0).sort((a, b) => a.change - b.change || a.minute - b.minute);
    const peak = (direction: Peak['direction']) => (c: (typeof changes)[number]): Peak => ({ metric, direction, ...c, happened: context(c.minute) });
    return [...rises.slice(0, PEAKS_PER_LIST).map(peak('rise')), ...falls.slice(0, PEAKS_PER_LIST).map(peak('fall'))];
  });
}

/** For a minute, everything notable from LOOKBACK_MINUTES before it to its end, in time order. */
function happenings(input: PeakInput): (minute: number) => Happening[] {
  const questionsIn = new Map(input.questions.map((q) => [q.minute, q.byIntent]));
  const questionTotal = (byIntent: Partial<Record<CommentIntent, number>>) => Object.values(byIntent).reduce((sum, n) => sum + (n ?? 0), 0);
  const typicalQuestions = median(input.minutes.map((m) => questionTotal(questionsIn.get(m.minute) ?? {})));
  const claimsIn = new Map(input.coupons.map((c) => [c.minute, c.couponClaims]));
  const typicalClaims = median(input.minutes.map((m) => claimsIn.get(m.minute) ?? 0));
  const isBurst = (count: number, typical: number) => count >= BURST_MIN && count >= BURST_FACTOR * typical;
  return (minute) => {
    const fromMs = (minute - LOOKBACK_MINUTES) * 60_000;
    const toMs = (minute + 1) * 60_000;
    const inSpan = (at: number) => at >= fromMs && at < toMs;
    const inMinutes = (m: number) => m >= minute - LOOKBACK_MINUTES && m <= minute;
    const found: (Happening & { sortAt: number })[] = [
      ...input.cards.filter((c) => inSpan(c.from)).map((c) => ({ kind: 'cardShown' as const, at: c.from, productId: c.productId, title: input.titles.get(c.productId) ?? null, sortAt: c.from })),
      ...input.segments.filter((s) => inSpan(s.startedAt)).map((s) => ({ kind: 'segmentStarted' as const, at: s.startedAt, title: s.title, sortAt: s.startedAt })),
      ...input.pointsUsed.filter((p) => inSpan(p.at)).map((p) => ({ kind: 'pointUsed' as const, at: p.at, line: p.line, text: p.text, sortAt: p.at })),
      ...input.moments.filter((m) => inSpan(m.at)).map((m) => ({ kind: 'moment' as const, at: m.at, note: m.note, sortAt: m.at })),
      ...input.questions
        .filter((q) => inMinutes(q.minute) && isBurst(questionTotal(q.byIntent), typicalQuestions))
        .map((q) => ({ kind: 'questionBurst' as const, minute: q.minute, questions: questionTotal(q.byIntent), topIntent: topIntent(q.byIntent), sortAt: q.minute * 60_000 })),
      ...input.coupons
        .filter((c) => inMinutes(c.minute) && isBurst(c.couponClaims, typicalClaims))
        .map((c) => ({ kind: 'couponSurge' as const, minute: c.minute, claims: c.couponClaims, sortAt: c.minute * 60_000 })),
    ];
    return found.sort((a, b) => a.sortAt - b.sortAt).map(({ sortAt: _sortAt, ...happening }) => happening as Happening);
  };
}

function topIntent(byIntent: Partial<Record<CommentIntent, number>>): CommentIntent {
  let best: CommentIntent = 'other';
  let most = -1;
  for (const [intent, count] of Object.entries(byIntent) as [CommentIntent, number][]) {
    if (count > most) [best, most] = [intent, count];
  }
  return best;
}

function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
