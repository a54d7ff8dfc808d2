/** toJSON / fromJSON: a snapshot taken mid-stream continues exactly like an engine that never stopped. */
import { describe, expect, it } from 'vitest';
import { ENGINE_STATE_VERSION, MetricsEngine, type EngineState } from './engine.js';
import { EventFactory } from './testing/events.js';
import { applyStep, generateStream } from './testing/generated-stream.js';

/** Through JSON text, as the store keeps it. */
const roundTrip = (engine: MetricsEngine) => MetricsEngine.fromJSON(JSON.parse(JSON.stringify(engine.toJSON())) as EngineState);

function observe(engine: MetricsEngine) {
  return {
    now: engine.now(),
    totals: engine.totals(),
    lastMinute: engine.window(1),
    lastFiveMinutes: engine.window(5),
    products: engine.products(),
    counters: engine.counters(),
    onAir: engine.onAir(),
  };
}

describe('engine state', () => {
  for (const [seed, splitAt] of [
    [11, 1],
    [12, 400],
    [13, 777],
    [14, 1_199],
  ] as const) {
    it(`continues after a snapshot at step ${splitAt} exactly as without one (seed ${seed})`, () => {
      const stream = generateStream(seed, 1_200, { end: true });
      const uninterrupted = new MetricsEngine({ startedAt: stream.startedAt });
      uninterrupted.setProducts(stream.products);
      let restored: MetricsEngine | null = null;
      for (const [index, step] of stream.steps.entries()) {
        if (index === splitAt) {
          restored = roundTrip(uninterrupted);
          expect(observe(restored)).toEqual(observe(uninterrupted));
        }
        applyStep(uninterrupted, step);
        if (restored === null) continue;
        applyStep(restored, step);
        if (index % 50 === 0) {
          expect(observe(restored), `after step ${index}`).toEqual(observe(uninterrupted));
          expect(restored.takeDirtyMinutes()).toEqual(uninterrupted.takeDirtyMinutes());
        }
      }
      expect(restored).not.toBeNull();
      expect(observe(restored!)).toEqual(observe(uninterrupted));
      expect(restored!.minuteSeries()).toEqual(uninterrupted.minuteSeries());
      expect(restored!.takeDirtyMinutes()).toEqual(uninterrupted.takeDirtyMinutes());
      expect(restored!.toJSON()).toEqual(uninterrupted.toJSON());
    });
  }

  it('keeps a snapshot the size of its users, not of its events', () => {
    const events = new EventFactory();
    const engine = new MetricsEngine({ startedAt: 0 });
    const users = Array.from({ length: 20 }, (_, i) => `u${i}`);
    const sizeAfter = (count: number) => {
      for (let i = 0; i < count; i++) {
        const userId = users[i % users.length]!;
        engine.apply(i % 2 === 0 ? events.comment(1_000 + i, userId) : events.like(1_000 + i, { userId, count: 1 }));
      }
      return JSON.stringify(engine.toJSON()).length;
    };
    const afterThousand = sizeAfter(1_000);
    const afterTwentyThousandMore = sizeAfter(20_000);
    expect(afterTwentyThousandMore).toBeLessThan(afterThousand * 1.05);
  });

  it('round-trips an engine whose clock has not started', () => {
    const restored = roundTrip(new MetricsEngine());
    expect(restored.minuteSeries()).toEqual([]);
    restored.apply(new EventFactory().enter(5_000, 'A'));
    expect(restored.now()).toBe(5_000);
    expect(restored.totals()).toMatchObject({ uv: 1, onlineViewers: 1 });
  });

  it('refuses a snapshot of another version', () => {
    const state = { ...new MetricsEngine({ startedAt: 0 }).toJSON(), version: ENGINE_STATE_VERSION - 1 } as unknown as EngineState;
    expect(() => MetricsEngine.fromJSON(state)).toThrow(/version/);
  });
});
