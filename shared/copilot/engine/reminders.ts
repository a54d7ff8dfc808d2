/** Reminders of questions left unanswered: one per product and intent, the buyers ready to buy and the card on air first. */
import type { CommentIntent } from '../../comments/intents.js';
import type { BuyingPoints } from './buying-points.js';
import type { Add } from './candidates.js';
import { count, cue } from './cue-text.js';
import { priceLine } from './lines.js';
import { bump, normaliseQuestion, type QuestionEntry, type QuestionWindow } from './question-window.js';
import { COPILOT, PRIORITY } from './thresholds.js';
import type { EngineProduct, TickInput } from './types.js';

/** Intents of buyers ready to buy: their questions go first. */
const PURCHASE_INTENTS: ReadonlySet<CommentIntent> = new Set(['price', 'stock', 'link', 'promotion', 'shipping', 'suitability', 'spec']);

const intentKey = (productId: string, intent: CommentIntent) => `${productId}\u0001${intent}`;

/** Questions asked between `UNANSWERED_UNTIL_MS` and `UNANSWERED_AFTER_MS` ago, not answered and not answered by a suggested buying point. */
/** Said instead of an answer when the catalog holds none for the question's intent: never a line about something else. */
const NO_ANSWER_LINE = cue('line.noAnswer');

/**
 * The buying point that answers a question group: one the askers' words matched (of their product, for their
 * intent), else any accepted point of the product that declares it answers that intent; null when there is none.
 */
function answeringPoint(entries: readonly QuestionEntry[], productId: string | null, intent: CommentIntent, points: BuyingPoints) {
  if (productId === null) return null;
  for (const entry of entries) {
    for (const id of entry.points) {
      const point = points.get(id);
      if (point?.answers.includes(intent)) return point;
    }
  }
  return points.of(productId).find((point) => point.answers.includes(intent)) ?? null;
}

export function unanswered(input: TickInput, products: ReadonlyMap<string, EngineProduct>, questions: QuestionWindow, points: BuyingPoints, add: Add): void {
  const list = questions.entries;
  const head = questions.head;
  const { now } = input;
  const newest = now - COPILOT.UNANSWERED_AFTER_MS;
  const oldest = now - COPILOT.UNANSWERED_UNTIL_MS;
  // Questions are in arrival order: find the last one old enough (binary search), then walk back.
  let lo = head;
  let end = list.length;
  while (lo < end) {
    const mid = (lo + end) >>> 1;
    if (list[mid]!.comment.ts <= newest) lo = mid + 1;
    else end = mid;
  }
  const hi = lo - 1;
  // One reminder per product and intent: three people asking 多少钱 get one answer.
  const groups = new Map<string, QuestionEntry[]>();
  let scanned = 0;
  for (let i = hi; i >= head && scanned < COPILOT.ANSWER_SCAN; i--, scanned++) {
    const entry = list[i]!;
    if (entry.comment.ts < oldest) break;
    if (questions.answered.has(entry.comment.id)) continue;
    // A question a suggested buying point answers needs no reminder of its own: the point is the answer.
    if (entry.points.some((id) => questions.askers(id) >= COPILOT.CLUSTER_MIN_ASKERS)) continue;
    const key = intentKey(entry.productId ?? '', entry.comment.intent);
    const group = groups.get(key);
    if (group) group.push(entry);
    else groups.set(key, [entry]);
  }
  const onAirId = input.onAir?.productId ?? null;
  const rank = (e: QuestionEntry) => (e.productId !== null && e.productId === onAirId ? 2 : 0) + (PURCHASE_INTENTS.has(e.comment.intent) ? 1 : 0);
  const folded = [...groups.values()].map((entries) => {
    // Walked newest first: the first asker is the last entry.
    entries.reverse();
    const askers = new Set(entries.map((e) => e.comment.userId)).size;
    return { first: entries[0]!, entries, askers };
  });
  folded.sort((a, b) => rank(b.first) - rank(a.first) || b.askers - a.askers || a.first.comment.ts - b.first.comment.ts);
  for (const { first, entries, askers } of folded.slice(0, COPILOT.ANSWER_MAX)) {
    const { comment } = first;
    const product = first.productId ? products.get(first.productId) : undefined;
    const ageSeconds = Math.floor((now - comment.ts) / 1000);
    // The way most of them asked it (the first asker's words on a tie).
    const texts = new Map<string, number>();
    for (const e of entries) bump(texts, normaliseQuestion(e.comment.text), 1);
    let quote = normaliseQuestion(comment.text);
    for (const [text, n] of texts) if (n > texts.get(quote)!) quote = text;
    // A price question is answered with the product's actual price, nothing else; any other with the buying point
    // that declares it answers that intent, or with the plain fact that the catalog has none.
    const price = comment.intent === 'price' && product ? priceLine(product) : null;
    const point = price === null ? answeringPoint(entries, first.productId, comment.intent, points) : null;
    const line = price ?? (point ? cue('verbatim', { text: point.line }) : NO_ANSWER_LINE);
    const reason = askers > 1 ? cue('reason.waitingMany', { askers: count(askers), quote, seconds: count(ageSeconds) }) : cue('reason.waitingOne', { quote, seconds: count(ageSeconds) });
    const ids = entries.map((e) => e.comment.id);
    add(
      {
        id: `answer:${comment.id}`,
        kind: 'answer',
        line,
        reason,
        quote,
        priority: (rank(first) >= 2 ? PRIORITY.answerOnAir : PRIORITY.answer) + (PURCHASE_INTENTS.has(comment.intent) ? 3 : 0) + Math.min(askers - 1, 5),
        productId: first.productId,
        sources: point ? [...ids, point.id] : ids,
        question: { intent: comment.intent, askers, since: comment.ts, answerPointId: point?.id ?? null },
      },
      COPILOT.UNANSWERED_UNTIL_MS - (now - comment.ts),
      // Reminders of other intents say "answer them": what they answer is the intent, not the words.
      { say: price ?? point?.line ?? `answer:${comment.intent}`, comments: ids },
    );
  }
}
