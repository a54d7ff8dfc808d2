import { describe, expect, it } from 'vitest';
import type { BuyingPoint, CatalogProduct } from '../catalog.js';
import { checkLine } from '../../copilot/compliance.js';
import { categoryKnowledge } from './category-knowledge.js';
import { clusterQuestions, MIN_ASKERS, proposeBuyingPoints, type AskedQuestion } from './propose.js';

const serum: CatalogProduct = { id: 'sku-1', title: '烟酰胺精华', category: 'skincare', price: 12990, coupon: '', sellingPoints: ['5% 烟酰胺', '积雪草'] };

const sensitive: BuyingPoint = {
  id: 'bp-merchant',
  productId: 'sku-1',
  audience: '敏感肌',
  scenario: '换季泛红',
  pain: '用了刺痛',
  benefit: '温和',
  proof: '检测报告',
  line: '敏感肌姐妹先在耳后试一下',
  answers: ['suitability'],
  keywords: ['敏感肌'],
  origin: 'merchant',
  originNote: '',
  status: 'accepted',
};

describe('category knowledge', () => {
  it('has 4–6 honest templates per category, every line passing the 真诚经营 check', () => {
    for (const [category, templates] of Object.entries(categoryKnowledge)) {
      expect(templates.length).toBeGreaterThanOrEqual(4);
      expect(templates.length).toBeLessThanOrEqual(6);
      expect(new Set(templates.map((t) => t.key)).size).toBe(templates.length);
      for (const t of templates) {
        const line = t.line.replace('{title}', '某商品').replace('{point}', '某卖点');
        expect(checkLine(line, category as CatalogProduct['category']), `${category}:${t.key}`).toEqual([]);
        expect(t.proof.startsWith('待补充')).toBe(true);
        expect(t.line).toContain('{title}');
      }
    }
  });
});

describe('proposeBuyingPoints', () => {
  it('proposes category scenario cards for a skincare product, naming the rule, with the product and a selling point in the line', () => {
    const proposals = proposeBuyingPoints({ product: serum, existing: [], askedQuestions: [] });
    expect(proposals.length).toBeGreaterThanOrEqual(4);
    for (const p of proposals) {
      expect(p).toMatchObject({ productId: 'sku-1', origin: 'category', status: 'proposed' });
      expect(p.originNote).toMatch(/^护肤品类常见场景：/);
      expect(p.line).toContain('烟酰胺精华');
      expect(p.proof).toMatch(/^待补充/);
      expect(checkLine(p.line, 'skincare')).toEqual([]);
    }
    expect(proposals.some((p) => p.line.includes('5% 烟酰胺'))).toBe(true);
    expect(proposals.map((p) => p.originNote)).toContain('护肤品类常见场景：换季敏感');
  });

  it('is deterministic: same input, same proposals and ids; ids differ per product', () => {
    const a = proposeBuyingPoints({ product: serum, existing: [], askedQuestions: [] });
    const b = proposeBuyingPoints({ product: serum, existing: [], askedQuestions: [] });
    expect(b).toEqual(a);
    const other = proposeBuyingPoints({ product: { ...serum, id: 'sku-2' }, existing: [], askedQuestions: [] });
    expect(new Set([...a, ...other].map((p) => p.id)).size).toBe(a.length + other.length);
  });

  it('does not duplicate an existing point (same audience or keywords), nor re-propose a rejected one', () => {
    const proposals = proposeBuyingPoints({ product: serum, existing: [sensitive], askedQuestions: [] });
    expect(proposals.some((p) => p.audience === '敏感肌' || p.keywords.includes('敏感肌'))).toBe(false);

    const first = proposeBuyingPoints({ product: serum, existing: [], askedQuestions: [] });
    const rejected = { ...first[0]!, status: 'rejected' as const };
    const again = proposeBuyingPoints({ product: serum, existing: [rejected], askedQuestions: [] });
    expect(again.map((p) => p.id)).not.toContain(rejected.id);
    // A point of another product does not count.
    expect(proposeBuyingPoints({ product: serum, existing: [{ ...sensitive, productId: 'sku-9' }], askedQuestions: [] })).toEqual(first);
  });

  it('proposes from the audience only with at least 3 askers, and the note carries the numbers', () => {
    const asked = (count: number): AskedQuestion[] => [{ text: '敏感肌能用吗', intent: 'suitability', count, sessions: 3 }];
    const few = proposeBuyingPoints({ product: serum, existing: [], askedQuestions: asked(MIN_ASKERS - 1) });
    expect(few.filter((p) => p.origin === 'audience')).toEqual([]);

    const many = proposeBuyingPoints({ product: serum, existing: [], askedQuestions: asked(14) });
    const audience = many.filter((p) => p.origin === 'audience');
    expect(audience).toHaveLength(1);
    expect(audience[0]).toMatchObject({ audience: '敏感肌', answers: ['suitability'], status: 'proposed' });
    expect(audience[0]!.originNote).toBe('过去 3 场直播里 14 位观众问过「敏感肌能用吗」');
    expect(audience[0]!.line).toContain('敏感肌能用吗');
    expect(checkLine(audience[0]!.line, 'skincare')).toEqual([]);
    // The audience card comes first and covers the category's 敏感肌 template.
    expect(many[0]!.origin).toBe('audience');
    expect(many.filter((p) => p.keywords.includes('敏感肌'))).toHaveLength(1);
    // Already covered by the merchant's own point: nothing from the audience either.
    expect(proposeBuyingPoints({ product: serum, existing: [sensitive], askedQuestions: asked(14) }).filter((p) => p.origin === 'audience')).toEqual([]);
  });

  it('gives a product with enough accepted points audience proposals only', () => {
    const accepted = ['a', 'b', 'c', 'd'].map((k) => ({ ...sensitive, id: `bp-${k}`, audience: `人群${k}`, keywords: [`词${k}`] }));
    const proposals = proposeBuyingPoints({ product: serum, existing: accepted, askedQuestions: [{ text: '孕妇可以用吗', intent: 'suitability', count: 5, sessions: 2 }] });
    expect(proposals.map((p) => p.origin)).toEqual(['audience']);
  });
});

describe('clusterQuestions', () => {
  it('groups by intent and audience key word, counting distinct askers and sessions', () => {
    const clusters = clusterQuestions([
      { text: '敏感肌能用吗', intent: 'suitability', user: 'u1', session: 's1' },
      { text: '敏感肌能用吗', intent: 'suitability', user: 'u1', session: 's1' },
      { text: '敏感肌可以用吗？', intent: 'suitability', user: 'u2', session: 's2' },
      { text: '敏感肌能用吗', intent: 'suitability', user: 'u3', session: 's2' },
      { text: '孕妇能用吗', intent: 'suitability', user: 'u4', session: 's1' },
      { text: '多少钱', intent: 'price', user: 'u5', session: 's1' },
    ]);
    expect(clusters).toEqual([
      { text: '敏感肌能用吗', intent: 'suitability', count: 3, sessions: 2, keyword: '敏感肌' },
      { text: '孕妇能用吗', intent: 'suitability', count: 1, sessions: 1, keyword: '孕妇' },
    ]);
  });
});
