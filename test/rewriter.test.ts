/**
 * The AI line rewriter through the app every UI host runs (main/app): the
 * settings a UI saves, the API key kept like the gateway token and never sent
 * back, and `rewriteLine` requests dispatched to a fake OpenAI-compatible
 * endpoint on 127.0.0.1. No internet needed.
 */
import { readFileSync, statSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RewriteLineInput } from '../shared/api/rewriter-api.js';
import { startApp, type AppOptions, type LiveCueApp } from '../main/app/app.js';
import { LOCAL_CONTEXT, REMOTE_CONTEXT } from '../main/app/request-context.js';
import { memorySecretStore, privateFileSecretStore } from '../main/app/secrets.js';
import { completionReply, startFakeChatEndpoint, type FakeChatEndpoint } from '../main/core/rewriter/testing/fake-chat-endpoint.js';
import { tempDir } from './helpers.js';

const tmp = tempDir('livecue-rewriter-');
let endpoint: FakeChatEndpoint;
beforeAll(async () => {
  endpoint = await startFakeChatEndpoint();
});
afterAll(async () => {
  await endpoint.close();
  tmp.remove();
});

const KEY = 'sk-rewriter-7d2e91';
const request: RewriteLineInput = {
  product: { title: '冰丝阔腿裤', category: 'apparel', sellingPoints: ['垂感好', '不起球'] },
  point: { audience: '小个子', scenario: '通勤', pain: '裤长拖地', benefit: '九分显高', proof: '155 主播上身', line: '小个子穿九分刚好' },
};

let folders = 0;
async function withApp<T>(options: Partial<AppOptions>, use: (app: LiveCueApp, dataFolder: string) => Promise<T>): Promise<T> {
  const dataFolder = tmp.file(`data-${++folders}`);
  const app = await startApp({ dataFolder, secrets: memorySecretStore(), sourceOverride: { kind: 'demo', scenario: 'apparel', speed: 200 }, ...options });
  try {
    return await use(app, dataFolder);
  } finally {
    await app.stop();
  }
}

