import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openReader, type StoreReader } from './reader.js';
import { toAppendBatch } from './raw-insert.js';
import { syntheticBatch, syntheticEvents } from './testing/synthetic.js';
import { tempFolder } from './testing/temp-files.js';
import type { AppendBatch, SessionInfo, SessionKey } from './types.js';
import { StoreWriter } from './writer.js';

const SESSION: SessionInfo = {
  gateway: 'ws://gateway',
  room: 'room-1',
  roomJson: '{"id":"room-1","title":"Autumn sale"}',
  sessionId: 'session-1',
  startedAt: 1_760_000_000_000,
  productsJson: '[{"id":"p1"}]',
};

let folder: ReturnType<typeof tempFolder>;
let file: string;
let writer: StoreWriter;
let reader: StoreReader;
let key: SessionKey;

beforeEach(async () => {
  folder = tempFolder();
  file = folder.path('store.db');
  writer = await StoreWriter.open(file);
  key = (await writer.openSession(SESSION)).key;
  reader = openReader(file);
});

afterEach(async () => {
  try {
    reader.close();
    await writer.close();
  } finally {
    folder.remove();
  }
});

const seqsOf = (session: SessionKey): number[] => [...reader.storedSeqs(session)];
const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('StoreWriter.append', () => {
  it('stores events that the reader then streams back in seq order', async () => {
    const batch = syntheticBatch(key, 1, 120);
    expect(await writer.append(batch)).toEqual({ committedSeq: 120, inserted: 120, ignored: 0 });

    const events = [...reader.eventsAfter(key, 100)];
    expect(events.map((event) => event.seq)).toEqual(range(101, 120));
    expect(events[0]).toEqual({
      seq: 101,
      ts: batch.ts[100],
      type: batch.types[100],
      eid: batch.eids[100],
      known: 1,
      body: batch.bodies[100],
      retracted: 0,
    });
    expect(reader.countEvents(key)).toBe(120);
    expect(reader.sessionByKey(key)?.lastSeq).toBe(120);
  });

  it('stores a replayed batch once and reports the duplicates as ignored', async () => {
    await writer.append(syntheticBatch(key, 1, 100));
    expect(await writer.append(syntheticBatch(key, 1, 100))).toEqual({ committedSeq: 100, inserted: 0, ignored: 100 });
    expect(await writer.append(syntheticBatch(key, 51, 100))).toEqual({ committedSeq: 150, inserted: 50, ignored: 50 });
    expect(seqsOf(key)).toEqual(range(1, 150));
  });

  it('stores rejects, gaps, minute aggregates and the newest snapshot with the batch', async () => {
    const first: AppendBatch = {
      ...syntheticBatch(key, 1, 10),
      rejects: [
        { seq: 4, reason: 'amount must not be negative', raw: '{"seq":4}', receivedAt: 5 },
        { seq: null, reason: 'not an object', raw: '"junk"', receivedAt: 6 },
      ],
      minutes: [
        { minute: 100, data: '{"comments":1}' },
        { minute: 101, data: '{"comments":2}' },
      ],
      gaps: [{ fromSeq: 11, toSeq: 20, detectedAt: 7 }],
      snapshot: { seq: 10, state: '{"at":10}' },
    };
    await writer.append(first);
    const replayedOlder: AppendBatch = {
      ...syntheticBatch(key, 21, 5),
      minutes: [{ minute: 101, data: '{"comments":3}' }],
      gaps: [{ fromSeq: 11, toSeq: 20, detectedAt: 8 }],
      snapshot: { seq: 3, state: '{"at":3}' },
    };
    await writer.append(replayedOlder);

    expect(reader.rejectCount(key)).toBe(2);
    expect(reader.rejects(key, 1)).toEqual([{ seq: null, reason: 'not an object', raw: '"junk"', receivedAt: 6 }]);
    expect(reader.gaps(key)).toEqual([{ fromSeq: 11, toSeq: 20, detectedAt: 7 }]);
    expect(reader.minutes(key)).toEqual([
      { minute: 100, data: '{"comments":1}' },
      { minute: 101, data: '{"comments":3}' },
    ]);
    expect(reader.snapshot(key)).toEqual({ seq: 10, state: '{"at":10}' });
    expect((await writer.openSession(SESSION)).snapshot).toEqual({ seq: 10, state: '{"at":10}' });
  });

  it('answers many concurrent appends in call order, grouped or not', async () => {
    const batchSize = 50;
    const calls = range(0, 299).map((i) => {
      const from = i * batchSize + 1;
      // A session update in the middle of the stream must keep its place too.
      if (i === 150) void writer.updateProducts(key, '[{"id":"p2"}]');
      return writer.append(syntheticBatch(key, from, batchSize)).then((result) => ({ result, lastSeq: from + batchSize - 1 }));
    });

    for (const { result, lastSeq } of await Promise.all(calls)) {
      expect(result).toEqual({ committedSeq: lastSeq, inserted: batchSize, ignored: 0 });
    }
    expect(seqsOf(key)).toEqual(range(1, 300 * batchSize));
    expect(reader.sessionByKey(key)?.productsJson).toBe('[{"id":"p2"}]');
  });
});

