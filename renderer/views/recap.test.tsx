// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { Recap, SessionSummary } from '../../shared/api/contract.js';
import { FakeBridge } from '../testing/fake-bridge.js';
import { T0 } from '../testing/fixtures.js';
import { renderView, typeInto } from '../testing/render-view.js';

const DAY = 86_400_000;
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

const recapOf = (id: string): Recap =>
  ({
    session: { id, startedAt: T0 + 2 * DAY },
    products: [product('serum', '修护精华', { exposureUsers: 400, clickUsers: 100, buyers: 8, paidOrders: 9, gmv: 179_100, timeOnAirMs: 10 * 60_000 }), product('mask', '面膜', { exposureUsers: 200, clickUsers: 20, buyers: 4, paidOrders: 4, gmv: 39_600, timeOnAirMs: 0 })],
    plan:
      id === 's3'
        ? {
            id: 1,
            title: '周三店播',
            goals: { gmv: 1_000_000, uv: 2500 },
            segments: [
              { id: 'a', kind: 'warmUp', title: '', plannedStartSec: 0, plannedDurationSec: 600, actualStartedAt: T0 + 2 * DAY, actualEndedAt: T0 + 2 * DAY + 720_000, advancedBy: 'clock' },
              { id: 'b', kind: 'hero', title: '精华主推', plannedStartSec: 600, plannedDurationSec: 1500, actualStartedAt: T0 + 2 * DAY + 720_000, actualEndedAt: null, advancedBy: 'manual' },
              { id: 'c', kind: 'closing', title: '', plannedStartSec: 2100, plannedDurationSec: 600, actualStartedAt: null, actualEndedAt: null, advancedBy: null },
            ],
            overrides: [{ at: T0 + 2 * DAY, by: '小林', openItems: ['优惠券已配置'] }],
          }
        : null,
  }) as unknown as Recap;

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

async function openRecap() {
  const bridge = new FakeBridge();
  bridge.handlers.listSessions = () => ({ ok: true, value: sessions });
  bridge.handlers.recap = ({ sessionId }) => ({ ok: true, value: recapOf(sessionId!) });
  const v = await renderView('console', bridge);
  await v.act(() => v.store.getState().showScreen('recap'));
  return v;
}

const rows = (container: HTMLElement) => [...container.querySelectorAll('[data-testid="recap-session"]')].map((r) => r.getAttribute('data-session-id'));

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

  it('sets a session against its plan and the room’s earlier sessions, and shows the rundown planned against actual', async () => {
    const v = await openRecap();
    await v.act(() => (v.container.querySelector('[data-session-id="s3"] [data-testid="recap-open"]') as HTMLElement).click());
    const gmv = [...v.byTestId('recap-summary-gmv')!.querySelectorAll('td')].map((c) => c.textContent);
    // Actual, the plan's goal, and the average of the room's two earlier sessions (the other room's is left out).
    expect(gmv).toEqual(['¥9,000', '¥1万', '¥4,000']);
    expect(v.byTestId('recap-summary')!.textContent).toContain('近 2 场平均');
    const segments = [...v.container.querySelectorAll('[data-testid="recap-plan-segment"]')].map((r) => [...r.querySelectorAll('td')].map((c) => c.textContent));
    expect(segments).toEqual([
      ['开场暖场', '0:00–10:00', '0:00–12:00'],
      ['精华主推', '10:00–35:00', '12:00–— · 手动切换'],
      ['下播预告', '35:00–45:00', '未进行'],
    ]);
    expect(v.byTestId('recap-plan')!.textContent).toContain('小林 在 0:00 确认开播，当时未完成：优惠券已配置');

    // Products: GMV first; the rates as METRICS.md defines them; GMV per minute on air, none without air time.
    const cells = (id: string) => [...v.container.querySelector(`[data-testid="recap-product"][data-product-id="${id}"]`)!.querySelectorAll('td')].map((c) => c.textContent);
    const productRows = () => [...v.container.querySelectorAll('[data-testid="recap-product"]')].map((r) => r.getAttribute('data-product-id'));
    expect(productRows()).toEqual(['serum', 'mask']);
    expect(cells('serum')).toEqual(['修护精华', '10:00', '400', '100', '25.0%', '0', '8', '9', '¥1,791', '¥0', '8.0%', '¥179.10']);
    expect(cells('mask').at(-1)).toBe('—');
    await v.act(() => v.byTestId('recap-product-sort-clickBuyRate')!.click());
    expect(productRows()).toEqual(['mask', 'serum']);
  });

  it('a session without a plan says so, and how to have one next time', async () => {
    const v = await openRecap();
    await v.act(() => (v.container.querySelector('[data-session-id="s2"] [data-testid="recap-open"]') as HTMLElement).click());
    expect(v.byTestId('recap-no-plan')!.textContent).toContain('这一场没有使用直播计划');
  });
});
