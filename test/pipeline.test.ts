/**
 * The ingest pipeline's promises at its edges, on a real store: nothing is
 * acknowledged past a failed write, a quick reconnect while a session opens
 * counts nothing twice, and replayed malformed events are recorded once.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { IngestPipeline } from '../main/core/ingest/pipeline.js';
import { WireBatch } from '../main/core/source/wire-decoder.js';
import { openReader } from '../main/core/store/reader.js';
import type { AppendBatch, AppendResult } from '../main/core/store/types.js';
import { StoreWriter } from '../main/core/store/writer.js';
import type { Hello } from '../shared/protocol/index.js';
import { tempDir } from './helpers.js';

const tmp = tempDir();
afterAll(() => tmp.remove());

const START = 1_700_000_000_000;
const hello: Hello = {
  protocol: 1,
  room: { id: 'r1', title: '测试', host: '小美', platform: 'xiaohongshu' },
  session: { id: 's1', startedAt: START },
  products: [],
  serverTime: START,
};
const enter = (seq: number) => ({ seq, ts: START + seq * 1000, type: 'viewer.enter', user: { id: `u${seq}`, name: '' } });

async function setUp(name: string, failAppend?: number) {
  const file = tmp.file(name);
  const writer = await StoreWriter.open(file);
  const reader = openReader(file);
  let appends = 0;
  // The real writer, except that one chosen append fails (a disk error, say).
  // Answers arrive in request order, as the writer thread gives them.
  let previous: Promise<unknown> = Promise.resolve();
  const append = (batch: AppendBatch): Promise<AppendResult> => {
    const result =
      ++appends === failAppend
        ? previous.then((): AppendResult => {
            throw new Error('disk I/O error');
          })
        : writer.append(batch);
    previous = result.catch(() => undefined);
    return result;
  };
  const flaky = new Proxy(writer, {
    get: (target, property) => (property === 'append' ? append : (Reflect.get(target, property) as () => unknown).bind(target)),
  });
  const acks: number[] = [];
  const fatal: Error[] = [];
  const pipeline = new IngestPipeline({
    writer: flaky,
    reader,
    gateway: 'test',
    room: 'r1',
    onCommitted: (_session, result) => acks.push(result.committedSeq),
    onFatal: (error) => fatal.push(error),
  });
  return {
    pipeline,
    reader,
    acks,
    fatal,
    async close() {
      await pipeline.drain();
      reader.close();
      await writer.close();
    },
  };
}

describe('ingest pipeline edges', () => {
  it('acknowledges nothing past a failed write and stops taking events', async () => {
    const t = await setUp('failed-write.db', 2);
    t.pipeline.hello(hello);
    t.pipeline.events([enter(1), enter(2)], Date.now());
    t.pipeline.events([enter(3), enter(4)], Date.now()); // this write fails
    t.pipeline.events([enter(5), enter(6)], Date.now());
    await t.pipeline.drain();
    t.pipeline.events([enter(7)], Date.now());
    await t.pipeline.drain();
    expect(t.fatal.map((e) => e.message)).toEqual(['disk I/O error']);
    // Only the batch before the failure is acknowledged: the gateway keeps 3.. for a restart.
    expect(t.acks).toEqual([2]);
    expect(t.pipeline.resumePoint()).toEqual({ session: 's1', afterSeq: 2 });
    await t.close();
  });

  it('counts nothing twice when a reconnect brings hello again while the session is opening', async () => {
    const t = await setUp('reconnect.db');
    t.pipeline.hello(hello);
    t.pipeline.events([enter(1), enter(2)], Date.now());
    t.pipeline.hello({ ...hello, serverTime: START + 5 }); // a quick reconnect, same session
    t.pipeline.events([enter(2), enter(3)], Date.now()); // the gateway replays seq 2
    await t.pipeline.drain();
    expect(t.pipeline.active!.engine.totals().pv).toBe(3);
    expect(t.pipeline.counters).toMatchObject({ stored: 3, duplicates: 1 });
    expect(t.reader.listSessions()).toHaveLength(1);
    await t.close();
  });

  it('records a replayed malformed event once', async () => {
    const t = await setUp('replayed-reject.db');
    t.pipeline.hello(hello);
    const frame = [enter(1), { seq: 2, ts: START, type: 'viewer.enter' }];
    const text = JSON.stringify(frame);
    t.pipeline.events(new WireBatch(text, JSON.parse(text)), Date.now());
    t.pipeline.events(new WireBatch(text, JSON.parse(text)), Date.now()); // replayed after a resume at seq 1
    await t.pipeline.drain();
    const key = t.reader.latestSession()!.key;
    expect(t.reader.rejectCount(key)).toBe(1);
    expect(t.pipeline.counters).toMatchObject({ stored: 1, rejected: 1, duplicates: 2 });
    await t.close();
  });
});
