// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { BridgeReply, BridgeRequestName } from '../../../../shared/api/bridge.js';
import type { Recap, RecapMinute, SessionSummary } from '../../../../shared/api/contract.js';
import { count, cue, inChinese } from '../../../../shared/copilot/engine/cue-text.js';
import { metricKeys } from '../../../../shared/metrics/keys.js';
import { funnelOf } from '../../../../shared/recap/funnel.js';
import UPlotStandIn from '../../../testing/uplot-stand-in.js';
import { FakeBridge } from '../../../testing/fake-bridge.js';
import { metrics, settingsView, T0 } from '../../../testing/fixtures.js';
import { renderView, typeInto } from '../../../testing/render-view.js';

const DAY = 86_400_000;
const MINUTE = 60_000;
const session = (id: string, day: number, room: string, uv: number, gmv: number, plan: string | null = null): SessionSummary => ({
  id,
  room,
  startedAt: T0 + day * DAY,
  endedAt: T0 + day * DAY + 2 * 3_600_000,
  uv,
  gmv,
  viewerConversion: 0.02,
  peakOnline: uv / 10,
  plan,
});
const sessions = [session('s3', 2, '护肤专场', 3000, 900_000, '周三店播'), session('s2', 1, '护肤专场', 2000, 500_000), session('s1', 0, '护肤专场', 1000, 300_000), session('a1', 1.5, '服饰上新', 5000, 100_000)];

const product = (productId: string, title: string, figures: Partial<Recap['products'][number]>): Recap['products'][number] => ({
  productId,
  title,
  price: null,
  exposures: 0,
  exposureUsers: 0,
  clicks: 0,
  clickUsers: 0,
  cartAdds: 0,
  orders: 0,
  paidOrders: 0,
  buyers: 0,
  gmv: 0,
  refunds: 0,
  timeOnAirMs: 0,
  onAirClicks: 0,
  onAirCartAdds: 0,
  onAirPaidOrders: 0,
  onAirGmv: 0,
  ...figures,
});

/** Minute i of a session that started at `start` (a round minute): online 100 + 50·i, orders i, GMV i × ¥100. */
const minute = (start: number, i: number, onAir: string[] = []): RecapMinute => ({
  ...metrics({ onlineViewers: 100 + 50 * i, pv: 20 + i, paidOrders: i, gmv: i * 10_000 }),
  minute: start / MINUTE + i,
  startsAt: new Date(start + i * MINUTE).toISOString(),
  comments: 5 * i,
  clicks: 3 * i,
  cartAdds: 0,
  couponClaims: 0,
  questions: 0,
  onAir,
});

const sizes = (aware: number, interested: number, newCustomer: number, returning: number, intimate: number) => ({ aware, interested, newCustomer, returning, intimate });

