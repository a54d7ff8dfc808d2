/**
 * What is wrong with a plan, field by field: errors make it impossible (a
 * product not in the catalog, a segment past the end) and are refused, never
 * fixed silently; warnings (overlapping segments, time left unplanned) are
 * shown as the plan is typed. The same check runs in the editor, on import,
 * on save and in the CLI.
 */
import type { Catalog } from '../catalog/catalog.js';
import { planEndSec, segmentEndSec, type PlanBody } from './plan.js';

export const planProblemCodes = [
  'badJson',
  'wrongFormat',
  'tooLarge',
  'invalid',
  'unknownProduct',
  'duplicateProduct',
  'unknownBuyingPoint',
  'pointNotAccepted',
  'pointOfOtherProduct',
  'duplicateId',
  'pastEnd',
  'overlap',
  'gap',
] as const;
export type PlanProblemCode = (typeof planProblemCodes)[number];

export interface PlanProblem {
  /** Where: `segments[2].plannedDurationSec`, `lineup[0].productId`, or '' for the whole file. */
  path: string;
  code: PlanProblemCode;
  params: Record<string, string | number>;
}

export interface PlanCheck {
  errors: PlanProblem[];
  warnings: PlanProblem[];
  /** Seconds the segments plan, the plan's length, and the time no segment covers. */
  totals: { plannedSec: number; planSec: number; unplannedSec: number };
}

const at = (path: string, code: PlanProblemCode, params: PlanProblem['params'] = {}): PlanProblem => ({ path, code, params });

export function checkPlan(plan: PlanBody, catalog: Catalog): PlanCheck {
  const errors: PlanProblem[] = [];
  const warnings: PlanProblem[] = [];
  const products = new Set(catalog.products.map((p) => p.id));
  const points = new Map(catalog.buyingPoints.map((b) => [b.id, b]));

  const checkPoint = (path: string, pointId: string, owners: readonly string[]) => {
    const point = points.get(pointId);
    if (!point) errors.push(at(path, 'unknownBuyingPoint', { id: pointId }));
    else if (!owners.includes(point.productId)) errors.push(at(path, 'pointOfOtherProduct', { id: pointId, productId: point.productId }));
    else if (point.status !== 'accepted') errors.push(at(path, 'pointNotAccepted', { id: pointId }));
  };

  const seenProducts = new Set<string>();
  plan.lineup.forEach((item, i) => {
    const path = `lineup[${i}]`;
    if (!products.has(item.productId)) errors.push(at(`${path}.productId`, 'unknownProduct', { id: item.productId }));
    if (seenProducts.has(item.productId)) errors.push(at(`${path}.productId`, 'duplicateProduct', { id: item.productId }));
    seenProducts.add(item.productId);
    item.buyingPointIds.forEach((pointId, j) => checkPoint(`${path}.buyingPointIds[${j}]`, pointId, [item.productId]));
  });

  const end = planEndSec(plan);
  duplicates(plan.segments.map((s) => s.id)).forEach((i) => errors.push(at(`segments[${i}].id`, 'duplicateId', { id: plan.segments[i]!.id })));
  plan.segments.forEach((segment, i) => {
    const path = `segments[${i}]`;
    if (segmentEndSec(segment) > end) errors.push(at(path, 'pastEnd', { endSec: segmentEndSec(segment), planSec: end }));
    segment.productIds.forEach((productId, j) => {
      if (!products.has(productId)) errors.push(at(`${path}.productIds[${j}]`, 'unknownProduct', { id: productId }));
    });
    segment.buyingPointIds.forEach((pointId, j) => checkPoint(`${path}.buyingPointIds[${j}]`, pointId, segment.productIds));
  });
  duplicates(plan.checklist.map((c) => c.id)).forEach((i) => errors.push(at(`checklist[${i}].id`, 'duplicateId', { id: plan.checklist[i]!.id })));

  // Overlaps and gaps between segments in the order they run.
  const order = plan.segments.map((s, i) => ({ s, i })).sort((a, b) => a.s.plannedStartSec - b.s.plannedStartSec || a.i - b.i);
  let covered = 0;
  let reach = 0;
  for (const [k, { s, i }] of order.entries()) {
    const before = order[k - 1];
    if (before && s.plannedStartSec < segmentEndSec(before.s)) {
      warnings.push(at(`segments[${i}]`, 'overlap', { with: before.i + 1, seconds: segmentEndSec(before.s) - s.plannedStartSec }));
    } else if (s.plannedStartSec > reach) {
      warnings.push(at(`segments[${i}]`, 'gap', { seconds: s.plannedStartSec - reach }));
    }
    const from = Math.max(s.plannedStartSec, reach);
    const to = Math.min(segmentEndSec(s), end);
    if (to > from) covered += to - from;
    reach = Math.max(reach, segmentEndSec(s));
  }
  const plannedSec = plan.segments.reduce((sum, s) => sum + s.plannedDurationSec, 0);
  return { errors, warnings, totals: { plannedSec, planSec: end, unplannedSec: Math.max(0, end - covered) } };
}

