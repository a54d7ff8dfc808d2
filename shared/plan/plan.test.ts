import { describe, expect, it } from 'vitest';
import type { BuyingPoint, Catalog } from '../catalog/catalog.js';
import { buyingPoint } from '../catalog/testing/buying-point.js';
import type { MetricValues } from '../metrics/keys.js';
import { metricKeys } from '../metrics/keys.js';
import { checkPlan, describePlanProblem } from './check.js';
import { goalProgress } from './pacing.js';
import { readPlanFile, writePlanFile } from './plan-file.js';
import { planInputSchema, type ChecklistItem, type PlanBody } from './plan.js';
import { readiness } from './readiness.js';
import { advance, endRundown, followClock, reflow, rundownState } from './rundown.js';

const T0 = Date.UTC(2026, 11, 7, 12, 0, 0);
const MIN = 60_000;

const point = (id: string, productId: string, line: string, status: BuyingPoint['status'] = 'accepted') => buyingPoint(id, productId, line, { status });

const catalog: Catalog = {
  products: [
    { id: 'serum', title: '修护精华', category: 'skincare', price: 19_900, coupon: '', sellingPoints: [] },
    { id: 'mask', title: '面膜', category: 'skincare', price: 9_900, coupon: '', sellingPoints: [] },
  ],
  buyingPoints: [
    point('bp1', 'serum', '换季泛红的时候，晚上薄涂一层'),
    point('bp2', 'serum', '通勤党早上三分钟搞定'),
    point('bp3', 'mask', '熬夜后敷一片'),
    point('bp-flagged', 'mask', '用了立刻根治痘痘，100% 有效'),
    point('bp-proposed', 'mask', '送礼也合适', 'proposed'),
  ],
};

const item = (id: string, critical: boolean, overrides: Partial<ChecklistItem> = {}): ChecklistItem => ({
  id,
  title: id,
  critical,
  owner: '',
  dueBeforeMin: 0,
  auto: null,
  value: '',
  done: false,
  doneAt: null,
  ...overrides,
});

const plan = (overrides: Partial<PlanBody> = {}): PlanBody =>
  planInputSchema.parse({
    title: '周五店播',
    durationMin: 30,
    segments: [
      { id: 'a', kind: 'warmUp', plannedStartSec: 0, plannedDurationSec: 600 },
      { id: 'b', kind: 'hero', plannedStartSec: 600, plannedDurationSec: 900, productIds: ['serum'], buyingPointIds: ['bp1'] },
      { id: 'c', kind: 'closing', plannedStartSec: 1500, plannedDurationSec: 300 },
    ],
    lineup: [
      { productId: 'serum', role: 'hero', plannedPrice: 19_900, stock: 100, buyingPointIds: ['bp1', 'bp2'] },
      { productId: 'mask', role: 'deal', plannedPrice: 8_900, stock: 50 },
    ],
    ...overrides,
  });

const metrics = (values: Partial<MetricValues>): MetricValues => ({ ...(Object.fromEntries(metricKeys.map((k) => [k, null])) as MetricValues), ...values });

