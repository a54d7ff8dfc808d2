/**
 * One comment → intent, question, product position, and the cues that
 * decided them (docs/COMMENTS.md).
 *
 * Every intent's cue sets (lexicon.ts) are matched against the normalised
 * text; an intent scores the weight of its heaviest cue. The heaviest intent
 * wins, ties going to `tieBreak`. Two rules sit on top, because a purchase
 * is a statement, not a question:
 *  - a comment that asks something is about what it asks, even when it
 *    also says it bought (已拍，有赠品吗 → promotion);
 *  - a comment that asks nothing and says it bought is a purchase, whatever
 *    else it mentions (已拍 坐等发货 → purchased).
 * A question no cue knows goes to the fallback model (fallback.ts) before it
 * is called `other`: buyers' questions are mostly about the goods. Before
 * any of this, a lure (lures.ts: 点我头像有同款便宜货, 加V) is `spam`.
 */
import { guessIntent } from './fallback.js';
import { findLure } from './lures.js';
import type { CommentIntent, CommentLabel } from './intents.js';
import { cueSets, tieBreak } from './lexicon.js';
import { normalise } from './normalise.js';
import { findProductRef } from './product-ref.js';
import { readQuestion } from './question.js';

const intentCount = tieBreak.length;
const rank = new Map<CommentIntent, number>(tieBreak.map((intent, i) => [intent, i]));
const purchasedRank = rank.get('purchased')!;
const otherRank = rank.get('other')!;
// Flattened once: the hot loop reads plain local arrays, not the module's exports.
const sets = cueSets.map((set) => ({ ...set, rank: rank.get(set.intent)!, prefix: `${set.intent}:`, notPrefix: `not ${set.intent}:` }));

// Reused across calls: the classifier is synchronous, so one scratch array is safe.
const scores = new Uint8Array(intentCount);

export function classifyComment(text: string): CommentLabel {
  const norm = normalise(text);
  // A lure waits for no answer and is about nothing on sale here, however it is worded.
  const lure = findLure(norm);
  if (lure !== null) return { intent: 'spam', question: false, productRef: null, cues: [`spam:${lure}`] };
  const cues: string[] = [];
  scores.fill(0);

  for (const { pattern, unless, weight, rank: r, prefix, notPrefix } of sets) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(norm); m !== null; m = pattern.exec(norm)) {
      if (m[0].length === 0) {
        pattern.lastIndex++;
        continue;
      }
      if (unless !== undefined && unless.test(norm.slice(Math.max(0, m.index - 8), m.index))) {
        cues.push(notPrefix + m[0]);
        continue;
      }
      if (scores[r]! < weight) scores[r] = weight;
      const cue = prefix + m[0];
      // Two cue sets of one intent may fire on the same words (冷不冷); say it once.
      if (!cues.includes(cue)) cues.push(cue);
    }
  }

  const reading = readQuestion(norm);
  let best: number;
  if (reading.question) {
    // What is asked outranks the purchase statement around it.
    best = heaviest(purchasedRank);
    if (scores[best] === 0 && scores[purchasedRank]! > 0) best = purchasedRank;
  } else {
    // A hint alone (宝宝, 狗狗, 链接) does not make chat into a topic; it needs a question or a stronger cue.
    for (let r = 0; r < intentCount; r++) if (scores[r] === 1 && r !== otherRank) scores[r] = 0;
    best = heaviest(-1);
    if (scores[purchasedRank]! > 0 && scores[purchasedRank] === scores[best]) best = purchasedRank;
  }
  let intent = tieBreak[best]!;
  if (reading.question && scores[best] === 0) {
    const guess = guessIntent(norm);
    if (guess !== null) {
      intent = guess.intent;
      cues.push(`model:${guess.evidence.join(' ')}`);
    }
  }

  // A purchase report waits for nothing, even with a 吗 in it.
  const question = reading.question && intent !== 'purchased';
  if (reading.cue !== null) cues.push(`${reading.question ? 'question' : 'not question'}:${reading.cue}`);

  const ref = findProductRef(norm);
  if (ref !== null) cues.push(`ref:${ref.cue}`);

  return { intent, question, productRef: ref?.position ?? null, cues };
}

/** The rank of the heaviest intent (ties to the earlier rank), skipping `skip`; `other` when nothing scored. */
function heaviest(skip: number): number {
  let best = otherRank;
  let max = 0;
  for (let r = 0; r < intentCount; r++) {
    if (r !== skip && scores[r]! > max) {
      max = scores[r]!;
      best = r;
    }
  }
  return best;
}