/** s3: a full recap against its plan and the room's two earlier sessions; s2 and s1: sparse ones (no plan, no baseline, questions untallied, layers provisional). */
function recapOf(id: string): Recap {
  const summary = sessions.find((s) => s.id === id)!;
  const start = summary.startedAt;
  const full = id === 's3';
  const totals = full
    ? metrics({ uv: 3000, gmv: 900_000, viewerConversion: 0.02, peakOnline: 300, impressions: 30_000, exposureUsers: 1200, clickUsers: 300, buyers: 60, paidOrders: 62 })
    : metrics({ uv: summary.uv, gmv: summary.gmv, viewerConversion: 0.02, peakOnline: summary.peakOnline });
  return {
    session: { id, room: { id: 'skin', title: summary.room, host: '小林', platform: 'xiaohongshu' }, gateway: 'http://127.0.0.1:9', startedAt: start, endedAt: start + 5 * MINUTE, events: 100, lastSeq: 100 },
    totals,
    counters: { likes: 0, comments: 0, shares: 0, cartAdds: 0, ordersCreated: 0, couponClaims: 0, productExposures: 0 },
    baseline: full ? { sessions: 2, totals: metrics({ uv: 1500, gmv: 400_000, viewerConversion: 0.025, peakOnline: 150, impressions: 20_000, exposureUsers: 1000, clickUsers: 250, buyers: 40, paidOrders: 40 }) } : null,
    minutes: Array.from({ length: id === 's1' ? 3 : 5 }, (_, i) => minute(start, i, i === 2 ? ['serum'] : [])),
    cards: [{ productId: 'serum', from: start + 2 * MINUTE, to: start + 3 * MINUTE }],
    products: [product('serum', '修护精华', { exposureUsers: 400, clickUsers: 100, buyers: 8, paidOrders: 9, gmv: 179_100, timeOnAirMs: 10 * 60_000 }), product('mask', '面膜', { exposureUsers: 200, clickUsers: 20, buyers: 4, paidOrders: 4, gmv: 39_600, timeOnAirMs: 0 })],
    funnel: funnelOf(totals),
    traffic: full
      ? [
          { source: 'feed', uv: 2000, buyers: 40, gmv: 600_000, conversion: 0.02 },
          { source: null, uv: 1000, buyers: 20, gmv: 300_000, conversion: 0.02 },
        ]
      : [],
    peaks: full
      ? [
          {
            metric: 'onlineViewers',
            direction: 'rise',
            minute: start / MINUTE + 2,
            from: 150,
            to: 200,
            change: 50,
            happened: [
              { kind: 'cardShown', at: start + 2 * MINUTE, productId: 'serum', title: '修护精华' },
              { kind: 'questionBurst', minute: start / MINUTE + 2, questions: 12, topIntent: 'spec' },
            ],
          },
          { metric: 'paidOrders', direction: 'fall', minute: start / MINUTE + 4, from: 3, to: 1, change: -2, happened: [] },
        ]
      : [],
    questions: full
      ? {
          total: 20,
          answered: 5,
          byIntent: [
            { intent: 'spec', asked: 12, answered: 4 },
            { intent: 'price', asked: 8, answered: 1 },
          ],
          top: [
            { intent: 'spec', productId: 'serum', text: '<b>多大码</b>？', asked: 9, askers: 7, answered: 4, answeredBy: '尺码按平时穿的选', firstAt: start, lastAt: start + MINUTE },
            { intent: 'price', productId: null, text: '多少钱', asked: 8, askers: 8, answered: 0, answeredBy: null, firstAt: start, lastAt: start + MINUTE },
          ],
          byProduct: [
            { productId: 'serum', title: '修护精华', asked: 12, answered: 4, topIntent: 'spec' },
            { productId: null, title: null, asked: 8, answered: 1, topIntent: 'price' },
          ],
        }
      : null,
    talkingPoints: full ? [{ suggestionId: 'p1', kind: 'buyingPoint', line: '买一送一', text: null, at: start + 2 * MINUTE + 20_000, before: { paidOrders: 1, gmv: 10_000, clicks: 3, online: 100 }, after: { paidOrders: 6, gmv: 60_000, clicks: 12, online: 200 } }] : [],
    layers: {
      provisional: !full,
      atEntry: [
        { layer: 'firstVisit', uv: 2000, buyers: 30, gmv: 450_000 },
        { layer: 'aware', uv: 600, buyers: 10, gmv: 150_000 },
        { layer: 'returning', uv: 400, buyers: 20, gmv: 300_000 },
      ],
      moves: [
        { from: 'firstVisit', to: 'aware', users: 1500 },
        { from: 'firstVisit', to: 'newCustomer', users: 30 },
        { from: 'aware', to: 'newCustomer', users: 10 },
      ],
      sizes: full ? sizes(3000, 500, 100, 40, 10) : null,
      trend: [
        { sessionId: 's2', startedAt: T0 + DAY, sizes: sizes(1500, 300, 60, 30, 5), loyalGmvShare: 0.1 },
        { sessionId: 's3', startedAt: start, sizes: sizes(3000, 500, 100, 40, 10), loyalGmvShare: 0.25 },
      ],
    },
    advice: full
      ? [
          { id: 'weak:serum', rule: 'weakConversion', productId: 'serum', title: '修护精华', clickBuy: 0.08, sessionClickBuy: 0.2, objection: { intent: 'spec', asked: 9, answered: false }, action: { kind: 'addChecklistItem', title: '补充买点：修护精华 · 规格' } },
          { id: 'idle:mask', rule: 'idleCard', productId: 'mask', title: '面膜', minutesOnAir: 6, paidOrders: 0, action: null },
        ]
      : [],
    rejects: 0,
    gaps: full ? [{ fromSeq: 10, toSeq: 12 }] : [],
    moments: full ? [{ id: 1, at: start + 3 * MINUTE + 5_000, note: '掉线' }] : [],
    suggestions: full
      ? [
          { suggestionId: 'p1', kind: 'buyingPoint', line: '买一送一', reason: '点击多成交少', outcome: 'used', at: start + 2 * MINUTE + 20_000, text: null },
          {
            suggestionId: 'p2',
            kind: 'welcome',
            line: inChinese(welcome.line),
            reason: inChinese(welcome.reasons[0]!),
            outcome: 'dismissed',
            at: start + 4 * MINUTE,
            text: welcome,
          },
        ]
      : [],
    plan: full
      ? {
          id: 1,
          title: '周三店播',
          goals: { gmv: 1_000_000, uv: 2500 },
          segments: [
            { id: 'a', kind: 'warmUp', title: '', plannedStartSec: 0, plannedDurationSec: 600, actualStartedAt: start, actualEndedAt: start + 720_000, advancedBy: 'clock', paidOrders: 0, gmv: 0 },
            { id: 'b', kind: 'hero', title: '精华主推', plannedStartSec: 600, plannedDurationSec: 1500, actualStartedAt: start + 720_000, actualEndedAt: null, advancedBy: 'manual', paidOrders: 0, gmv: 0 },
            { id: 'c', kind: 'closing', title: '', plannedStartSec: 2100, plannedDurationSec: 600, actualStartedAt: null, actualEndedAt: null, advancedBy: null, paidOrders: 0, gmv: 0 },
          ],
          overrides: [{ at: start, by: '小林', openItems: ['优惠券已配置'] }],
        }
      : null,
  };
}

