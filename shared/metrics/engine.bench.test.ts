/**
 * Runs the microbenchmark small and checks the run it times: every event it
 * builds reaches one engine once, in seq order, and that engine's figures at
 * the end equal a recount of those very events (the brute-force model, and
 * plain counts of each type). Its speed is printed by hand, never asserted.
 */
import { afterEach, expect, it, vi } from 'vitest';
import type { LiveEvent } from '../protocol/index.js';
import { benchMetricsEngine } from './engine.bench.js';
import { MetricsEngine } from './engine.js';
import { ReferenceModel } from './testing/reference-model.js';

afterEach(() => {
  vi.restoreAllMocks();
});

it('feeds one engine every event once, in order, and its totals equal a recount of them', () => {
  const apply = vi.spyOn(MetricsEngine.prototype, 'apply');
  const n = 20_000;
  const result = benchMetricsEngine(n);

  const fed = apply.mock.calls.map(([event]) => event);
  expect(fed.map((e) => e.seq)).toEqual(Array.from({ length: n }, (_, i) => i + 1));
  const engines = new Set(apply.mock.contexts);
  expect(engines.size).toBe(1);
  const [engine] = [...engines] as [MetricsEngine];
  // The bench's mix: every type it builds is there, so the recount below counts something.
  const ofType = (type: LiveEvent['type']) => fed.filter((e) => e.type === type);
  for (const type of ['viewer.enter', 'viewer.leave', 'like', 'comment', 'product.exposure', 'product.click', 'order.created', 'order.paid', 'online.count'] as const) {
    expect(ofType(type).length, type).toBeGreaterThan(n / 100);
  }

  const model = new ReferenceModel(engine.toJSON().originMs);
  for (const event of fed) model.apply(event);
  const totals = engine.totals();
  expect(totals).toEqual(model.totals());
  expect(totals.paidOrders).toBe(ofType('order.paid').length);
  expect(totals.pv).toBe(ofType('viewer.enter').length);
  expect(engine.counters()).toMatchObject({
    comments: ofType('comment').length,
    ordersCreated: ofType('order.created').length,
    productExposures: ofType('product.exposure').length,
    likes: fed.reduce((sum, e) => sum + (e.type === 'like' ? e.count : 0), 0),
  });
  expect(Number.isInteger(result.eventsPerSec)).toBe(true);
});
