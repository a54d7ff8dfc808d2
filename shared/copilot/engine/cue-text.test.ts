import { describe, expect, it } from 'vitest';
import { numberFormats } from '../../format/numbers.js';
import { metricKeys, type MetricValues } from '../../metrics/keys.js';
import { suggestionKinds, TalkingPointEngine, type EngineComment, type Suggestion, type TickInput } from './index.js';
import { buyingPoint } from '../../catalog/testing/buying-point.js';
import { cue, count, cueKeys, cueTextSchema, renderCue, renderReasons, type CueText } from './cue-text.js';

const T0 = Date.UTC(2026, 11, 7, 12, 0, 0);
const empty = Object.fromEntries(metricKeys.map((k) => [k, null])) as MetricValues;
const values = (v: Partial<MetricValues>): MetricValues => ({ ...empty, ...v });
const en = numberFormats('en');
const zh = numberFormats('zh-CN');
const han = /\p{Script=Han}/u;

/** Everything written as it came (titles, quotes, the merchant's lines, segment names): never translated. */
function verbatim(text: CueText): string[] {
  return Object.values(text.params ?? {}).flatMap((p) => (typeof p === 'string' ? [p] : 'cue' in p ? verbatim(p.cue) : []));
}
const withoutVerbatim = (rendered: string, texts: readonly CueText[]) =>
  texts.flatMap(verbatim).sort((a, b) => b.length - a.length).reduce((s, v) => (v === '' ? s : s.split(v).join(' ')), rendered);

/** A busy minute of a room running a plan: every kind of cue the engine raises, over a few ticks. */
function everyKindOfCue(): Suggestion[] {
  const engine = new TalkingPointEngine();
  let n = 0;
  const ask = (ts: number, text: string, intent: EngineComment['intent'], productId: string | null) =>
    engine.addComment({ id: `c${n}`, ts, userId: `v${n++}`, text, intent, question: true, productId });
  // Sizing is the top objection (no price question: a price answer would merge into the price anchor).
  for (let i = 0; i < 4; i++) ask(T0 + i, '多大码', 'spec', 'coat');
  for (let i = 0; i < 3; i++) ask(T0 + i, '敏感肌能用吗', 'suitability', 'cream');
  ask(T0, '什么时候发货', 'shipping', 'coat');
  const input = (now: number, m1: TickInput['windows']['m1'], m5: TickInput['windows']['m5']): TickInput => ({
    now,
    onAir: { productId: 'coat', since: T0 - 30 * 60_000 },
    products: [
      { id: 'coat', title: '羊绒大衣', price: 129_900, paidOrders: 0, stock: 3, coupon: '满999减100' },
      { id: 'cream', title: '修护面霜', price: 19_900, paidOrders: 0, stock: 0 },
    ],
    windows: { m1, m5 },
    buyingPoints: [
      buyingPoint('bp-fit', 'coat', '一米六穿S码刚好到膝盖', { answers: ['spec'], audience: '小个子', keywords: ['160'] }),
      buyingPoint('bp-warm', 'coat', '零下五度穿着也不冷'),
      buyingPoint('bp-skin', 'cream', '敏感肌用了不刺痛', { answers: ['suitability'], keywords: ['敏感肌'] }),
    ],
    categories: { coat: 'apparel', cream: 'skincare' },
    rundown: {
      current: { id: 'hero', title: '主推讲解', startedAt: now - 20_000, plannedEndAt: now - 3 * 60_000, productIds: ['cream'], buyingPointIds: ['bp-warm'] },
      next: { id: 'deal', title: '福利放送', dueAt: now + 30_000, productId: 'cream' },
      underPace: [{ productId: 'coat', gmv: 120_000, expected: 500_000 }],
    },
  });
  const busy = {
    m1: { current: values({ entriesPerMinute: 12_345, onlineViewers: 600 }), previous: values({ entriesPerMinute: 2_157, onlineViewers: 1_000 }) },
    m5: { current: values({ clickUsers: 2_157, paidOrders: 1, newFollowers: 40, onlineViewers: 600 }), previous: values({ onlineViewers: 1_000 }) },
  };
  return [...engine.tick(input(T0 + 1_000, busy.m1, busy.m5)), ...engine.tick(input(T0 + 61_000, busy.m1, busy.m5))];
}

describe("the co-pilot's own sentences", () => {
  const suggestions = everyKindOfCue();

  it('cover every kind of cue in the check below', () => {
    expect([...new Set(suggestions.map((s) => s.kind))].sort()).toEqual([...suggestionKinds].sort());
  });

  it('render in Chinese exactly as the engine wrote its working text', () => {
    for (const s of suggestions) {
      expect(renderCue(s.text.line, zh), s.id).toBe(s.line);
      expect(renderReasons(s.text.reasons, zh), s.id).toBe(s.reason);
    }
  });

  it('render in English with no Chinese left but what was written by people (titles, quotes, the merchant’s lines)', () => {
    for (const s of suggestions) {
      const line = renderCue(s.text.line, en);
      const reason = renderReasons(s.text.reasons, en);
      expect(withoutVerbatim(line, [s.text.line]), `${s.id}: ${line}`).not.toMatch(han);
      expect(withoutVerbatim(reason, s.text.reasons), `${s.id}: ${reason}`).not.toMatch(han);
      expect(line).not.toMatch(/[{}|]/);
      expect(reason).not.toMatch(/[{}|]/);
    }
    const anchor = suggestions.find((s) => s.kind === 'priceAnchor')!;
    expect(renderCue(anchor.text.line, en)).toMatch(/^羊绒大衣 is ¥1,299 right now\./);
    expect(renderReasons(anchor.text.reasons, en)).toBe('2,157 clicked in the last 5 minutes, 1 order (0.0%)');
    expect(renderReasons(suggestions.find((s) => s.kind === 'welcome')!.text.reasons, en)).toBe('12.3K came in during the last minute, 2,157 the minute before');
  });

  it('choose English plural forms by the count', () => {
    expect(renderCue(cue('reason.cluster', { askers: count(1), quote: '多少钱' }), en)).toBe('1 viewer asked “多少钱”');
    expect(renderCue(cue('reason.cluster', { askers: count(12_345), quote: '多少钱' }), en)).toBe('12.3K viewers asked “多少钱”');
    expect(renderCue(cue('reason.cluster', { askers: count(3), quote: '多少钱' }), zh)).toBe('3 位观众问「多少钱」');
  });

  it('survive a trip through JSON and the schema (how a marked one is stored for the recap)', () => {
    for (const s of suggestions) {
      const stored = JSON.parse(JSON.stringify(s.text)) as { line: unknown; reasons: unknown[] };
      expect(renderCue(cueTextSchema.parse(stored.line), en)).toBe(renderCue(s.text.line, en));
    }
    expect(cueTextSchema.safeParse({ key: 'line.nonsense' }).success).toBe(false);
    expect(cueTextSchema.safeParse({ key: 'line.stockLow', params: { stock: { n: 3, as: 'bytes' } } }).success).toBe(false);
    expect(cueKeys.length).toBeGreaterThan(40);
  });
});
