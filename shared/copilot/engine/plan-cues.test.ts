import { describe, expect, it } from 'vitest';
import { buyingPoint } from '../../catalog/testing/buying-point.js';
import { metricKeys, type MetricValues } from '../../metrics/keys.js';
import { TalkingPointEngine, type RundownCue, type TickInput } from './index.js';

const T0 = Date.UTC(2026, 11, 7, 12, 0, 0);
const empty = Object.fromEntries(metricKeys.map((k) => [k, null])) as MetricValues;
const point = (id: string, line: string) => buyingPoint(id, 'serum', line);

const tick = (now: number, rundown: RundownCue, overrides: Partial<TickInput> = {}) =>
  new TalkingPointEngine().tick({
    now,
    onAir: null,
    products: [{ id: 'serum', title: '修护精华', price: 19_900, paidOrders: 0 }],
    windows: { m1: { current: empty, previous: empty }, m5: { current: empty, previous: empty } },
    buyingPoints: [point('bp1', '换季泛红的时候薄涂一层'), point('bp2', '早上通勤三分钟搞定'), point('bp3', '熬夜后第二天的救急')],
    categories: { serum: 'skincare' },
    rundown,
    ...overrides,
  });

const segment = (startedAt: number, plannedEndAt: number, extra: Partial<NonNullable<RundownCue['current']>> = {}) => ({
  id: 'hero',
  title: '主推讲解',
  startedAt,
  plannedEndAt,
  productIds: ['serum'],
  buyingPointIds: [],
  ...extra,
});

describe('the rundown cues', () => {
  it('a segment just started: pin its first product, unless it is already on air', () => {
    const cue = { current: segment(T0, T0 + 600_000), next: null, underPace: [] };
    expect(tick(T0 + 5_000, cue).find((s) => s.kind === 'segmentStart')).toMatchObject({ productId: 'serum', line: '「主推讲解」开始了：上 修护精华 的讲解卡' });
    expect(tick(T0 + 5_000, cue, { onAir: { productId: 'serum', since: T0 } }).some((s) => s.kind === 'segmentStart')).toBe(false);
    expect(tick(T0 + 90_000, cue).some((s) => s.kind === 'segmentStart')).toBe(false);
  });

  it('over its planned end: move on to the next segment, with the minutes over', () => {
    const cue = { current: segment(T0, T0 + 600_000), next: { id: 'deal', title: '福利放送', dueAt: T0 + 600_000, productId: null }, underPace: [] };
    expect(tick(T0 + 300_000, cue).some((s) => s.kind === 'moveOn')).toBe(false);
    expect(tick(T0 + 780_000, cue).find((s) => s.kind === 'moveOn')?.line).toBe('「主推讲解」已超时 3 分钟，该进入「福利放送」了');
  });

  it('a hero product under the pace: an encore with its figures', () => {
    const cue = { current: null, next: null, underPace: [{ productId: 'serum', gmv: 120_000, expected: 500_000 }] };
    expect(tick(T0, cue).find((s) => s.kind === 'encore')).toMatchObject({ productId: 'serum', reason: '成交 ¥1,200，按计划此时应有 ¥5,000' });
  });

  it("the segment's planned buying points come up, and rank above the product's others", () => {
    const plain = tick(T0 + 120_000, { current: segment(T0, T0 + 600_000), next: null, underPace: [] }, { onAir: { productId: 'serum', since: T0 } });
    expect(plain.filter((s) => s.kind === 'buyingPoint').map((s) => s.id)).toEqual(['point:bp1', 'point:bp2']);
    const planned = tick(T0 + 120_000, { current: segment(T0, T0 + 600_000, { buyingPointIds: ['bp3'] }), next: null, underPace: [] }, { onAir: { productId: 'serum', since: T0 } });
    const points = planned.filter((s) => s.kind === 'buyingPoint');
    expect(points.map((s) => s.id)).toEqual(['point:bp3', 'point:bp1', 'point:bp2']);
    expect(points[0]!.reason).toContain('本环节');
  });
});
