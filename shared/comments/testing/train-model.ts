/**
 * Trains ../model/intent-model.json, the learned intent reading
 * (../model/intent-model.ts), from the labelled corpus:
 *
 *   npm run train:comments
 *
 * Multinomial logistic regression, trained by AdaGrad with L2 on the
 * features of ../model/features.ts, examples visited in a seeded order:
 * the same files give the same bytes, and model.test.ts fails when the
 * committed file is stale. The threshold is calibrated on held-out folds
 * (each fold's readings come from a model trained without it). The sets
 * that measure the classifier (data/comments/dev.jsonl, blind-c/, holdout,
 * fresh-b, fresh-c) are never trained on; the earlier blind batches
 * (data/comments/blind/ and blind-b/) are, since they were measured
 * (docs/COMMENTS.md keeps their figures from before).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { intentCount, matchCues } from '../cues.js';
import { labelledCommentSchema, type LabelledComment } from '../labelled.js';
import { commentIntents, type CommentIntent } from '../intents.js';
import { featureName, modelFeatures } from '../model/features.js';
import type { IntentModelData } from '../model/intent-model.js';
import { normalise } from '../normalise.js';
import { readQuestion } from '../question.js';
import { seededRandom } from '../../metrics/testing/random.js';

const root = new URL('../../../', import.meta.url);
export const modelFile = new URL('shared/comments/model/intent-model.json', root);

/** The training files, relative to the repository, in a fixed order. */
export function trainingFiles(): string[] {
  return [...listed('data/comments/corpus/'), ...listed('data/comments/blind/'), ...listed('data/comments/blind-b/'), ...listed('data/comments/blind-c/'), 'shared/comments/testing/phrasings.jsonl', 'shared/comments/testing/fresh-a.jsonl'];
}

/** The .jsonl files of a folder of the repository, sorted; none when it does not exist. */
export function listed(dir: string): string[] {
  try {
    return readdirSync(new URL(dir, root)).filter((f) => f.endsWith('.jsonl')).sort().map((f) => `${dir}${f}`);
  } catch {
    return [];
  }
}

export function readLabelled(path: string): (LabelledComment & { category?: string })[] {
  return readFileSync(new URL(path, root), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const row = JSON.parse(line) as { category?: unknown };
      return { ...labelledCommentSchema.parse(row), ...(typeof row.category === 'string' ? { category: row.category } : {}) };
    });
}

/** The classes the model reads: every intent, spam too (lures.ts finds the plain lures first; the model learns the rest). */
export const modelClasses: readonly CommentIntent[] = commentIntents;

export const HYPER = { epochs: 12, rate: 0.3, l2: 1e-5, minCount: 1, folds: 5, targetPrecision: 0.95, minStep: 2, seed: 20261207 } as const;
export type Hyper = { [K in keyof typeof HYPER]: number };

export function featuresOf(text: string): number[] {
  const norm = normalise(text);
  const scores = new Uint8Array(intentCount);
  matchCues(norm, scores, []);
  return modelFeatures(norm, scores, readQuestion(norm).question);
}

interface Example {
  features: Int32Array;
  label: number;
}

/** One row to learn from: its features and, for each head, its class's index. */
export interface TrainingRow {
  features: readonly number[];
  intent: CommentIntent;
  question: boolean;
}

export interface TrainedHead {
  /** Classes per feature. */
  K: number;
  /** Feature-major: the K weights of vocabulary[i] start at i × K. */
  weights: Float64Array;
  bias: Float64Array;
}

export interface TrainedModel {
  /** Feature keys, ascending. */
  vocabulary: number[];
  intent: TrainedHead;
  question: TrainedHead;
}

/** Multinomial logistic regression of `labels` (K classes) by AdaGrad with L2, examples in a seeded order: deterministic. */
function fitHead(examples: readonly Example[], size: number, K: number, hyper: Hyper): TrainedHead {
  const weights = new Float64Array(size * K);
  const squares = new Float64Array(size * K);
  const bias = new Float64Array(K);
  const biasSquares = new Float64Array(K);
  const logits = new Float64Array(K);
  const random = seededRandom(hyper.seed);
  const order = examples.map((_, i) => i);
  for (let epoch = 0; epoch < hyper.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const e of order) {
      const { features, label } = examples[e]!;
      logits.set(bias);
      for (const f of features) for (let c = 0; c < K; c++) logits[c]! += weights[f * K + c]!;
      let max = -Infinity;
      for (let c = 0; c < K; c++) if (logits[c]! > max) max = logits[c]!;
      let sum = 0;
      for (let c = 0; c < K; c++) sum += logits[c] = Math.exp(logits[c]! - max);
      for (let c = 0; c < K; c++) {
        const g = logits[c]! / sum - (c === label ? 1 : 0);
        biasSquares[c]! += g * g;
        bias[c]! -= (hyper.rate * g) / Math.sqrt(biasSquares[c]! + 1e-8);
        for (const f of features) {
          const k = f * K + c;
          const gw = g + hyper.l2 * weights[k]!;
          squares[k]! += gw * gw;
          weights[k]! -= (hyper.rate * gw) / Math.sqrt(squares[k]! + 1e-8);
        }
      }
    }
  }
  return { K, weights, bias };
}

