// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { suggestion } from '../../../shared/copilot/testing/suggestion.js';
import { FakeBridge } from '../../testing/fake-bridge.js';
import { metrics, product, snapshot, T0 } from '../../testing/fixtures.js';
import { renderView } from '../../testing/render-view.js';

let view: Awaited<ReturnType<typeof renderView>> | null = null;

const live = snapshot({
  now: T0 + 10 * 60_000,
  totals: metrics({ onlineViewers: 23_456, gmv: 8_888_800 }),
  windows: {
    m1: { current: metrics({ onlineViewers: 23_456 }), previous: metrics({ onlineViewers: 20_000 }) },
    m5: {
      current: metrics({ viewerConversion: 0.039, clickBuyRate: 0.12 }),
      previous: metrics({ viewerConversion: 0.031, clickBuyRate: 0.15 }),
    },
  },
  products: [product('p1', { title: '烟酰胺精华 30ml', price: 12_900, image: 'https://img.example.com/p1.jpg' }), product('p2')],
  onAir: { productId: 'p1', since: T0 + 7 * 60_000 },
});

describe('host overlay', () => {
  it('shows online viewers, both conversions against the previous 5 minutes, and GMV', async () => {
    view = await renderView('overlay');
    await view.push({ kind: 'snapshot', snapshot: live });
    const online = view.byTestId('overlay-online')!;
    expect(online.dataset.value).toBe('23456');
    expect(online.textContent).toContain('2.3万');
    expect(online.textContent).toContain('▲');
    const viewer = view.byTestId('overlay-viewer-conversion')!;
    expect(viewer.dataset.value).toBe('0.039');
    expect(viewer.textContent).toContain('3.9%');
    expect(viewer.querySelector('.change--up')!.textContent).toContain('0.8个百分点');
    expect(view.byTestId('overlay-click-buy-rate')!.querySelector('.change--down')!.textContent).toContain('3.0个百分点');
    expect(view.byTestId('overlay-gmv')!.textContent).toContain('¥8.9万');
  });

  it('shows the product on air with its price and time on air', async () => {
    view = await renderView('overlay');
    await view.push({ kind: 'snapshot', snapshot: live });
    const card = view.byTestId('on-air')!;
    expect(card.dataset.productId).toBe('p1');
    expect(card.textContent).toContain('烟酰胺精华 30ml');
    expect(card.textContent).toContain('¥129');
    expect(card.textContent).toContain('3:00');
    expect(card.querySelector('img')!.getAttribute('src')).toBe('https://img.example.com/p1.jpg');
    await view.push({ kind: 'patch', patch: { onAir: null } });
    expect(view.byTestId('on-air')).toBeNull();
    expect(view.container.textContent).toContain('暂无讲解商品');
  });

  it("shows the catalog's coupon of the product on air, when it has one", async () => {
    view = await renderView('overlay');
    await view.push({ kind: 'snapshot', snapshot: live });
    expect(view.byTestId('coupon')).toBeNull();
    await view.push({ kind: 'patch', patch: { products: live.products.map((p) => (p.id === 'p1' ? { ...p, coupon: '领券立减20元' } : p)) } });
    expect(view.byTestId('on-air')!.querySelector('[data-testid="coupon"]')!.textContent).toBe('领券立减20元');
  });

  it('keeps honest empty slots for the talking point and the rundown', async () => {
    view = await renderView('overlay');
    await view.push({ kind: 'snapshot', snapshot: live });
    expect(view.container.textContent).toContain('话术建议');
    expect(view.container.textContent).toContain('未设置直播计划');
  });

  it('shows the top talking point in large type, as text', async () => {
    view = await renderView('overlay');
    const top = {
      id: 'point:bp-1',
      kind: 'buyingPoint' as const,
      line: '敏感肌也能用，我们做过斑贴测试<b>!</b>',
      reason: '14 位观众问「敏感肌能用吗」',
      quote: '敏感肌能用吗',
      priority: 90,
      productId: 'p1',
      createdAt: T0,
      expiresAt: T0 + 30_000,
      sources: ['bp-1'],
    };
    await view.push({ kind: 'snapshot', snapshot: { ...live, suggestions: [suggestion(top), suggestion({ ...top, id: 'cue:welcome', kind: 'welcome', line: '欢迎' })] } });
    const slot = view.byTestId('talking-point')!;
    expect(slot.dataset.suggestionId).toBe('point:bp-1');
    expect(slot.textContent).toContain('14 位观众问「敏感肌能用吗」');
    expect(slot.textContent).toContain('<b>!</b>');
    expect(slot.querySelector('b')).toBeNull();
  });

  it('leads with the waiting question itself, quoted, then the answer the catalog has for its intent — or says it has none', async () => {
    view = await renderView('overlay');
    const waiting = {
      id: 'answer:c1',
      kind: 'answer' as const,
      line: '男生女生都能用，油皮的男生用着更清爽',
      reason: '3 位观众问「男生能用精华吗」，最早的已 75 秒未回答',
      quote: '男生能用精华吗',
      priority: 80,
      productId: 'p1',
      createdAt: T0,
      expiresAt: T0 + 60_000,
      sources: ['c1', 'bp-men'],
      question: { intent: 'suitability' as const, askers: 3, since: live.now - 75_000, answerPointId: 'bp-men' },
    };
    await view.push({ kind: 'snapshot', snapshot: { ...live, suggestions: [suggestion(waiting)] } });
    expect(view.byTestId('overlay-question')!.textContent).toBe('「男生能用精华吗」');
    expect(view.byTestId('talking-point')!.dataset.intent).toBe('suitability');
    expect(view.byTestId('talking-point')!.textContent).toContain('3 人问 · 最早等了 75 秒');
    expect(view.byTestId('overlay-answer')!.textContent).toBe('男生女生都能用，油皮的男生用着更清爽');
    // No buying point answers it: the overlay says so, and offers no line about something else.
    await view.push({ kind: 'patch', patch: { suggestions: [suggestion({ ...waiting, line: '商品库里还没有这个问题的回答', question: { ...waiting.question, answerPointId: null } })] } });
    expect(view.byTestId('overlay-answer')!.textContent).toBe('商品库里还没有这个问题的回答');
    expect(view.byTestId('overlay-answer')!.dataset.pointId).toBe('');
  });

  it('shows the next two talking points a line each, and U / D mark the top one for the host', async () => {
    const bridge = new FakeBridge();
    view = await renderView('overlay', bridge);
    const base = { kind: 'welcome' as const, reason: '', quote: null, priority: 50, productId: null, createdAt: T0, expiresAt: T0 + 30_000, sources: [] };
    const lines = ['第一句', '第二句', '第三句', '第四句'];
    await view.push({ kind: 'snapshot', snapshot: { ...live, suggestions: lines.map((line, i) => suggestion({ ...base, id: `s${i}`, line })) } });
    expect(view.byTestId('talking-point')!.textContent).toContain('第一句');
    const next = [...view.container.querySelectorAll<HTMLElement>('[data-testid="talking-point-next"]')].map((li) => li.textContent);
    expect(next).toEqual(['第二句', '第三句']); // three for the host at most
    expect(view.container.textContent).toContain('U 已讲 · D 跳过');
    const press = (key: string) => window.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
    await view.act(() => press('u'));
    await view.act(() => press('d'));
    await view.act(() => press('3')); // pinning is not the overlay's
    expect(bridge.requestsNamed('markSuggestion')).toEqual([
      { suggestionId: 's0', outcome: 'used' },
      { suggestionId: 's0', outcome: 'dismissed' },
    ]);
    expect(bridge.requestsNamed('command')).toEqual([]);
  });

  it('waits for the stream before showing figures', async () => {
    view = await renderView('overlay');
    await view.push({ kind: 'snapshot', snapshot: snapshot({ session: null }) });
    expect(view.container.textContent).toContain('等待直播开始');
    expect(view.byTestId('overlay-online')).toBeNull();
  });
});
