/**
 * The evaluation figures decide whether CI passes, so they are checked
 * against a hand-computed example with a stand-in classifier.
 */
import { describe, expect, it } from 'vitest';
import { commonWords, evaluate, missedBars, type EvalReport, type LabelledComment } from './eval.js';
import type { CommentLabel } from './intents.js';

const row = (text: string, intent: LabelledComment['intent'], question: boolean, productRef: number | null = null): LabelledComment => ({
  text,
  intent,
  question,
  productRef,
});

// The stand-in answers from a table keyed by text.
const answers: Record<string, Omit<CommentLabel, 'cues' | 'confidence'>> = {
  a: { intent: 'price', question: true, productRef: 1 },
  b: { intent: 'price', question: true, productRef: null },
  c: { intent: 'spec', question: false, productRef: null },
  d: { intent: 'spec', question: true, productRef: 2 },
};
const standIn = (text: string): CommentLabel => ({ ...answers[text]!, cues: [], confidence: 1 });

describe('evaluate', () => {
  const report = evaluate(
    [
      row('a', 'price', true, 1), // right
      row('b', 'price', true), // right
      row('c', 'price', true), // wrong intent, question missed
      row('d', 'spec', false, 2), // right intent, question false alarm
    ],
    standIn,
  );

  it('counts accuracy and fills the confusion matrix (rows labelled, columns predicted)', () => {
    expect(report.total).toBe(4);
    expect(report.accuracy).toBe(0.75);
    expect(report.confusion.price.price).toBe(2);
    expect(report.confusion.price.spec).toBe(1);
    expect(report.confusion.spec.spec).toBe(1);
    expect(report.confusion.other.other).toBe(0);
  });

  it('computes precision, recall and F1 per intent', () => {
    expect(report.perIntent.price).toMatchObject({ precision: 1, recall: 2 / 3, support: 3, predicted: 2 });
    expect(report.perIntent.price.f1).toBeCloseTo(0.8);
    expect(report.perIntent.spec).toMatchObject({ precision: 0.5, recall: 1, support: 1, predicted: 2 });
    expect(report.perIntent.spec.f1).toBeCloseTo(2 / 3);
  });

  it('averages F1 over the intents the file has, not all fourteen', () => {
    expect(report.macroF1).toBeCloseTo((0.8 + 2 / 3) / 2);
  });

  it('scores question detection and exact product references', () => {
    expect(report.question.precision).toBeCloseTo(2 / 3);
    expect(report.question.recall).toBeCloseTo(2 / 3);
    expect(report.productRefExact).toBe(1);
  });

  it('lists every disagreement with what was expected', () => {
    expect(report.misses.map((m) => m.text)).toEqual(['c', 'd']);
    expect(report.misses[0]!.expected).toEqual({ intent: 'price', question: true, productRef: null });
  });
});

describe('missedBars', () => {
  const passing: EvalReport = evaluate([row('a', 'price', true, 1)], standIn);

  it('is empty when every bar is met', () => {
    expect(missedBars(passing)).toEqual([]);
  });

  it('names each bar missed with the figure', () => {
    const failing: EvalReport = { ...passing, accuracy: 0.874, productRefExact: 0.9 };
    expect(missedBars(failing)).toEqual(['intent accuracy 0.874 < 0.90', 'productRef exact 0.900 < 0.95']);
  });
});

describe('commonWords', () => {
  it('counts the words of missed comments, most frequent first, leaving out words every comment has', () => {
    expect(commonWords(['荞麦枕头怎么洗', '荞麦壳的枕头', '这个荞麦的'])).toEqual([
      { word: '荞麦', count: 3 },
      { word: '枕头', count: 2 },
    ]);
  });
});
