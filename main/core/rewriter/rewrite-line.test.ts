/**
 * The line rewriter against a real HTTP endpoint on 127.0.0.1 (node:http):
 * what it sends, and every way the endpoint can fail. No internet needed.
 */
import { createServer as createHttpServer } from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RewriteLineInput } from '../../../shared/api/rewriter-api.js';
import type { RewriterSettings } from '../../../shared/api/settings.js';
import { CHAT_FAILURES, MAX_REPLY_BYTES } from './chat-completions.js';
import { rewriteLine } from './rewrite-line.js';
import { completionReply, startFakeChatEndpoint, type FakeChatEndpoint, type FakeReply } from './testing/fake-chat-endpoint.js';

const input: RewriteLineInput = {
  product: { title: '烟酰胺精华', category: 'skincare', sellingPoints: ['5% 烟酰胺', '无香精'] },
  point: { audience: '敏感肌', scenario: '换季泛红', pain: '用了刺痛', benefit: '温和不刺激', proof: '第三方检测报告', line: '敏感肌姐妹先在耳后试一下' },
};

let endpoint: FakeChatEndpoint;
beforeAll(async () => {
  endpoint = await startFakeChatEndpoint();
});
afterAll(() => endpoint.close());
beforeEach(() => {
  endpoint.requests.length = 0;
});

const settings = (overrides: Partial<RewriterSettings> = {}): RewriterSettings => ({ enabled: true, baseUrl: endpoint.baseUrl, model: 'qwen-plus', ...overrides });