/** A dismissed welcome, kept with its messages (as LiveCue stores a mark since migration 10). */
const welcome = { line: cue('line.welcome'), reasons: [cue('reason.surge', { entries: count(1_200), before: count(20) })] };

async function openRecap(language: 'zh-CN' | 'en' = 'zh-CN') {
  const bridge = new FakeBridge();
  bridge.handlers.getSettings = () => ({ ok: true, value: settingsView({ language }) });
  bridge.handlers.listSessions = () => ({ ok: true, value: sessions });
  bridge.handlers.recap = ({ sessionId }) => ({ ok: true, value: recapOf(sessionId!) });
  const v = await renderView('console', bridge);
  await v.act(() => v.store.getState().showScreen('recap'));
  return v;
}

type View = Awaited<ReturnType<typeof openRecap>>;
const rows = (container: HTMLElement) => [...container.querySelectorAll('[data-testid="recap-session"]')].map((r) => r.getAttribute('data-session-id'));
const cellsOf = (row: Element | null) => [...row!.querySelectorAll('td')].map((c) => c.textContent);
const texts = (v: View, selector: string) => [...v.container.querySelectorAll(selector)].map((e) => e.textContent);
const open = (v: View, id: string) => v.act(() => (v.container.querySelector(`[data-session-id="${id}"] [data-testid="recap-open"]`) as HTMLElement).click());

