/**
 * The core's gateway client against the real simulator on loopback: what the
 * gateway emits is what the store holds — across a forced disconnect, and
 * with a known gap when the gateway can no longer replay.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { startCore, type Core } from '../main/core/api/core.js';
import { openReader } from '../main/core/store/reader.js';
import { startSimulator, type RunningSimulator } from '../main/simulator/index.js';
import { tempDir, waitFor } from './helpers.js';

const tmp = tempDir();
afterAll(() => tmp.remove());
const token = 'conformance-token';

function storedEvents(file: string): { seq: number; body: unknown }[] {
  const reader = openReader(file);
  try {
    const key = reader.latestSession()!.key;
    return [...reader.eventsAfter(key, 0)].map((row) => ({ seq: row.seq, body: JSON.parse(row.body) as unknown }));
  } finally {
    reader.close();
  }
}

async function record(simulator: RunningSimulator, file: string, during?: (core: Core) => Promise<void>) {
  const core = await startCore({ dbFile: file, gateway: { url: simulator.url, room: simulator.room, token } });
  try {
    if (during) await during(core);
    const final = await core.finished();
    return { final, snapshot: core.snapshot(), recap: core.recap() };
  } finally {
    await core.stop();
  }
}

describe('gateway protocol conformance', () => {
  it('stores exactly the events the gateway emitted, then ends', async () => {
    const simulator = await startSimulator({ port: 0, token, seed: 7, speed: 'max', maxEvents: 30_000, keepEmitted: true });
    try {
      const file = tmp.file('clean.db');
      const { final, recap } = await record(simulator, file);
      expect(final.state).toBe('ended');
      const emitted = [...simulator.events()];
      expect(storedEvents(file)).toEqual(emitted.map((e) => ({ seq: e.seq, body: e })));
      expect(recap.session.events).toBe(emitted.length);
      expect(recap.rejects).toBe(0);
      expect(recap.gaps).toEqual([]);
    } finally {
      await simulator.close();
    }
  });

  it('resumes after a forced disconnect without losing or duplicating events', async () => {
    // Paced, so the stream is still running when the connections are dropped:
    // 60k events at 20k/s take 3 s from the start, and the drops come at 10k
    // and 30k stored. As fast as possible, the whole run (`end` included)
    // could reach the recorder before a drop, and nothing would be resumed.
    const EVENTS = 60_000;
    let connections = 0;
    const simulator = await startSimulator({
      port: 0,
      token,
      seed: 8,
      rate: 20_000,
      maxEvents: EVENTS,
      keepEmitted: true,
      // Started once the recorder is up, so its start-up time does not eat into the 3 s.
      autoStart: false,
      log: (line) => {
        if (/^client \S+ (connected|resumes after seq \d+)$/.test(line)) connections++;
      },
    });
    try {
      const file = tmp.file('resume.db');
      let drops = 0;
      const { final, snapshot } = await record(simulator, file, async (core) => {
        simulator.start();
        for (const threshold of [10_000, 30_000]) {
          // Only a live connection is dropped: events already in flight when
          // the last one dropped can carry `stored` past the next threshold
          // while the recorder is still reconnecting.
          await waitFor(() => connections === drops + 1 && core.snapshot().ingest.stored >= threshold);
          simulator.disconnectAll();
          drops++;
        }
      });
      expect(drops).toBe(2);
      // The first connection and one reconnect per drop: a drop that came
      // after the recorder had received `end` would find nobody to reconnect.
      expect(connections).toBe(1 + drops);
      expect(final.state).toBe('ended');
      const emitted = [...simulator.events()];
      expect(storedEvents(file).map((e) => e.seq)).toEqual(emitted.map((e) => e.seq));
      expect(snapshot.ingest.gaps).toEqual([]);
    } finally {
      await simulator.close();
    }
  });

  it('records a known gap when the gateway can no longer replay', async () => {
    // A recorder that was away longer than the gateway's replay buffer: the
    // gateway goes on at a steady rate, forgets what it sent meanwhile, and
    // the restarted recorder must record the hole as a known gap.
    const simulator = await startSimulator({ port: 0, token, seed: 9, rate: 10_000, maxEvents: 30_000, keepEmitted: true });
    try {
      const file = tmp.file('gap.db');
      const first = await startCore({ dbFile: file, gateway: { url: simulator.url, room: simulator.room, token } });
      await waitFor(() => first.snapshot().ingest.stored >= 5_000);
      await first.stop();
      await new Promise((r) => setTimeout(r, 300));
      simulator.dropBufferBefore(simulator.emitted() + 1);
      const { final, recap } = await record(simulator, file);
      expect(final.state).toBe('ended');
      expect(recap.gaps).toHaveLength(1);
      const [gap] = recap.gaps;
      const stored = new Set(storedEvents(file).map((e) => e.seq));
      const emitted = [...simulator.events()].map((e) => e.seq);
      // Everything outside the announced gap is stored, nothing inside it.
      expect(emitted.filter((seq) => (seq < gap!.fromSeq || seq > gap!.toSeq) !== stored.has(seq))).toEqual([]);
      expect(gap!.toSeq - gap!.fromSeq).toBeGreaterThan(0);
    } finally {
      await simulator.close();
    }
  });

  it('fails clearly on a wrong token, without retrying', async () => {
    const simulator = await startSimulator({ port: 0, token, seed: 1, speed: 'max', maxEvents: 100 });
    try {
      const core = await startCore({ dbFile: tmp.file('token.db'), gateway: { url: simulator.url, room: simulator.room, token: 'wrong' } });
      const final = await core.finished();
      await core.stop();
      expect(final.state).toBe('failed');
      expect(final.code).toBe('unauthorized');
    } finally {
      await simulator.close();
    }
  });

  it('pins a product card through the gateway and sees it come back on air', async () => {
    const simulator = await startSimulator({ port: 0, token, seed: 3, speed: 100 });
    const core = await startCore({ dbFile: tmp.file('pin.db'), gateway: { url: simulator.url, room: simulator.room, token } });
    try {
      await waitFor(() => core.snapshot().connection.state === 'live' && core.snapshot().products.length > 0);
      const target = core.snapshot().products.at(-1)!.id;
      expect(await core.command('pinProduct', { productId: target })).toEqual({ ok: true });
      await waitFor(() => core.snapshot().onAir?.productId === target, 10_000);
      expect(await core.command('pinProduct', { productId: 'no-such-product' })).toMatchObject({ ok: false, error: { code: 'unknown_product' } });
      expect(await core.command('pinProduct', { productId: '' })).toMatchObject({ ok: false, error: { code: 'bad_input' } });
    } finally {
      await core.stop();
      await simulator.close();
    }
  });
});
