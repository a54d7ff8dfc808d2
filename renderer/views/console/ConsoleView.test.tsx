// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { CommentView } from '../../../shared/api/contract.js';
import { suggestion } from '../../../shared/copilot/testing/suggestion.js';
import { FakeBridge } from '../../testing/fake-bridge.js';
import { comment, metrics, product, settingsView, snapshot, T0 } from '../../testing/fixtures.js';
import { renderView, typeInto } from '../../testing/render-view.js';

let view: Awaited<ReturnType<typeof renderView>> | null = null;

async function consoleWith(overrides: Parameters<typeof snapshot>[0], bridge = new FakeBridge()) {
  view = await renderView('console', bridge);
  await view.push({ kind: 'snapshot', snapshot: snapshot(overrides) });
  return view;
}

const pressKey = (key: string) => window.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));

describe('console', () => {
  it('shows each metric tile with its value, and "—" for a metric without a value', async () => {
    const v = await consoleWith({ totals: metrics({ gmv: 123_456, onlineViewers: 15_300 }) });
    expect(v.byTestId('metric-gmv')!.dataset.value).toBe('123456');
    expect(v.byTestId('metric-gmv')!.textContent).toContain('¥1,234.56');
    expect(v.byTestId('metric-onlineViewers')!.textContent).toContain('1.5万');
    expect(v.byTestId('metric-viewerConversion')!.dataset.value).toBe('');
    expect(v.byTestId('metric-viewerConversion')!.textContent).toContain('—');
  });

  it('updates a tile from a patch', async () => {
    const v = await consoleWith({ totals: metrics({ paidOrders: 3 }) });
    // 成交订单数 is not a headline figure by default: it waits under 全部指标.
    expect(v.byTestId('metric-paidOrders')).toBeNull();
    await v.act(() => v.byTestId('all-metrics-toggle')!.click());
    expect(v.byTestId('metric-paidOrders')!.dataset.value).toBe('3');
    await v.push({ kind: 'patch', patch: { totals: metrics({ paidOrders: 4 }) } });
    expect(v.byTestId('metric-paidOrders')!.dataset.value).toBe('4');
  });

  it('shows the headline figures the settings choose, in their order, and folds every other one under 全部指标', async () => {
    const bridge = new FakeBridge();
    bridge.handlers.getSettings = () => ({ ok: true, value: settingsView({ headlineMetrics: ['netGmv', 'uv'] }) });
    const v = await consoleWith({ totals: metrics({ netGmv: 90_000, uv: 2_000, gmv: 100_000 }) }, bridge);
    const headline = v.byTestId('headline-figures')!;
    expect([...headline.querySelectorAll('[data-testid^="metric-"]')].map((n) => n.getAttribute('data-testid'))).toEqual(['metric-netGmv', 'metric-uv']);
    expect(v.byTestId('all-metrics')).toBeNull();
    expect(v.byTestId('all-metrics-toggle')!.getAttribute('aria-expanded')).toBe('false');
    expect(v.byTestId('all-metrics-toggle')!.textContent).toContain('另 23 项');
    await v.act(() => v.byTestId('all-metrics-toggle')!.click());
    const rest = [...v.byTestId('all-metrics')!.querySelectorAll('[data-testid^="metric-"]')].map((n) => n.getAttribute('data-testid'));
    expect(rest).toHaveLength(23);
    expect(rest).not.toContain('metric-uv');
    expect(v.byTestId('metric-gmv')!.dataset.value).toBe('100000');
  });

  it('shows 已开播 HH:MM:SS by the room’s clock, not the wall clock, and the duration once the stream has ended', async () => {
    const v = await consoleWith({ now: T0 + 65 * 60_000 + 9_000 });
    expect(v.byTestId('time-on-air')!.textContent).toBe('已开播 01:05:09');
    await v.push({ kind: 'patch', patch: { now: T0 + 65 * 60_000 + 10_000 } });
    expect(v.byTestId('time-on-air')!.textContent).toBe('已开播 01:05:10');
    await v.push({ kind: 'patch', patch: { session: { ...snapshot().session!, endedAt: T0 + 2 * 3_600_000 } } });
    expect(v.byTestId('time-on-air')!.textContent).toBe('直播时长 02:00:00');
  });

  it('renders a hostile comment as plain text and creates no element from it', async () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const v = await consoleWith({ comments: [comment(1, { text: hostile, userName: '<b>bold</b>' })] });
    const row = v.container.querySelector('[data-testid="comment-row"]')!;
    expect(row.textContent).toContain(hostile);
    expect(row.textContent).toContain('<b>bold</b>');
    expect(v.container.querySelectorAll('img')).toHaveLength(0);
    expect(v.container.querySelectorAll('b')).toHaveLength(0);
  });

  it('folds repeated comments into one row with a counter', async () => {
    const v = await consoleWith({ comments: [comment(1, { text: '多少钱' }), comment(2, { text: '多少钱？？' }), comment(3, { text: '多少钱!' })] });
    expect(v.container.querySelectorAll('[data-testid="comment-row"]')).toHaveLength(1);
    expect(v.byTestId('comment-fold')!.textContent).toBe('×3');
  });

  it('renders only the visible rows of 100,000 comments', async () => {
    const v = await consoleWith({});
    const many: CommentView[] = Array.from({ length: 100_000 }, (_, i) => comment(i + 1, { text: `第${i + 1}条`, ts: i * 10 }));
    await v.act(() => v.store.getState().addCommentHistory(many));
    const rows = v.container.querySelectorAll('[data-testid="comment-row"]');
    expect(v.store.getState().commentLog.size).toBe(100_000);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThan(100);
    // It follows the stream: the newest comment is among the rendered rows.
    expect(rows[rows.length - 1]!.textContent).toContain('第100000条');
  });

  it('finds an old comment by search among thousands', async () => {
    const v = await consoleWith({});
    const many: CommentView[] = Array.from({ length: 5_000 }, (_, i) => comment(i + 1, { text: i === 99 ? '有没有运费险' : `第${i + 1}条`, ts: i * 10 }));
    await v.act(() => v.store.getState().addCommentHistory(many));
    expect(v.container.textContent).not.toContain('有没有运费险');
    await v.act(() => typeInto(v.byTestId('comment-search') as HTMLInputElement, '运费险'));
    const rows = v.container.querySelectorAll('[data-testid="comment-row"]');
    expect(rows).toHaveLength(1);
    expect(rows[0]!.textContent).toContain('有没有运费险');
  });

  it('filters to unanswered questions and marks every folded one answered', async () => {
    const bridge = new FakeBridge();
    const v = await consoleWith(
      { comments: [comment(1, { text: '能用吗', question: true }), comment(2, { text: '好看' }), comment(3, { text: '能用吗？', question: true })] },
      bridge,
    );
    await v.act(() => v.byTestId('comment-filter-unanswered')!.click());
    expect(v.container.querySelectorAll('[data-testid="comment-row"]')).toHaveLength(1);
    const markButton = [...v.container.querySelectorAll('button')].find((b) => b.textContent === '标为已答')!;
    await v.act(() => markButton.click());
    expect(bridge.requestsNamed('markComment')).toEqual([
      { commentId: 'c3', answered: true },
      { commentId: 'c1', answered: true },
    ]);
    expect(v.container.querySelectorAll('[data-testid="comment-row"]')).toHaveLength(0);
  });

  it('groups the unanswered questions by product and intent, and one action answers a whole group', async () => {
    const bridge = new FakeBridge();
    const asked = (seq: number, text: string, fields: Partial<CommentView> = {}) => comment(seq, { text, question: true, intent: 'suitability', productId: 'p1', ...fields });
    const v = await consoleWith(
      {
        products: [product('p1', { title: '烟酰胺精华' })],
        comments: [asked(1, '哺乳期能用吗'), asked(2, '哺乳期可以用吗[哭惹R]'), asked(3, '多少钱', { intent: 'price' }), asked(4, '喂奶能用不'), comment(5, { text: '好看' })],
      },
      bridge,
    );
    await v.act(() => v.byTestId('comment-filter-groups')!.click());
    const groups = [...v.container.querySelectorAll<HTMLElement>('[data-testid="question-group"]')];
    expect(groups.map((g) => [g.dataset.intent, g.dataset.count])).toEqual([
      ['suitability', '3'],
      ['price', '1'],
    ]);
    expect(groups[0]!.textContent).toContain('烟酰胺精华');
    expect(groups[0]!.textContent).toContain('「哺乳期可以用吗😭」');
    await v.act(() => groups[0]!.querySelector<HTMLButtonElement>('[data-testid="question-group-answer"]')!.click());
    expect(bridge.requestsNamed('markComment')).toEqual([
      { commentId: 'c4', answered: true },
      { commentId: 'c2', answered: true },
      { commentId: 'c1', answered: true },
    ]);
    // The group is answered: only the price question waits.
    expect([...v.container.querySelectorAll<HTMLElement>('[data-testid="question-group"]')].map((g) => g.dataset.intent)).toEqual(['price']);
  });

  it('pins a product with its button and with its number key, and unpins with 0', async () => {
    const bridge = new FakeBridge();
    const v = await consoleWith({ products: [product('p1'), product('p2')], onAir: { productId: 'p1', since: 0 } }, bridge);
    expect(v.byTestId('product-p1')!.className).toContain('product--on-air');
    expect(v.byTestId('on-air')!.dataset.productId).toBe('p1');
    await v.act(() => v.byTestId('pin-p2')!.click());
    await v.act(() => pressKey('1'));
    await v.act(() => pressKey('0'));
    expect(bridge.requestsNamed('command')).toEqual([
      { name: 'pinProduct', input: { productId: 'p2' } },
      { name: 'pinProduct', input: { productId: 'p1' } },
      { name: 'unpinProduct', input: {} },
    ]);
  });

  it('says so when a pin fails at the gateway', async () => {
    const bridge = new FakeBridge();
    bridge.handlers.command = () => ({ ok: true, value: { ok: false, error: { code: 'rejected', message: '卡片冷却中' } } });
    const v = await consoleWith({ products: [product('p1')] }, bridge);
    await v.act(() => v.byTestId('pin-p1')!.click());
    expect(v.byTestId('notice')!.textContent).toContain('卡片冷却中');
  });

  it('marks a moment with M and toggles the shortcut help with ?', async () => {
    const bridge = new FakeBridge();
    const v = await consoleWith({}, bridge);
    await v.act(() => pressKey('m'));
    expect(bridge.requestsNamed('markMoment')).toHaveLength(1);
    await v.act(() => pressKey('?'));
    expect(v.byTestId('shortcut-help')).not.toBeNull();
    await v.act(() => pressKey('Escape'));
    expect(v.byTestId('shortcut-help')).toBeNull();
  });

  it('lists talking points; a button or U / D marks one, and the shortcut help names U and D', async () => {
    const bridge = new FakeBridge();
    const base = { kind: 'buyingPoint' as const, quote: null, priority: 80, productId: 'p1', createdAt: 0, expiresAt: 30_000, sources: [] };
    const v = await consoleWith(
      {
        now: 0,
        suggestions: [
          suggestion({ ...base, id: 'point:a', line: '敏感肌也能用', reason: '14 位观众问「敏感肌能用吗」' }),
          suggestion({ ...base, id: 'cue:welcome', kind: 'welcome', line: '欢迎新朋友', reason: '近 1 分钟进场 120 人，上一分钟 20 人' }),
        ],
      },
      bridge,
    );
    expect(v.byTestId('suggestion-point:a')!.textContent).toContain('14 位观众问「敏感肌能用吗」');
    await v.act(() => v.byTestId('suggestion-dismiss-cue:welcome')!.click());
    await v.act(() => pressKey('u'));
    expect(bridge.requestsNamed('markSuggestion')).toEqual([
      { suggestionId: 'cue:welcome', outcome: 'dismissed' },
      { suggestionId: 'point:a', outcome: 'used' },
    ]);
    await v.act(() => pressKey('?'));
    expect(v.byTestId('shortcut-help')!.textContent).toContain('第一条话术标记为已用');
  });

  it('shows the live room’s link state in the banner', async () => {
    const v = await consoleWith({ connection: { ...snapshot().connection, state: 'reconnecting', attempt: 2, error: 'gateway silent' } });
    const banner = v.byTestId('connection-banner')!;
    expect(banner.dataset.state).toBe('reconnecting');
    expect(banner.textContent).toContain('gateway silent');
    expect(v.byTestId('alert-reconnecting')).not.toBeNull();
  });
});

describe('console states', () => {
  it('waits for the stream to start when there is no session', async () => {
    const v = await consoleWith({ session: null });
    expect(v.container.textContent).toContain('等待直播开始');
  });

  it('tells the user to open the link with its token when the host refuses the page', async () => {
    const bridge = new FakeBridge();
    view = await renderView('console', bridge);
    await view.act(() => bridge.setStatus({ state: 'unauthorized' }));
    expect(view.container.textContent).toContain('?token=');
    expect(view.byTestId('connection-banner')!.dataset.state).toBe('unauthorized');
  });

  it('shows the totals when the stream has ended', async () => {
    const v = await consoleWith({ session: { ...snapshot().session!, endedAt: snapshot().now }, totals: metrics({ gmv: 500_000 }) });
    expect(v.byTestId('ended-summary')!.textContent).toContain('直播已结束');
    expect(v.byTestId('ended-summary')!.textContent).toContain('¥5,000');
  });
});
