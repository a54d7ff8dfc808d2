/**
 * The learned readings of a comment: its intent, and whether it asks
 * something — two heads, each multinomial logistic regression over the same
 * modelFeatures (characters, the lexicon's cues, question.ts's rule reading),
 * trained by testing/train-model.ts from the labelled corpus. The question
 * head learns where the rules are wrong (链接!! asks, 说好的包邮呢 does not)
 * from the same characters. The weights are data (intent-model.json),
 * checked when this module loads: each weight is a whole number of its
 * class's step (`scale`, a signed byte), the bytes feature by feature in
 * base64, so the same training gives the same bytes. One lookup per feature
 * serves both heads.
 *
 * A reading names the features that tipped it (the largest contributions to
 * the winning class) and the intent's probability, the confidence the
 * co-pilot acts on.
 */
import { z } from 'zod';
import { commentIntents, type CommentIntent } from '../intents.js';
import { featureKey, isCueFeature } from './features.js';
import shipped from './intent-model.json' with { type: 'json' };

const headSchema = z.object({
  bias: z.array(z.number()),
  scale: z.array(z.number().positive()),
  /** Base64 of one signed byte per feature and class (feature-major): the weight in steps of the class's `scale`. */
  weights: z.string(),
});
type HeadData = z.infer<typeof headSchema>;

export const intentModelSchema = z.object({
  about: z.string(),
  /** What it was trained from and how: the stale check compares these. */
  trainedOn: z.object({ files: z.array(z.string()), comments: z.number().int(), digest: z.string() }),
  /** Below this probability an intent is unclear: the co-pilot does not act on it (calibrated on held-out folds). */
  threshold: z.number().min(0).max(1),
  features: z.array(z.string()),
  intent: headSchema.extend({ classes: z.array(z.enum(commentIntents)).min(2) }),
  /** Classes: not a question, a question. */
  question: headSchema,
});
export type IntentModelData = z.infer<typeof intentModelSchema>;

export interface ModelReading {
  intent: CommentIntent;
  /** The model's probability for it. */
  confidence: number;
  /** The features that added most to it, as a person reads them (characters without edge marks, cues by name). */
  evidence: string[];
  question: boolean;
}

const EVIDENCE_SHOWN = 3;

/**
 * One head's weights, kept as the file's signed-byte steps: a feature's row is
 * K bytes, so the rows a comment touches stay in cache (as doubles they were
 * eight times larger, and fetching them was most of a reading's cost).
 * Steps are summed per class and scaled once.
 */
class Head {
  readonly K: number;
  readonly steps: Int8Array;
  private readonly bias: Float64Array;
  private readonly scale: Float64Array;
  private readonly sums: Int32Array;
  private readonly logits: Float64Array;

  constructor(name: string, data: HeadData, K: number, features: number) {
    if (data.bias.length !== K || data.scale.length !== K) throw new Error(`intent model: the ${name} head's bias and scale must have one value per class`);
    const steps = decodeSteps(data.weights);
    if (steps.length !== features * K) throw new Error(`intent model: ${steps.length} ${name} weights for ${features} features × ${K} classes`);
    this.K = K;
    this.steps = steps;
    this.bias = Float64Array.from(data.bias);
    this.scale = Float64Array.from(data.scale);
    this.sums = new Int32Array(K);
    this.logits = new Float64Array(K);
  }

  /** The best class of the features at `known` (feature indexes) and its probability. */
  read(known: readonly number[]): { best: number; probability: number } {
    const { K, sums, logits, steps } = this;
    sums.fill(0);
    for (const f of known) for (let c = 0, at = f * K; c < K; c++) sums[c]! += steps[at + c]!;
    let best = 0;
    for (let c = 0; c < K; c++) {
      logits[c] = this.bias[c]! + sums[c]! * this.scale[c]!;
      if (logits[c]! > logits[best]!) best = c;
    }
    let sum = 0;
    for (let c = 0; c < K; c++) sum += Math.exp(logits[c]! - logits[best]!);
    return { best, probability: 1 / sum };
  }
}

export class IntentModel {
  readonly classes: readonly CommentIntent[];
  readonly threshold: number;
  readonly trainedOn: IntentModelData['trainedOn'];
  /** Feature key → its index in the model's feature list. */
  private readonly rows: FeatureTable;
  private readonly intent: Head;
  private readonly question: Head;
  /** The indexes of a comment's known features, in reading order. */
  private readonly known: number[] = [];
  /** Each feature as a reading's evidence shows it, by its index. */
  private readonly names: string[];
  private readonly top = new Float64Array(EVIDENCE_SHOWN);
  private readonly topWeight = new Float64Array(EVIDENCE_SHOWN);
  private lastQuestion = 0;

