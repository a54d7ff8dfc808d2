/**
 * One call to an OpenAI-compatible chat endpoint (`POST {baseUrl}/chat/
 * completions`, non-streaming) with Node's fetch: a timeout that covers the
 * whole exchange, the reply checked with zod, and every way it can fail
 * turned into a RewriteFailure value instead of an exception.
 */
import { z } from 'zod';
import type { RewriteFailure } from '../../../shared/api/rewriter-api.js';

export interface ChatMessage {
  role: 'system' | 'user';
  content: string;
}

export interface ChatRequest {
  baseUrl: string;
  model: string;
  /** Sent as a Bearer token when set; a local server (Ollama, LM Studio) may need none. */
  apiKey: string | null;
  messages: ChatMessage[];
  timeoutMs: number;
}

export type ChatResult = { ok: true; content: string } | { ok: false; failure: RewriteFailure };

/** Only what is used; endpoints add fields of their own. A refusal or tool call has no text content. */
const completionSchema = z.object({
  choices: z.array(z.object({ message: z.object({ content: z.string() }) })).min(1),
});
/** The OpenAI error shape most compatible servers copy: `{ error: { message } }`. */
const errorBodySchema = z.object({ error: z.object({ message: z.string() }) });

const DETAIL_CHARS = 200;

const chatCompletionsUrl = (baseUrl: string) => `${baseUrl.replace(/\/+$/, '')}/chat/completions`;

export async function requestChatCompletion(request: ChatRequest): Promise<ChatResult> {
  // The detail reaches a UI, which must never see the key, even if an endpoint echoes it in an error.
  const fail = (code: RewriteFailure['code'], text: string, status?: number): ChatResult => {
    const redacted = request.apiKey ? text.replaceAll(request.apiKey, '***') : text;
    const detail = redacted.length > DETAIL_CHARS ? `${redacted.slice(0, DETAIL_CHARS)}…` : redacted;
    return { ok: false, failure: status === undefined ? { code, detail } : { code, status, detail } };
  };
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), request.timeoutMs);
  try {
    const response = await fetch(chatCompletionsUrl(request.baseUrl), {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        ...(request.apiKey ? { authorization: `Bearer ${request.apiKey}` } : {}),
      },
      // Model defaults for temperature and length: some models refuse anything else for either.
      body: JSON.stringify({ model: request.model, messages: request.messages, stream: false }),
      // An API does not redirect; following one could carry the key to another address, or to plain http.
      redirect: 'error',
      signal: abort.signal,
    });
    const text = await response.text();
    if (!response.ok) return fail('http_status', errorMessage(text) ?? response.statusText, response.status);
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return fail('bad_response', `not JSON: ${text}`);
    }
    const parsed = completionSchema.safeParse(body);
    if (!parsed.success) return fail('bad_response', `no message text in the reply: ${text}`);
    return { ok: true, content: parsed.data.choices[0]!.message.content };
  } catch (error) {
    if (abort.signal.aborted) return fail('timeout', `no reply within ${request.timeoutMs / 1000} s`);
    return fail('unreachable', networkMessage(error));
  } finally {
    clearTimeout(timer);
  }
}

function errorMessage(text: string): string | null {
  try {
    const parsed = errorBodySchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data.error.message : null;
  } catch {
    return null;
  }
}

/** fetch says "fetch failed"; the reason (refused, DNS, TLS, a redirect) is its cause. */
function networkMessage(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? error.cause.message : null;
  return cause ? `${error.message}: ${cause}` : error.message;
}
