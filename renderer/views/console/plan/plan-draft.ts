/** Editing a plan in the page: the draft is the plan body itself, with the conversions the inputs need. */
import { segmentEndSec, type PlanBody, type Segment, type SegmentKind } from '../../../../shared/plan/plan.js';
import { reflow } from '../../../../shared/plan/rundown.js';

export type Draft = PlanBody;

/** Ids only need to be unique within the plan; the clock and a counter make them so without a library. */
let counter = 0;
export const newId = (prefix: string) => `${prefix}-${Date.now().toString(36)}${(counter++).toString(36)}`;

export function addSegment(draft: Draft, kind: SegmentKind): Draft {
  const last = draft.segments.reduce((end, s) => Math.max(end, segmentEndSec(s)), 0);
  const segment: Segment = { id: newId('s'), kind, title: '', plannedStartSec: last, plannedDurationSec: 10 * 60, productIds: [], buyingPointIds: [], note: '' };
  return { ...draft, segments: [...draft.segments, segment] };
}

/** Moves a segment and lays the rundown out again in its new order (shared/plan/rundown.ts `reflow`). */
export function moveSegment(draft: Draft, from: number, to: number): Draft {
  if (from === to || to < 0 || to >= draft.segments.length) return draft;
  const segments = [...draft.segments];
  const [moved] = segments.splice(from, 1);
  segments.splice(to, 0, moved!);
  return { ...draft, segments: reflow(segments) };
}

export const minutesOf = (seconds: number) => Math.round((seconds / 60) * 10) / 10;
export const secondsOf = (minutes: number) => Math.round(minutes * 60);
export const yuanOf = (fen: number | null) => (fen === null ? '' : String(fen / 100));
export function fenOf(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const yuan = Number(trimmed);
  return Number.isFinite(yuan) && yuan >= 0 ? Math.round(yuan * 100) : null;
}

/** `<input type="datetime-local">` speaks local time without a zone. */
export function localInputOf(epochMs: number | null): string {
  if (epochMs === null) return '';
  const d = new Date(epochMs);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
export function epochOfLocalInput(value: string): number | null {
  if (value === '') return null;
  const ms = new Date(value).getTime();
  return Number.isFinite(ms) ? ms : null;
}
