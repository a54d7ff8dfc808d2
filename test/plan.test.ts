/**
 * The live plan end to end on real parts: a real SQLite file, the core, and
 * the simulator's demo room on loopback. A plan made from a shipped template
 * is used for the next session; the room's clock drives the rundown, the
 * assistant advances it, a restart resumes it, and the recap carries planned
 * against actual.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { startCore, type Core } from '../main/core/api/core.js';
import { startSimulator } from '../main/simulator/index.js';
import { writePlanFile } from '../shared/plan/plan-file.js';
import type { PlanBody } from '../shared/plan/plan.js';
import { bodyOf } from '../main/core/plan/plan-api.js';
import { tempDir, waitFor } from './helpers.js';

const tmp = tempDir();
afterAll(() => tmp.remove());

const SERUM = 'sk-niacinamide-serum';
const CREAM = 'sk-repair-cream';

/** A six-minute plan for a six-minute demo room: three two-minute segments. */
const shortRundown = (body: PlanBody): PlanBody => ({
  ...body,
  durationMin: 6,
  goals: { gmv: 5_000_000, uv: 300 },
  lineup: [
    { productId: SERUM, role: 'hero', plannedPrice: 19_900, coupon: '', stock: 100, buyingPointIds: [] },
    { productId: CREAM, role: 'deal', plannedPrice: 1, coupon: '', stock: 100_000, buyingPointIds: [] },
  ],
  segments: [
    { id: 'open', kind: 'warmUp', title: '', plannedStartSec: 0, plannedDurationSec: 120, productIds: [], buyingPointIds: [], note: '' },
    { id: 'hero', kind: 'hero', title: '精华主推', plannedStartSec: 120, plannedDurationSec: 120, productIds: [SERUM], buyingPointIds: [], note: '' },
    { id: 'deal', kind: 'deal', title: '', plannedStartSec: 240, plannedDurationSec: 120, productIds: [CREAM], buyingPointIds: [], note: '' },
  ],
});