describe('rewriteLine through the dispatcher', () => {
  it('is off until the user turns it on, and asks nothing meanwhile', async () => {
    await withApp({}, async (app) => {
      expect(app.settings()).toMatchObject({ rewriter: { enabled: false }, hasRewriterKey: false });
      expect(await app.handle('rewriteLine', request)).toMatchObject({ ok: true, value: { rewritten: false, failure: { code: 'disabled' } } });
      await app.handle('updateSettings', { rewriter: { enabled: true } }, LOCAL_CONTEXT);
      expect(await app.handle('rewriteLine', request)).toMatchObject({ ok: true, value: { rewritten: false, failure: { code: 'not_configured' } } });
    });
    expect(endpoint.requests).toEqual([]);
  });

  it('sends the line to the configured endpoint with the stored key and returns the checked suggestion; the key never comes back', async () => {
    const keyFile = tmp.file('rewriter-key');
    await withApp({ rewriterKey: privateFileSecretStore(keyFile) }, async (app, dataFolder) => {
      const saved = await app.handle('updateSettings', { rewriter: { enabled: true, baseUrl: endpoint.baseUrl, model: 'deepseek-chat' }, rewriterKey: KEY }, LOCAL_CONTEXT);
      expect(saved).toMatchObject({ ok: true, value: { rewriter: { enabled: true, baseUrl: endpoint.baseUrl, model: 'deepseek-chat' }, hasRewriterKey: true } });
      for (const view of [saved, await app.handle('getSettings', {}), app.settings()]) expect(JSON.stringify(view)).not.toContain(KEY);
      expect(readFileSync(`${dataFolder}/settings.json`, 'utf8')).not.toContain(KEY);
      expect(readFileSync(keyFile, 'utf8')).toBe(KEY);
      expect(statSync(keyFile).mode & 0o777).toBe(0o600);

      endpoint.reply = completionReply('小个子姐妹通勤穿九分刚刚好，不拖地还显高，主播 155 亲自上身给你们看');
      const reply = await app.handle('rewriteLine', request);
      expect(reply).toEqual({ ok: true, value: { rewritten: true, line: '小个子姐妹通勤穿九分刚刚好，不拖地还显高，主播 155 亲自上身给你们看', flags: [] } });
      const sent = endpoint.requests.at(-1)!;
      expect(sent).toMatchObject({ path: '/v1/chat/completions', authorization: `Bearer ${KEY}`, body: { model: 'deepseek-chat' } });
      expect(sent.body.messages!.at(-1)!.content).toContain('小个子穿九分刚好');

      endpoint.reply = completionReply('这条阔腿裤是第一选择');
      expect(await app.handle('rewriteLine', request)).toMatchObject({ ok: true, value: { rewritten: true, flags: [{ kind: 'absolute', term: '第一' }] } });

      endpoint.reply = { status: 401, body: JSON.stringify({ error: { message: 'invalid api key' } }) };
      expect(await app.handle('rewriteLine', request)).toMatchObject({ ok: true, value: { rewritten: false, failure: { code: 'http_status', status: 401 } } });
    });
  });

  it('refuses a malformed request before anything is sent', async () => {
    await withApp({}, async (app) => {
      await app.handle('updateSettings', { rewriter: { enabled: true, baseUrl: endpoint.baseUrl, model: 'm' } }, LOCAL_CONTEXT);
      const before = endpoint.requests.length;
      for (const payload of [
        { ...request, point: { ...request.point, line: '   ' } },
        { ...request, point: { ...request.point, line: '长'.repeat(301) } },
        { ...request, product: { ...request.product, category: 'weapons' } },
        { ...request, apiKey: 'sk-other' },
        { product: request.product },
      ]) {
        expect(await app.handle('rewriteLine', payload)).toMatchObject({ ok: false, error: { code: 'bad_request' } });
      }
      expect(endpoint.requests.length).toBe(before);
    });
  });

  it('keeps the key for its endpoint only: another origin without a new key forgets it', async () => {
    await withApp({}, async (app) => {
      await app.handle('updateSettings', { rewriter: { enabled: true, baseUrl: 'https://llm-a.example.com/v1', model: 'm' }, rewriterKey: KEY }, LOCAL_CONTEXT);
      // Same origin, another path or model: kept.
      expect(await app.handle('updateSettings', { rewriter: { baseUrl: 'https://llm-a.example.com/compatible/v1', model: 'n' } }, LOCAL_CONTEXT)).toMatchObject({
        ok: true,
        value: { hasRewriterKey: true },
      });
      expect(await app.handle('updateSettings', { rewriter: { baseUrl: 'https://llm-b.example.com/v1' } }, LOCAL_CONTEXT)).toMatchObject({ ok: true, value: { hasRewriterKey: false } });
      // A new key with the new address is kept; an empty one forgets it.
      expect(await app.handle('updateSettings', { rewriter: { baseUrl: 'https://llm-c.example.com/v1' }, rewriterKey: KEY }, LOCAL_CONTEXT)).toMatchObject({
        ok: true,
        value: { hasRewriterKey: true },
      });
      expect(await app.handle('updateSettings', { rewriterKey: '' }, LOCAL_CONTEXT)).toMatchObject({ ok: true, value: { hasRewriterKey: false } });
    });
  });

  it('refuses a plain-http endpoint on another machine and credentials in the address, changing nothing', async () => {
    await withApp({}, async (app) => {
      const before = app.settings();
      for (const baseUrl of ['http://llm.example.com/v1', 'https://user:sk-x@llm.example.com/v1']) {
        expect(await app.handle('updateSettings', { rewriter: { enabled: true, baseUrl }, rewriterKey: KEY }, LOCAL_CONTEXT)).toMatchObject({ ok: false, error: { code: 'bad_request' } });
      }
      expect(app.settings()).toEqual(before);
    });
  });

  it('lets only the host’s own machine change the endpoint or the key: a request from another device is refused and changes nothing', async () => {
    await withApp({}, async (app) => {
      await app.handle('updateSettings', { rewriter: { enabled: true, baseUrl: endpoint.baseUrl, model: 'm' }, rewriterKey: KEY }, LOCAL_CONTEXT);
      const before = app.settings();
      for (const update of [
        { rewriter: { baseUrl: 'http://127.0.0.1:22/v1' } },
        { rewriterKey: 'sk-theirs' },
        { rewriterKey: '' },
      ]) {
        expect(await app.handle('updateSettings', update, REMOTE_CONTEXT), JSON.stringify(update)).toMatchObject({
          ok: false,
          error: { code: 'forbidden', message: expect.stringContaining("only on the host's own machine") },
        });
      }
      // Without a context, a request counts as remote.
      expect(await app.handle('updateSettings', { rewriter: { baseUrl: 'http://127.0.0.1:22/v1' } })).toMatchObject({ ok: false });
      expect(app.settings()).toEqual(before);
      // The settings form sends the whole rewriter part: saving it unchanged, or toggling it, still works from anywhere.
      expect(await app.handle('updateSettings', { rewriter: { enabled: false, baseUrl: endpoint.baseUrl, model: 'n' } }, REMOTE_CONTEXT)).toMatchObject({
        ok: true,
        value: { rewriter: { enabled: false, baseUrl: endpoint.baseUrl, model: 'n' }, hasRewriterKey: true },
      });
    });
  });
});
