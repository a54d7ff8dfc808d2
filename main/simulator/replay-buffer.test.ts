import { describe, expect, it } from 'vitest';
import type { LiveEvent } from '../../shared/protocol/index.js';
import { ReplayBuffer } from './replay-buffer.js';

const like = (seq: number, ts = seq * 1000): LiveEvent => ({ seq, ts, type: 'like', count: 1 });
const seqs = (events: LiveEvent[]) => events.map((event) => event.seq);

function filled(capacity: number, count: number): ReplayBuffer {
  const buffer = new ReplayBuffer(capacity);
  for (let seq = 1; seq <= count; seq++) buffer.push(like(seq));
  return buffer;
}

describe('replay buffer', () => {
  it('replays what follows a seq, a batch at a time', () => {
    const buffer = filled(100, 10);
    expect(seqs(buffer.readAfter(0, 3))).toEqual([1, 2, 3]);
    expect(seqs(buffer.readAfter(7, 100))).toEqual([8, 9, 10]);
    expect(buffer.readAfter(10, 100)).toEqual([]);
    expect(buffer.droppedThrough).toBe(0);
  });

  it('stays within its capacity and remembers what it dropped', () => {
    const buffer = filled(4, 10);
    expect(buffer.size).toBe(4);
    expect(buffer.droppedThrough).toBe(6);
    expect(seqs(buffer.readAfter(0, 100))).toEqual([7, 8, 9, 10]);
    expect(buffer.lastSeq).toBe(10);
  });

  it('finds its place in recordings with holes in the seqs', () => {
    const buffer = new ReplayBuffer(10);
    for (const seq of [1, 2, 5, 9]) buffer.push(like(seq));
    expect(seqs(buffer.readAfter(3, 10))).toEqual([5, 9]);
    expect(() => buffer.push(like(9))).toThrow(RangeError);
  });

  it('forgets on request everything before a seq', () => {
    const buffer = filled(100, 10);
    buffer.dropBefore(5);
    expect(buffer.droppedThrough).toBe(4);
    expect(seqs(buffer.readAfter(0, 100))).toEqual([5, 6, 7, 8, 9, 10]);
  });

  it('lets acknowledged events go only once they are older than the retention floor', () => {
    const buffer = filled(100, 10); // ts = seq seconds
    buffer.dropAcknowledged(8, 4000);
    expect(buffer.droppedThrough).toBe(3); // seq 4 is acknowledged but too recent
    buffer.dropAcknowledged(2, 10_000);
    expect(buffer.droppedThrough).toBe(3);
    buffer.dropAcknowledged(8, 100_000);
    expect(buffer.droppedThrough).toBe(8); // seq 9 was never acknowledged
  });
});
