/**
 * `npm run eval:comments -- FILE.jsonl [--json]`: how the comment classifier
 * does on a labelled file (one {"text","intent","question","productRef"}
 * object a line): per-intent precision / recall / F1, the confusion matrix,
 * question detection and product references. Fails (exit 1) below the
 * quality bars of shared/comments/eval.ts.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import {
  commentIntents,
  evaluate,
  labelledCommentSchema,
  missedBars,
  qualityBars,
  UNCLEAR_BELOW,
  type CommentLabel,
  type EvalReport,
  type LabelledComment,
} from '../../../shared/comments/index.js';
import { UserError } from '../errors.js';

export const evalCommentsHelp = `npm run eval:comments -- FILE.jsonl [--json]
  Evaluates the comment classifier on a labelled JSONL file and prints the
  figures (--json: one JSON object). Exits 1 below the quality bars:
  accuracy ≥ ${qualityBars.accuracy}, macro-F1 ≥ ${qualityBars.macroF1}, question F1 ≥ ${qualityBars.questionF1}, productRef exact ≥ ${qualityBars.productRefExact}.`;

// Not a livecue subcommand, so its usage errors point at its own help.
const usageError = (message: string) => new UserError(`${message} (see npm run eval:comments -- --help)`, 2);

/** Bad lines listed before giving up; a file with hundreds of them needs no more to be fixed. */
const SHOWN_BAD_LINES = 20;

export function evalComments(argv: string[], out: NodeJS.WritableStream = process.stdout): void {
  let parsed: { values: Record<string, unknown>; positionals: string[] };
  try {
    parsed = parseArgs({ args: argv, options: { json: { type: 'boolean' } }, strict: true, allowPositionals: true });
  } catch (error) {
    throw usageError((error as Error).message.split('\n')[0] ?? 'bad arguments');
  }
  const json = parsed.values.json === true;
  if (parsed.positionals.length !== 1) throw usageError('give exactly one labelled JSONL file');
  const file = parsed.positionals[0]!;

  const rows = readLabelled(file);
  const report = evaluate(rows);
  const missed = missedBars(report);
  out.write(json ? `${JSON.stringify({ file, ...report, bars: qualityBars, missedBars: missed })}\n` : formatReport(basename(file), report, missed));
  if (missed.length > 0) throw new UserError(`below the quality bars: ${missed.join(', ')}`);
}

function readLabelled(file: string): LabelledComment[] {
  const rows: LabelledComment[] = [];
  const problems: string[] = [];
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, index) => {
      if (line.trim() === '') return;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        problems.push(`line ${index + 1}: not JSON: ${line.slice(0, 60)}`);
        return;
      }
      const result = labelledCommentSchema.safeParse(value);
      if (result.success) rows.push(result.data);
      else {
        const issue = result.error.issues[0]!;
        const field = issue.path.length > 0 ? issue.path.join('.') : 'line';
        problems.push(`line ${index + 1}: ${field}: ${issue.message}`);
      }
    });
  if (problems.length > 0) {
    for (const problem of problems.slice(0, SHOWN_BAD_LINES)) console.error(`${file}: ${problem}`);
    if (problems.length > SHOWN_BAD_LINES) console.error(`${file}: … and ${problems.length - SHOWN_BAD_LINES} more`);
    throw new UserError(`${file}: ${problems.length} bad line${problems.length === 1 ? '' : 's'}; nothing evaluated`);
  }
  if (rows.length === 0) throw new UserError(`${file}: no labelled comments`);
  return rows;
}

const f3 = (x: number) => x.toFixed(3);
/** Column heads of the confusion matrix: the intents' first three letters. */
const shortName = (intent: string) => intent.slice(0, 3);

function formatReport(name: string, r: EvalReport, missed: string[]): string {
  const lines: string[] = [`${name}: ${r.total} labelled comments`, ''];
  lines.push(`${'intent'.padEnd(13)}${'n'.padStart(5)}${'predicted'.padStart(11)}${'precision'.padStart(11)}${'recall'.padStart(9)}${'F1'.padStart(8)}`);
  for (const intent of commentIntents) {
    const s = r.perIntent[intent];
    if (s.support === 0 && s.predicted === 0) continue;
    lines.push(`${intent.padEnd(13)}${String(s.support).padStart(5)}${String(s.predicted).padStart(11)}${f3(s.precision).padStart(11)}${f3(s.recall).padStart(9)}${f3(s.f1).padStart(8)}`);
  }
  lines.push(
    '',
    `intent accuracy   ${f3(r.accuracy)}   (bar ${qualityBars.accuracy})`,
    `macro-F1          ${f3(r.macroF1)}   (bar ${qualityBars.macroF1})`,
    `question          P ${f3(r.question.precision)}  R ${f3(r.question.recall)}  F1 ${f3(r.question.f1)}   (bar F1 ${qualityBars.questionF1})`,
    `productRef exact  ${f3(r.productRefExact)}   (bar ${qualityBars.productRefExact})`,
    '',
    'confidence: acted on at or above a threshold, how many and how many right (the model\'s threshold marked *)',
    ...r.confidence.map((c) => `  ≥ ${f3(c.threshold)}${c.threshold === UNCLEAR_BELOW ? '*' : ' '}  coverage ${f3(c.coverage)}  precision ${f3(c.precision)}`),
    '',
    'confusion matrix (rows: labelled, columns: predicted)',
    `${''.padEnd(13)}${commentIntents.map((i) => shortName(i).padStart(5)).join('')}`,
  );
  for (const expected of commentIntents) {
    const row = r.confusion[expected];
    lines.push(`${expected.padEnd(13)}${commentIntents.map((p) => (row[p] === 0 ? '.' : String(row[p])).padStart(5)).join('')}`);
  }
  if (r.misses.length > 0) {
    lines.push('', `disagreements (${r.misses.length}): labelled → classified`);
    for (const miss of r.misses) lines.push(`  ${describe(miss.expected)} → ${describe(miss.got)}   ${miss.text}   [${miss.got.cues.join(' · ')}]`);
  }
  if (r.missedWords.length > 0) {
    lines.push('', `words of the comments given the wrong intent: ${r.missedWords.map(({ word, count }) => `${word} ×${count}`).join(', ')}`);
  }
  lines.push('', missed.length === 0 ? 'all quality bars met' : `MISSED: ${missed.join(', ')}`, '');
  return lines.join('\n');
}

function describe(label: Pick<CommentLabel, 'intent' | 'question' | 'productRef'>): string {
  return `${label.intent}${label.question ? '?' : ''}${label.productRef === null ? '' : ` #${label.productRef}`}`;
}
