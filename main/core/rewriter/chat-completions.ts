/**
 * One call to an OpenAI-compatible chat endpoint (`POST {baseUrl}/chat/
 * completions`, non-streaming) with Node's fetch: a timeout that covers the
 * whole exchange, the reply checked with zod, and every way it can fail
 * turned into a RewriteFailure value instead of an exception.
 *
 * The endpoint is whatever address the settings hold, so the client treats
 * it as a stranger: it follows no redirect, reads at most MAX_REPLY_BYTES,
 * and says how a call failed only with a status and a fixed message. Neither
 * the endpoint's body nor the network error's text reaches the caller: a
 * reply passed back, or "refused" told apart from "no answer", would turn
 * the rewriter into a probe of whatever the host machine can reach.
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

/** A chat completion of one line is a few KB; anything far larger is not an answer to this request. */
export const MAX_REPLY_BYTES = 256 * 1024;

/** Only what is used; endpoints add fields of their own. A refusal or tool call has no text content. */
const completionSchema = z.object({
  choices: z.array(z.object({ message: z.object({ content: z.string() }) })).min(1),
});

/** Every failure the caller can see. Fixed texts: nothing here depends on what the endpoint sent. */
export const CHAT_FAILURES = {
  /** Refused, no route, bad certificate, no answer in time: all alike on purpose. */
  unreachable: { code: 'unreachable', detail: 'no reply from the endpoint' },
  redirect: { code: 'http_status', detail: 'the endpoint redirected elsewhere; the rewriter follows no redirects' },
  status: { code: 'http_status', detail: 'the endpoint answered with an error' },
  tooLarge: { code: 'bad_response', detail: `the reply is larger than ${MAX_REPLY_BYTES / 1024} KB` },
  notJson: { code: 'bad_response', detail: 'the reply is not JSON' },
  noText: { code: 'bad_response', detail: 'the reply holds no message text' },
} as const satisfies Record<string, RewriteFailure>;

const chatCompletionsUrl = (baseUrl: string) => `${baseUrl.replace(/\/+$/, '')}/chat/completions`;

const fail = (failure: RewriteFailure, status?: number): ChatResult => ({ ok: false, failure: status === undefined ? { ...failure } : { ...failure, status } });

export async function requestChatCompletion(request: ChatRequest): Promise<ChatResult> {
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
      redirect: 'manual',
      signal: abort.signal,
    });
    if (response.status >= 300 && response.status < 400) {
      await response.body?.cancel();
      return fail(CHAT_FAILURES.redirect, response.status);
    }
    if (!response.ok) {
      await response.body?.cancel();
      return fail(CHAT_FAILURES.status, response.status);
    }
    const text = await readCapped(response, MAX_REPLY_BYTES);
    if (text === null) {
      abort.abort();
      return fail(CHAT_FAILURES.tooLarge);
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return fail(CHAT_FAILURES.notJson);
    }
    const parsed = completionSchema.safeParse(body);
    if (!parsed.success) return fail(CHAT_FAILURES.noText);
    return { ok: true, content: parsed.data.choices[0]!.message.content };
  } catch {
    // A timeout (the abort) and every network error look the same from outside.
    return fail(CHAT_FAILURES.unreachable);
  } finally {
    clearTimeout(timer);
  }
}

/** The body as UTF-8 text, or null as soon as it grows past `limit` bytes (the rest is never read). */
async function readCapped(response: Response, limit: number): Promise<string | null> {
  if (response.body === null) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}
