/**
 * The comment classifier's speed on one core: comments per second over a
 * varied synthetic stream (comment-corpus.ts), the median of several timed
 * passes after a warm-up. A figure, not a pass/fail test; the target is
 * ≥ 50,000 comments/s. Each pass is timed by the process's CPU time (one
 * thread classifies; GC threads count too), so other work on a shared
 * machine does not come off the figure; the wall-clock rate is kept beside
 * it.
 *
 *   npm run bench:comments [-- --json]
 *
 * `benchClassifier` is exported for main/bench/index.ts.
 */
import { pathToFileURL } from 'node:url';
import { classifyComment } from '../../shared/comments/index.js';
import { commentCorpus } from './comment-corpus.js';
import { median, round } from './stats.js';

export interface ClassifierBench {
  /** Comments per CPU second of this process. */
  commentsPerSec: number;
  /** Comments per wall-clock second: lower when other work shares the cores. */
  commentsPerWallSec: number;
  /** Each timed pass, comments per CPU second. */
  passes: number[];
  corpus: number;
  meanLength: number;
}

export function benchClassifier(corpusSize = 100_000, passes = 7): ClassifierBench {
  const corpus = commentCorpus(corpusSize);
  // Keeps the results alive so the work cannot be optimised away.
  let sink = 0;
  for (const text of corpus) sink += classifyComment(text).cues.length;
  const rates: number[] = [];
  const wallRates: number[] = [];
  for (let pass = 0; pass < passes; pass++) {
    const started = performance.now();
    const cpu = process.cpuUsage();
    for (const text of corpus) sink += classifyComment(text).cues.length;
    const { user, system } = process.cpuUsage(cpu);
    rates.push(corpus.length / ((user + system) / 1e6));
    wallRates.push(corpus.length / ((performance.now() - started) / 1000));
  }
  if (sink === 0) throw new Error('the classifier found no cue in the whole corpus');
  return {
    commentsPerSec: round(median(rates)),
    commentsPerWallSec: round(median(wallRates)),
    passes: rates.map((r) => round(r)),
    corpus: corpus.length,
    meanLength: round(corpus.reduce((n, t) => n + t.length, 0) / corpus.length, 1),
  };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = benchClassifier();
  if (process.argv.includes('--json')) process.stdout.write(`${JSON.stringify(result)}\n`);
  else
    process.stdout.write(
      `comment classifier: ${result.commentsPerSec.toLocaleString('en')} comments per CPU second on one core, ${result.commentsPerWallSec.toLocaleString('en')} per wall second ` +
        `(median of ${result.passes.length} passes over ${result.corpus.toLocaleString('en')} synthetic comments, mean ${result.meanLength} characters)\n` +
        `  passes: ${result.passes.map((r) => r.toLocaleString('en')).join(', ')}\n`,
    );
}
