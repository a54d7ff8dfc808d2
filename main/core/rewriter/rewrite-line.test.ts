/**
 * The line rewriter against a real HTTP endpoint on 127.0.0.1 (node:http):
 * what it sends, and every way the endpoint can fail. No internet needed.
 */
import { createServer } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RewriteLineInput } from '../../../shared/api/rewriter-api.js';
import type { RewriterSettings } from '../../../shared/api/settings.js';
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

  it('reports an HTTP error with its status and the endpoint’s message', async () => {
    endpoint.reply = { status: 401, body: JSON.stringify({ error: { message: 'Incorrect API key provided', type: 'invalid_request_error' } }) };
    expect(await rewriteLine(input, { settings: settings(), apiKey: 'sk-wrong' })).toEqual({
      rewritten: false,
      failure: { code: 'http_status', status: 401, detail: 'Incorrect API key provided' },
    });
    endpoint.reply = { status: 500, body: '<html>upstream crashed</html>' };
    expect(await rewriteLine(input, { settings: settings(), apiKey: 'sk-test' })).toMatchObject({
      rewritten: false,
      failure: { code: 'http_status', status: 500 },
    });
  });

  it('never lets the key reach the UI in an error detail, even when the endpoint echoes it', async () => {
    endpoint.reply = { status: 401, body: JSON.stringify({ error: { message: 'Incorrect API key provided: sk-echoed' } }) };
    const result = await rewriteLine(input, { settings: settings(), apiKey: 'sk-echoed' });
    expect(result).toMatchObject({ failure: { code: 'http_status', detail: 'Incorrect API key provided: ***' } });
  });

  it('does not follow a redirect, so the key cannot go along to another address', async () => {
    endpoint.reply = { status: 307, body: '', headers: { location: `${endpoint.baseUrl}/elsewhere` } };
    expect(await rewriteLine(input, { settings: settings(), apiKey: 'sk-test' })).toMatchObject({ rewritten: false, failure: { code: 'unreachable' } });
    expect(endpoint.requests.map((request) => request.path)).toEqual(['/v1/chat/completions']);
  });

  it('gives up after the timeout', async () => {
    endpoint.reply = 'hang';
    const started = Date.now();
    const result = await rewriteLine(input, { settings: settings(), apiKey: 'sk-test', timeoutMs: 200 });
    expect(result).toEqual({ rewritten: false, failure: { code: 'timeout', detail: 'no reply within 0.2 s' } });
    expect(Date.now() - started).toBeLessThan(5_000);
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

  it('says when nothing answers at the address', async () => {
    const closedPort = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => resolve(port));
      });
    });
    const result = await rewriteLine(input, { settings: settings({ baseUrl: `http://127.0.0.1:${closedPort}/v1` }), apiKey: 'sk-test' });
    expect(result).toMatchObject({ rewritten: false, failure: { code: 'unreachable' } });
  });

  it('asks nothing while off or not configured', async () => {
    expect(await rewriteLine(input, { settings: settings({ enabled: false }), apiKey: 'sk-test' })).toMatchObject({ failure: { code: 'disabled' } });
    expect(await rewriteLine(input, { settings: settings({ model: '' }), apiKey: 'sk-test' })).toMatchObject({ failure: { code: 'not_configured' } });
    expect(await rewriteLine(input, { settings: settings({ baseUrl: '' }), apiKey: 'sk-test' })).toMatchObject({ failure: { code: 'not_configured' } });
    expect(endpoint.requests).toEqual([]);
  });
});
