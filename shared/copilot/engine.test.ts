import { describe, expect, it } from 'vitest';
import { metricKeys, type MetricValues } from '../metrics/keys.js';
import type { BuyingPoint } from './catalog.js';
import { checkLine } from './compliance.js';
import { COPILOT, HOST_SUGGESTIONS, TalkingPointEngine, type EngineComment, type EngineProduct, type TickInput } from './engine.js';

const T0 = 1_700_000_000_000;
const metrics = (values: Partial<MetricValues> = {}): MetricValues =>
  ({ ...Object.fromEntries(metricKeys.map((k) => [k, null])), ...values }) as MetricValues;

const point = (overrides: Partial<BuyingPoint> & Pick<BuyingPoint, 'id' | 'productId' | 'line'>): BuyingPoint => ({
  audience: '',
  scenario: '',
  pain: '',
  benefit: '',
  proof: '',
  answers: [],
  keywords: [],
  origin: 'merchant',
  originNote: '',
  status: 'accepted',
  ...overrides,
});

const SENSITIVE = point({
  id: 'bp-sensitive',
  productId: 'p1',
  audience: '敏感肌',
  line: '敏感肌也能用，我们做过人体斑贴测试，无香精无酒精',
  answers: ['suitability'],
  keywords: ['敏感'],
});
const OILY = point({ id: 'bp-oily', productId: 'p1', audience: '油皮', line: '油皮用着清爽不闷', answers: ['suitability'], keywords: ['油皮'] });

const products: EngineProduct[] = [
  { id: 'p1', title: '修护精华', price: 19_900, paidOrders: 0 },
  { id: 'p2', title: '防晒霜', price: 12_950, paidOrders: 0 },
];

const input = (now: number, overrides: Partial<TickInput> = {}): TickInput => ({
  now,
  onAir: { productId: 'p1', since: T0 },
  products,
  windows: { m1: { current: metrics(), previous: metrics() }, m5: { current: metrics(), previous: metrics() } },
  buyingPoints: [SENSITIVE, OILY],
  categories: { p1: 'skincare', p2: 'skincare' },
  ...overrides,
});

let nextId = 0;
const question = (ts: number, text: string, overrides: Partial<EngineComment> = {}): EngineComment => ({
  id: `c${++nextId}`,
  ts,
  userId: `u${nextId}`,
  text,
  intent: 'suitability',
  question: true,
  productId: null,
  ...overrides,
});

