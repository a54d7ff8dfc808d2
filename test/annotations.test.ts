/**
 * What the live team marks during a session (moments, answered comments) is
 * kept in the store: it shows in the live state, survives a restart of the
 * recorder, and reaches the recap. Older comments can be paged from the store.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { startCore, type Core } from '../main/core/api/core.js';
import { startSimulator } from '../main/simulator/index.js';
import { tempDir, waitFor } from './helpers.js';

const tmp = tempDir();
afterAll(() => tmp.remove());

describe('session annotations', () => {
  it('stores moments and answered marks, shows them live and after a restart, and pages comment history', async () => {
    const simulator = await startSimulator({ token: 't', scenario: 'skincare', seed: 5, speed: 60, durationMinutes: 6 });
    const file = tmp.file('annotations.db');
    const gateway = { url: simulator.url, room: simulator.room, token: 't' };
    let core: Core | null = await startCore({ dbFile: file, gateway });
    try {
      await expect(core.markMoment('too early')).rejects.toThrow(/no live session/);
      // Buyers' questions: spam is also a comment, but a moderator retracts it and it leaves the history.
      const questions = () => core!.snapshot().comments.filter((c) => c.question);
      await waitFor(() => core!.snapshot().comments.length >= 20 && questions().length > 0, 20_000);
      const moment = await core.markMoment('开价');
      expect(moment.note).toBe('开价');
      // The newest question: it stays in the live window while the mark is written.
      const target = questions().at(-1)!;
      await core.markComment(target.id, true);

      const live = core.snapshot();
      expect(live.moments).toEqual([moment]);
      expect(live.comments.find((c) => c.id === target.id)?.answered).toBe(true);

      const history = core.commentHistory(undefined, 10_000);
      expect(history.length).toBeGreaterThanOrEqual(20);
      expect(history.map((c) => c.seq)).toEqual([...history.map((c) => c.seq)].sort((a, b) => b - a));
      expect(history.find((c) => c.id === target.id)?.answered).toBe(true);
      const older = core.commentHistory(history[4]!.seq, 3);
      expect(older.map((c) => c.seq)).toEqual(history.slice(5, 8).map((c) => c.seq));
      // A hole between two held comments: only what lies strictly between them.
      const between = core.commentHistory(history[2]!.seq, 1_000, history[9]!.seq);
      expect(between.map((c) => c.seq)).toEqual(history.slice(3, 9).map((c) => c.seq));

      await core.markComment(target.id, false);
      await core.markComment(target.id, true);
      await core.stop();
      core = null;

      // A restarted recorder finds the same marks in the store.
      core = await startCore({ dbFile: file, gateway });
      await waitFor(() => core!.snapshot().session !== null, 20_000);
      expect(core.snapshot().moments).toEqual([moment]);
      expect(core.commentHistory(undefined, 10_000).find((c) => c.id === target.id)?.answered).toBe(true);
      const finished = await core.finished();
      expect(finished.state).toBe('ended');
      expect(core.recap().moments).toEqual([moment]);
    } finally {
      await core?.stop();
      await simulator.close();
    }
  });
});
