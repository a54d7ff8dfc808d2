import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { LiveEvent } from '../../shared/protocol/index.js';
import { readReplayFile, ReplayProducer } from './replay.js';

const smallRecording = fileURLToPath(new URL('../../test/fixtures/replay-small.jsonl', import.meta.url));

describe('replay files', () => {
  it('keeps the valid events as recorded and skips bad lines with reasons', async () => {
    const recording = await readReplayFile(smallRecording);
    expect(recording.events.map((event) => event.seq)).toEqual([1, 2, 3, 4, 5, 6, 8, 9, 10, 12, 13]);
    expect(recording.skipped).toBe(4);
    expect(recording.problems).toEqual([
      'line 5: not JSON',
      expect.stringMatching(/^line 7: amount/),
      'line 10: unknown event type "gift.sent"',
      'line 11: seq 5 does not follow 6',
    ]);
  });

  it('plays back on its own clock, keeping seqs and spacing', async () => {
    const { events } = await readReplayFile(smallRecording);
    const producer = new ReplayProducer(events, (offsetMs) => 5_000 + offsetMs / 2);
    const out: LiveEvent[] = [];
    producer.take(100, 2000, out); // the first two seconds of the recording
    expect(out.map((event) => event.seq)).toEqual([1, 2, 3, 4]);
    expect(out.map((event) => event.ts)).toEqual([5_000, 5_200, 5_550, 6_000]);
    producer.take(100, Infinity, out);
    expect(out.map(({ ts: _ts, ...rest }) => rest)).toEqual(events.map(({ ts: _ts, ...rest }) => rest));
    expect(producer.finished).toBe(true);
    expect(events[0]?.ts).toBe(1717243200000); // the recording itself is left untouched
    expect(producer.command({ id: 'x', type: 'card.unpin' })).toMatchObject({ ok: false, error: { code: 'read_only' } });
  });
});
