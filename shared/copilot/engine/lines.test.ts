import { describe, expect, it } from 'vitest';
import { metricKeys, type MetricValues } from '../../metrics/keys.js';
import { TalkingPointEngine, type TickInput } from './index.js';

const T0 = Date.UTC(2026, 11, 7, 12, 0, 0);
const empty = Object.fromEntries(metricKeys.map((k) => [k, null])) as MetricValues;
const values = (v: Partial<MetricValues>): MetricValues => ({ ...empty, ...v });

const tick = (overrides: Partial<TickInput>) =>
  new TalkingPointEngine().tick({
    now: T0,
    onAir: { productId: 'coat', since: T0 - 60_000 },
    products: [{ id: 'coat', title: '羊绒大衣', price: 129_900, paidOrders: 3 }],
    windows: { m1: { current: empty, previous: empty }, m5: { current: empty, previous: empty } },
    buyingPoints: [],
    categories: { coat: 'apparel' },
    ...overrides,
  });

describe('the figures in the engine’s lines and reasons', () => {
  it('are written in the one number format: people grouped, a price exactly, rates with one decimal', () => {
    const m5 = { current: values({ clickUsers: 2_157, paidOrders: 3 }), previous: empty };
    const m1 = { current: values({ entriesPerMinute: 12_345 }), previous: values({ entriesPerMinute: 2_157 }) };
    const list = tick({ windows: { m1, m5 } });
    // A grouped price is still the product's price to the compliance check: the anchor is offered.
    const anchor = list.find((s) => s.kind === 'priceAnchor');
    expect(anchor?.line).toBe('羊绒大衣 现在的价格是 ¥1,299，有顾虑的打在公屏上，我一个个回答');
    expect(anchor?.reason).toBe('近 5 分钟 2,157 人点击，成交 3 单（0.1%）');
    expect(list.find((s) => s.kind === 'welcome')?.reason).toBe('近 1 分钟进场 1.2万 人，上一分钟 2,157 人');
  });
});