describe('StoreWriter errors', () => {
  it('rejects a failing request with a clear message and keeps serving the next ones', async () => {
    await expect(writer.append(syntheticBatch(999, 1, 10))).rejects.toThrow('no session with key 999');
    await expect(writer.endSession(999, 1)).rejects.toThrow('no session with key 999');
    const misaligned = { ...syntheticBatch(key, 1, 10), bodies: [] };
    await expect(writer.append(misaligned)).rejects.toThrow(`batch for session ${key} has columns of different lengths`);
    expect(await writer.append(syntheticBatch(key, 1, 10))).toEqual({ committedSeq: 10, inserted: 10, ignored: 0 });
  });

  it('rolls back only the failing batch of a group commit', async () => {
    const wrongType = { ...syntheticBatch(key, 11, 10), seqs: range(11, 20).map((seq) => `seq-${seq}`) } as unknown as AppendBatch;
    const outcomes = await Promise.allSettled([
      writer.append(syntheticBatch(key, 1, 10)),
      writer.append(wrongType),
      writer.append(syntheticBatch(key, 21, 10)),
    ]);

    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(seqsOf(key)).toEqual([...range(1, 10), ...range(21, 30)]);
  });

  it('refuses requests once closed, and closing twice is harmless', async () => {
    await writer.close();
    await writer.close();
    await expect(writer.append(syntheticBatch(key, 1, 1))).rejects.toThrow(`store writer for ${file} is closed`);
    writer = await StoreWriter.open(file);
  });
});

describe('StoreWriter sessions', () => {
  it('finds an existing (room, session id) and tells where to resume', async () => {
    await writer.append(syntheticBatch(key, 1, 30));
    expect(await writer.openSession({ ...SESSION, productsJson: '[]' })).toEqual({ key, lastSeq: 30, snapshot: null });
    const otherRoom = await writer.openSession({ ...SESSION, room: 'room-2' });
    expect(otherRoom).toEqual({ key: otherRoom.key, lastSeq: 0, snapshot: null });
    expect(otherRoom.key).not.toBe(key);
  });

  it('records products and the end of a session', async () => {
    await writer.updateProducts(key, '[{"id":"p9"}]');
    expect(reader.latestOpenSession(SESSION.gateway, SESSION.room)?.key).toBe(key);
    await writer.endSession(key, 1_760_000_999_000);

    expect(reader.sessionByKey(key)).toMatchObject({ productsJson: '[{"id":"p9"}]', endedAt: 1_760_000_999_000 });
    expect(reader.latestOpenSession(SESSION.gateway, SESSION.room)).toBeNull();
  });
});

describe('retracts carried by an append', () => {
  const retractedEids = () => [...reader.eventsAfter(key)].filter((event) => event.retracted === 1).map((event) => event.eid);

  it('marks stored comments by platform id in the same transaction, and keeps them', async () => {
    await writer.append(syntheticBatch(key, 1, 100));
    // Same id on a non-comment event: a retract is about comments only.
    const order = syntheticEvents(103, 1).map((event) => ({ ...event, eid: 'c10' }));
    expect(order[0]?.type).toBe('order.paid');
    await writer.append({ ...toAppendBatch(key, order), retracts: [{ id: 'c10' }, { id: 'c50' }, { id: 'never-stored' }] });
    expect(retractedEids()).toEqual(['c10', 'c50']);
    expect(reader.countEvents(key)).toBe(101);
  });

  it('finds old comments beyond the newest window of events', async () => {
    await writer.append(syntheticBatch(key, 5, 1));
    await writer.append({ ...syntheticBatch(key, 5_000_000, 5), retracts: [{ id: 'c5' }] });
    expect([...reader.eventsAfter(key, 0)][0]).toMatchObject({ seq: 5, retracted: 1 });
  });

  it('marks by seq when the caller knows it, and falls back to the id when the seq is wrong', async () => {
    await writer.append(syntheticBatch(key, 1, 100));
    await writer.append({ ...syntheticBatch(key, 101, 5), retracts: [{ id: 'c20', seq: 20 }, { id: 'c30', seq: 31 }] });
    expect(retractedEids()).toEqual(['c20', 'c30']);
  });
});

