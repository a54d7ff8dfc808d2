/**
 * Honest figures for the comment classifier (docs/COMMENTS.md), never on rows
 * its model was fitted on:
 *  - by held-out category: for each category of the corpus, a model trained
 *    without that category's file reads it; per intent and as a confusion
 *    matrix over all of them;
 *  - blind batch D (data/comments/blind-d/), never trained or tuned on,
 *    read by the shipped model;
 *  - the confidence threshold's effect on both: how right the acted-on
 *    readings are against how many are acted on.
 *
 *   npm run eval:comments:held-out            # a table
 *   npm run eval:comments:held-out -- --json  # one JSON object (build/comment-figures.mjs saves it)
 */
import { pathToFileURL } from 'node:url';
import { classifyComment, commentClassifier } from '../classify.js';
import { confidenceCurve, evaluate, intentScores, type EvalReport } from '../eval.js';
import { commentIntents, type CommentIntent, type CommentLabel } from '../intents.js';
import { IntentModel, intentModel } from '../model/intent-model.js';
import { calibrate, featuresOf, fit, listed, quantise, readLabelled, trainingFiles } from './train-model.js';

const round = (v: number) => Math.round(v * 1000) / 1000;

export interface SetFigures {
  set: string;
  comments: number;
  accuracy: number;
  macroF1: number;
  questionF1: number;
  productRefExact: number;
}

const figures = (set: string, report: EvalReport): SetFigures => ({
  set,
  comments: report.total,
  accuracy: round(report.accuracy),
  macroF1: round(report.macroF1),
  questionF1: round(report.question.f1),
  productRefExact: round(report.productRefExact),
});

/** A classifier whose model never saw `category` (its corpus file nor its earlier blind batches), trained and calibrated as the shipped one is. */
function classifierWithout(category: string): (text: string) => CommentLabel {
  const rows = trainingFiles()
    .filter((f) => !f.endsWith(`/${category}.jsonl`))
    .flatMap((f) => readLabelled(f))
    .map((r) => ({ features: featuresOf(r.text), intent: r.intent, question: r.question }));
  const { threshold } = calibrate(rows);
  return commentClassifier(new IntentModel({ about: '', trainedOn: { files: [], comments: rows.length, digest: '' }, threshold, ...quantise(fit(rows)) }));
}

/** Sums reports' confusion matrices: the per-intent figures of everything they read. */
function pooled(reports: readonly EvalReport[]) {
  const confusion = Object.fromEntries(commentIntents.map((e) => [e, Object.fromEntries(commentIntents.map((p) => [p, 0]))])) as Record<CommentIntent, Record<CommentIntent, number>>;
  for (const r of reports) for (const e of commentIntents) for (const p of commentIntents) confusion[e][p] += r.confusion[e][p];
  const { perIntent, macroF1 } = intentScores(confusion);
  const total = reports.reduce((n, r) => n + r.total, 0);
  const right = commentIntents.reduce((n, i) => n + confusion[i][i], 0);
  return {
    comments: total,
    accuracy: round(right / total),
    macroF1: round(macroF1),
    perIntent: Object.fromEntries(commentIntents.filter((i) => perIntent[i].support > 0).map((i) => [i, { precision: round(perIntent[i].precision), recall: round(perIntent[i].recall), f1: round(perIntent[i].f1), support: perIntent[i].support }])),
    confusion,
  };
}

export function heldOutFigures() {
  const readings: { confidence: number; right: boolean }[] = [];
  const reading = (classify: (text: string) => CommentLabel) => {
    const expected = new Map<string, CommentIntent>();
    const read = (text: string) => {
      const label = classify(text);
      readings.push({ confidence: label.confidence, right: label.intent === expected.get(text) });
      return label;
    };
    return (file: string) => {
      const rows = readLabelled(file);
      for (const r of rows) expected.set(r.text, r.intent);
      return evaluate(rows, read);
    };
  };
  const name = (file: string) => file.split('/').pop()!.replace('.jsonl', '');
  const heldOut = listed('data/comments/corpus/').map((file) => ({ file, report: reading(classifierWithout(name(file)))(file) }));
  const blind = listed('data/comments/blind-d/').map((file) => ({ file, report: reading(classifyComment)(file) }));
  return {
    threshold: intentModel.threshold,
    trainedOn: intentModel.trainedOn,
    byCategory: heldOut.map(({ file, report }) => figures(name(file), report)),
    heldOutPooled: pooled(heldOut.map((h) => h.report)),
    blind: blind.map(({ file, report }) => figures(name(file), report)),
    blindPooled: pooled(blind.map((b) => b.report)),
    confidence: confidenceCurve(readings).map((c) => ({ threshold: round(c.threshold), coverage: round(c.coverage), precision: round(c.precision) })),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const result = heldOutFigures();
  const out = (line: string) => process.stdout.write(`${line}\n`);
  if (process.argv.includes('--json')) out(JSON.stringify(result));
  else {
    const row = (f: SetFigures) => `  ${f.set.padEnd(12)} ${String(f.comments).padStart(5)}  accuracy ${f.accuracy.toFixed(3)}  macro-F1 ${f.macroF1.toFixed(3)}  question F1 ${f.questionF1.toFixed(3)}  productRef ${f.productRefExact.toFixed(3)}`;
    out('held-out category (a model trained without it reads it):');
    result.byCategory.forEach((f) => out(row(f)));
    out(`  all          ${String(result.heldOutPooled.comments).padStart(5)}  accuracy ${result.heldOutPooled.accuracy.toFixed(3)}  macro-F1 ${result.heldOutPooled.macroF1.toFixed(3)}`);
    out('blind batch D (never trained or tuned on):');
    result.blind.forEach((f) => out(row(f)));
    out(`  all          ${String(result.blindPooled.comments).padStart(5)}  accuracy ${result.blindPooled.accuracy.toFixed(3)}  macro-F1 ${result.blindPooled.macroF1.toFixed(3)}`);
    out(`confidence (threshold ${result.threshold}): acted on at or above, how many and how many right`);
    result.confidence.forEach((c) => out(`  ≥ ${c.threshold.toFixed(3)}  coverage ${c.coverage.toFixed(3)}  precision ${c.precision.toFixed(3)}`));
  }
}