describe('checking a plan', () => {
  it('accepts a plan whose products and points are in the catalog, and totals its time', () => {
    const result = checkPlan(plan(), catalog);
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.totals).toEqual({ plannedSec: 1800, planSec: 1800, unplannedSec: 0 });
  });

  it('names every impossible part by its field: an unknown product, a point not accepted or of another product, a segment past the end', () => {
    const bad = plan({
      lineup: [
        { productId: 'ghost', role: 'hero', plannedPrice: null, coupon: '', stock: null, buyingPointIds: [] },
        { productId: 'mask', role: 'deal', plannedPrice: null, coupon: '', stock: null, buyingPointIds: ['bp-proposed', 'bp1'] },
      ],
      segments: [{ id: 'a', kind: 'hero', title: '', plannedStartSec: 1500, plannedDurationSec: 600, productIds: ['mask'], buyingPointIds: ['nope'], note: '' }],
    });
    const { errors } = checkPlan(bad, catalog);
    expect(errors.map((e) => `${e.path} ${e.code}`)).toEqual([
      'lineup[0].productId unknownProduct',
      'lineup[1].buyingPointIds[0] pointNotAccepted',
      'lineup[1].buyingPointIds[1] pointOfOtherProduct',
      'segments[0] pastEnd',
      'segments[0].buyingPointIds[0] unknownBuyingPoint',
    ]);
    expect(describePlanProblem(errors[3]!, 'zh-CN')).toBe('segments[0]: 环节在第 35 分钟结束，超过了计划时长 30 分钟');
    expect(describePlanProblem(errors[0]!, 'en')).toBe('lineup[0].productId: no product ghost in the catalog');
  });

  it('warns of overlaps and unplanned time as the plan is typed, without refusing it', () => {
    const overlapping = plan({
      segments: [
        { id: 'a', kind: 'warmUp', title: '', plannedStartSec: 0, plannedDurationSec: 600, productIds: [], buyingPointIds: [], note: '' },
        { id: 'b', kind: 'deal', title: '', plannedStartSec: 480, plannedDurationSec: 600, productIds: [], buyingPointIds: [], note: '' },
        { id: 'c', kind: 'closing', title: '', plannedStartSec: 1500, plannedDurationSec: 300, productIds: [], buyingPointIds: [], note: '' },
      ],
    });
    const result = checkPlan(overlapping, catalog);
    expect(result.errors).toEqual([]);
    expect(result.warnings.map((w) => `${w.path} ${w.code} ${w.params.seconds}`)).toEqual(['segments[1] overlap 120', 'segments[2] gap 420']);
    expect(result.totals).toEqual({ plannedSec: 1500, planSec: 1800, unplannedSec: 420 });
  });

  it('refuses negative and zero durations at the schema', () => {
    const parsed = planInputSchema.safeParse({ title: 'x', durationMin: 0, segments: [{ id: 'a', kind: 'deal', plannedStartSec: -5, plannedDurationSec: 0 }] });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((i) => i.path.join('.')).sort()).toEqual(['durationMin', 'segments.0.plannedDurationSec', 'segments.0.plannedStartSec']);
  });
});

describe('plan files', () => {
  it('round-trips a plan through its JSON file', () => {
    const read = readPlanFile(writePlanFile(plan()), catalog);
    expect(read).toEqual({ ok: true, plan: plan() });
  });

  it('says what is wrong with a bad file, line by field, and yields no plan', () => {
    expect(readPlanFile('{"format": "livecue-plan@1", "title": ', catalog)).toMatchObject({ ok: false, problems: [{ path: '', code: 'badJson' }] });
    expect(readPlanFile('{"title": "x"}', catalog)).toMatchObject({ ok: false, problems: [{ path: 'format', code: 'wrongFormat' }] });
    const negative = JSON.parse(writePlanFile(plan()));
    negative.segments[1].plannedDurationSec = -60;
    negative.lineup[0].role = 'star';
    const read = readPlanFile(JSON.stringify(negative), catalog);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.problems.map((p) => p.path).sort()).toEqual(['lineup[0].role', 'segments[1].plannedDurationSec']);
  });
});

