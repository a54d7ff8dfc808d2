/**
 * An OpenAI-compatible chat endpoint on 127.0.0.1 for tests: records every
 * request and answers with what the test sets — a completion, an HTTP error,
 * any text, or nothing at all (to run into the client's timeout).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  path: string;
  authorization: string | undefined;
  body: { model?: string; messages?: { role: string; content: string }[] };
}

export type FakeReply = { status: number; body: string; headers?: Record<string, string> } | 'hang';

export const completionReply = (content: string): Exclude<FakeReply, 'hang'> => ({
  status: 200,
  body: JSON.stringify({ id: 'chatcmpl-1', object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }] }),
});

export interface FakeChatEndpoint {
  /** The base URL a user would enter: http://127.0.0.1:PORT/v1 */
  baseUrl: string;
  requests: RecordedRequest[];
  reply: FakeReply;
  close(): Promise<void>;
}

export async function startFakeChatEndpoint(): Promise<FakeChatEndpoint> {
  const hanging = new Set<ServerResponse>();
  const endpoint: FakeChatEndpoint = { baseUrl: '', requests: [], reply: completionReply('好的'), close: async () => {} };
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      endpoint.requests.push({
        method: request.method ?? '',
        path: request.url ?? '',
        authorization: request.headers.authorization,
        body: text ? (JSON.parse(text) as RecordedRequest['body']) : {},
      });
      const reply = endpoint.reply;
      if (reply === 'hang') {
        hanging.add(response);
        return;
      }
      response.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers }).end(reply.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  endpoint.close = () =>
    new Promise<void>((resolve) => {
      for (const response of hanging) response.destroy();
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return endpoint;
}
