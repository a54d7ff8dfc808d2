/**
 * The rundown's cues: prepare the next segment's first product a minute
 * before it starts, pin it when it starts, move on when a segment runs over,
 * and an encore (返场) for a hero product under the plan's pace.
 */
import type { BuyingPoints } from './buying-points.js';
import type { Add } from './candidates.js';
import { zh } from './lines.js';
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
    const product = next.productId === null ? '' : `，准备好 ${title(next.productId)}`;
    add(
      {
        id: `plan:prepare:${next.id}`,
        kind: 'prepareNext',
        line: `下一环节「${next.title}」马上开始${product}`,
        reason: `计划 ${Math.ceil((next.dueAt - now) / 1000)} 秒后开始`,
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
          line: `「${current.title}」开始了：上 ${title(first)} 的讲解卡`,
          reason: '按计划，本环节的第一个商品',
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
          line: next ? `「${current.title}」已超时 ${minutesOf(over)} 分钟，该进入「${next.title}」了` : `「${current.title}」已超时 ${minutesOf(over)} 分钟，可以准备下播了`,
          reason: `计划在 ${new Date(current.plannedEndAt).toISOString().slice(11, 16)} UTC 结束`,
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
        line: `${title(lag.productId)} 还没到计划的节奏，建议安排一次返场再讲`,
        reason: `成交 ${zh.money(lag.gmv)}，按计划此时应有 ${zh.money(lag.expected)}`,
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
    add(s.kind === 'buyingPoint' && s.sources.some((id) => planned.has(id)) ? { ...s, priority: s.priority + PRIORITY.plannedPointBoost, reason: `${s.reason} · 本环节要讲` } : s, ttl, options);
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
        line: point.line,
        reason: `本环节「${current.title}」要讲的买点`,
        quote: null,
        priority: PRIORITY.plannedPoint - i,
        productId: point.productId,
        sources: [id],
      },
      PLAN_CUE.POINT_TTL_MS,
    );
  });
}
