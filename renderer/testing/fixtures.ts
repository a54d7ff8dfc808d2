/** Builders for the contract's shapes, with plausible defaults and only what a test changes spelled out. */
import type { CommentView, CoreSnapshot, ProductView } from '../../shared/api/contract.js';
import { defaultSettings, type SettingsView } from '../../shared/api/settings.js';
import { metricKeys, type MetricValues } from '../../shared/metrics/keys.js';

/** 2026-11-25 20:00:00 UTC: a round minute, so minute arithmetic in tests reads plainly. */
export const T0 = Date.UTC(2026, 10, 25, 20, 0, 0);

export function metrics(values: Partial<MetricValues> = {}): MetricValues {
  return { ...(Object.fromEntries(metricKeys.map((key) => [key, null])) as MetricValues), ...values };
}

export function snapshot(overrides: Partial<CoreSnapshot> = {}): CoreSnapshot {
  return {
    connection: { state: 'live', attempt: 0, lastEventAt: T0, gateway: 'http://127.0.0.1:7700', room: 'demo-skincare' },
    session: { id: 'session-1', room: { id: 'demo-skincare', title: '秋冬护肤专场', host: '小林', platform: 'xiaohongshu' }, startedAt: T0, endedAt: null },
    now: T0 + 10 * 60_000,
    totals: metrics(),
    windows: { m1: { current: metrics(), previous: metrics() }, m5: { current: metrics(), previous: metrics() } },
    onAir: null,
    products: [],
    ingest: { stored: 0, rejected: 0, duplicates: 0, gaps: [], eventsPerSec: 0 },
    comments: [],
    moments: [],
    suggestions: [],
    minutes: [],
    plan: null,
    ...overrides,
  };
}

export function comment(seq: number, overrides: Partial<CommentView> = {}): CommentView {
  return {
    seq,
    id: `c${seq}`,
    ts: T0 + seq * 1000,
    userName: `用户${seq}`,
    text: `评论 ${seq}`,
    answered: false,
    intent: 'other',
    question: false,
    productId: null,
    ...overrides,
  };
}

export function product(id: string, overrides: Partial<ProductView> = {}): ProductView {
  return { id, title: `商品 ${id}`, price: 12_900, coupon: null, exposureUsers: 0, clickUsers: 0, paidOrders: 0, buyers: 0, gmv: 0, ...overrides };
}

export function settingsView(overrides: Partial<SettingsView> = {}): SettingsView {
  return { ...defaultSettings, hasGatewayToken: false, hasRewriterKey: false, tokenStorage: 'none', dataFolder: '/home/host/.livecue', ...overrides };
}
