/**
 * A recorder that stops mid-session (its in-memory state gone) and starts
 * again restores the metrics engine from the newest snapshot plus the events
 * stored after it, and ends with exactly the totals, windows and product
 * figures of a recorder that never stopped.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { IngestPipeline } from '../main/core/ingest/pipeline.js';
import { buildRecap } from '../main/core/recap/recap.js';
import { openReader } from '../main/core/store/reader.js';
import { StoreWriter } from '../main/core/store/writer.js';
import { ScenarioGenerator, scenarios } from '../main/simulator/index.js';
import { MetricsEngine } from '../shared/metrics/index.js';
import type { Hello, LiveEvent } from '../shared/protocol/index.js';
import { tempDir } from './helpers.js';

const tmp = tempDir();
afterAll(() => tmp.remove());

const START = 1_700_000_000_000;
function scenarioEvents(count: number): LiveEvent[] {
  const generator = new ScenarioGenerator({ scenario: scenarios.apparel, seed: 21, durationMs: 30 * 60_000, loop: true, stamp: (offset) => START + offset });
  const out: LiveEvent[] = [];
  generator.take(count, Infinity, out);
  return out;
}

const hello: Hello = {
  protocol: 1,
  room: scenarios.apparel.room,
  session: { id: 'restart-session', startedAt: START },
  products: [],
  serverTime: START,
};

async function recorder(file: string) {
  const writer = await StoreWriter.open(file);
  const reader = openReader(file);
  const pipeline = new IngestPipeline({ writer, reader, gateway: 'test', room: hello.room.id, snapshotEveryEvents: 5_000 });
  pipeline.hello(hello);
  return {
    pipeline,
    feed(events: LiveEvent[]) {
      for (let i = 0; i < events.length; i += 1_000) pipeline.events(events.slice(i, i + 1_000), Date.now());
    },
    async close() {
      await pipeline.drain();
      reader.close();
      await writer.close();
    },
  };
}

describe('restart mid-session', () => {
  it('restores from a snapshot plus the events after it, and counts exactly as an uninterrupted run', async () => {
    const events = scenarioEvents(40_000);
    const file = tmp.file('restart.db');

    const first = await recorder(file);
    first.feed(events.slice(0, 23_500));
    await first.close();
    const reader = openReader(file);
    const key = reader.latestSession()!.key;
    const snapshot = reader.snapshot(key)!;
    reader.close();
    // The snapshot is behind the last stored event: the restart must replay the rest.
    expect(snapshot.seq).toBeGreaterThan(0);
    expect(snapshot.seq).toBeLessThan(events[23_499]!.seq);

    const second = await recorder(file);
    // The gateway resends from the resume point, with some repeats: they must not count twice.
    second.feed(events.slice(23_000));
    second.pipeline.end({ session: hello.session.id, endedAt: events.at(-1)!.ts });
    await second.pipeline.drain();
    const restored = second.pipeline.active!.engine;
    expect(second.pipeline.counters.duplicates).toBe(500);

    const uninterrupted = new MetricsEngine({ startedAt: START });
    for (const event of events) uninterrupted.apply(event);
    uninterrupted.end(events.at(-1)!.ts);

    expect(restored.totals()).toEqual(uninterrupted.totals());
    expect(restored.window(5)).toEqual(uninterrupted.window(5));
    expect(restored.products()).toEqual(uninterrupted.products());
    await second.close();

    const recapReader = openReader(file);
    expect(buildRecap(recapReader).totals).toEqual(uninterrupted.totals());
    recapReader.close();
  });
});
