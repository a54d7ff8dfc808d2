/** The buying points to suggest: those the question clusters ask for, and the card on air's own. */
import type { BuyingPoints } from './buying-points.js';
import type { Add } from './candidates.js';
import { count, cue } from './cue-text.js';
import type { ClusterCount, QuestionWindow } from './question-window.js';
import { COPILOT, PRIORITY } from './thresholds.js';
import type { TickInput } from './types.js';

/** The largest clusters of at least `CLUSTER_MIN_ASKERS` distinct askers: their point, the count and their most common words in the reason. */
export function clusterPoints(input: TickInput, questions: QuestionWindow, points: BuyingPoints, add: Add): void {
  const ranked: [string, ClusterCount][] = [];
  for (const entry of questions.clusters) if (entry[1].askers.size >= COPILOT.CLUSTER_MIN_ASKERS) ranked.push(entry);
  ranked.sort((a, b) => b[1].askers.size - a[1].askers.size || (a[0] < b[0] ? -1 : 1));
  for (const [pointId, cluster] of ranked.slice(0, COPILOT.CLUSTER_MAX)) {
    const askers = cluster.askers.size;
    const point = points.get(pointId);
    if (!point) continue;
    let top = '';
    let topCount = 0;
    for (const [text, n] of cluster.texts) if (n > topCount || (n === topCount && text < top)) [top, topCount] = [text, n];
    const onAir = input.onAir?.productId === point.productId;
    // The questions this point answers: used, it answers every one of them.
    const comments: string[] = [];
    for (let i = questions.head; i < questions.entries.length; i++) {
      const entry = questions.entries[i]!;
      if (entry.points.includes(pointId) && !questions.answered.has(entry.comment.id)) comments.push(entry.comment.id);
    }
    add(
      {
        id: `point:${point.id}`,
        kind: 'buyingPoint',
        line: cue('verbatim', { text: point.line }),
        reason: cue('reason.cluster', { askers: count(askers), quote: top }),
        quote: top,
        priority: PRIORITY.cluster + Math.min(askers, 20) * PRIORITY.clusterPerAsker + (onAir ? PRIORITY.clusterOnAir : 0),
        productId: point.productId,
        sources: [point.id],
      },
      COPILOT.POINT_TTL_MS,
      { comments },
    );
  }
}

/** The card on air: its first two buying points, as the default things to talk about. */
export function onAirPoints(input: TickInput, points: BuyingPoints, add: Add): void {
  if (!input.onAir) return;
  const title = input.products.find((p) => p.id === input.onAir!.productId)?.title ?? input.onAir.productId;
  points.of(input.onAir.productId).slice(0, 2).forEach((point, i) =>
    add(
      {
        id: `point:${point.id}`,
        kind: 'buyingPoint',
        line: cue('verbatim', { text: point.line }),
        reason: point.audience ? cue('reason.onAirAudience', { title, audience: point.audience }) : cue('reason.onAir', { title }),
        quote: null,
        priority: PRIORITY.onAirPoint - i,
        productId: point.productId,
        sources: [point.id],
      },
      COPILOT.POINT_TTL_MS,
    ),
  );
}