describe('rewriteLine', () => {
  it('posts the line and its facts to {baseUrl}/chat/completions with the key and model, and returns the suggestion', async () => {
    endpoint.reply = completionReply('「换季脸上泛红的敏感肌姐妹，先在耳后试一下，我们有第三方检测报告」');
    const result = await rewriteLine(input, { settings: settings({ baseUrl: `${endpoint.baseUrl}/` }), apiKey: 'sk-test' });

    expect(result).toEqual({ rewritten: true, line: '换季脸上泛红的敏感肌姐妹，先在耳后试一下，我们有第三方检测报告', flags: [] });
    expect(endpoint.requests).toHaveLength(1);
    const [request] = endpoint.requests;
    expect(request).toMatchObject({ method: 'POST', path: '/v1/chat/completions', authorization: 'Bearer sk-test', body: { model: 'qwen-plus' } });
    const [system, user] = request!.body.messages!;
    expect(system).toMatchObject({ role: 'system' });
    expect(system!.content).toContain('真诚经营');
    expect(user).toMatchObject({ role: 'user' });
    for (const fact of ['敏感肌姐妹先在耳后试一下', '烟酰胺精华（护肤）', '5% 烟酰胺；无香精', '证据：第三方检测报告']) expect(user!.content).toContain(fact);
  });

  it('sends no Authorization header without a key (a local server may need none)', async () => {
    endpoint.reply = completionReply('敏感肌姐妹可以先在耳后试试');
    expect(await rewriteLine(input, { settings: settings(), apiKey: null })).toMatchObject({ rewritten: true });
    expect(endpoint.requests[0]!.authorization).toBeUndefined();
  });

  it('flags a suggestion that overclaims, naming the terms', async () => {
    endpoint.reply = completionReply('全网最温和的精华，敏感肌第一选择，还能祛痘');
    const result = await rewriteLine(input, { settings: settings(), apiKey: 'sk-test' });
    expect(result).toMatchObject({ rewritten: true, line: '全网最温和的精华，敏感肌第一选择，还能祛痘' });
    expect(result.rewritten && result.flags.map((flag) => flag.term)).toEqual(['全网最', '第一', '祛痘']);
  });

  it('reports an HTTP error as its status and a fixed message: nothing of the body, so not the key an endpoint echoes either', async () => {
    endpoint.reply = { status: 401, body: JSON.stringify({ error: { message: 'Incorrect API key provided: sk-echoed' } }) };
    expect(await rewriteLine(input, { settings: settings(), apiKey: 'sk-echoed' })).toEqual({
      rewritten: false,
      failure: { code: 'http_status', status: 401, detail: CHAT_FAILURES.status.detail },
    });
    endpoint.reply = { status: 500, body: '<html>upstream crashed</html>' };
    const result = await rewriteLine(input, { settings: settings(), apiKey: 'sk-test' });
    expect(result).toEqual({ rewritten: false, failure: { code: 'http_status', status: 500, detail: CHAT_FAILURES.status.detail } });
    expect(JSON.stringify(result)).not.toContain('upstream');
  });

  it('does not follow a redirect, so neither the key nor the request goes along to another address', async () => {
    endpoint.reply = { status: 307, body: 'moved', headers: { location: `${endpoint.baseUrl}/elsewhere` } };
    expect(await rewriteLine(input, { settings: settings(), apiKey: 'sk-test' })).toEqual({
      rewritten: false,
      failure: { code: 'http_status', status: 307, detail: CHAT_FAILURES.redirect.detail },
    });
    expect(endpoint.requests.map((request) => request.path)).toEqual(['/v1/chat/completions']);
  });

  it('gives up after the timeout, saying no more than it says for a closed port', async () => {
    endpoint.reply = 'hang';
    const started = Date.now();
    const result = await rewriteLine(input, { settings: settings(), apiKey: 'sk-test', timeoutMs: 200 });
    expect(result).toEqual({ rewritten: false, failure: CHAT_FAILURES.unreachable });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('stops reading a reply at 256 KB: a 10 MB answer is cut off, not taken in', async () => {
    const huge = await startStreamingServer(10 * 1024 * 1024);
    try {
      const result = await rewriteLine(input, { settings: settings({ baseUrl: huge.baseUrl }), apiKey: 'sk-test' });
      expect(result).toEqual({ rewritten: false, failure: CHAT_FAILURES.tooLarge });
      const sent = await huge.bytesSentWhenClosed;
      // The client hung up early: what the server got out is the cap plus what sockets buffer, far below 10 MB.
      expect(sent).toBeGreaterThan(MAX_REPLY_BYTES);
      expect(sent).toBeLessThan(10 * 1024 * 1024);
    } finally {
      await huge.close();
    }
  });

  it('refuses a reply that is not JSON, has no message text, or could not be a line', async () => {
    const replies: Exclude<FakeReply, 'hang'>[] = [
      { status: 200, body: '{"choices": [' },
      { status: 200, body: JSON.stringify({ choices: [] }) },
      { status: 200, body: JSON.stringify({ choices: [{ message: { role: 'assistant', content: null, refusal: 'no' } }] }) },
      completionReply('   '),
      completionReply('好'.repeat(301)),
    ];
    for (const reply of replies) {
      endpoint.reply = reply;
      expect(await rewriteLine(input, { settings: settings(), apiKey: 'sk-test' }), reply.body).toMatchObject({ rewritten: false, failure: { code: 'bad_response' } });
    }
  });

  it('tells a closed port and a failing service apart only by a status, never by the network error or the body (no port scanning by message)', async () => {
    const closedPort = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => resolve(port));
      });
    });
    const closed = await rewriteLine(input, { settings: settings({ baseUrl: `http://127.0.0.1:${closedPort}/v1` }), apiKey: 'sk-test' });
    expect(closed).toEqual({ rewritten: false, failure: CHAT_FAILURES.unreachable });
    expect(JSON.stringify(closed)).not.toMatch(/ECONNREFUSED|refused|fetch failed/i);

    endpoint.reply = { status: 500, body: 'SSH-2.0-OpenSSH_9.6 internal banner' };
    const failing = await rewriteLine(input, { settings: settings(), apiKey: 'sk-test' });
    expect(failing).toEqual({ rewritten: false, failure: { ...CHAT_FAILURES.status, status: 500 } });
    expect(JSON.stringify(failing)).not.toContain('SSH');
  });

  it('asks nothing while off or not configured', async () => {
    expect(await rewriteLine(input, { settings: settings({ enabled: false }), apiKey: 'sk-test' })).toMatchObject({ failure: { code: 'disabled' } });
    expect(await rewriteLine(input, { settings: settings({ model: '' }), apiKey: 'sk-test' })).toMatchObject({ failure: { code: 'not_configured' } });
    expect(await rewriteLine(input, { settings: settings({ baseUrl: '' }), apiKey: 'sk-test' })).toMatchObject({ failure: { code: 'not_configured' } });
    expect(endpoint.requests).toEqual([]);
  });
});

/** A server that answers 200 and streams `total` bytes of JSON-ish text in 64 KB writes, counting what left before the client hung up. */
async function startStreamingServer(total: number): Promise<{ baseUrl: string; bytesSentWhenClosed: Promise<number>; close(): Promise<void> }> {
  let reportSent: (bytes: number) => void = () => {};
  const bytesSentWhenClosed = new Promise<number>((resolve) => (reportSent = resolve));
  const chunk = Buffer.alloc(64 * 1024, 'a');
  const server = createHttpServer((request, response) => {
    request.resume();
    let sent = 0;
    response.on('close', () => reportSent(sent));
    response.writeHead(200, { 'content-type': 'application/json' });
    const pump = () => {
      while (sent < total) {
        sent += chunk.length;
        if (!response.write(chunk)) return void response.once('drain', pump);
      }
      response.end();
    };
    pump();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
    bytesSentWhenClosed,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
