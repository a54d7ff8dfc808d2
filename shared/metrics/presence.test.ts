/** Presence (average watch time), online viewers and event time. */
import { describe, expect, it } from 'vitest';
import { MetricsEngine } from './engine.js';
import { EventFactory, applyAll } from './testing/events.js';

const T0 = Date.UTC(2025, 0, 1, 12, 0, 0);
const s = (seconds: number) => T0 + seconds * 1000;

function engineWith(build: (events: EventFactory) => Parameters<typeof applyAll>[1]): MetricsEngine {
  const engine = new MetricsEngine({ startedAt: T0 });
  applyAll(engine, build(new EventFactory()));
  return engine;
}

describe('presence', () => {
  it('does not restart presence on an enter while present', () => {
    const engine = engineWith((e) => [e.enter(s(0), 'A'), e.enter(s(30), 'A'), e.leave(s(60), 'A')]);
    // One stint of 60 s, not 30 s from the second enter.
    expect(engine.totals()).toMatchObject({ uv: 1, pv: 2, avgWatchSeconds: 60 });
  });

  it('changes nothing on a leave while absent, or of a user never seen', () => {
    const engine = engineWith((e) => [e.enter(s(0), 'A'), e.leave(s(10), 'A'), e.leave(s(20), 'A'), e.leave(s(25), 'ghost')]);
    engine.advanceTo(s(100));
    expect(engine.totals()).toMatchObject({ uv: 1, pv: 1, avgWatchSeconds: 10, onlineViewers: 0 });
    // The ghost's leave added no user anywhere.
    expect(engine.toJSON().users.ids).toEqual(['A']);
  });

  it('adds up separate stints of one user and divides by distinct users', () => {
    const engine = engineWith((e) => [
      e.enter(s(0), 'A'),
      e.leave(s(20), 'A'),
      e.enter(s(50), 'A'),
      e.leave(s(80), 'A'), // A: 20 s + 30 s
      e.enter(s(10), 'B'), // late: stamped 10 s but arrives at 80 s, so counts from 80 s
    ]);
    engine.advanceTo(s(100));
    // A 50 s, B 80→100 = 20 s: 70 s ÷ 2 users.
    expect(engine.totals()).toMatchObject({ uv: 2, pv: 3, avgWatchSeconds: 35 });
  });

  it('runs presence until now while live, and stops it at the end', () => {
    const engine = engineWith((e) => [e.enter(s(0), 'A'), e.enter(s(40), 'B')]);
    engine.advanceTo(s(100));
    expect(engine.totals().avgWatchSeconds).toBe(80); // (100 + 60) ÷ 2
    engine.end(s(120));
    expect(engine.totals()).toMatchObject({ avgWatchSeconds: 100, onlineViewers: 0, peakOnline: 2 }); // (120 + 80) ÷ 2
    engine.advanceTo(s(600));
    expect(engine.totals().avgWatchSeconds).toBe(100);
  });

  it('never ends presence before the latest time seen', () => {
    const engine = engineWith((e) => [e.enter(s(0), 'A'), e.comment(s(90), 'A')]);
    engine.end(s(60)); // the end message's clock is behind the events
    expect(engine.totals().avgWatchSeconds).toBe(90);
    expect(engine.now()).toBe(s(90));
  });

  it('keeps time monotonic: advanceTo never goes back', () => {
    const engine = engineWith((e) => [e.enter(s(0), 'A')]);
    engine.advanceTo(s(50));
    engine.advanceTo(s(20));
    expect(engine.now()).toBe(s(50));
    expect(engine.totals().avgWatchSeconds).toBe(50);
  });
});

describe('online viewers', () => {
  it('counts users present until the platform reports a figure, then follows the platform', () => {
    const events = new EventFactory();
    const engine = new MetricsEngine({ startedAt: T0 });
    applyAll(engine, [events.enter(s(1), 'A'), events.enter(s(2), 'B'), events.enter(s(3), 'C'), events.leave(s(4), 'C')]);
    expect(engine.totals()).toMatchObject({ onlineViewers: 2, peakOnline: 3 });

    applyAll(engine, [events.online(s(5), 57)]);
    expect(engine.totals()).toMatchObject({ onlineViewers: 57, peakOnline: 57 });

    // Entries and leaves no longer move the figure: the platform's count is authoritative.
    applyAll(engine, [events.online(s(6), 12), events.enter(s(7), 'D'), events.leave(s(8), 'A')]);
    expect(engine.totals()).toMatchObject({ onlineViewers: 12, peakOnline: 57 });

    // A platform figure of 0 is a figure, not "none reported".
    applyAll(engine, [events.online(s(9), 0)]);
    expect(engine.totals()).toMatchObject({ onlineViewers: 0, peakOnline: 57 });
  });

  it('keeps the peak of users present when the platform reports less later', () => {
    const engine = engineWith((e) => [e.enter(s(1), 'A'), e.enter(s(2), 'B'), e.online(s(3), 1)]);
    expect(engine.totals()).toMatchObject({ onlineViewers: 1, peakOnline: 2 });
  });
});
