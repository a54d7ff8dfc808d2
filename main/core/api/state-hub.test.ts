import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_STATE_HZ, type CoreSnapshot } from '../../../shared/api/contract.js';
import { StateHub, type StateUpdate } from './state-hub.js';

afterEach(() => vi.useRealTimers());

function snapshot(stored: number, comments = 0): CoreSnapshot {
  return { ingest: { stored }, comments: Array.from({ length: comments }, (_, i) => ({ seq: i })) } as unknown as CoreSnapshot;
}

describe('StateHub', () => {
  it('sends a full snapshot first, then only the parts that changed, at most MAX_STATE_HZ (4) times a second', () => {
    vi.useFakeTimers();
    let current = snapshot(0);
    let revision = 0;
    const hub = new StateHub(() => current, () => revision);
    const updates: StateUpdate[] = [];
    const unsubscribe = hub.subscribe((u) => updates.push(u));
    expect(updates).toEqual([{ kind: 'snapshot', snapshot: current }]);

    // A thousand changes within one second reach the subscriber as at most MAX_STATE_HZ patches.
    for (let i = 1; i <= 1000; i++) {
      current = snapshot(i);
      revision++;
      vi.advanceTimersByTime(1);
    }
    const patches = updates.slice(1);
    expect(patches.length).toBeLessThanOrEqual(MAX_STATE_HZ);
    expect(patches.length).toBeGreaterThanOrEqual(MAX_STATE_HZ - 1);
    // The snapshot was the baseline: patches carry only what changed since.
    for (const update of patches) expect(Object.keys((update as { patch: object }).patch)).toEqual(['ingest']);
    const last = patches.at(-1);
    expect(last).toMatchObject({ kind: 'patch', patch: { ingest: { stored: expect.any(Number) } } });

    // Nothing changed: nothing sent. Then only the changed key travels.
    vi.advanceTimersByTime(200);
    const before = updates.length;
    vi.advanceTimersByTime(500);
    expect(updates.length).toBe(before);
    current = { ...current, comments: [{ seq: 1 }] } as unknown as CoreSnapshot;
    revision++;
    vi.advanceTimersByTime(100);
    const changed = updates.slice(before);
    expect(changed).toHaveLength(1);
    expect(Object.keys((changed[0] as { patch: object }).patch)).toEqual(['comments']);
    unsubscribe();
  });

  it('builds nothing while nothing arrives, yet shows within a second what changes on its own', () => {
    vi.useFakeTimers();
    let current = snapshot(0);
    let builds = 0;
    const hub = new StateHub(() => {
      builds++;
      return current;
    }, () => 7);
    const updates: StateUpdate[] = [];
    hub.subscribe((u) => updates.push(u));
    builds = 0;
    vi.advanceTimersByTime(10_000);
    // Ten seconds of an idle room: one look a second, not MAX_STATE_HZ.
    expect(builds).toBeLessThanOrEqual(11);
    // A change no message announced (the co-pilot's own tick) still reaches the UI within the quiet refresh.
    current = snapshot(0, 1);
    vi.advanceTimersByTime(1_000);
    expect(updates.at(-1)).toMatchObject({ kind: 'patch', patch: { comments: [{ seq: 0 }] } });
    hub.stop();
  });
});
