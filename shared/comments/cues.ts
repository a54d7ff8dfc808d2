/**
 * The lexicon's reading of a normalised comment: which cue sets fire, and
 * per intent the weight of its heaviest cue (lexicon.ts). Shared by the
 * classifier's decision and the learned model, which takes the cues as
 * features beside the characters.
 */
import type { CommentIntent } from './intents.js';
import { cueSets, tieBreak } from './lexicon.js';

export const intentCount = tieBreak.length;
/** In `scores`: the intent's only cue was cancelled. */
export const CANCELLED = 9;
const intentRank = new Map<CommentIntent, number>(tieBreak.map((intent, i) => [intent, i]));
// Flattened once: the hot loop reads plain local arrays, not the module's exports.
const sets = cueSets.map((set) => ({ ...set, rank: intentRank.get(set.intent)!, prefix: `${set.intent}:`, notPrefix: `not ${set.intent}:` }));

/**
 * Fills `scores` (by `tieBreak` rank: the weight of each intent's heaviest cue, 0 for none; a cue cancelled by what
 * precedes it, 要是…拍了 or 不是问价格, marks its intent with CANCELLED instead when nothing else of it fired) and
 * appends the cues that fired.
 */
export function matchCues(norm: string, scores: Uint8Array, cues: string[]): void {
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
        if (scores[r] === 0) scores[r] = CANCELLED;
        continue;
      }
      if (scores[r] === CANCELLED || scores[r]! < weight) scores[r] = weight;
      const cue = prefix + m[0];
      // Two cue sets of one intent may fire on the same words (冷不冷); say it once.
      if (!cues.includes(cue)) cues.push(cue);
    }
  }
}
