/**
 * kill -9 the recorder in the middle of a fast session, start it again, and
 * the store must hold exactly the gateway's events — none lost, none twice —
 * with the same totals as a recorder that was never interrupted.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { openReader } from '../main/core/store/reader.js';
import { startSimulator } from '../main/simulator/index.js';
import { collect, runCli, spawnCli, tempDir, waitFor } from './helpers.js';

const tmp = tempDir();
afterAll(() => tmp.remove());
const token = 'crash-token';
const EVENTS = 150_000;
/**
 * Both gateways play the same seeded scenario on the live-room clock at 400x.
 * The 150k events become due over ~8 s of wall time, the first third (which
 * the kill waits for) within ~3 s, so the kill lands mid-stream even when the
 * recorder is slow to start or the polling lags; unpaced, the recorder could
 * store all 150k before the kill. Clock pacing rather than a fixed rate: it
 * stamps each event with its scenario time after the session start, so both
 * gateways emit identical events and the two recorders' totals compare
 * exactly (a fixed rate stamps the wall clock, and time-based totals such as
 * entries per minute would differ).
 */
const gateway = { token, seed: 42, speed: 400, maxEvents: EVENTS } as const;

function storedCount(file: string): number {
  try {
    const reader = openReader(file);
    try {
      const session = reader.latestSession();
      return session ? reader.countEvents(session.key) : 0;
    } finally {
      reader.close();
    }
  } catch {
    return 0; // not created yet
  }
}

async function recapJson(file: string) {
  const result = await runCli(['recap', '--db', file, '--json']);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as { totals: Record<string, number | null>; session: { events: number }; gaps: unknown[] };
}

describe('crash safety', () => {
  it('loses nothing and duplicates nothing across kill -9 and restart', { timeout: 180_000 }, async () => {
    const crashed = await startSimulator({ ...gateway, port: 0, keepEmitted: true });
    const clean = await startSimulator({ ...gateway, port: 0 });
    try {
      const crashedDb = tmp.file('crashed.db');
      const args = (url: string, room: string, db: string) => ['record', '--gateway', url, '--room', room, '--token', token, '--db', db];

      const first = spawnCli(args(crashed.url, crashed.room, crashedDb));
      const firstExit = collect(first, 120_000);
      await waitFor(() => storedCount(crashedDb) >= EVENTS / 3, 120_000, 20);
      first.kill('SIGKILL');
      expect((await firstExit).signal).toBe('SIGKILL');
      const atKill = storedCount(crashedDb);
      expect(atKill).toBeLessThan(EVENTS);

      const second = await runCli(args(crashed.url, crashed.room, crashedDb), 120_000);
      expect(second.stderr).toBe('');
      expect(second.code).toBe(0);

      const reader = openReader(crashedDb);
      const key = reader.latestSession()!.key;
      const stored = [...reader.eventsAfter(key, 0)].map((row) => JSON.parse(row.body) as { seq: number });
      reader.close();
      const emitted = [...crashed.events()];
      expect(stored.length).toBe(emitted.length);
      expect(stored).toEqual(emitted);

      const cleanDb = tmp.file('clean.db');
      const cleanRun = await runCli(args(clean.url, clean.room, cleanDb), 120_000);
      expect(cleanRun.code).toBe(0);
      const [afterCrash, uninterrupted] = await Promise.all([recapJson(crashedDb), recapJson(cleanDb)]);
      expect(afterCrash.session.events).toBe(EVENTS);
      expect(afterCrash.gaps).toEqual([]);
      expect(afterCrash.totals).toEqual(uninterrupted.totals);
    } finally {
      await crashed.close();
      await clean.close();
    }
  });
});
