import { describe, expect, it } from 'vitest';
import { applySettingsUpdate, defaultSettings, settingsSchema, settingsUpdateSchema } from './settings.js';

const rewriterUrl = (baseUrl: string) => settingsUpdateSchema.safeParse({ rewriter: { baseUrl } });
const firstMessage = (result: ReturnType<typeof rewriterUrl>) => result.error?.issues[0]?.message;

describe('the AI line rewriter settings', () => {
  it('are off by default, and a settings file from before them reads with the defaults', () => {
    expect(defaultSettings.rewriter).toEqual({ enabled: false, baseUrl: '', model: '' });
    const { rewriter: _rewriter, ...older } = defaultSettings;
    expect(settingsSchema.parse(older).rewriter).toEqual(defaultSettings.rewriter);
  });

  it('take an https base URL anywhere, plain http only on this machine, and an empty one', () => {
    for (const ok of ['https://api.example.com/v1', 'https://dashscope.aliyuncs.com/compatible-mode/v1', 'http://127.0.0.1:11434/v1', 'http://localhost:1234/v1', '']) {
      expect(rewriterUrl(ok).success, ok).toBe(true);
    }
    expect(firstMessage(rewriterUrl('http://api.example.com/v1'))).toBe('an endpoint on another machine needs https://, so the API key is not sent in the clear');
    expect(rewriterUrl('wss://api.example.com/v1').success).toBe(false);
    expect(rewriterUrl('file:///etc/passwd').success).toBe(false);
  });

  it('refuse credentials, a query or a fragment in the base URL', () => {
    expect(firstMessage(rewriterUrl('https://user:sk-secret@api.example.com/v1'))).toBe('put the API key in the API key field, not in the address');
    expect(rewriterUrl('https://api.example.com/v1?key=sk-secret').success).toBe(false);
    expect(rewriterUrl('https://api.example.com/v1#x').success).toBe(false);
  });

  it('keep the gateway address rules as they were', () => {
    const gateway = (url: string) => settingsUpdateSchema.safeParse({ source: { kind: 'gateway', url, room: 'r' } });
    expect(gateway('wss://gw.example.com').success).toBe(true);
    expect(gateway('ws://127.0.0.1:7700').success).toBe(true);
    expect(gateway('ws://gw.example.com').error?.issues[0]?.message).toBe('a gateway on another machine needs https:// or wss://, so the token is not sent in the clear');
    expect(gateway('https://t:x@gw.example.com').error?.issues[0]?.message).toBe('put the token in the token field, not in the address');
  });

  it('update part by part, and hold no API key', () => {
    const update = settingsUpdateSchema.parse({ rewriter: { enabled: true }, rewriterKey: 'sk-secret' });
    const next = applySettingsUpdate(applySettingsUpdate(defaultSettings, { rewriter: { baseUrl: 'https://api.example.com/v1', model: ' qwen-plus ' } }), update);
    expect(next.rewriter).toEqual({ enabled: true, baseUrl: 'https://api.example.com/v1', model: 'qwen-plus' });
    expect(JSON.stringify(next)).not.toContain('sk-secret');
  });
});

describe('the headline figures of the live console', () => {
  const headline = (headlineMetrics: unknown) => settingsUpdateSchema.safeParse({ headlineMetrics });

  it('are the six a live team reads first by default, and a settings file from before them reads with those', () => {
    expect(defaultSettings.headlineMetrics).toEqual(['onlineViewers', 'gmv', 'buyers', 'viewerConversion', 'clickBuyRate', 'aov']);
    const { headlineMetrics: _headline, ...older } = defaultSettings;
    expect(settingsSchema.parse(older).headlineMetrics).toEqual(defaultSettings.headlineMetrics);
  });

  it('take one to eight metric keys, each once, in the order given', () => {
    expect(headline(['gmv']).success).toBe(true);
    expect(headline(['aov', 'gmv', 'uv']).data?.headlineMetrics).toEqual(['aov', 'gmv', 'uv']);
    expect(headline([]).error?.issues[0]?.message).toBe('choose at least one headline figure');
    expect(headline(['gmv', 'uv', 'pv', 'aov', 'gpm', 'buyers', 'refunds', 'netGmv', 'peakOnline']).error?.issues[0]?.message).toBe('choose at most 8 headline figures');
    expect(headline(['gmv', 'gmv']).error?.issues[0]?.message).toBe('a headline figure is listed twice');
    expect(headline(['gmv', 'likes']).success).toBe(false);
  });

  it('are replaced as a whole list by an update, and kept by an update of something else', () => {
    const next = applySettingsUpdate(defaultSettings, { headlineMetrics: ['netGmv', 'onlineViewers'] });
    expect(next.headlineMetrics).toEqual(['netGmv', 'onlineViewers']);
    expect(applySettingsUpdate(next, { language: 'en' }).headlineMetrics).toEqual(['netGmv', 'onlineViewers']);
  });
});

describe('the decimals of compact figures', () => {
  it('are one by default, and a settings file from before them reads with one', () => {
    expect(defaultSettings.wanDecimals).toBe(1);
    const { wanDecimals: _decimals, ...older } = defaultSettings;
    expect(settingsSchema.parse(older).wanDecimals).toBe(1);
  });

  it('may be two, never anything else, and are kept by an update of something else', () => {
    expect(settingsUpdateSchema.safeParse({ wanDecimals: 3 }).success).toBe(false);
    const next = applySettingsUpdate(defaultSettings, { wanDecimals: 2 });
    expect(next.wanDecimals).toBe(2);
    expect(applySettingsUpdate(next, { language: 'en' }).wanDecimals).toBe(2);
  });
});