  constructor(data: IntentModelData) {
    const { features } = data;
    this.classes = data.intent.classes;
    this.threshold = data.threshold;
    this.trainedOn = data.trainedOn;
    this.intent = new Head('intent', data.intent, this.classes.length, features.length);
    this.question = new Head('question', data.question, 2, features.length);
    this.rows = new FeatureTable(features.length);
    this.names = features.map(shown);
    features.forEach((feature, f) => {
      const key = featureKey(feature);
      if (Number.isNaN(key)) throw new Error(`intent model: ${JSON.stringify(feature)} is no feature`);
      this.rows.set(key, f);
    });
  }

  read(features: readonly number[]): ModelReading {
    const { known } = this;
    known.length = 0;
    for (const feature of features) {
      const f = this.rows.get(feature);
      if (f >= 0) known.push(f);
    }
    const intent = this.intent.read(known);
    this.lastQuestion = this.question.read(known).best;
    return { intent: this.classes[intent.best]!, confidence: intent.probability, evidence: this.evidence(this.intent, intent.best), question: this.lastQuestion === 1 };
  }

  /** The features that tipped the last reading's question head (asked for only when it overrules the rules: rarely). */
  questionEvidence(): string[] {
    return this.evidence(this.question, this.lastQuestion);
  }

  /** The known features adding most to class `c` of `head`, largest first (ties: the earlier feature): one pass, no sort. */
  private evidence(head: Head, c: number): string[] {
    const { top, topWeight, known } = this;
    let n = 0;
    for (const feature of known) {
      // One class's steps share its scale: ranking the steps ranks the weights.
      const w = head.steps[feature * head.K + c]!;
      if (w <= 0) continue;
      if (n === EVIDENCE_SHOWN && w < topWeight[n - 1]!) continue;
      // Counted twice, shown once.
      let seen = false;
      for (let j = 0; j < n && !seen; j++) seen = top[j] === feature;
      if (seen) continue;
      let i = n;
      while (i > 0 && (topWeight[i - 1]! < w || (topWeight[i - 1] === w && top[i - 1]! > feature))) i--;
      if (i >= EVIDENCE_SHOWN) continue;
      for (let j = Math.min(n, EVIDENCE_SHOWN - 1); j > i; j--) {
        top[j] = top[j - 1]!;
        topWeight[j] = topWeight[j - 1]!;
      }
      top[i] = feature;
      topWeight[i] = w;
      if (n < EVIDENCE_SHOWN) n++;
    }
    const names: string[] = [];
    for (let i = 0; i < n; i++) names.push(this.names[top[i]!]!);
    return names;
  }
}

/**
 * Feature keys (whole numbers up to 2^51) → offsets, by open addressing: a Map keyed by numbers that large hashes
 * each lookup as a heap number, and it was the classifier's largest cost.
 */
class FeatureTable {
  private readonly keys: Float64Array;
  private readonly values: Int32Array;
  private readonly shift: number;

  constructor(size: number) {
    let bits = 4;
    while (1 << bits < size * 2) bits++;
    this.keys = new Float64Array(1 << bits).fill(-1);
    this.values = new Int32Array(1 << bits);
    this.shift = 32 - bits;
  }

  // `| 0` keeps the low 32 bits of a whole number below 2^53 (exact, and no floating-point remainder on the hot path).
  private slot(key: number): number {
    return Math.imul((key | 0) ^ Math.imul((key / 4294967296) | 0, 0x9e3779b1), 0x85ebca6b) >>> this.shift;
  }

  set(key: number, value: number): void {
    const mask = this.keys.length - 1;
    let i = this.slot(key);
    while (this.keys[i] !== -1 && this.keys[i] !== key) i = (i + 1) & mask;
    this.keys[i] = key;
    this.values[i] = value;
  }

  /** The offset, or -1. */
  get(key: number): number {
    const mask = this.keys.length - 1;
    for (let i = this.slot(key); ; i = (i + 1) & mask) {
      const k = this.keys[i]!;
      if (k === key) return this.values[i]!;
      if (k === -1) return -1;
    }
  }
}

// atob is in every runtime LiveCue runs in (Node ≥ 16, Chromium); shared/ compiles without DOM or Node types.
const { atob } = globalThis as unknown as { atob(data: string): string };

function decodeSteps(base64: string): Int8Array {
  const text = atob(base64);
  const bytes = new Int8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i) << 24 >> 24;
  return bytes;
}

/** Edge marks dropped (^多少 → 多少), a cue in brackets ([price3]). */
function shown(feature: string): string {
  if (isCueFeature(feature)) return `[${feature.slice(1)}]`;
  const start = feature.charCodeAt(0) === 0x5e ? 1 : 0;
  const end = feature.charCodeAt(feature.length - 1) === 0x24 ? feature.length - 1 : feature.length;
  return end > start ? feature.slice(start, end) : feature;
}

/** The shipped model, loaded and checked once. */
export const intentModel = new IntentModel(intentModelSchema.parse(shipped));