describe('the rundown', () => {
  const auto = plan();

  it('follows the live room clock: each segment starts at its planned offset, the last ends with the plan', () => {
    let runs = followClock(auto, [], T0, T0 + 30_000);
    expect(runs).toEqual([{ segmentId: 'a', startedAt: T0, endedAt: null, by: 'clock' }]);
    expect(rundownState(auto, runs, T0, T0 + 30_000)).toMatchObject({ status: 'running', currentIndex: 0, current: { remainingMs: 570_000 }, nextDueAt: T0 + 10 * MIN });
    runs = followClock(auto, runs, T0, T0 + 26 * MIN);
    expect(runs.map((r) => [r.segmentId, (r.startedAt - T0) / MIN, r.endedAt === null ? null : (r.endedAt - T0) / MIN])).toEqual([
      ['a', 0, 10],
      ['b', 10, 25],
      ['c', 25, null],
    ]);
    runs = followClock(auto, runs, T0, T0 + 40 * MIN);
    expect(runs.at(-1)!.endedAt).toBe(T0 + 30 * MIN);
    expect(rundownState(auto, runs, T0, T0 + 40 * MIN).status).toBe('finished');
  });

  it('a manual advance starts the next segment early; the clock still starts the one after at its planned time', () => {
    let runs = followClock(auto, [], T0, T0 + 5 * MIN);
    runs = advance(auto, runs, T0, T0 + 7 * MIN);
    expect(runs.map((r) => `${r.segmentId}@${(r.startedAt - T0) / MIN}:${r.by}`)).toEqual(['a@0:clock', 'b@7:manual']);
    expect(rundownState(auto, runs, T0, T0 + 7 * MIN).current?.remainingMs).toBe(18 * MIN);
    runs = followClock(auto, runs, T0, T0 + 25 * MIN);
    expect(runs.map((r) => r.segmentId)).toEqual(['a', 'b', 'c']);
  });

  it('by hand only, a segment runs over and says by how much; advancing past the last finishes the rundown', () => {
    const manual = { ...auto, autoAdvance: false };
    let runs = followClock(manual, [], T0, T0 + 14 * MIN);
    const state = rundownState(manual, runs, T0, T0 + 14 * MIN);
    expect(state.current?.segment.id).toBe('a');
    expect(state.current?.remainingMs).toBe(-4 * MIN);
    runs = advance(manual, runs, T0, T0 + 14 * MIN);
    runs = advance(manual, runs, T0, T0 + 30 * MIN);
    expect(rundownState(manual, runs, T0, T0 + 31 * MIN)).toMatchObject({ currentIndex: 2, current: { elapsedMs: MIN, remainingMs: 4 * MIN } });
    runs = advance(manual, runs, T0, T0 + 36 * MIN);
    expect(rundownState(manual, runs, T0, T0 + 36 * MIN).status).toBe('finished');
  });

  it('resumes mid-segment from the stored boundaries after a restart, and the session end closes the open one', () => {
    const stored = advance(auto, followClock(auto, [], T0, T0 + MIN), T0, T0 + 3 * MIN);
    // A new process: only the stored rows are known.
    const resumed = followClock(auto, JSON.parse(JSON.stringify(stored)), T0, T0 + 4 * MIN);
    expect(rundownState(auto, resumed, T0, T0 + 4 * MIN)).toMatchObject({ currentIndex: 1, current: { startedAt: T0 + 3 * MIN, elapsedMs: MIN } });
    expect(endRundown(resumed, T0 + 5 * MIN).at(-1)).toEqual({ segmentId: 'b', startedAt: T0 + 3 * MIN, endedAt: T0 + 5 * MIN, by: 'manual' });
  });

  it('reordering lays segments out back to back in their new order, from where the rundown starts', () => {
    const [a, b, c] = auto.segments;
    const moved = reflow([b!, a!, c!]);
    expect(moved.map((s) => [s.id, s.plannedStartSec])).toEqual([
      ['b', 0],
      ['a', 900],
      ['c', 1500],
    ]);
    expect(reflow([moved[1]!, moved[0]!, moved[2]!])).toEqual(auto.segments);
  });
});

