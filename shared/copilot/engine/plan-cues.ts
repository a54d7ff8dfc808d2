/**
 * The rundown's cues: prepare the next segment's first product a minute
 * before it starts, pin it when it starts, move on when a segment runs over,
 * and an encore (返场) for a hero product under the plan's pace.
 */
import type { BuyingPoints } from './buying-points.js';
import type { Add } from './candidates.js';
import { count, cue, money, utcTime } from './cue-text.js';
import { PLAN_CUE, PRIORITY } from './thresholds.js';
import type { TickInput } from './types.js';

const minutesOf = (ms: number) => Math.max(1, Math.round(ms / 60_000));

export function planCues(input: TickInput, add: Add): void {
  const rundown = input.rundown;
  if (!rundown) return;
  const { now } = input;
  const title = (productId: string) => input.products.find((p) => p.id === productId)?.title ?? productId;
  const { current, next } = rundown;

  if (next && now < next.dueAt && next.dueAt - now <= PLAN_CUE.PREPARE_BEFORE_MS) {
    add(
      {
        id: `plan:prepare:${next.id}`,
        kind: 'prepareNext',
        line: next.productId === null ? cue('line.prepareNext', { segment: next.title }) : cue('line.prepareNextProduct', { segment: next.title, title: title(next.productId) }),
        reason: cue('reason.prepareNext', { seconds: count(Math.ceil((next.dueAt - now) / 1000)) }),
        quote: null,
        priority: PRIORITY.prepareNext,
        productId: next.productId,
        sources: [next.id],
      },
      next.dueAt - now + PLAN_CUE.START_GRACE_MS,
    );
  }

  if (current) {
    const first = current.productIds[0];
    if (first !== undefined && now - current.startedAt < PLAN_CUE.PIN_WITHIN_MS && input.onAir?.productId !== first) {
      add(
        {
          id: `plan:start:${current.id}`,
          kind: 'segmentStart',
          line: cue('line.segmentStart', { segment: current.title, title: title(first) }),
          reason: cue('reason.segmentFirst'),
          quote: null,
          priority: PRIORITY.segmentStart,
          productId: first,
          sources: [current.id],
        },
        PLAN_CUE.PIN_WITHIN_MS - (now - current.startedAt),
      );
    }
    if (now > current.plannedEndAt) {
      const over = now - current.plannedEndAt;
      add(
        {
          id: `plan:over:${current.id}`,
          kind: 'moveOn',
          line: next
            ? cue('line.moveOn', { segment: current.title, minutes: count(minutesOf(over)), next: next.title })
            : cue('line.wrapUp', { segment: current.title, minutes: count(minutesOf(over)) }),
          reason: cue('reason.moveOn', { time: utcTime(current.plannedEndAt) }),
          quote: null,
          priority: PRIORITY.moveOn,
          productId: null,
          sources: [current.id],
        },
        PLAN_CUE.MOVE_ON_TTL_MS,
      );
    }
  }

  for (const lag of rundown.underPace) {
    add(
      {
        id: `plan:encore:${lag.productId}`,
        kind: 'encore',
        line: cue('line.encore', { title: title(lag.productId) }),
        reason: cue('reason.encore', { gmv: money(lag.gmv), expected: money(lag.expected) }),
        quote: null,
        priority: PRIORITY.encore,
        productId: lag.productId,
        sources: [lag.productId],
      },
      PLAN_CUE.ENCORE_TTL_MS,
    );
  }
}

/** Wraps `add` so the current segment's planned buying points rank above the others while it runs. */
export function preferPlanned(input: TickInput, add: Add): Add {
  const planned = new Set(input.rundown?.current?.buyingPointIds ?? []);
  if (planned.size === 0) return add;
  return (s, ttl, options) =>
    add(s.kind === 'buyingPoint' && s.sources.some((id) => planned.has(id)) ? { ...s, priority: s.priority + PRIORITY.plannedPointBoost, reason: cue('reason.plannedBoost', { reason: { cue: s.reason } }) } : s, ttl, options);
}

/** The current segment's planned points as suggestions of their own, so they come up even when nobody asks. */
export function plannedPoints(input: TickInput, points: BuyingPoints, add: Add): void {
  const current = input.rundown?.current;
  if (!current) return;
  current.buyingPointIds.forEach((id, i) => {
    const point = points.get(id);
    if (!point) return;
    add(
      {
        id: `point:${id}`,
        kind: 'buyingPoint',
        line: cue('verbatim', { text: point.line }),
        reason: cue('reason.plannedPoint', { segment: current.title }),
        quote: null,
        priority: PRIORITY.plannedPoint - i,
        productId: point.productId,
        sources: [id],
      },
      PLAN_CUE.POINT_TTL_MS,
    );
  });
}
