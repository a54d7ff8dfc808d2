/**
 * How well a classifier agrees with labelled comments: per-intent
 * precision / recall / F1, macro-F1, accuracy, the confusion matrix,
 * question detection P/R/F1 and exact product-reference matches. Pure: the
 * CLI (main/cli/commands/eval-comments.ts) reads the file and prints.
 */
import { classifyComment, UNCLEAR_BELOW } from './classify.js';
import { commentIntents, type CommentIntent, type CommentLabel } from './intents.js';
import type { LabelledComment } from './labelled.js';
import { normalise } from './normalise.js';

export { labelledCommentSchema, type LabelledComment } from './labelled.js';

export interface Scores {
  precision: number;
  recall: number;
  f1: number;
}

export interface IntentScores extends Scores {
  /** Labelled comments of this intent. */
  support: number;
  /** Comments the classifier gave this intent. */
  predicted: number;
}

export interface Miss {
  text: string;
  expected: Pick<CommentLabel, 'intent' | 'question' | 'productRef'>;
  got: CommentLabel;
}

export interface EvalReport {
  total: number;
  accuracy: number;
  macroF1: number;
  perIntent: Record<CommentIntent, IntentScores>;
  /** confusion[expected][predicted] = count. */
  confusion: Record<CommentIntent, Record<CommentIntent, number>>;
  question: Scores;
  productRefExact: number;
  /** Every comment where intent, question or product reference disagree. */
  misses: Miss[];
  /** The commonest words of the comments given the wrong intent: where the lexicons may lack a phrasing. */
  missedWords: { word: string; count: number }[];
  /**
   * What a confidence threshold buys: of the readings at or above it, how many there are (coverage) and how many
   * have the right intent (precision). The model's own threshold is among them.
   */
  confidence: ConfidencePoint[];
}

export interface ConfidencePoint {
  threshold: number;
  coverage: number;
  precision: number;
}

const CURVE = [0, 0.5, 0.7, 0.9];

/** Precision of the readings acted on against how many are acted on, at each threshold (and the model's). */
export function confidenceCurve(readings: readonly { confidence: number; right: boolean }[]): ConfidencePoint[] {
  return [...new Set([...CURVE, UNCLEAR_BELOW])].sort((a, b) => a - b).map((threshold) => {
    const acted = readings.filter((r) => r.confidence >= threshold);
    return { threshold, coverage: ratio(acted.length, readings.length), precision: ratio(acted.filter((r) => r.right).length, acted.length) };
  });
}

/** The quality bars of the comments issue; `.ci/run` fails below them on the development set. */
export const qualityBars = { accuracy: 0.9, macroF1: 0.85, questionF1: 0.9, productRefExact: 0.95 } as const;

const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);
const f1 = (p: number, r: number) => (p + r === 0 ? 0 : (2 * p * r) / (p + r));

export function evaluate(rows: readonly LabelledComment[], classify: (text: string) => CommentLabel = classifyComment): EvalReport {
  const confusion = Object.fromEntries(
    commentIntents.map((e) => [e, Object.fromEntries(commentIntents.map((p) => [p, 0]))]),
  ) as Record<CommentIntent, Record<CommentIntent, number>>;
  let correct = 0;
  let refMatches = 0;
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const misses: Miss[] = [];
  const readings: { confidence: number; right: boolean }[] = [];

  for (const row of rows) {
    const got = classify(row.text);
    readings.push({ confidence: got.confidence, right: got.intent === row.intent });
    confusion[row.intent][got.intent]++;
    if (got.intent === row.intent) correct++;
    if (got.productRef === row.productRef) refMatches++;
    if (got.question && row.question) tp++;
    else if (got.question) fp++;
    else if (row.question) fn++;
    if (got.intent !== row.intent || got.question !== row.question || got.productRef !== row.productRef) {
      misses.push({ text: row.text, expected: { intent: row.intent, question: row.question, productRef: row.productRef }, got });
    }
  }

  const { perIntent, macroF1 } = intentScores(confusion);
  const qp = ratio(tp, tp + fp);
  const qr = ratio(tp, tp + fn);

  return {
    total: rows.length,
    accuracy: ratio(correct, rows.length),
    macroF1,
    perIntent,
    confusion,
    question: { precision: qp, recall: qr, f1: f1(qp, qr) },
    productRefExact: ratio(refMatches, rows.length),
    misses,
    missedWords: commonWords(misses.filter((m) => m.got.intent !== m.expected.intent).map((m) => m.text)),
    confidence: confidenceCurve(readings),
  };
}

/** Per-intent precision, recall and F1 from a confusion matrix, and their macro mean over the intents labelled. */
export function intentScores(confusion: Record<CommentIntent, Record<CommentIntent, number>>): { perIntent: Record<CommentIntent, IntentScores>; macroF1: number } {
  const perIntent = {} as Record<CommentIntent, IntentScores>;
  for (const intent of commentIntents) {
    const hit = confusion[intent][intent];
    const support = commentIntents.reduce((n, p) => n + confusion[intent][p], 0);
    const predicted = commentIntents.reduce((n, e) => n + confusion[e][intent], 0);
    const precision = ratio(hit, predicted);
    const recall = ratio(hit, support);
    perIntent[intent] = { precision, recall, f1: f1(precision, recall), support, predicted };
  }
  // Macro-F1 over the intents the labelled set has, so a small file without one intent is not marked down for it.
  const present = commentIntents.filter((i) => perIntent[i].support > 0);
  const macroF1 = ratio(
    present.reduce((sum, i) => sum + perIntent[i].f1, 0),
    present.length,
  );
  return { perIntent, macroF1 };
}

// Word boundaries are what Intl.Segmenter adds here: the classifier itself matches phrases and never
// segments (too slow for the hot path, and its dictionary splits words the lexicons need whole, 链接 → 链|接),
// but to point a maintainer at the vocabulary of the misses, words are the right unit. Built once.
const segmenter = new Intl.Segmenter('zh-CN', { granularity: 'word' });
// Words every comment has; they say nothing about a missing phrasing.
const commonplace = new Set(['这个', '那个', '主播', '什么', '怎么', '可以', '一下', '还是', '就是', '没有', '不是', '宝宝们', '姐妹们']);

/** The most frequent words (two characters or more) in `texts`, most frequent first. */
export function commonWords(texts: readonly string[], limit = 15): { word: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const text of texts) {
    for (const { segment, isWordLike } of segmenter.segment(normalise(text))) {
      if (isWordLike && segment.length >= 2 && !commonplace.has(segment)) counts.set(segment, (counts.get(segment) ?? 0) + 1);
    }
  }
  return [...counts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, limit)
    .map(([word, count]) => ({ word, count }));
}

/** The bars a report falls short of, in words ("accuracy 0.874 < 0.90"); empty when all are met. */
export function missedBars(report: EvalReport): string[] {
  const figures: [string, number, number][] = [
    ['intent accuracy', report.accuracy, qualityBars.accuracy],
    ['macro-F1', report.macroF1, qualityBars.macroF1],
    ['question F1', report.question.f1, qualityBars.questionF1],
    ['productRef exact', report.productRefExact, qualityBars.productRefExact],
  ];
  return figures.filter(([, value, bar]) => value < bar).map(([name, value, bar]) => `${name} ${value.toFixed(3)} < ${bar.toFixed(2)}`);
}