describe('readiness', () => {
  const checklist = [
    item('notes', true, { done: true }),
    item('groups', false),
    item('cart', true, { auto: 'cartHasLineup' }),
    item('stock', true, { auto: 'stockReady' }),
    item('prices', true, { auto: 'priceMatches' }),
    item('hero', true, { auto: 'heroPoints' }),
    item('lines', true, { auto: 'linesCompliant' }),
  ];

  it('before the room opens: cart checks wait, catalog checks run, the score counts critical items three times', () => {
    const result = readiness(plan({ checklist }), catalog, null);
    expect(result.items.map((i) => `${i.item.id}:${i.state}`)).toEqual(['notes:done', 'groups:open', 'cart:waiting', 'stock:waiting', 'prices:waiting', 'hero:done', 'lines:done']);
    // (3 + 3 + 3) of (6 × 3 + 1)
    expect(result.score).toBe(Math.round((9 / 19) * 100));
    expect(result.blockers.map((b) => b.item.id)).toEqual(['cart', 'stock', 'prices']);
  });

  it('checks the live cart against the plan: missing products, short stock and a different price fail with the figures', () => {
    const cart = [{ id: 'serum', price: 19_900, stock: 40 }];
    const result = readiness(plan({ checklist }), catalog, cart);
    const finding = (id: string) => result.items.find((i) => i.item.id === id)!;
    expect(finding('cart')).toMatchObject({ state: 'failed', finding: { code: 'notInCart', productIds: ['mask'] } });
    expect(finding('stock').finding).toEqual({ code: 'stockShort', products: [{ id: 'serum', have: 40, need: 100 }, { id: 'mask', have: null, need: 50 }] });
    expect(finding('prices').state).toBe('done');
    const agreeing = readiness(plan({ checklist }), catalog, [
      { id: 'serum', price: 19_900, stock: 100 },
      { id: 'mask', price: 8_900, stock: 80 },
    ]);
    expect(agreeing.blockers).toEqual([]);
    expect(agreeing.score).toBe(Math.round((18 / 19) * 100));
  });

  it('a hero product with one accepted point, and a flagged line in the plan, fail their checks', () => {
    const weak = plan({
      checklist,
      lineup: [{ productId: 'mask', role: 'hero', plannedPrice: null, coupon: '', stock: null, buyingPointIds: ['bp-flagged'] }],
    });
    const result = readiness(weak, catalog, null);
    expect(result.items.find((i) => i.item.id === 'hero')?.finding).toEqual({ code: 'heroPointsShort', products: [{ id: 'mask', have: 1 }] });
    expect(result.items.find((i) => i.item.id === 'lines')).toMatchObject({ state: 'failed', finding: { code: 'linesFlagged', points: [{ id: 'bp-flagged' }] } });
  });
});

describe('pacing of goals', () => {
  it('measures cumulative goals against an even pace over the plan, rates and peak against the goal', () => {
    const goals = { gmv: 1_000_000, viewerConversion: 0.03, peakOnline: 500 };
    const progress = goalProgress(goals, metrics({ gmv: 300_000, viewerConversion: 0.035, peakOnline: 200 }), 900, 1800);
    expect(progress).toEqual([
      { key: 'gmv', goal: 1_000_000, actual: 300_000, fraction: 0.3, pace: 500_000, onTrack: false },
      { key: 'viewerConversion', goal: 0.03, actual: 0.035, fraction: 0.035 / 0.03, pace: null, onTrack: true },
      { key: 'peakOnline', goal: 500, actual: 200, fraction: 0.4, pace: null, onTrack: false },
    ]);
  });
});

describe('reminders before the stream', () => {
  it('come the day before, two hours before and a quarter of an hour before, and stop at the start', async () => {
    const { dueReminder } = await import('./reminders.js');
    const start = T0 + 48 * 3_600_000;
    expect(dueReminder(start, T0)).toBeNull();
    expect(dueReminder(start, start - 23 * 3_600_000)).toBe('T-24h');
    expect(dueReminder(start, start - 90 * MIN)).toBe('T-2h');
    expect(dueReminder(start, start - 10 * MIN)).toBe('T-15min');
    expect(dueReminder(start, start)).toBeNull();
    expect(dueReminder(null, T0)).toBeNull();
  });
});

describe('pre-heat notes from a CSV export', () => {
  it('counts the notes and adds up likes and collects as people write them', async () => {
    const { readNotesCsv } = await import('./preheat-notes.js');
    const read = readNotesCsv('标题,链接,点赞,收藏\n换季修护,https://xhslink.com/a,1.2万,"3,400"\n敏感肌,https://xhslink.com/b,856,120\n,,,\n');
    expect(read).toEqual({ ok: true, summary: { count: 2, likes: 12_856, collects: 3_520, links: ['https://xhslink.com/a', 'https://xhslink.com/b'] } });
    expect(readNotesCsv('title,likes\nx,3\n')).toMatchObject({ ok: false, problem: 'noLinkColumn', row: 1 });
    expect(readNotesCsv('link,likes\nhttps://x,很多\n')).toMatchObject({ ok: false, problem: 'badNumber', row: 2, detail: '很多' });
  });
});
