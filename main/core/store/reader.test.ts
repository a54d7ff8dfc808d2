import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openReader, type StoreReader } from './reader.js';
import { syntheticBatch } from './testing/synthetic.js';
import { tempFolder } from './testing/temp-files.js';
import type { SessionInfo } from './types.js';
import { StoreWriter } from './writer.js';

const session = (sessionId: string, startedAt: number, room = 'room-1'): SessionInfo => ({
  gateway: 'ws://gateway',
  room,
  roomJson: `{"id":"${room}"}`,
  sessionId,
  startedAt,
  productsJson: '[]',
});

let folder: ReturnType<typeof tempFolder>;
let writer: StoreWriter;
let reader: StoreReader;

beforeEach(async () => {
  folder = tempFolder();
  writer = await StoreWriter.open(folder.path('store.db'));
  reader = openReader(folder.path('store.db'));
});

afterEach(async () => {
  try {
    reader.close();
    await writer.close();
  } finally {
    folder.remove();
  }
});

describe('StoreReader', () => {
  it('finds sessions by key, by id, latest first', async () => {
    const older = await writer.openSession(session('s-old', 1_000));
    const newer = await writer.openSession(session('s-new', 2_000));
    const sameIdOtherRoom = await writer.openSession(session('s-old', 3_000, 'room-2'));

    expect(reader.latestSession()?.key).toBe(sameIdOtherRoom.key);
    expect(reader.listSessions().map((stored) => stored.key)).toEqual([sameIdOtherRoom.key, newer.key, older.key]);
    expect(reader.sessionById('s-new')?.key).toBe(newer.key);
    expect(reader.sessionById('s-old')?.key).toBe(sameIdOtherRoom.key);
    expect(reader.sessionById('unknown')).toBeNull();
    expect(reader.sessionByKey(older.key)).toEqual({
      key: older.key,
      ...session('s-old', 1_000),
      endedAt: null,
      lastSeq: 0,
      createdAt: expect.any(Number) as number,
    });
  });

  it('returns empty answers for a session without data', async () => {
    const { key } = await writer.openSession(session('s', 1));
    expect([...reader.eventsAfter(key)]).toEqual([]);
    expect(reader.countEvents(key)).toBe(0);
    expect(reader.rejectCount(key)).toBe(0);
    expect(reader.rejects(key, 10)).toEqual([]);
    expect(reader.gaps(key)).toEqual([]);
    expect(reader.minutes(key)).toEqual([]);
    expect(reader.snapshot(key)).toBeNull();
    expect(reader.sessionByKey(key + 1)).toBeNull();
  });

  it('lists the platform ids of one session for rebuilding the dedup set', async () => {
    const first = await writer.openSession(session('a', 1));
    const second = await writer.openSession(session('b', 2));
    await writer.append(syntheticBatch(first.key, 1, 20));
    await writer.append(syntheticBatch(second.key, 100, 5));

    expect([...reader.eventIds(first.key)]).toEqual(['o3#paid', 'c5', 'o8#paid', 'c10', 'o13#paid', 'c15', 'o18#paid', 'c20']);
  });

  it('streams several iterations at once while the writer keeps writing', async () => {
    const { key } = await writer.openSession(session('s', 1));
    await writer.append(syntheticBatch(key, 1, 2_000));

    const outer = reader.eventsAfter(key, 0);
    const inner = reader.storedSeqs(key);
    expect(outer.next().value?.seq).toBe(1);
    expect(inner.next().value).toBe(1);
    // WAL: the open iterations keep their snapshot; the writer is not blocked.
    await writer.append(syntheticBatch(key, 2_001, 1_000));
    expect([...outer].length).toBe(1_999);
    expect([...inner].length).toBe(1_999);
    expect(reader.countEvents(key)).toBe(3_000);
  });
});
