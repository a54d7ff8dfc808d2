import { describe, expect, it } from 'vitest';
import { commentIntents } from '../comments/intents.js';
import { metricKeys, type MetricValues } from '../metrics/keys.js';
import { productCategories, type BuyingPoint, type ProductCategory } from '../catalog/catalog.js';
import { checkLine } from './compliance.js';
import {
  COPILOT,
  HOST_SUGGESTIONS,
  planCueKinds,
  suggestionKinds,
  TalkingPointEngine,
  type EngineComment,
  type EngineProduct,
  type EngineWindow,
  type Suggestion,
  type TickInput,
} from './engine/index.js';

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

  it('never suggests a merchant line that invents scarcity or a price, and reports its flags by kind', () => {
    const engine = new TalkingPointEngine();
    const pressure = { ...SENSITIVE, line: '只剩最后3件，马上恢复原价199' };
    for (let i = 0; i < 10; i++) engine.addComment(question(T0 + i, '敏感肌能用吗'));
    const suggestions = engine.tick(input(T0 + 1000, { buyingPoints: [pressure, OILY] }));
    expect(suggestions.map((s) => s.line)).not.toContain(pressure.line);
    expect(suggestions.find((s) => s.id === 'point:bp-sensitive')).toBeUndefined();
    expect(engine.flagged).toEqual([
      {
        buyingPointId: 'bp-sensitive',
        productId: 'p1',
        line: pressure.line,
        flags: [
          { kind: 'scarcity', term: '只剩' },
          { kind: 'scarcity', term: '恢复原价' },
        ],
      },
    ]);
  });

  it('checks a merchant line’s price against the product’s actual price and coupon', () => {
    const right = { ...SENSITIVE, line: '敏感肌姐妹，这款现在 199 元，领券满199减30，到手169' };
    const wrong = { ...OILY, line: '油皮姐妹，到手价99' };
    const engine = new TalkingPointEngine();
    const withCoupon = [{ ...products[0]!, coupon: '满199减30' }, products[1]!];
    const suggestions = engine.tick(input(T0, { buyingPoints: [right, wrong], products: withCoupon }));
    expect(suggestions.map((s) => s.line)).toEqual([right.line]);
    expect(engine.flagged.map((f) => [f.buyingPointId, f.flags])).toEqual([['bp-oily', [{ kind: 'price', term: '到手价99' }]]]);
    // The same line when the price changes (or the coupon goes): re-checked, and flagged.
    engine.tick(input(T0 + 1000, { buyingPoints: [right, wrong], products: [{ ...products[0]!, price: 15_900, coupon: '满199减30' }, products[1]!] }));
    expect(engine.flagged.map((f) => f.buyingPointId)).toEqual(['bp-sensitive', 'bp-oily']);
    engine.tick(input(T0 + 2000, { buyingPoints: [right, wrong] }));
    expect(engine.flagged.find((f) => f.buyingPointId === 'bp-sensitive')?.flags.map((f) => f.term)).toEqual(['减30', '到手169']);
  });

  it('every template line the engine can say passes checkLine, for every category, with the product’s facts', () => {
    const seen = new Map<string, { line: string; productId: string | null; category: ProductCategory }>();
    const titles: Record<ProductCategory, string> = {
      skincare: '修护精华',
      makeup: '丝绒雾面口红',
      apparel: '高腰直筒牛仔裤',
      food: '每日坚果礼盒',
      home: '折叠收纳箱',
      baby: '婴儿纸尿裤',
      digital: '降噪蓝牙耳机',
      other: '手工香皂',
    };
    for (const category of productCategories) {
      for (const coupon of ['满199减30', '领券立减20元', null]) {
        for (const [stock, asking] of [[0, true], [7, false], [undefined, true]] as const) {
          const product: EngineProduct = { id: 'x', title: titles[category], price: 19_900, paidOrders: 0, stock, coupon };
          const other: EngineProduct = { id: 'y', title: '第二款', price: 5_990, paidOrders: 0 };
          const engine = new TalkingPointEngine();
          const drop: EngineWindow = { current: metrics({ onlineViewers: 60 }), previous: metrics({ onlineViewers: 100 }) };
          let n = 0;
          const ask = (ts: number, text: string, intent: EngineComment['intent'], productId: string | null = null) =>
            engine.addComment(question(ts, text, { intent, productId, userId: `v${n++}` }));
          // Asking: price is the top objection (it merges the anchor); not asking: the anchor and coupon stand alone.
          for (const intent of asking ? (['price', 'spec', 'promotion', 'shipping', 'suitability'] as const) : []) {
            for (let i = 0; i < (intent === 'price' ? 6 : 3); i++) ask(T0 + 8 * 60_000 + i, `${intent} 怎么说`, intent);
          }
          ask(T0 + 8 * 60_000, '第二款多少钱', 'price', 'y');
          ask(T0 + 8 * 60_000, '在吗', 'other', null);
          const at = (now: number, windows: TickInput['windows']) =>
            engine.tick({
              now,
              onAir: { productId: 'x', since: T0 },
              products: [product, other],
              windows,
              buyingPoints: [],
              categories: { x: category, y: 'food' },
            });
          const windows = (m5: Partial<MetricValues>, m5before: Partial<MetricValues>) => ({
            m1: { current: metrics({ entriesPerMinute: 120, onlineViewers: 60 }), previous: metrics({ entriesPerMinute: 20, onlineViewers: 100 }) },
            m5: { current: metrics(m5), previous: metrics(m5before) },
          });
          const lists = [
            at(T0 + 8 * 60_000 + 61_000, windows({ clickUsers: 80, paidOrders: 0, newFollowers: 25, onlineViewers: 60 }, { onlineViewers: 100 })),
            at(T0 + 8 * 60_000 + 62_000, { m1: drop, m5: { current: metrics({ onlineViewers: 60 }), previous: metrics({ onlineViewers: 100 }) } }),
            at(T0 + 8 * 60_000 + 63_000, { m1: { current: metrics(), previous: metrics() }, m5: { current: metrics(), previous: metrics() } }),
          ];
          for (const s of lists.flat()) {
            seen.set(`${s.kind}|${s.line}`, { line: s.line, productId: s.productId, category: s.productId === 'y' ? 'food' : category });
            const facts = s.productId === 'x' ? product : s.productId === 'y' ? other : null;
            const withoutTitle = facts ? s.line.split(facts.title).join(' ') : s.line;
            const context = { price: facts?.price ?? null, coupon: facts?.coupon ?? null, stock: s.kind === 'stockLow' ? (facts?.stock ?? null) : null };
            expect(checkLine(withoutTitle, s.productId === 'y' ? 'food' : category, context), `${category} ${s.kind}: ${s.line}`).toEqual([]);
          }
        }
      }
    }
    // Each intent as the top objection, in each category, with and without a coupon.
    const m5 = { current: metrics({ clickUsers: 80, paidOrders: 0 }), previous: metrics() };
    for (const category of productCategories) {
      for (const intent of commentIntents.filter((i) => i !== 'purchased' && i !== 'other' && i !== 'spam')) {
        for (const coupon of ['满199减30', null]) {
          const product: EngineProduct = { id: 'x', title: titles[category], price: 19_900, paidOrders: 0, coupon };
          const engine = new TalkingPointEngine();
          for (let i = 0; i < 4; i++) engine.addComment(question(T0 + i, '问一下', { intent, productId: 'x' }));
          const list = engine.tick({
            now: T0 + 1000,
            onAir: { productId: 'x', since: T0 },
            products: [product],
            windows: { m1: { current: metrics(), previous: metrics() }, m5 },
            buyingPoints: [],
            categories: { x: category },
          });
          const objection = list.find((s) => s.kind === 'objection');
          expect(objection?.line, `${category} ${intent}`).toMatch(/^最多人问的是.+（4 人），/);
          expect(checkLine(objection!.line.split(product.title).join(' '), category, { price: product.price, coupon })).toEqual([]);
        }
      }
    }
    // Every kind of cue but a buying point (the merchant's own lines) was produced, so none vanished for being flagged.
    const kinds = new Set([...seen.keys()].map((k) => k.split('|')[0]));
    expect([...kinds].sort()).toEqual(suggestionKinds.filter((k) => k !== 'buyingPoint' && !planCueKinds.has(k)).sort());
    // The engine's stock line is honest by construction: it quotes the gateway's stock and is checked against it.
    const stockLine = [...seen.values()].find((s) => /库存还剩 7 件$/.test(s.line))!;
    expect(checkLine(stockLine.line, stockLine.category, { stock: 7 })).toEqual([]);
  });

  it('three people asking 多少钱 about the card on air while clicks are high: one price suggestion, not three', () => {
    const engine = new TalkingPointEngine();
    const asked = ['a', 'b', 'c'].map((id, i) => question(T0 + i * 1000, i === 1 ? '多少钱？' : '多少钱', { id, userId: `buyer-${id}`, intent: 'price' }));
    for (const q of asked) engine.addComment(q);
    const m5 = { current: metrics({ clickUsers: 80, paidOrders: 1 }), previous: metrics() };
    const list = engine.tick(input(T0 + 63_000, { windows: { m1: { current: metrics(), previous: metrics() }, m5 } }));
    const top = list.slice(0, HOST_SUGGESTIONS);
    expect(list.filter((s) => s.line.includes('现在的价格是'))).toHaveLength(1);
    expect(new Set(top.map((s) => s.line)).size).toBe(top.length);
    const price = list[0]!;
    expect(price.line).toBe('最多人问的是价格（3 人），修护精华 现在的价格是 ¥199');
    expect(price.reason).toContain('最多人问的是价格（3 人）');
    expect(price.reason).toContain('3 位观众问「多少钱」，最早的已 63 秒未回答');
    expect(price.reason).toContain('近 5 分钟 80 人点击，成交 1 单（1.3%）');
    expect(price.sources).toEqual(expect.arrayContaining(['a', 'b', 'c', 'clickUsers', 'paidOrders']));
    // Marking it used settles everything it merged: no price answer or anchor comes back.
    engine.mark(price.id, T0 + 64_000);
    const after = engine.tick(input(T0 + 65_000, { windows: { m1: { current: metrics(), previous: metrics() }, m5 } }));
    expect(after.filter((s) => s.line.includes('现在的价格是'))).toEqual([]);
  });

  it('folds reminders for the same product and intent into one, with every asker, and answering one answers them', () => {
    const engine = new TalkingPointEngine();
    const asked = [
      question(T0, '防晒霜多少钱', { intent: 'price', productId: 'p2' }),
      question(T0 + 1000, '这个多少钱', { intent: 'price', productId: 'p2' }),
      question(T0 + 2000, '多少钱呀', { intent: 'price', productId: 'p2' }),
    ];
    const other = question(T0 + 3000, '什么时候发货', { intent: 'shipping', productId: 'p2' });
    for (const q of [...asked, other]) engine.addComment(q);
    const list = engine.tick(input(T0 + 64_000, { buyingPoints: [] }));
    const answers = list.filter((s) => s.kind === 'answer');
    expect(answers.map((s) => s.id)).toEqual([`answer:${asked[0]!.id}`, `answer:${other.id}`]);
    expect(answers[0]).toMatchObject({
      line: '防晒霜 现在的价格是 ¥129.50',
      reason: '3 位观众问「防晒霜多少钱」，最早的已 64 秒未回答',
      sources: asked.map((q) => q.id),
    });
    // No buying point answers shipping: the reminder says so, and offers no line about something else.
    expect(answers[1]).toMatchObject({ line: '商品库里还没有这个问题的回答', quote: '什么时候发货', question: { intent: 'shipping', askers: 1, answerPointId: null } });
    engine.markAnswered(asked[1]!.id);
    const after = engine.tick(input(T0 + 65_000, { buyingPoints: [] }));
    expect(after.filter((s) => s.kind === 'answer').map((s) => s.sources)).toEqual([[other.id]]);
  });

  it('answers a waiting question of every intent with a buying point that declares that intent, or with nothing', () => {
    // One point per intent, each with a line of its own, and one that answers two intents.
    const answering = commentIntents
      .filter((intent) => intent !== 'price' && intent !== 'purchased' && intent !== 'other' && intent !== 'spam')
      .map((intent, i) => point({ id: `bp-${intent}`, productId: 'p2', line: `第${i}条：关于${intent}的回答`, answers: [intent], keywords: [] }));
    let checked = 0;
    for (const intent of commentIntents.filter((i) => i !== 'price' && i !== 'purchased' && i !== 'other' && i !== 'spam')) {
      for (const points of [answering, answering.filter((p) => !p.answers.includes(intent))]) {
        const engine = new TalkingPointEngine();
        engine.addComment(question(T0, '问一下这个', { intent, productId: 'p2' }));
        const reminder = engine.tick(input(T0 + 64_000, { buyingPoints: points })).find((s) => s.kind === 'answer' && s.question?.intent === intent);
        if (!reminder) continue; // a matched buying point may be suggested on its own instead of a reminder
        checked++;
        const offered = points.find((p) => p.id === reminder.question!.answerPointId);
        if (offered) {
          expect(offered.answers, `${intent}`).toContain(intent);
          expect(reminder.line).toBe(offered.line);
        } else {
          expect(reminder.line, `${intent}`).toBe('商品库里还没有这个问题的回答');
          expect(points.some((p) => p.answers.includes(intent)), `${intent}`).toBe(false);
        }
      }
    }
    // Every intent, with and without its point.
    expect(checked).toBe(2 * answering.length);
  });

  it('merges suggestions whose lines say the same thing about the same product', () => {
    const engine = new TalkingPointEngine();
    const again = point({ id: 'bp-oily-2', productId: 'p1', line: '油皮用着清爽，不闷！', answers: ['suitability'], keywords: ['油皮'] });
    const list = engine.tick(input(T0, { buyingPoints: [OILY, again] }));
    expect(list.filter((s) => s.kind === 'buyingPoint').map((s) => [s.id, s.sources])).toEqual([['point:bp-oily', ['bp-oily', 'bp-oily-2']]]);
    // The same line about another product is another suggestion.
    const elsewhere = point({ id: 'bp-oily-p2', productId: 'p2', line: OILY.line, answers: ['suitability'], keywords: ['油皮'] });
    for (let i = 0; i < 4; i++) engine.addComment(question(T0 + i, '油皮能用吗', { productId: 'p2' }));
    expect(engine.tick(input(T0 + 1000, { buyingPoints: [OILY, elsewhere] })).filter((s) => s.line === OILY.line)).toHaveLength(2);
  });

  it('clicks high but orders low → the merchant’s coupon verbatim; no coupon, no coupon cue', () => {
    const m5 = { current: metrics({ clickUsers: 80, paidOrders: 1 }), previous: metrics() };
    const windows = { m1: { current: metrics(), previous: metrics() }, m5 };
    const withCoupon = (coupon: string | null) => [{ ...products[0]!, coupon }, products[1]!];
    const coupon = new TalkingPointEngine().tick(input(T0, { windows, products: withCoupon('满199减30') })).find((s) => s.kind === 'coupon');
    expect(coupon?.line).toBe('修护精华 有优惠券：满199减30，下单前记得先领');
    expect(coupon?.reason).toBe('近 5 分钟 80 人点击，成交 1 单（1.3%）；商品库里的优惠券「满199减30」');
    for (const none of [null, '', '  ']) {
      const list = new TalkingPointEngine().tick(input(T0, { windows, products: withCoupon(none) }));
      expect(list.find((s) => s.kind === 'coupon')).toBeUndefined();
      for (const s of list) expect(s.line).not.toMatch(/券/);
    }
    // A coupon that itself invents urgency is not read out either.
    expect(new TalkingPointEngine().tick(input(T0, { windows, products: withCoupon('限时满199减30') })).find((s) => s.kind === 'coupon')).toBeUndefined();
    // Not converting is the trigger: the same coupon while orders come in is no cue.
    const selling = { m1: windows.m1, m5: { current: metrics({ clickUsers: 80, paidOrders: 10 }), previous: metrics() } };
    expect(new TalkingPointEngine().tick(input(T0, { windows: selling, products: withCoupon('满199减30') })).find((s) => s.kind === 'coupon')).toBeUndefined();
  });

  it('clicks high but orders low → names the top objection about the card on air, with its count of askers', () => {
    const engine = new TalkingPointEngine();
    const apparel = { p1: 'apparel' as const, p2: 'apparel' as const };
    const m5 = { current: metrics({ clickUsers: 120, paidOrders: 0 }), previous: metrics() };
    const windows = { m1: { current: metrics(), previous: metrics() }, m5 };
    for (let i = 0; i < 7; i++) engine.addComment(question(T0 + i, '165穿什么码', { intent: 'spec', userId: `s${i % 6}` }));
    for (let i = 0; i < 4; i++) engine.addComment(question(T0 + 10 + i, '多少钱', { intent: 'price' }));
    // Questions about another product are not this card's objection.
    for (let i = 0; i < 9; i++) engine.addComment(question(T0 + 20 + i, '什么时候发货', { intent: 'shipping', productId: 'p2' }));
    const objection = engine.tick(input(T0 + 1000, { windows, categories: apparel, buyingPoints: [] })).find((s) => s.kind === 'objection');
    expect(objection?.line).toBe('最多人问的是尺码（6 人），我先把尺码讲清楚，还有疑问的继续打在公屏上');
    expect(objection?.reason).toBe('最多人问的是尺码（6 人）；近 5 分钟 120 人点击，成交 0 单（0.0%）');
    expect(objection?.productId).toBe('p1');

    // A buying point the askers' words matched is the answer, and it is one suggestion with that point.
    const size = point({ id: 'bp-size', productId: 'p1', line: '165/50 穿 M 码刚好，腰不勒', answers: ['spec'], keywords: ['165'] });
    const list = engine.tick(input(T0 + 2000, { windows, categories: apparel, buyingPoints: [size] }));
    expect(list[0]).toMatchObject({ kind: 'objection', line: `最多人问的是尺码（6 人），${size.line}` });
    expect(list[0]?.reason).toContain('6 位观众问「165穿什么码」');
    expect(list.filter((s) => s.line.includes(size.line))).toHaveLength(1);

    // Fewer than 3 askers is no objection.
    const few = new TalkingPointEngine();
    for (let i = 0; i < 2; i++) few.addComment(question(T0 + i, '165穿什么码', { intent: 'spec' }));
    expect(few.tick(input(T0 + 1000, { windows, categories: apparel })).find((s) => s.kind === 'objection')).toBeUndefined();
  });

  it('a viewer surge raises a hook beside the welcome, asking newcomers something about the card on air, and both expire', () => {
    const engine = new TalkingPointEngine();
    const surge = (now: number) =>
      input(now, { windows: { m1: { current: metrics({ entriesPerMinute: 120 }), previous: metrics({ entriesPerMinute: 20 }) }, m5: { current: metrics(), previous: metrics() } } });
    const list = engine.tick(surge(T0));
    expect(list.slice(0, 2).map((s) => s.kind)).toEqual(['welcome', 'hook']);
    expect(list[1]).toMatchObject({ line: '刚进来的姐妹扣一下自己的肤质，干皮、油皮还是敏感肌，我帮你看适不适合', reason: '近 1 分钟进场 120 人，上一分钟 20 人' });
    expect(list[1]?.expiresAt).toBe(T0 + COPILOT.CUE_TTL_MS);
    expect(engine.tick(surge(T0 + COPILOT.CUE_TTL_MS)).filter((s) => s.kind === 'welcome' || s.kind === 'hook')).toEqual([]);
    // Nothing on air: a hook anyone can answer.
    expect(new TalkingPointEngine().tick({ ...surge(T0), onAir: null }).find((s) => s.kind === 'hook')?.line).toBe('刚进来的朋友有什么想问的直接打在公屏上，我挨个回答');
  });

  it('online dropping for a minute → a hook; sustained while the card on air does not sell → switch', () => {
    const minuteDrop = { current: metrics({ onlineViewers: 60 }), previous: metrics({ onlineViewers: 100 }) };
    const fiveDrop = { current: metrics({ onlineViewers: 60 }), previous: metrics({ onlineViewers: 150 }) };
    const switchOf = (list: Suggestion[]) => list.find((s) => s.kind === 'switch');
    const now = T0 + 3 * 60_000;

    const blip = new TalkingPointEngine().tick(input(now, { windows: { m1: minuteDrop, m5: { current: metrics({ onlineViewers: 140 }), previous: metrics({ onlineViewers: 150 }) } } }));
    expect(blip.find((s) => s.kind === 'hook')).toBeDefined();
    expect(switchOf(blip)).toBeUndefined();

    const sustained = new TalkingPointEngine();
    sustained.tick(input(T0, { windows: { m1: { current: metrics(), previous: metrics() }, m5: { current: metrics(), previous: metrics() } } }));
    const list = sustained.tick(input(now, { windows: { m1: minuteDrop, m5: fiveDrop } }));
    expect(switchOf(list)).toMatchObject({ line: '这款先讲到这里，我们看下一款', reason: '在线 5 分钟内从 150 降到 60（-60.0%），修护精华 已讲解 3 分钟，没有成交', productId: 'p1' });
    expect(list.find((s) => s.kind === 'hook')).toBeDefined();

    // Selling: keep going. Just shown: give it its chance.
    const selling = new TalkingPointEngine();
    selling.tick(input(T0));
    expect(switchOf(selling.tick(input(now, { windows: { m1: minuteDrop, m5: fiveDrop }, products: [{ ...products[0]!, paidOrders: 2 }, products[1]!] })))).toBeUndefined();
    expect(switchOf(new TalkingPointEngine().tick(input(T0 + 60_000, { windows: { m1: minuteDrop, m5: fiveDrop } })))).toBeUndefined();
  });

  it('a sustained drop and a long stale card are one switch suggestion with both reasons', () => {
    const engine = new TalkingPointEngine();
    engine.tick(input(T0));
    const windows = { m1: { current: metrics({ onlineViewers: 60 }), previous: metrics({ onlineViewers: 100 }) }, m5: { current: metrics({ onlineViewers: 60 }), previous: metrics({ onlineViewers: 150 }) } };
    const switches = engine.tick(input(T0 + COPILOT.STALE_ON_AIR_MS + 1000, { windows })).filter((s) => s.kind === 'switch');
    expect(switches).toHaveLength(1);
    // The stale reason says nothing the drop's does not: it is not repeated.
    expect(switches[0]?.reason).toBe('在线 5 分钟内从 150 降到 60（-60.0%），修护精华 已讲解 8 分钟，没有成交');
    expect(switches[0]?.sources).toEqual(['onlineViewers', 'onAir', 'paidOrders']);
  });
});
