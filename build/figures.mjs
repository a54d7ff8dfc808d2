// Puts the benchmarks' saved figures (docs/figures/*.json, written by the
// benches with --save) into the docs, between <!-- figures:NAME --> and
// <!-- /figures:NAME --> markers, so no figure in a doc is typed by hand.
//   node build/figures.mjs
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';

const root = new URL('..', import.meta.url);
const figures = (name) => {
  const file = new URL(`docs/figures/${name}.json`, root);
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null;
};
const n = (value) => value.toLocaleString('en');

const ratio = (value) => `${value.toFixed(3)}×`;

const f3 = (value) => value.toFixed(3);

/** A blind batch measured once, before it joined the training: its figures as they were. */
function spentBlindBatch(f, heading) {
  return [
    `Measured ${f.measuredAt.slice(0, 10)} at \`${f.commit.slice(0, 10)}\`: ${f.note}.`,
    '',
    `| ${heading} | n | intent accuracy | macro-F1 | question F1 | productRef exact |`,
    '| --- | --- | --- | --- | --- | --- |',
    ...f.blind.map((r) => `| ${r.set} | ${n(r.comments)} | ${f3(r.accuracy)} | ${f3(r.macroF1)} | ${f3(r.questionF1)} | ${f3(r.productRefExact)} |`),
    `| **all** | ${n(f.blindPooled.comments)} | **${f3(f.blindPooled.accuracy)}** | **${f3(f.blindPooled.macroF1)}** | | |`,
  ].join('\n');
}

