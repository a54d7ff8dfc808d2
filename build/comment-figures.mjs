// The comment classifier's current figures on every labelled set, measured
// with `npm run eval:comments -- FILE --json`, saved to
// docs/figures/comment-quality.json with the date and commit, then put into
// docs/COMMENTS.md (between <!-- figures:comment-quality --> markers) by
// build/figures.mjs. No figure in that table is typed by hand.
//   node build/comment-figures.mjs          (npm run figures:comments)
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';

const root = new URL('..', import.meta.url).pathname;
const sets = [
  ['data/comments/dev.jsonl', 'the development set (the lexicons were written with it in view)'],
  ['shared/comments/testing/holdout.jsonl', 'holdout'],
  ['shared/comments/testing/phrasings.jsonl', 'phrasings (regression set; trains the model)'],
  ['shared/comments/testing/fresh-a.jsonl', 'fresh batch A (trains the model)'],
  ['shared/comments/testing/fresh-b.jsonl', 'fresh batch B (tuned on: a regression set)'],
  ['shared/comments/testing/fresh-c.jsonl', 'fresh batch C (blind: never tuned on, not in the model\'s training)'],
];
// The blind batches of data/comments/blind/ (data/comments/README.md), one row each, when they are there.
const blind = new URL('data/comments/blind/', `file://${root}`);
if (existsSync(blind)) {
  for (const file of readdirSync(blind).filter((name) => name.endsWith('.jsonl')).sort()) {
    sets.push([`data/comments/blind/${file}`, `blind batch, ${file.replace(/\.jsonl$/, '')} (never tuned on)`]);
  }
}
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

// Changes that cannot move a figure (the docs, the scripts that write them) are not counted.
const docsOnly = /^(docs\/|.*\.md$|build\/(performance|figures|comment-figures)\.mjs$)/;
const changed = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: root, encoding: 'utf8' })
  .split('\n')
  .filter((line) => line.trim() !== '' && !docsOnly.test(line.slice(3))).length;
const saved = { measuredAt: new Date().toISOString(), node: process.version, commit: git('rev-parse', 'HEAD'), uncommittedFiles: changed, sets: results };
writeFileSync(new URL('docs/figures/comment-quality.json', `file://${root}`), `${JSON.stringify(saved, null, 2)}\n`);
process.stdout.write(`docs/figures/comment-quality.json: ${results.map((r) => `${r.file} ${r.accuracy}`).join(', ')}\n`);
execFileSync(process.execPath, [`${root}build/figures.mjs`], { stdio: 'inherit' });