/** Indexes of values already seen earlier in the list. */
function duplicates(values: readonly string[]): number[] {
  const seen = new Set<string>();
  const repeated: number[] = [];
  values.forEach((value, i) => {
    if (seen.has(value)) repeated.push(i);
    seen.add(value);
  });
  return repeated;
}

const minutes = (seconds: number | string) => Math.round(Number(seconds) / 6) / 10;

const messages: Record<'zh-CN' | 'en', Record<PlanProblemCode, (p: PlanProblem['params']) => string>> = {
  'zh-CN': {
    badJson: (p) => `不是有效的 JSON（${p.detail}）`,
    wrongFormat: () => '不是 LiveCue 直播计划文件（缺少 format: "livecue-plan@1"）',
    tooLarge: (p) => `计划文件有 ${Math.ceil(Number(p.bytes) / 1000)} KB，超过上限 ${Number(p.limit) / 1000} KB`,
    invalid: (p) => `${p.detail}`,
    unknownProduct: (p) => `商品库中没有商品 ${p.id}`,
    duplicateProduct: (p) => `商品 ${p.id} 在排品中出现了两次`,
    unknownBuyingPoint: (p) => `商品库中没有买点 ${p.id}`,
    pointNotAccepted: (p) => `买点 ${p.id} 还未采纳，只有已采纳的买点能进计划`,
    pointOfOtherProduct: (p) => `买点 ${p.id} 属于商品 ${p.productId}，不在这一项的商品里`,
    duplicateId: (p) => `编号 ${p.id} 重复`,
    pastEnd: (p) => `环节在第 ${minutes(p.endSec!)} 分钟结束，超过了计划时长 ${minutes(p.planSec!)} 分钟`,
    overlap: (p) => `与第 ${p.with} 个环节重叠 ${minutes(p.seconds!)} 分钟`,
    gap: (p) => `前面有 ${minutes(p.seconds!)} 分钟没有安排`,
  },
  en: {
    badJson: (p) => `not valid JSON (${p.detail})`,
    wrongFormat: () => 'not a LiveCue plan file (format: "livecue-plan@1" is missing)',
    tooLarge: (p) => `the plan file is ${Math.ceil(Number(p.bytes) / 1000)} KB, over the ${Number(p.limit) / 1000} KB limit`,
    invalid: (p) => `${p.detail}`,
    unknownProduct: (p) => `no product ${p.id} in the catalog`,
    duplicateProduct: (p) => `product ${p.id} is in the line-up twice`,
    unknownBuyingPoint: (p) => `no buying point ${p.id} in the catalog`,
    pointNotAccepted: (p) => `buying point ${p.id} is not accepted; only accepted points go into a plan`,
    pointOfOtherProduct: (p) => `buying point ${p.id} belongs to product ${p.productId}, which this item does not have`,
    duplicateId: (p) => `id ${p.id} is used twice`,
    pastEnd: (p) => `the segment ends at minute ${minutes(p.endSec!)}, past the plan's ${minutes(p.planSec!)} minutes`,
    overlap: (p) => `overlaps segment ${p.with} by ${minutes(p.seconds!)} min`,
    gap: (p) => `${minutes(p.seconds!)} min before it are unplanned`,
  },
};

export function describePlanProblem(problem: PlanProblem, language: 'zh-CN' | 'en'): string {
  const where = problem.path === '' ? '' : `${problem.path}: `;
  return `${where}${messages[language][problem.code](problem.params)}`;
}
