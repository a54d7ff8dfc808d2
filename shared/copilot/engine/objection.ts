/** The top objection to the card on air: the intent most of its askers asked about, named with its count and answered. */
import { commentIntents, type CommentIntent } from '../../comments/intents.js';
import type { BuyingPoint, ProductCategory } from '../../catalog/catalog.js';
import type { BuyingPoints } from './buying-points.js';
import type { Add } from './candidates.js';
import { count, cue, type CueText } from './cue-text.js';
import { couponLine, isObjection, objectionLabel, priceLine } from './lines.js';
import type { QuestionWindow } from './question-window.js';
import { COPILOT, PRIORITY } from './thresholds.js';
import type { EngineProduct } from './types.js';

const INTENT_INDEX = Object.fromEntries(commentIntents.map((intent, i) => [intent, i])) as Record<CommentIntent, number>;

/**
 * The top objection: of the questions about the card on air in the window, the intent most people asked
 * (distinct askers), named with its count and answered with what the engine knows — the actual price, the
 * merchant's coupon, the buying point the askers' words matched — or the promise to answer it now.
 */
export function objection(
  product: EngineProduct,
  category: ProductCategory | undefined,
  funnel: CueText,
  questions: QuestionWindow,
  points: BuyingPoints,
  add: Add,
): void {
  // Distinct askers per intent among the newest questions of the window (all of them unless the room is busy).
  const list = questions.entries;
  const head = questions.head;
  const byIntent: (Set<string> | undefined)[] = [];
  for (let i = list.length - 1, scanned = 0; i >= head && scanned < COPILOT.OBJECTION_SCAN; i--, scanned++) {
    const entry = list[i]!;
    if (entry.productId === product.id) (byIntent[INTENT_INDEX[entry.comment.intent]] ??= new Set()).add(entry.comment.userId);
  }
  let top: CommentIntent | null = null;
  let topAskers = 0;
  for (const intent of commentIntents) {
    if (!isObjection(intent)) continue;
    const askers = byIntent[INTENT_INDEX[intent]]?.size ?? 0;
    if (askers > topAskers) [top, topAskers] = [intent, askers];
  }
  if (top === null || topAskers < COPILOT.OBJECTION_MIN_ASKERS) return;
  const label = objectionLabel(top, category)!;
  let answer: CueText;
  let point: BuyingPoint | null = null;
  const coupon = product.coupon?.trim() ?? '';
  if (top === 'price') answer = priceLine(product);
  else if (top === 'promotion' && coupon !== '') answer = couponLine(product, coupon);
  else {
    let best = 0;
    for (const candidate of points.of(product.id)) {
      if (!candidate.answers.includes(top)) continue;
      const askers = questions.askers(candidate.id);
      if (askers > best) [point, best] = [candidate, askers];
    }
    answer = point ? cue('verbatim', { text: point.line }) : cue('line.objectionPromise', { label: { cue: label } });
  }
  add(
    {
      id: `cue:objection:${product.id}:${top}`,
      kind: 'objection',
      line: cue('line.objection', { label: { cue: label }, askers: count(topAskers), answer: { cue: answer } }),
      reason: cue('reason.objection', { label: { cue: label }, askers: count(topAskers), funnel: { cue: funnel } }),
      quote: null,
      priority: PRIORITY.cluster + Math.min(topAskers, 20) * PRIORITY.clusterPerAsker + PRIORITY.clusterOnAir,
      productId: product.id,
      sources: point ? [`intent:${top}`, point.id, 'clickUsers', 'paidOrders'] : [`intent:${top}`, 'clickUsers', 'paidOrders'],
    },
    COPILOT.POINT_TTL_MS,
    { say: answer },
  );
}
