/** `livecue classify`: label live comments read from stdin, one a line (docs/COMMENTS.md). */
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { classifyComment, type CommentLabel } from '../../../shared/comments/index.js';
import { parseFlags } from '../args.js';

export const classifyHelp = `livecue classify [--json]
  Reads comments from stdin, one a line, and labels each: its intent, whether
  it waits for an answer (?), the product position it names (#3) and the cues
  that fired. --json writes one {"text","intent","question","productRef","cues"}
  object a line. Blank lines are skipped.`;

export async function classify(
  argv: string[],
  input: NodeJS.ReadableStream = process.stdin,
  out: NodeJS.WritableStream = process.stdout,
): Promise<void> {
  const flags = parseFlags(argv, { json: { type: 'boolean' } }, z.object({ json: z.boolean().optional() }));
  const format = flags.json ? formatJson : formatLine;
  for await (const line of createInterface({ input, crlfDelay: Infinity })) {
    if (line.trim() === '') continue;
    // Respect a slow reader (a pager, a pipe to another tool) instead of buffering every answer.
    if (!out.write(format(line, classifyComment(line)))) await once(out, 'drain');
  }
}

function formatJson(text: string, label: CommentLabel): string {
  return `${JSON.stringify({ text, intent: label.intent, question: label.question, productRef: label.productRef, cues: label.cues, confidence: label.confidence })}\n`;
}

/** `price         ?  #3    3号多少钱   ← price:多少钱 · question:多少 · ref:3号` */
function formatLine(text: string, label: CommentLabel): string {
  const ref = label.productRef === null ? '' : `#${label.productRef}`;
  const cues = label.cues.length === 0 ? '' : `   ← ${label.cues.join(' · ')}`;
  return `${label.intent.padEnd(13)} ${label.question ? '?' : ' '}  ${ref.padEnd(5)} ${text}${cues}\n`;
}
