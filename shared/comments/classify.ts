/**
 * One comment → intent, question, product position, the cues that decided
 * them and how sure the intent is (docs/COMMENTS.md).
 *
 * A lure (lures.ts: 点我头像有同款便宜货, 加V) is `spam` before anything else;
 * the model, which learned spam from the corpus too, finds the lures no
 * pattern knows (进群领券 看主页).
 * Otherwise the lexicon's cue sets (lexicon.json, matched by cues.ts) and the
 * question reading (question.ts) go first, and the learned model
 * (model/intent-model.ts) decides the intent — and whether it asks — from
 * the comment's characters together with those cues: a cue that settles its intent carries a heavy
 * weight, learned from the corpus rather than forced — measured by held-out
 * category, letting weight-3 cues override the model cost 1.8 points of
 * accuracy. The label names the cues that fired and the features that tipped
 * the model. `confidence` is the model's probability of the intent; below
 * `UNCLEAR_BELOW` the co-pilot does not act on it.
 */
import { intentCount, matchCues } from './cues.js';
import { findLure } from './lures.js';
import type { CommentLabel } from './intents.js';
import { modelFeatures } from './model/features.js';
import { intentModel, type IntentModel } from './model/intent-model.js';
import { normalise } from './normalise.js';
import { findProductRef } from './product-ref.js';
import { readQuestion } from './question.js';

/** Below this confidence a reading's intent is unclear (calibrated on held-out folds when the model was trained). */
export const UNCLEAR_BELOW = intentModel.threshold;

/** A classifier reading intents with `model` (the shipped one, or one trained without a category to measure it). */
export function commentClassifier(model: IntentModel): (text: string) => CommentLabel {
  // Reused across calls: the classifier is synchronous, so one scratch array and list are safe.
  const scores = new Uint8Array(intentCount);
  const features: number[] = [];
  return (text) => {
    const norm = normalise(text);
    if (norm.trim() === '') return { intent: 'other', question: false, productRef: null, cues: [], confidence: 1 };
    // A lure waits for no answer and is about nothing on sale here, however it is worded.
    const lure = findLure(norm);
    if (lure !== null) return { intent: 'spam', question: false, productRef: null, cues: [`spam:${lure}`], confidence: 1 };
    const cues: string[] = [];
    matchCues(norm, scores, cues);
    const reading = readQuestion(norm);
    const read = model.read(modelFeatures(norm, scores, reading.question, features));
    const { intent, confidence, evidence } = read;
    if (evidence.length > 0) cues.push(`model:${evidence.join(' ')}`);
    // A purchase report waits for nothing, even with a 吗 in it; nor does a lure.
    const question = read.question && intent !== 'purchased' && intent !== 'spam';
    if (reading.cue !== null) cues.push(`${reading.question ? 'question' : 'not question'}:${reading.cue}`);
    // Where the question head overrules the rules, the label says which characters did.
    if (read.question !== reading.question) cues.push(`${read.question ? 'question' : 'not question'}:model ${model.questionEvidence().join(' ')}`.trimEnd());
    const ref = findProductRef(norm);
    if (ref !== null) cues.push(`ref:${ref.cue}`);
    return { intent, question, productRef: ref?.position ?? null, cues, confidence: Math.round(confidence * 1000) / 1000 };
  };
}

export const classifyComment = commentClassifier(intentModel);