describe('the live plan (直播计划)', () => {
  it('edits, validates and files plans before the stream, then drives the rundown during it and lands in the recap', async () => {
    const file = tmp.file('plan.db');
    // Before the stream: the room is not open yet (nothing listens where the gateway will be).
    let core: Core | null = await startCore({ dbFile: file, gateway: { url: 'http://127.0.0.1:9', room: 'demo-skincare', token: 't' } });
    let simulator: Awaited<ReturnType<typeof startSimulator>> | null = null;
    try {
      const plans = core.plan();
      // The merchant's catalog, before the room opens.
      await core.catalog().saveProduct({ id: SERUM, title: '烟酰胺精华', category: 'skincare', price: 19_900 });
      await core.catalog().saveProduct({ id: CREAM, title: '修护面霜', category: 'skincare', price: 25_900 });

      const templates = plans.templates();
      expect(templates.filter((t) => t.builtIn).map((t) => [t.title, t.durationMin])).toEqual([
        ['2 小时店播', 120],
        ['4 小时大促', 240],
        ['1 小时新品首发', 60],
      ]);
      const created = await plans.create({ from: { template: templates[0]!.id }, title: '周一护肤专场' });
      expect(created).toMatchObject({ title: '周一护肤专场', durationMin: 120, template: false, sessionKey: null });
      expect(created.checklist.length).toBeGreaterThanOrEqual(10);

      // An impossible plan is refused field by field, and nothing changes.
      const ghost = { ...bodyOf(created), lineup: [{ productId: 'no-such-product', role: 'hero' }] };
      const refused = await plans.save(created.id, ghost);
      expect(refused).toMatchObject({ saved: false, problems: [{ path: 'lineup[0].productId', code: 'unknownProduct' }] });
      expect(plans.detail(created.id).plan.lineup).toEqual([]);
      const negative = await plans.save(created.id, { ...bodyOf(created), segments: [{ id: 'x', kind: 'deal', plannedStartSec: 0, plannedDurationSec: -1 }] });
      expect(negative).toMatchObject({ saved: false, problems: [{ path: 'segments[0].plannedDurationSec', code: 'invalid' }] });

      const saved = await plans.save(created.id, shortRundown(bodyOf(created)));
      expect(saved.saved).toBe(true);
      const detail = plans.detail(created.id);
      expect(detail.check.errors).toEqual([]);
      // Before the room opens: the cart checks wait, and the hero product has no buying points yet.
      const state = (id: string) => detail.readiness.items.find((i) => i.item.id === id)?.state;
      expect([state('cart'), state('stock'), state('prices'), state('heroPoints')]).toEqual(['waiting', 'waiting', 'waiting', 'failed']);

      // Ticking by hand changes the score; an item LiveCue checks itself cannot be ticked.
      const before = detail.readiness.score;
      const ticked = await plans.tick(created.id, 'notes', true, '3 篇，赞藏 1.2万');
      expect(ticked.readiness.score).toBeGreaterThan(before);
      expect(ticked.plan.checklist.find((c) => c.id === 'notes')).toMatchObject({ done: true, value: '3 篇，赞藏 1.2万' });
      await expect(plans.tick(created.id, 'cart', true, undefined)).rejects.toThrow(/checked by LiveCue itself/);

      // Files: export, then import as a new plan; a bad file changes nothing.
      const exported = plans.exportFile(created.id);
      expect(exported.fileName).toBe('周一护肤专场.livecue-plan.json');
      const imported = await plans.importFile(exported.data);
      expect(imported.imported).toBe(true);
      const count = plans.list().length;
      const bad = await plans.importFile(exported.data.replace('"plannedDurationSec": 120', '"plannedDurationSec": "two minutes"'));
      expect(bad).toMatchObject({ imported: false, problems: [{ path: 'segments[0].plannedDurationSec', code: 'invalid' }] });
      expect(plans.list()).toHaveLength(count);
      expect(writePlanFile(plans.detail(created.id).plan)).toBe(exported.data);

      // Before the stream the overlay follows the next plan: its checklist and first segment.
      await plans.use(created.id);
      expect(core.snapshot().plan).toMatchObject({ plan: { id: created.id }, runs: [], sessionStartedAt: null, needsConfirmation: false });

      await core.stop();
      simulator = await startSimulator({ token: 't', scenario: 'skincare', seed: 3, speed: 20, durationMinutes: 6 });
      const gateway = { url: simulator.url, room: simulator.room, token: 't' };
      core = await startCore({ dbFile: file, gateway, copilotCpuShare: 0, planTimeScale: 20 });
      await waitFor(() => core!.snapshot().session !== null, 20_000);
      await waitFor(() => core!.snapshot().plan?.runs.length === 1, 10_000);
      const live = core.snapshot().plan!;
      expect(live.plan.sessionKey).not.toBeNull();
      expect(live.runs[0]).toMatchObject({ segmentId: 'open', startedAt: core.snapshot().session!.startedAt, by: 'clock' });
      // The cart disagrees with the plan: the cream's live price is not the planned ¥0.01, the serum's stock is enough.
      // (At 20× the room may already run a flash sale on another product when it is read: only the cream is certain.)
      const item = (id: string) => live.readiness.items.find((i) => i.item.id === id)!;
      expect(item('prices')).toMatchObject({ state: 'failed', finding: { code: 'priceDiffers', products: expect.arrayContaining([{ id: CREAM, live: 25_900, planned: 1 }]) } });
      expect(item('stock').state).toBe('failed');
      expect(item('cart').state).toBe('done');
      // Critical items open when the room went live: someone has to confirm, and it is recorded.
      expect(live.needsConfirmation).toBe(true);
      const confirmed = await core.confirmStart('小林');
      expect(confirmed).toMatchObject({ needsConfirmation: false, override: { by: '小林' } });
      expect(confirmed.override!.openItems).toContain('每个排品库存不少于计划库存');

      // A minute before the hero segment: the co-pilot says to prepare its product.
      const start = core.snapshot().session!.startedAt;
      // The demo room at 20×: the plan's minute is three seconds of the room's clock.
      await waitFor(() => core!.snapshot().now >= start + 65_000 / 20, 20_000);
      await waitFor(() => core!.snapshot().suggestions.find((s) => s.kind === 'prepareNext'), 10_000);
      expect(core.snapshot().suggestions.find((s) => s.kind === 'prepareNext')).toMatchObject({ productId: SERUM, line: '下一环节「精华主推」马上开始，准备好 烟酰胺亮肤精华 30ml' });

      // The clock starts the hero segment; the assistant moves on early to the deal segment.
      await waitFor(() => core!.snapshot().plan?.runs.length === 2, 20_000);
      const advanced = await core.advanceSegment();
      expect(advanced.runs.map((r) => `${r.segmentId}:${r.by}`)).toEqual(['open:clock', 'hero:clock', 'deal:manual']);
      const dealStartedAt = advanced.runs[2]!.startedAt;
      await core.stop();
      core = null;

      // A restarted recorder resumes in the segment it left.
      core = await startCore({ dbFile: file, gateway, copilotCpuShare: 0, planTimeScale: 20 });
      await waitFor(() => core!.snapshot().plan?.runs.length === 3, 20_000);
      expect(core.snapshot().plan!.runs[2]).toMatchObject({ segmentId: 'deal', startedAt: dealStartedAt, by: 'manual' });
      await core.finished();

      const recap = core.recap();
      expect(recap.plan).toMatchObject({ id: created.id, title: '周一护肤专场', goals: { gmv: 5_000_000, uv: 300 }, overrides: [{ by: '小林' }] });
      expect(recap.plan!.segments.map((s) => [s.id, s.plannedStartSec, s.actualStartedAt !== null, s.actualEndedAt !== null, s.advancedBy])).toEqual([
        ['open', 0, true, true, 'clock'],
        ['hero', 120, true, true, 'clock'],
        ['deal', 240, true, true, 'manual'],
      ]);
      // What each segment sold is its share of the minutes it ran in (by time); back to back, they sold what the whole span sold.
      const segments = recap.plan!.segments;
      const from = Math.min(...segments.map((s) => s.actualStartedAt!));
      const to = Math.max(...segments.map((s) => s.actualEndedAt!));
      const spanGmv = recap.minutes.reduce((sum, m) => sum + ((m.gmv ?? 0) * Math.max(0, Math.min(to, (m.minute + 1) * 60_000) - Math.max(from, m.minute * 60_000))) / 60_000, 0);
      expect(spanGmv).toBeGreaterThan(0);
      expect(segments.reduce((sum, s) => sum + s.gmv, 0)).toBeCloseTo(spanGmv, -1);
      // A plan that ran is part of its recap: it cannot be deleted, only duplicated to run again.
      await expect(core.plan().remove(created.id)).rejects.toThrow(/part of its recap/);
      const copy = await core.plan().create({ from: { plan: created.id } });
      expect(copy).toMatchObject({ title: '周一护肤专场（副本）', sessionKey: null, lineup: saved.saved ? saved.detail.plan.lineup : [] });
      expect(copy.checklist.every((c) => !c.done)).toBe(true);
    } finally {
      await core?.stop();
      await simulator?.close();
    }
  }, 90_000);
});
