// The comment classifier's current figures, saved to docs/figures/ with the
// date and commit and put into docs/COMMENTS.md (between <!-- figures:NAME -->
// markers) by build/figures.mjs — no figure there is typed by hand:
//   comment-quality   the sets never trained on (`npm run eval:comments -- FILE --json`);
//   comment-held-out  held out by category, blind batch D, the threshold's effect
//                     (`npm run eval:comments:held-out -- --json`);
//   product-refs      which product a comment means (`npm run eval:comments:product-refs -- --json`).
//   node build/comment-figures.mjs          (npm run figures:comments)
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';

const root = new URL('..', import.meta.url).pathname;
// The sets never trained on (the corpus, the phrasings, batch A and the blind batches A, B and C train the model:
// their held-out figures come from held-out.ts below).
const sets = [
  ['data/comments/dev.jsonl', 'the development set (the lexicons were written with it in view)'],
  ['shared/comments/testing/holdout.jsonl', 'holdout'],
  ['shared/comments/testing/fresh-b.jsonl', 'fresh batch B (tuned on: a regression set)'],
  ['shared/comments/testing/fresh-c.jsonl', 'fresh batch C (blind when written; its misses were read since)'],
];
const git = (...args) => execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();

const results = sets.map(([file, label]) => {
  let out;
  try {
    out = execFileSync('npm', ['run', '--silent', 'eval:comments', '--', file, '--json'], { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    // Below the quality bars the evaluation exits 1 but still prints its figures.
    out = error.stdout ?? '';
    if (!out.trim()) throw error;
  }
  const figures = JSON.parse(out.trim().split('\n').at(-1));
  return {
    file,
    label,
    total: figures.total,
    accuracy: figures.accuracy,
    macroF1: figures.macroF1,
    question: figures.question,
    productRefExact: figures.productRefExact,
    misses: figures.misses.length,
    missedBars: figures.missedBars,
  };
});

/** The last line of an npm script's output, as JSON. */
const lastJson = (script, args = []) => JSON.parse(execFileSync('npm', ['run', '--silent', script, '--', ...args, '--json'], { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'inherit'] }).trim().split('\n').at(-1));

// Held out by category and blind batch D (several minutes: ten models are trained), and the product references.
process.stdout.write('held-out figures: training a model without each category…\n');
const heldOut = lastJson('eval:comments:held-out');
const productRefs = lastJson('eval:comments:product-refs');

// Only uncommitted changes that can move a comment figure are counted: the classifier, its model and lexicons
// (shared/), the labelled sets (data/comments/) and the evaluation scripts — not the docs, nor another part of the app.
const canMoveFigures = /^(shared\/|data\/comments\/|main\/cli\/eval-comments-entry\.ts$)/;
const changed = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: root, encoding: 'utf8' })
  .split('\n')
  .filter((line) => line.trim() !== '' && canMoveFigures.test(line.slice(3)) && !line.slice(3).endsWith('.md')).length;
const stamp = { measuredAt: new Date().toISOString(), node: process.version, commit: git('rev-parse', 'HEAD'), uncommittedFiles: changed };
const save = (name, figures) => writeFileSync(new URL(`docs/figures/${name}.json`, `file://${root}`), `${JSON.stringify({ ...stamp, ...figures }, null, 2)}\n`);
save('comment-quality', { sets: results });
save('comment-held-out', heldOut);
const { misses, ...refFigures } = productRefs;
save('product-refs', { ...refFigures, misses: misses.length });
process.stdout.write(`docs/figures/comment-quality.json: ${results.map((r) => `${r.file} ${r.accuracy}`).join(', ')}\n`);
execFileSync(process.execPath, [`${root}build/figures.mjs`], { stdio: 'inherit' });