describe('TalkingPointEngine', () => {
  it('a burst of sensitive-skin questions about the product on air makes its sensitive-skin point the top suggestion, with the count', () => {
    const engine = new TalkingPointEngine();
    for (let i = 0; i < 14; i++) engine.addComment(question(T0 + 1000 + i * 100, i % 2 ? '敏感肌能用吗' : '敏感肌能用吗？'));
    engine.addComment(question(T0 + 2000, '油皮能用吗'));
    const [top] = engine.tick(input(T0 + 3000));
    expect(top?.id).toBe('point:bp-sensitive');
    expect(top?.line).toBe(SENSITIVE.line);
    expect(top?.reason).toBe('14 位观众问「敏感肌能用吗」');
    expect(top?.productId).toBe('p1');
  });

  it('counts distinct askers, not comments, and forgets questions after the window', () => {
    const engine = new TalkingPointEngine();
    for (let i = 0; i < 10; i++) engine.addComment(question(T0 + i, '敏感肌可以用吗', { userId: i < 5 ? 'same' : `u-${i}` }));
    expect(engine.tick(input(T0 + 1000))[0]?.reason).toBe('6 位观众问「敏感肌可以用吗」');
    const later = engine.tick(input(T0 + COPILOT.QUESTION_WINDOW_MS + 1000));
    expect(later.find((s) => s.reason.includes('位观众问'))).toBeUndefined();
  });

  it('never suggests a buying point whose line is flagged, and reports it as flagged', () => {
    const engine = new TalkingPointEngine();
    const bad = { ...SENSITIVE, line: '敏感肌首选，100%不过敏，还能消炎' };
    for (let i = 0; i < 10; i++) engine.addComment(question(T0 + i, '敏感肌能用吗'));
    const suggestions = engine.tick(input(T0 + 1000, { buyingPoints: [bad] }));
    expect(suggestions.map((s) => s.line)).not.toContain(bad.line);
    expect(engine.flagged.map((f) => f.buyingPointId)).toEqual(['bp-sensitive']);
    for (const s of suggestions) expect(checkLine(s.line, 'skincare')).toEqual([]);
  });

  it('ignores buying points not accepted', () => {
    const engine = new TalkingPointEngine();
    for (let i = 0; i < 10; i++) engine.addComment(question(T0 + i, '敏感肌能用吗'));
    const suggestions = engine.tick(input(T0 + 1000, { buyingPoints: [{ ...SENSITIVE, status: 'proposed' }] }));
    expect(suggestions.find((s) => s.kind === 'buyingPoint')).toBeUndefined();
  });

  it('an unanswered price question surfaces after 60 s with the actual price, and leaves when marked answered', () => {
    const engine = new TalkingPointEngine();
    const asked = question(T0, '这个多少钱', { intent: 'price', productId: 'p2' });
    engine.addComment(asked);
    expect(engine.tick(input(T0 + 30_000)).find((s) => s.kind === 'answer')).toBeUndefined();
    const [top] = engine.tick(input(T0 + 61_000));
    expect(top?.kind).toBe('answer');
    expect(top?.quote).toBe('这个多少钱');
    expect(top?.reason).toBe('提问已 61 秒未回答：「这个多少钱」');
    expect(top?.line).toBe('防晒霜 现在的价格是 ¥129.50');
    engine.markAnswered(asked.id);
    expect(engine.tick(input(T0 + 62_000)).find((s) => s.kind === 'answer')).toBeUndefined();
  });

  it('a question its buying point already answers gets no reminder of its own', () => {
    const engine = new TalkingPointEngine();
    for (let i = 0; i < 5; i++) engine.addComment(question(T0 + i, '敏感肌能用吗'));
    engine.addComment(question(T0 + 10, '多少钱', { intent: 'price' }));
    const list = engine.tick(input(T0 + 61_000));
    expect(list.filter((s) => s.kind === 'answer').map((s) => s.quote)).toEqual(['多少钱']);
    expect(list[0]?.id).toBe('point:bp-sensitive');
  });

  it('a viewer surge raises a welcome cue with its numbers, which expires and stays away', () => {
    const engine = new TalkingPointEngine();
    const surge = (now: number) =>
      input(now, { windows: { m1: { current: metrics({ entriesPerMinute: 120 }), previous: metrics({ entriesPerMinute: 20 }) }, m5: { current: metrics(), previous: metrics() } } });
    const [top] = engine.tick(surge(T0 + 1000));
    expect(top?.kind).toBe('welcome');
    expect(top?.reason).toBe('近 1 分钟进场 120 人，上一分钟 20 人');
    expect(top?.expiresAt).toBe(T0 + 1000 + COPILOT.CUE_TTL_MS);
    expect(engine.tick(surge(T0 + 30_000))[0]?.createdAt).toBe(T0 + 1000);
    expect(engine.tick(surge(T0 + 1000 + COPILOT.CUE_TTL_MS)).find((s) => s.kind === 'welcome')).toBeUndefined();
    expect(engine.tick(surge(T0 + 2 * COPILOT.CUE_TTL_MS)).find((s) => s.kind === 'welcome')).toBeUndefined();
  });

  it('clicks high but orders low → the actual price as anchor, with the clicks and orders', () => {
    const engine = new TalkingPointEngine();
    const m5 = { current: metrics({ clickUsers: 80, paidOrders: 1 }), previous: metrics() };
    const cue = engine.tick(input(T0, { windows: { m1: { current: metrics(), previous: metrics() }, m5 } })).find((s) => s.kind === 'priceAnchor');
    expect(cue?.line).toContain('¥199');
    expect(cue?.reason).toBe('近 5 分钟 80 人点击，成交 1 单（1.3%）');
  });

  it('online dropping → an interaction hook; many new followers → the group chat', () => {
    const engine = new TalkingPointEngine();
    const windows = {
      m1: { current: metrics({ onlineViewers: 60 }), previous: metrics({ onlineViewers: 100 }) },
      m5: { current: metrics({ newFollowers: 25 }), previous: metrics() },
    };
    const list = engine.tick(input(T0, { windows }));
    expect(list.find((s) => s.kind === 'hook')?.reason).toBe('在线从 100 降到 60（-40.0%）');
    expect(list.find((s) => s.kind === 'groupInvite')?.reason).toBe('近 5 分钟新增粉丝 25 人');
  });

  it('a product on air for long without orders → switch', () => {
    const engine = new TalkingPointEngine();
    engine.tick(input(T0));
    const list = engine.tick(input(T0 + COPILOT.STALE_ON_AIR_MS + 1000));
    expect(list.find((s) => s.kind === 'switch')?.reason).toBe('修护精华 已讲解 8 分钟，没有成交');
  });

  it('announces stock only as the gateway reports it, and never invents scarcity', () => {
    const engine = new TalkingPointEngine();
    const none = engine.tick(input(T0));
    expect(none.find((s) => s.kind === 'stockLow')).toBeUndefined();
    for (const s of none) expect(s.line).not.toMatch(/最后|仅剩|还剩|库存/);
    const low = engine.tick(input(T0 + 1000, { products: [{ ...products[0]!, stock: 7 }, products[1]!] }));
    expect(low.find((s) => s.kind === 'stockLow')?.line).toBe('修护精华 库存还剩 7 件');
  });

  it('used or dismissed suggestions leave and stay away for the cool-down; duplicates merge', () => {
    const engine = new TalkingPointEngine();
    for (let i = 0; i < 5; i++) engine.addComment(question(T0 + i, '敏感肌能用吗'));
    const first = engine.tick(input(T0 + 1000));
    expect(first.filter((s) => s.id === 'point:bp-sensitive')).toHaveLength(1);
    expect(engine.mark('point:bp-sensitive', T0 + 1500)?.line).toBe(SENSITIVE.line);
    expect(engine.tick(input(T0 + 2000)).find((s) => s.id === 'point:bp-sensitive')).toBeUndefined();
    expect(engine.tick(input(T0 + 1500 + COPILOT.COOL_DOWN_MS + 1)).find((s) => s.id === 'point:bp-sensitive')).toBeDefined();
  });

  it('ranks deterministically and the host limit is 3', () => {
    const a = new TalkingPointEngine();
    const b = new TalkingPointEngine();
    for (const engine of [a, b]) for (let i = 0; i < 4; i++) engine.addComment(question(T0 + i, '油皮能用吗', { id: `o${i}`, userId: `o${i}` }));
    expect(a.tick(input(T0 + 1000))).toEqual(b.tick(input(T0 + 1000)));
    expect(HOST_SUGGESTIONS).toBe(3);
  });
});
