/**
 * 润色: asks the endpoint of the rewriter settings for a better version of a
 * buying point's line and runs the answer through the 真诚经营 check. Only
 * ever on the merchant's request from the catalog editor; nothing live
 * depends on it and nothing is saved here.
 */
import { REWRITE_TIMEOUT_MS, type RewriteLineInput, type RewriteLineResult } from '../../../shared/api/rewriter-api.js';
import type { RewriterSettings } from '../../../shared/api/settings.js';
import { buyingPointSchema } from '../../../shared/catalog/catalog.js';
import { checkLine } from '../../../shared/copilot/compliance.js';
import { requestChatCompletion } from './chat-completions.js';
import { rewriteMessages } from './prompt.js';

export interface RewriterConfig {
  settings: RewriterSettings;
  apiKey: string | null;
  /** Tests shorten it; hosts use REWRITE_TIMEOUT_MS. */
  timeoutMs?: number;
}

export async function rewriteLine(input: RewriteLineInput, config: RewriterConfig): Promise<RewriteLineResult> {
  const { enabled, baseUrl, model } = config.settings;
  if (!enabled) return { rewritten: false, failure: { code: 'disabled', detail: 'the AI line rewriter is off in settings' } };
  if (baseUrl === '' || model === '') {
    return { rewritten: false, failure: { code: 'not_configured', detail: 'the rewriter needs a base URL and a model name in settings' } };
  }
  const reply = await requestChatCompletion({
    baseUrl,
    model,
    apiKey: config.apiKey,
    messages: rewriteMessages(input),
    timeoutMs: config.timeoutMs ?? REWRITE_TIMEOUT_MS,
  });
  if (!reply.ok) return { rewritten: false, failure: reply.failure };
  // A suggestion the editor could not save (empty, too long) is no suggestion.
  const line = buyingPointSchema.shape.line.safeParse(spokenLine(reply.content));
  if (!line.success) {
    return { rewritten: false, failure: { code: 'bad_response', detail: `the reply is not a line a buying point can hold: ${line.error.issues[0]?.message}` } };
  }
  return { rewritten: true, line: line.data, flags: checkLine(line.data, input.product.category) };
}

const WRAPPING_QUOTES: [string, string][] = [
  ['「', '」'],
  ['“', '”'],
  ['"', '"'],
  ['『', '』'],
];

/** The model's text as one line: asked for no quotes, it sometimes quotes anyway, or breaks the line. */
function spokenLine(content: string): string {
  let line = content.trim().replace(/\s*\n\s*/g, ' ');
  const quotes = WRAPPING_QUOTES.find(([open, close]) => line.length > 1 && line.startsWith(open) && line.endsWith(close));
  if (quotes) line = line.slice(1, -1).trim();
  return line;
}
