/** The per-minute series and the dirty minutes handed to the store, worked out by hand. */
import { describe, expect, it } from 'vitest';
import { MetricsEngine } from './engine.js';
import { EventFactory, applyAll } from './testing/events.js';

const T0 = Date.UTC(2025, 0, 1, 12, 0, 0);
const M0 = T0 / 60_000;
const at = (minute: number, second: number) => T0 + minute * 60_000 + second * 1000;

function scenario(): { engine: MetricsEngine; events: EventFactory } {
  const events = new EventFactory();
  const engine = new MetricsEngine({ startedAt: T0 });
  applyAll(engine, [
    events.enter(at(0, 10), 'A'),
    events.enter(at(0, 20), 'B'),
    events.comment(at(0, 30), 'A'),
    events.comment(at(0, 40), 'A'),
    events.leave(at(0, 50), 'A'),
    events.enter(at(1, 5), 'A'),
    events.leave(at(1, 10), 'A'),
    events.enter(at(1, 20), 'A'),
    events.online(at(1, 30), 40),
    events.online(at(1, 50), 35),
  ]);
  engine.advanceTo(at(3, 30));
  return { engine, events };
}

describe('per-minute series', () => {
  it('gives each minute the metrics of that minute alone, quiet minutes included', () => {
    const { engine } = scenario();
    const series = engine.minuteSeries();
    expect(series.map((m) => m.minute)).toEqual([M0, M0 + 1, M0 + 2, M0 + 3]);
    const [first, second, quiet, running] = series.map((m) => m.values);
    expect(first).toMatchObject({
      pv: 2,
      uv: 2,
      entriesPerMinute: 2,
      interactingUsers: 1, // A twice: counted once
      interactionRate: 0.5,
      avgWatchSeconds: 40, // A 10→50 = 40 s, B 20→60 = 40 s: 80 s ÷ 2
      onlineViewers: 1, // at the minute's end: B
      peakOnline: 2,
    });
    expect(second).toMatchObject({
      pv: 2, // A's two entries
      uv: 1, // A, once
      entriesPerMinute: 2,
      interactingUsers: 0,
      interactionRate: 0,
      // B all 60 s, A 5 s + 40 s; users present: B, and A (once, though present twice).
      avgWatchSeconds: 52.5,
      onlineViewers: 35, // the platform's latest figure in the minute
      peakOnline: 40,
    });
    expect(quiet).toMatchObject({ pv: 0, uv: 0, entriesPerMinute: 0, avgWatchSeconds: 60, onlineViewers: 35, peakOnline: 35, interactionRate: null });
    expect(running).toMatchObject({ avgWatchSeconds: 30, onlineViewers: 35 }); // 30 s so far, for both
  });

  it('hands the store each changed minute once', () => {
    const { engine, events } = scenario();
    expect(engine.takeDirtyMinutes().map((m) => m.minute)).toEqual([M0, M0 + 1, M0 + 2, M0 + 3]);
    expect(engine.takeDirtyMinutes()).toEqual([]);

    applyAll(engine, [events.comment(at(3, 40), 'B')]);
    const [changed, ...rest] = engine.takeDirtyMinutes();
    expect(rest).toEqual([]);
    expect(changed).toMatchObject({ minute: M0 + 3, values: { interactingUsers: 1, avgWatchSeconds: 40 } });

    // Presence keeps accruing into minute 3 until it closes; minute 4 is new.
    engine.advanceTo(at(4, 10));
    const closing = engine.takeDirtyMinutes();
    expect(closing.map((m) => m.minute)).toEqual([M0 + 3, M0 + 4]);
    expect(closing[0]!.values.avgWatchSeconds).toBe(60);
    expect(closing).toEqual(engine.minuteSeries().slice(-2));
  });

  it('reports nothing when time passes with nobody present and no event', () => {
    const events = new EventFactory();
    const engine = new MetricsEngine({ startedAt: T0 });
    applyAll(engine, [events.enter(at(0, 5), 'A'), events.leave(at(0, 10), 'A')]);
    engine.takeDirtyMinutes();
    engine.advanceTo(at(0, 50));
    expect(engine.takeDirtyMinutes()).toEqual([]);
  });

  it('does not fill in the minutes of a silence longer than a day (a clock error)', () => {
    const events = new EventFactory();
    const engine = new MetricsEngine({ startedAt: T0 });
    applyAll(engine, [events.enter(at(0, 0), 'A')]);
    engine.advanceTo(at(3 * 24 * 60, 30));
    expect(engine.minuteSeries().map((m) => m.minute)).toEqual([M0, M0 + 3 * 24 * 60]);
    expect(engine.minuteSeries()[1]!.values).toMatchObject({ avgWatchSeconds: 30, onlineViewers: 1 });
    // Totals still count the whole presence.
    expect(engine.totals().avgWatchSeconds).toBe(3 * 24 * 3600 + 30);
  });
});