describe('复盘', () => {
  it('lists the sessions newest first, sorts by a figure and searches rooms and plans', async () => {
    const v = await openRecap();
    expect(rows(v.container)).toEqual(['s3', 'a1', 's2', 's1']);
    await v.act(() => v.byTestId('recap-sort-gmv')!.click());
    expect(rows(v.container)).toEqual(['s3', 's2', 's1', 'a1']);
    await v.act(() => v.byTestId('recap-sort-gmv')!.click());
    expect(rows(v.container)).toEqual(['a1', 's1', 's2', 's3']);
    await v.act(() => typeInto(v.byTestId('recap-search') as HTMLInputElement, '店播'));
    expect(rows(v.container)).toEqual(['s3']);
  });

  it('sets every total against the plan’s goals and the room’s last sessions, with the difference coloured by direction', async () => {
    const v = await openRecap();
    await open(v, 's3');
    const summary = v.byTestId('recap-summary')!;
    // Every METRICS.md total, in the table's order.
    expect([...summary.querySelectorAll('tbody tr')].map((r) => r.getAttribute('data-testid'))).toEqual(metricKeys.map((k) => `recap-summary-${k}`));
    expect(summary.textContent).toContain('近 2 场平均');
    // Actual, the plan's goal, how much of it was reached, the baseline and the difference.
    const gmv = cellsOf(v.byTestId('recap-summary-gmv'));
    expect(gmv).toEqual(['¥9,000', '¥1.0万', '90.0%', '¥4,000', '+¥5,000▲125.0%']);
    expect(v.byTestId('recap-summary-gmv')!.querySelector('.change--up')).not.toBeNull();
    // A rate changes in percentage points, downwards here; a metric without a goal shows none.
    expect(cellsOf(v.byTestId('recap-summary-viewerConversion'))).toEqual(['2.0%', '—', '—', '2.5%', '▼0.5个百分点']);
    expect(v.byTestId('recap-summary-viewerConversion')!.querySelector('.change--down')).not.toBeNull();

    const segments = [...v.container.querySelectorAll('[data-testid="recap-plan-segment"]')].map(cellsOf);
    expect(segments).toEqual([
      ['开场暖场', '0:00–10:00', '0:00–12:00'],
      ['精华主推', '10:00–35:00', '12:00–— · 手动切换'],
      ['下播预告', '35:00–45:00', '未进行'],
    ]);
    expect(v.byTestId('recap-plan')!.textContent).toContain('小林 在 0:00 确认开播，当时未完成：优惠券已配置');

    // Products: GMV first; the rates as METRICS.md defines them; GMV per minute on air, none without air time.
    const productRows = () => [...v.container.querySelectorAll('[data-testid="recap-product"]')].map((r) => r.getAttribute('data-product-id'));
    expect(productRows()).toEqual(['serum', 'mask']);
    expect(cellsOf(v.container.querySelector('[data-testid="recap-product"][data-product-id="serum"]'))).toEqual(['修护精华', '10:00', '400', '100', '25.0%', '0', '8', '9', '¥1,791', '¥0', '8.0%', '¥179.10']);
    expect(cellsOf(v.container.querySelector('[data-testid="recap-product"][data-product-id="mask"]')).at(-1)).toBe('—');
    await v.act(() => v.byTestId('recap-product-sort-clickBuyRate')!.click());
    expect(productRows()).toEqual(['mask', 'serum']);
  });

  it('a sparse session: no plan, no earlier sessions, questions not tallied, layers provisional', async () => {
    const v = await openRecap();
    await open(v, 's2');
    expect(v.byTestId('recap-no-plan')!.textContent).toContain('这一场没有使用直播计划');
    expect(v.byTestId('recap-summary')!.textContent).toContain('还没有以往场次可比');
    expect(v.byTestId('recap-summary-gmv')!.querySelectorAll('td')).toHaveLength(1);
    expect(v.byTestId('recap-questions-none')!.textContent).toContain('录于 LiveCue 统计提问之前');
    expect(v.byTestId('recap-layers-provisional')!.textContent).toContain('还没有计入用户历史');
    expect(v.byTestId('recap-peaks')!.textContent).toContain('这一场太短');
    expect(v.byTestId('recap-advice')!.textContent).toContain('没有触发任何改进建议');
  });

  it('shows the funnel’s five steps with the four rates, and traffic by source with 未知 for none', async () => {
    const v = await openRecap();
    await open(v, 's3');
    expect(v.byTestId('recap-funnel-uv')!.getAttribute('data-value')).toBe('3000');
    expect(v.byTestId('recap-funnel-rate-uv')!.textContent).toContain('10.0%');
    expect(v.byTestId('recap-funnel-rate-buyers')!.textContent).toContain('20.0%');
    expect(v.container.querySelectorAll('[data-testid^="recap-funnel-rate-"]')).toHaveLength(4);
    expect([...v.container.querySelectorAll('[data-testid="recap-traffic-row"]')].map(cellsOf)).toEqual([
      ['推荐', '2,000 · 66.7%', '40 · 66.7%', '¥6,000', '2.0%'],
      ['未知', '1,000 · 33.3%', '20 · 33.3%', '¥3,000', '2.0%'],
    ]);
  });

  it('lists peaks and drops with what happened before them, never a cause', async () => {
    const v = await openRecap();
    await open(v, 's3');
    const rise = v.byTestId('recap-peaks-onlineViewers-rise')!;
    expect(rise.querySelector('.recap__peak-head')!.textContent).toBe('开播后 2:00：150 → 200（+50）');
    expect(texts(v, '[data-testid="recap-peaks-onlineViewers-rise"] .recap__happened li')).toEqual(['2:00 讲解卡：修护精华', '2:00 这一分钟提问激增 12 条（最多：规格）']);
    expect(v.byTestId('recap-peaks-paidOrders-fall')!.textContent).toContain('这段时间没有记录到');
    expect(v.byTestId('recap-peaks-paidOrders-rise')!.textContent).toContain('没有');
    expect(v.byTestId('recap-peaks')!.textContent).not.toMatch(/因为|由于|导致/);
  });

  it('tallies buyers’ questions: by intent, the most asked as text with who answered, by product, answered against not', async () => {
    const v = await openRecap();
    await open(v, 's3');
    expect(v.byTestId('recap-questions-answered')!.textContent).toContain('共 20 个提问，已回答 5，未回答 15（回答率 25.0%）');
    const [first, second] = [...v.container.querySelectorAll('[data-testid="recap-question"]')];
    // The wording as typed, markup included, is text: no element is made from it.
    expect(first!.querySelector('.recap__question')!.textContent).toBe('<b>多大码</b>？');
    expect(first!.querySelector('b')).toBeNull();
    expect(cellsOf(first!)).toEqual(['<b>多大码</b>？回答话术：尺码按平时穿的选', '规格', '修护精华', '9', '7', '4']);
    expect(cellsOf(second!)).toEqual(['多少钱没有回答', '价格', '全场', '8', '8', '0']);
    expect([...v.byTestId('recap-questions-intents')!.querySelectorAll('tbody tr')].map(cellsOf)[0]).toEqual(['规格', '12', '4', '8']);
    expect([...v.byTestId('recap-questions-products')!.querySelectorAll('tbody tr')].map(cellsOf)[1]).toEqual(['全场', '8', '1', '价格']);
  });

  it('shows each talking point used, before and after, and the dismissed ones', async () => {
    const v = await openRecap();
    await open(v, 's3');
    const [point] = [...v.container.querySelectorAll('[data-testid="recap-point"]')];
    expect(cellsOf(point!)).toEqual(['2:20', '买一送一', '1 → 6+5▲500.0%', '¥100 → ¥600+¥500▲500.0%', '3 → 12+9▲300.0%', '100 → 200+100▲100.0%']);
    expect(cellsOf(v.byTestId('recap-points-dismissed')!.querySelector('tbody tr'))).toEqual([
      '4:00',
      '欢迎刚进来的朋友！点个关注，想看哪款扣在公屏上',
      '近 1 分钟进场 1,200 人，上一分钟 20 人',
    ]);
  });

  it('shows a talking point kept with its messages in English to an English reader; one kept before, as stored', async () => {
    const v = await openRecap('en');
    await open(v, 's3');
    expect(cellsOf(v.byTestId('recap-points-dismissed')!.querySelector('tbody tr'))).toEqual([
      '4:00',
      "Welcome, everyone who just joined! Follow us, and type which one you'd like to see",
      '1,200 came in during the last minute, 20 the minute before',
    ]);
    expect(cellsOf(v.container.querySelector('[data-testid="recap-point"]')!)[1]).toBe('买一送一');
  });

  it('shows the five user layers at entry, the moves as a table and bars, and the room’s trend', async () => {
    const v = await openRecap();
    await open(v, 's3');
    expect(v.byTestId('recap-layers-provisional')).toBeNull();
    expect([...v.container.querySelectorAll('[data-testid="recap-layer-entry"]')].map(cellsOf)[0]).toEqual(['首次进场', '2,000', '30', '¥4,500 · 50.0%']);
    expect([...v.container.querySelectorAll('[data-testid="recap-layer-move"]')].map(cellsOf)).toEqual([
      ['首次进场 → 了解', '1,500'],
      ['首次进场 → 新客', '30'],
      ['了解 → 新客', '10'],
    ]);
    // One bar per layer reached, split by where its users came from.
    const bars = v.byTestId('recap-layers-bars')!;
    expect(texts(v, '[data-testid="recap-layers-bars"] .recap__bar-label')).toEqual(['进入了解', '进入新客']);
    expect(bars.querySelectorAll('.recap__bar')[1]!.getAttribute('aria-label')).toBe('进入新客: 首次进场 30, 了解 10');
    const trend = [...v.container.querySelectorAll('[data-testid="recap-layer-trend"]')].map(cellsOf);
    expect(trend.map((r) => r.slice(2))).toEqual([
      ['1,500', '300', '60', '30', '5', '10.0%'],
      ['3,000', '500', '100', '40', '10', '25.0%'],
    ]);
    expect(trend[1]![0]).toContain('本场');
  });

  it('applies a suggestion to the next plan and says what changed, or why it could not', async () => {
    const v = await openRecap();
    await open(v, 's3');
    const items = [...v.container.querySelectorAll('[data-testid="recap-advice-item"]')];
    expect(items.map((i) => i.querySelector('p')!.textContent)).toEqual([
      '「修护精华」点击-成交转化 8.0%，全场 20.0%；最多的顾虑：规格，9 次提问；没有买点回答它',
      '「面膜」讲解 6 分钟，期间 0 单：换讲法或缩短',
    ]);
    // Only the one with a change to make has the button.
    expect(items[1]!.querySelector('[data-testid="recap-advice-apply"]')).toBeNull();
    v.bridge.handlers.applyAdvice = () => ({ ok: false, error: { code: 'not_found', message: '没有标记为下一场的直播计划' } });
    await v.act(() => (items[0]!.querySelector('[data-testid="recap-advice-apply"]') as HTMLElement).click());
    expect(v.byTestId('recap-advice-error')!.textContent).toBe('应用失败：没有标记为下一场的直播计划');
    v.bridge.handlers.applyAdvice = () => ({ ok: true, value: { planId: 7, planTitle: '周五店播', change: { kind: 'addChecklistItem', title: '补充买点：修护精华 · 规格' } } });
    await v.act(() => (items[0]!.querySelector('[data-testid="recap-advice-apply"]') as HTMLElement).click());
    expect(v.bridge.requestsNamed('applyAdvice')).toEqual([
      { sessionId: 's3', adviceId: 'weak:serum' },
      { sessionId: 's3', adviceId: 'weak:serum' },
    ]);
    expect(v.byTestId('recap-advice-result')!.textContent).toBe('已改到「周五店播」：清单新增：补充买点：修护精华 · 规格');
    expect((items[0]!.querySelector('[data-testid="recap-advice-apply"]') as HTMLButtonElement).disabled).toBe(true);
  });

  it('spells out a minute chosen with the arrow keys: its figures and what was on air', async () => {
    const v = await openRecap();
    await open(v, 's3');
    expect(v.byTestId('recap-chart-tooltip')!.textContent).toContain('把鼠标移到图上');
    const plot = v.byTestId('recap-chart-online')!;
    for (let i = 0; i < 3; i++) await v.act(() => plot.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true })));
    const tooltip = v.byTestId('recap-chart-tooltip')!;
    expect(tooltip.getAttribute('data-minute')).toBe('2');
    expect(tooltip.textContent).toContain('第 3 分钟');
    expect(v.byTestId('recap-tooltip-online')!.textContent).toBe('200');
    expect(v.byTestId('recap-tooltip-gmv')!.textContent).toBe('¥200');
    expect(tooltip.textContent).toContain('讲解中：修护精华');
    expect(tooltip.textContent).toContain('使用话术：买一送一');
    expect(tooltip.textContent).toContain('环节：开场暖场（计划：开场暖场）');
    // The gaps have no time: a notice says so, with their sequence numbers.
    expect(v.byTestId('recap-gaps')!.textContent).toContain('1 处缺口（共 3 条，序号 #10–12）');
    // Zooming in narrows the window; reset brings the whole session back.
    expect(v.byTestId('recap-zoom-window')!.textContent).toBe('0:00–5:00');
    await v.act(() => v.byTestId('recap-zoom-in')!.click());
    expect(v.byTestId('recap-zoom-window')!.textContent).toBe('1:00–4:00');
    await v.act(() => v.byTestId('recap-zoom-reset')!.click());
    expect(v.byTestId('recap-zoom-window')!.textContent).toBe('0:00–5:00');
  });

  it('compares two picked sessions: every total with the difference, and both curves on one chart by minutes since start', async () => {
    const v = await openRecap();
    const pick = (id: string) => v.act(() => (v.container.querySelector(`[data-session-id="${id}"] [data-testid="recap-pick"]`) as HTMLElement).click());
    expect((v.byTestId('recap-compare') as HTMLButtonElement).disabled).toBe(true);
    await pick('s3');
    await pick('s1');
    const made = UPlotStandIn.made.length;
    await v.act(() => v.byTestId('recap-compare')!.click());
    const view = v.byTestId('recap-compare-view')!;
    expect(view.textContent).toContain('对比');
    // The earlier session is A, the reference.
    expect(cellsOf(v.byTestId('recap-compare-gmv'))).toEqual(['¥3,000', '¥9,000', '+¥6,000▲200.0%']);
    expect(cellsOf(v.byTestId('recap-compare-uv'))).toEqual(['1,000', '3,000', '+2,000▲200.0%']);
    expect(view.querySelectorAll('tbody tr')).toHaveLength(metricKeys.length);
    const chart = UPlotStandIn.made.slice(made).at(-1)!;
    // Minutes since start: s1 has 3 minutes, s3 has 5; online A, online B, GMV A, GMV B.
    expect(chart.data).toEqual([
      [0, 60, 120, 180, 240],
      [100, 150, 200, null, null],
      [100, 150, 200, 250, 300],
      [0, 10_000, 20_000, null, null],
      [0, 10_000, 20_000, 30_000, 40_000],
    ]);
    await v.act(() => v.byTestId('recap-back')!.click());
    // The list kept its picks.
    expect(v.container.querySelectorAll('[data-testid="recap-pick"]:checked')).toHaveLength(2);
  });

  it('exports through the host in the UI’s language, shows progress, saves the file, and says why when it fails', async () => {
    const v = await openRecap();
    await open(v, 's3');
    let finish: (reply: BridgeReply<'exportRecap'>) => void = () => {};
    const request = v.bridge.request.bind(v.bridge);
    // Export replies wait for the test to finish them, so the progress can be seen.
    v.bridge.request = ((name: BridgeRequestName, payload: unknown) => {
      if (name !== 'exportRecap') return request(name, payload as never);
      v.bridge.requests.push({ name, payload });
      return new Promise<BridgeReply<'exportRecap'>>((resolve) => (finish = resolve));
    }) as typeof v.bridge.request;
    const saved: string[] = [];
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      saved.push(this.download);
    };
    try {
      await v.act(() => v.byTestId('recap-export-xlsx')!.click());
      expect(v.byTestId('recap-export-status')!.textContent).toBe('正在导出 XLSX…');
      expect((v.byTestId('recap-export-pdf') as HTMLButtonElement).disabled).toBe(true);
      await v.act(() => finish({ ok: true, value: { fileName: '复盘-护肤专场.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', base64: btoa('PK fake') } }));
      expect(saved).toEqual(['复盘-护肤专场.xlsx']);
      expect(v.byTestId('recap-export-status')!.textContent).toBe('已导出 复盘-护肤专场.xlsx');

      await v.act(() => typeInto(v.byTestId('recap-export-table') as unknown as HTMLSelectElement, 'questions'));
      await v.act(() => v.byTestId('recap-export-csv')!.click());
      await v.act(() => finish({ ok: false, error: { code: 'internal', message: 'Chromium not found' } }));
      expect(v.byTestId('recap-export-error')!.textContent).toBe('导出失败：Chromium not found');
      expect(v.bridge.requestsNamed('exportRecap')).toEqual([
        { sessionId: 's3', format: 'xlsx', lang: 'zh-CN' },
        { sessionId: 's3', format: 'csv', lang: 'zh-CN', table: 'questions' },
      ]);
    } finally {
      HTMLAnchorElement.prototype.click = click;
    }
  });

  it('speaks English when the UI does', async () => {
    const v = await openRecap('en');
    await open(v, 's3');
    expect(v.byTestId('recap-summary-gmv')!.querySelector('th')!.textContent).toBe('GMV');
    expect(v.byTestId('recap-summary-uv')!.querySelector('th')!.textContent).toBe('cumulative viewers (UV)');
    expect(texts(v, '[data-testid="recap-peaks-onlineViewers-rise"] .recap__happened li')[0]).toBe('2:00 card on air: 修护精华');
    expect(v.byTestId('recap-advice')!.textContent).toContain('"修护精华" click → buy 8.0% vs 20.0% for the session');
    expect([...v.container.querySelectorAll('[data-testid="recap-traffic-row"]')].map((r) => r.querySelector('td')!.textContent)).toEqual(['Feed', 'Unknown']);
  });
});
