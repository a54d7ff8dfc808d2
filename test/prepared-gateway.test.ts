/**
 * The benchmark's prepared gateway sends the same standard frames as a live
 * room: a recorder stores exactly the events it prepared, byte for byte.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { startCore } from '../main/core/api/core.js';
import { openReader } from '../main/core/store/reader.js';
import { startSimulator } from '../main/simulator/index.js';
import { tempDir } from './helpers.js';

const tmp = tempDir();
afterAll(() => tmp.remove());

describe('prepared gateway stream', () => {
  it('delivers every prepared event in order, stored byte for byte', async () => {
    const simulator = await startSimulator({ token: 't', scenario: 'apparel', seed: 3, speed: 'max', maxEvents: 12_345, prepared: true, keepEmitted: true, autoStart: false });
    const file = tmp.file('prepared.db');
    const core = await startCore({ dbFile: file, gateway: { url: simulator.url, room: simulator.room, token: 't' } });
    try {
      simulator.start();
      expect((await core.finished()).state).toBe('ended');
    } finally {
      await core.stop();
      await simulator.close();
    }
    const reader = openReader(file);
    try {
      const session = reader.latestSession()!;
      const stored = [...reader.eventsAfter(session.key, 0)].map((row) => row.body);
      expect(stored).toEqual([...simulator.events()].map((event) => JSON.stringify(event)));
      expect(stored).toHaveLength(12_345);
    } finally {
      reader.close();
    }
  });

  it('is refused without speed max and an event count', async () => {
    await expect(startSimulator({ token: 't', scenario: 'apparel', speed: 10, prepared: true })).rejects.toThrow(/prepared stream needs speed max and maxEvents/);
  });
});