const tables = {
  'comment-quality'(f) {
    const dirty = f.uncommittedFiles > 0 ? ` with ${f.uncommittedFiles} uncommitted file(s)` : '';
    return [
      `Measured ${f.measuredAt.slice(0, 10)} at \`${f.commit.slice(0, 10)}\`${dirty} (Node ${f.node}) by \`node build/comment-figures.mjs\`.`,
      '',
      '| set | n | intent accuracy | macro-F1 | question P / R / F1 | productRef exact | misses |',
      '| --- | --- | --- | --- | --- | --- | --- |',
      ...f.sets.map(
        (s) =>
          `| \`${s.file}\`: ${s.label} | ${n(s.total)} | ${f3(s.accuracy)} | ${f3(s.macroF1)} | ${f3(s.question.precision)} / ${f3(s.question.recall)} / ${f3(s.question.f1)} | ${f3(s.productRefExact)} | ${n(s.misses)}${s.missedBars.length > 0 ? ` (below the bars: ${s.missedBars.join(', ')})` : ''} |`,
      ),
    ].join('\n');
  },
  'comment-held-out'(f) {
    const dirty = f.uncommittedFiles > 0 ? ` with ${f.uncommittedFiles} uncommitted file(s)` : '';
    const row = (r) => `| ${r.set} | ${n(r.comments)} | ${f3(r.accuracy)} | ${f3(r.macroF1)} | ${f3(r.questionF1)} | ${f3(r.productRefExact)} |`;
    const pooled = (label, p) => `| **${label}** | ${n(p.comments)} | **${f3(p.accuracy)}** | **${f3(p.macroF1)}** | | |`;
    const intents = Object.keys(f.heldOutPooled.confusion);
    const short = (intent) => intent.slice(0, 4);
    return [
      `Measured ${f.measuredAt.slice(0, 10)} at \`${f.commit.slice(0, 10)}\`${dirty} (Node ${f.node}) by \`npm run eval:comments:held-out\`; the shipped model was trained on ${n(f.trainedOn.comments)} comments of ${f.trainedOn.files.length} files.`,
      '',
      '**Held out by category** (a model trained without the category\'s corpus file and its earlier blind batches reads the corpus file) and **blind batch D** (never trained or tuned on, read by the shipped model):',
      '',
      '| set | n | intent accuracy | macro-F1 | question F1 | productRef exact |',
      '| --- | --- | --- | --- | --- | --- |',
      ...f.byCategory.map((r) => row({ ...r, set: `held out: ${r.set}` })),
      pooled('held out, all categories', f.heldOutPooled),
      ...f.blind.map((r) => row({ ...r, set: `blind D: ${r.set}` })),
      pooled('blind D, all', f.blindPooled),
      '',
      `**Per intent, held out by category** (precision / recall / F1, and the confusion matrix: rows labelled, columns read):`,
      '',
      `| intent | precision | recall | F1 | n | ${intents.map(short).join(' | ')} |`,
      `| --- | --- | --- | --- | --- | ${intents.map(() => '---').join(' | ')} |`,
      ...intents.map((intent) => {
        const s = f.heldOutPooled.perIntent[intent];
        const cells = intents.map((read) => (f.heldOutPooled.confusion[intent][read] === 0 ? '·' : String(f.heldOutPooled.confusion[intent][read])));
        return `| ${intent} | ${s ? f3(s.precision) : '—'} | ${s ? f3(s.recall) : '—'} | ${s ? f3(s.f1) : '—'} | ${s ? n(s.support) : 0} | ${cells.join(' | ')} |`;
      }),
      '',
      `**The confidence threshold** (${f.threshold}, calibrated on held-out folds of the training set): of the held-out and blind readings, how many are acted on at or above a threshold and how many of those are right:`,
      '',
      '| threshold | coverage | precision |',
      '| --- | --- | --- |',
      ...f.confidence.map((c) => `| ${c.threshold === Math.round(f.threshold * 1000) / 1000 ? `**${f3(c.threshold)}** (the model's)` : f3(c.threshold)} | ${f3(c.coverage)} | ${f3(c.precision)} |`),
    ].join('\n');
  },
  'comment-blind-a'(f) {
    return spentBlindBatch(f, 'first blind batch');
  },
  'comment-blind-b'(f) {
    return spentBlindBatch(f, 'blind batch B');
  },
  'comment-blind-c'(f) {
    return spentBlindBatch(f, 'blind batch C');
  },
  'product-refs'(f) {
    return [
      `Measured ${f.measuredAt.slice(0, 10)} at \`${f.commit.slice(0, 10)}\` by \`npm run eval:comments:product-refs\` on \`data/comments/product-refs.json\`: ${n(f.comments)} comments, ${n(f.misses)} missed.`,
      '',
      `Accuracy **${f3(f.accuracy)}**; of the comments given a product, right **${f3(f.precision)}**; of those labelled with one, found ${f3(f.recall)}.`,
      '',
      '| what decides (label) | n | accuracy |',
      '| --- | --- | --- |',
      ...Object.entries(f.byWhy).map(([why, w]) => `| ${why} | ${n(w.comments)} | ${f3(w.accuracy)} |`),
    ].join('\n');
  },
  'before-after'(f) {
    return [
      `Measured ${f.measuredAt.slice(0, 10)} against \`${f.base}\` (before the recap's aggregates), alternating builds, medians of 3 runs of 1,000,000 events.`,
      '',
      '| figure | before | after | after ÷ before |',
      '| --- | --- | --- | --- |',
      `| end-to-end ingest, to the last commit | ${n(f.ingestBefore)} events/s | ${n(f.ingestAfter)} events/s | **${ratio(f.ingestAfterVsBefore)}** |`,
      `| the same, to \`finished\` (the session's users folded into the layers and its results stored at its end) | ${n(f.toFinishedBefore)} events/s | ${n(f.toFinishedAfter)} events/s | ${ratio(f.toFinishedAfterVsBefore)} |`,
      `| the metrics engine alone, one thread | ${n(f.engineBefore)} events/s | ${n(f.engineAfter)} events/s | **${ratio(f.engineAfterVsBefore)}** |`,
    ].join('\n');
  },
  recap(f) {
    return [
      `Measured ${f.measuredAt.slice(0, 10)} on ${f.machine}; a ${n(f.recapEvents)}-event session of ${f.recapMinutes} minutes, recorded at ${n(f.recordEventsPerSec10M)} events/s.`,
      '',
      '| figure | key | value | target |',
      '| --- | --- | --- | --- |',
      `| the recap's data ready | \`recapMs10M\` | **${n(f.recapMs10M)} ms** | ≤ 1,000 ms |`,
      `| its XLSX workbook | \`xlsxMs10M\` | **${n(f.xlsxMs10M)} ms** | ≤ 5,000 ms |`,
      `| one full scan of the session's raw events, same database | \`rawScanMs10M\` | ${n(f.rawScanMs10M)} ms (${(f.rawScanMs10M / f.recapMs10M).toFixed(0)}× the recap) | — |`,
    ].join('\n');
  },
};

for (const doc of readdirSync(new URL('docs/', root)).filter((name) => name.endsWith('.md'))) {
  const path = new URL(`docs/${doc}`, root);
  const text = readFileSync(path, 'utf8');
  const next = text.replace(/<!-- figures:([\w-]+) -->[\s\S]*?<!-- \/figures:\1 -->/g, (block, name) => {
    const saved = figures(name);
    if (!tables[name] || !saved) return block;
    return `<!-- figures:${name} -->\n${tables[name](saved)}\n<!-- /figures:${name} -->`;
  });
  if (next !== text) {
    writeFileSync(path, next);
    process.stdout.write(`figures written into docs/${doc}\n`);
  }
}
