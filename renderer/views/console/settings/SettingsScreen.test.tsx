// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { FakeBridge } from '../../../testing/fake-bridge.js';
import { settingsView, snapshot } from '../../../testing/fixtures.js';
import { renderView, typeInto } from '../../../testing/render-view.js';

/** The console on a live snapshot, its settings screen open. */
async function openSettings(bridge: FakeBridge) {
  const v = await renderView('console', bridge);
  await v.push({ kind: 'snapshot', snapshot: snapshot({}) });
  await v.act(() => v.store.getState().showScreen('settings'));
  return v;
}

describe('console settings', () => {
  it('switches the whole UI to English when the language is changed', async () => {
    const bridge = new FakeBridge();
    bridge.handlers.updateSettings = (update) => ({ ok: true, value: settingsView({ language: update.language ?? 'zh-CN' }) });
    const v = await openSettings(bridge);
    await v.act(() => typeInto(v.byTestId('settings-language') as HTMLSelectElement, 'en'));
    expect(bridge.requestsNamed('updateSettings')).toEqual([{ language: 'en' }]);
    expect(v.container.textContent).toContain('Settings');
    expect(v.container.textContent).not.toContain('设置');
  });

  it('never shows a stored gateway token, only that one is saved', async () => {
    const bridge = new FakeBridge();
    bridge.handlers.getSettings = () => ({
      ok: true,
      value: settingsView({ source: { kind: 'gateway', url: 'https://gw.example.com', room: 'r1' }, hasGatewayToken: true, tokenStorage: 'os-keychain' }),
    });
    const v = await openSettings(bridge);
    expect((v.byTestId('settings-token') as HTMLInputElement).value).toBe('');
    expect(v.byTestId('token-state')!.textContent).toBe('已保存');
    expect(v.container.textContent).toContain('系统钥匙串');
  });

  it('edits the AI line rewriter: off by default, the API key write-only like the token', async () => {
    const bridge = new FakeBridge();
    bridge.handlers.updateSettings = (update) => ({
      ok: true,
      value: settingsView({ rewriter: { enabled: true, baseUrl: 'https://api.example.com/v1', model: 'qwen-plus', ...update.rewriter }, hasRewriterKey: true }),
    });
    const v = await openSettings(bridge);
    const form = v.byTestId('settings-rewriter') as HTMLFormElement;
    expect((v.byTestId('settings-rewriter-enabled') as HTMLInputElement).checked).toBe(false);
    expect(v.byTestId('rewriter-key-state')!.textContent).toBe('未设置');

    await v.act(() => (v.byTestId('settings-rewriter-enabled') as HTMLInputElement).click());
    await v.act(() => typeInto(v.byTestId('settings-rewriter-url') as HTMLInputElement, ' https://api.example.com/v1 '));
    await v.act(() => typeInto(v.byTestId('settings-rewriter-model') as HTMLInputElement, 'qwen-plus'));
    await v.act(() => typeInto(v.byTestId('settings-rewriter-key') as HTMLInputElement, 'sk-typed'));
    await v.act(() => form.requestSubmit());
    expect(bridge.requestsNamed('updateSettings')).toEqual([
      { rewriter: { enabled: true, baseUrl: 'https://api.example.com/v1', model: 'qwen-plus' }, rewriterKey: 'sk-typed' },
    ]);
    // The form starts over from the host's answer: the key field is empty again, a chip says one is kept.
    expect((v.byTestId('settings-rewriter-key') as HTMLInputElement).value).toBe('');
    expect(v.byTestId('rewriter-key-state')!.textContent).toBe('已保存');
  });

  it('chooses the headline figures: a tick adds one at the end, the last one stays, a ninth cannot be ticked', async () => {
    const bridge = new FakeBridge();
    bridge.handlers.updateSettings = (update) => ({ ok: true, value: settingsView({ headlineMetrics: update.headlineMetrics! }) });
    const v = await openSettings(bridge);
    const box = (key: string) => v.byTestId(`settings-headline-${key}`) as HTMLInputElement;
    expect(box('gmv').checked).toBe(true);
    expect(box('uv').checked).toBe(false);
    expect(v.byTestId('settings-headline-count')!.textContent).toBe('已选 6 / 8 项');
    await v.act(() => box('uv').click());
    await v.act(() => box('gmv').click());
    expect(bridge.requestsNamed('updateSettings')).toEqual([
      { headlineMetrics: ['onlineViewers', 'gmv', 'buyers', 'viewerConversion', 'clickBuyRate', 'aov', 'uv'] },
      { headlineMetrics: ['onlineViewers', 'buyers', 'viewerConversion', 'clickBuyRate', 'aov', 'uv'] },
    ]);
    await v.act(() => box('pv').click());
    await v.act(() => box('gpm').click());
    expect(v.byTestId('settings-headline-count')!.textContent).toBe('已选 8 / 8 项');
    expect(box('refunds').disabled).toBe(true);

    await v.act(() => v.store.getState().setSettings(settingsView({ headlineMetrics: ['gmv'] })));
    expect(box('gmv').disabled).toBe(true);
    expect(box('uv').disabled).toBe(false);
  });

  it('shows the host’s validation error when a save is refused', async () => {
    const bridge = new FakeBridge();
    bridge.handlers.updateSettings = () => ({ ok: false, error: { code: 'bad_request', message: 'speed: Too big: expected number to be <=1000' } });
    const v = await openSettings(bridge);
    const form = v.byTestId('settings-source') as HTMLFormElement;
    await v.act(() => form.requestSubmit());
    expect(form.textContent).toContain('Too big');
  });
});