/** Fits both heads on the labelled rows (their features given): deterministic for the same rows in the same order. */
export function fit(rows: readonly TrainingRow[], hyper: Hyper = HYPER): TrainedModel {
  const counts = new Map<number, number>();
  for (const row of rows) for (const f of row.features) counts.set(f, (counts.get(f) ?? 0) + 1);
  const vocabulary = [...counts].filter(([, n]) => n >= hyper.minCount).map(([f]) => f).sort((a, b) => a - b);
  const index = new Map(vocabulary.map((f, i) => [f, i]));
  const known = rows.filter((row) => modelClasses.includes(row.intent));
  const ids = known.map((row) => Int32Array.from(row.features.map((f) => index.get(f)).filter((i): i is number => i !== undefined).sort((a, b) => a - b)));
  return {
    vocabulary,
    intent: fitHead(known.map((row, i) => ({ features: ids[i]!, label: modelClasses.indexOf(row.intent) })), vocabulary.length, modelClasses.length, hyper),
    question: fitHead(known.map((row, i) => ({ features: ids[i]!, label: row.question ? 1 : 0 })), vocabulary.length, 2, hyper),
  };
}

/** The intent reading of the fitted weights: the most probable class and its probability. */
export function predict(model: TrainedModel, features: readonly number[]): { intent: CommentIntent; confidence: number } {
  const { K, weights, bias } = model.intent;
  const index = new Map(model.vocabulary.map((f, i) => [f, i]));
  const logits = Float64Array.from(bias);
  for (const f of features) {
    const i = index.get(f);
    if (i !== undefined) for (let c = 0; c < K; c++) logits[c]! += weights[i * K + c]!;
  }
  let best = 0;
  for (let c = 1; c < K; c++) if (logits[c]! > logits[best]!) best = c;
  let sum = 0;
  for (let c = 0; c < K; c++) sum += Math.exp(logits[c]! - logits[best]!);
  return { intent: modelClasses[best]!, confidence: 1 / sum };
}

/** Each class's weights as whole steps of its largest weight / 127 (a signed byte): small, and the same on every machine. */
function scales(head: TrainedHead, size: number): number[] {
  return Array.from({ length: head.K }, (_, c) => {
    let max = 0;
    for (let i = 0; i < size; i++) max = Math.max(max, Math.abs(head.weights[i * head.K + c]!));
    return round6(max / 127 || 1);
  });
}

export function quantise(model: TrainedModel, hyper: Hyper = HYPER): Pick<IntentModelData, 'features' | 'intent' | 'question'> {
  const size = model.vocabulary.length;
  const heads = [model.intent, model.question];
  const headScales = heads.map((head) => scales(head, size));
  const features: string[] = [];
  const steps: number[][] = heads.map(() => []);
  model.vocabulary.forEach((feature, i) => {
    const rows = heads.map((head, h) => Array.from({ length: head.K }, (_, c) => Math.round(head.weights[i * head.K + c]! / headScales[h]![c]!)));
    // A feature whose every weight is under `minStep` steps moves no reading measurably.
    if (rows.every((row) => row.every((q) => Math.abs(q) < hyper.minStep))) return;
    features.push(featureName(feature));
    rows.forEach((row, h) => steps[h]!.push(...row));
  });
  const packed = (h: number) => ({ bias: Array.from(heads[h]!.bias, round6), scale: headScales[h]!, weights: Buffer.from(Int8Array.from(steps[h]!).buffer).toString('base64') });
  return { features, intent: { classes: [...modelClasses], ...packed(0) }, question: packed(1) };
}

const round6 = (v: number) => Math.round(v * 1e6) / 1e6;

/**
 * The lowest probability at which the readings of held-out folds are right at least `targetPrecision` of the
 * time (each fold read by a model fitted without it): below it a reading is unclear.
 */
export function calibrate(rows: readonly TrainingRow[], decide: (i: number, reading: { intent: CommentIntent; confidence: number }) => { intent: CommentIntent; confidence: number } | null = (_, r) => r): { threshold: number; heldOut: { confidence: number; right: boolean }[] } {
  const heldOut: { confidence: number; right: boolean }[] = [];
  for (let fold = 0; fold < HYPER.folds; fold++) {
    const fitted = fit(rows.filter((_, i) => i % HYPER.folds !== fold));
    rows.forEach((row, i) => {
      if (i % HYPER.folds !== fold) return;
      const reading = decide(i, predict(fitted, row.features));
      if (reading) heldOut.push({ confidence: reading.confidence, right: reading.intent === row.intent });
    });
  }
  const sorted = [...heldOut].sort((a, b) => b.confidence - a.confidence);
  let right = 0;
  let threshold = 1;
  sorted.forEach((r, i) => {
    if (r.right) right++;
    if (right / (i + 1) >= HYPER.targetPrecision) threshold = r.confidence;
  });
  return { threshold: round6(threshold), heldOut };
}

export function trainIntentModel(): IntentModelData {
  const files = trainingFiles();
  const texts = files.map((f) => readFileSync(new URL(f, root), 'utf8'));
  const rows = files.flatMap((f) => readLabelled(f)).map((r) => ({ features: featuresOf(r.text), intent: r.intent, question: r.question }));
  const digest = createHash('sha256').update(JSON.stringify(HYPER)).update(texts.join('\u0000')).digest('hex').slice(0, 16);
  const { threshold } = calibrate(rows);
  return {
    about:
      'The learned readings of shared/comments/model/intent-model.ts — the intent and whether the comment asks something — each multinomial logistic regression over the features of model/features.ts. Generated by `npm run train:comments` (shared/comments/testing/train-model.ts); never edit by hand.',
    trainedOn: { files, comments: rows.length, digest },
    threshold,
    ...quantise(fit(rows)),
  };
}

export const renderModel = (model: IntentModelData): string => `${JSON.stringify(model, null, 1)}\n`;

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const model = trainIntentModel();
  writeFileSync(modelFile, renderModel(model));
  process.stdout.write(`intent model: ${model.trainedOn.comments} comments from ${model.trainedOn.files.length} files, ${model.features.length} features, threshold ${model.threshold}\n`);
}
