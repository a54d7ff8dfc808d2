/**
 * Hostile gateways: property-based batches mixing valid events with
 * malformed ones go through the real pipeline into a real SQLite file.
 * Nothing crashes, every valid event is stored once, every invalid one is in
 * rejects with a reason, and none of them is counted.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { IngestPipeline } from '../main/core/ingest/pipeline.js';
import { openReader } from '../main/core/store/reader.js';
import { StoreWriter } from '../main/core/store/writer.js';
import { WireBatch } from '../main/core/source/wire-decoder.js';
import { MetricsEngine } from '../shared/metrics/index.js';
import { eventProblem, isKnownEventType, type Hello, type LiveEvent } from '../shared/protocol/index.js';
import { tempDir } from './helpers.js';

const tmp = tempDir();
afterAll(() => tmp.remove());

const START = 1_700_000_000_000;
const hello = (session: string): Hello => ({
  protocol: 1,
  room: { id: 'r1', title: '测试直播间', host: '小美', platform: 'xiaohongshu' },
  session: { id: session, startedAt: START },
  products: [{ id: 'p1', title: '精华', price: 19900 }],
  serverTime: 1_700_000_000_000,
});

const user = fc.record({ id: fc.constantFrom('u1', 'u2', 'u3', 'u4'), name: fc.string({ maxLength: 6 }) });
const validPayload = fc.oneof(
  fc.record({ type: fc.constant('viewer.enter'), user }),
  fc.record({ type: fc.constant('comment'), id: fc.uuid(), user, text: fc.string({ minLength: 1, maxLength: 20 }) }),
  fc.record({ type: fc.constant('like'), userId: fc.constantFrom('u1', 'u2'), count: fc.integer({ min: 1, max: 50 }) }),
  fc.record({ type: fc.constant('product.click'), productId: fc.constant('p1'), user }),
  fc.record({
    type: fc.constant('order.paid'),
    orderId: fc.uuid(),
    productId: fc.constant('p1'),
    user,
    quantity: fc.integer({ min: 1, max: 3 }),
    amount: fc.integer({ min: 0, max: 100_000 }),
  }),
  fc.record({ type: fc.constant('gift.sent'), giftId: fc.string({ maxLength: 5 }) }),
);
const garbage = fc.oneof(
  fc.anything(),
  fc.record({ type: fc.constant('order.paid'), amount: fc.integer({ max: -1 }) }),
  fc.record({ type: fc.constant('comment'), id: fc.constant('x'), user, text: fc.constant('长'.repeat(5000)) }),
  fc.record({ type: fc.constant('like'), count: fc.double() }),
);

type Item = { valid: true; payload: Record<string, unknown> } | { valid: false; raw: unknown };
const stream = fc.array(
  fc.oneof(
    { weight: 3, arbitrary: validPayload.map((payload): Item => ({ valid: true, payload })) },
    { weight: 1, arbitrary: garbage.map((raw): Item => ({ valid: false, raw })) },
  ),
  { minLength: 1, maxLength: 120 },
);

describe('malformed input never stops ingest', () => {
  it('stores every valid event once and every invalid one as a reject', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(stream, fc.integer({ min: 1, max: 40 }), fc.boolean(), async (items, batchSize, viaWire) => {
        const file = tmp.file(`bad-${run++}.db`);
        const writer = await StoreWriter.open(file);
        const reader = openReader(file);
        const errors: Error[] = [];
        const pipeline = new IngestPipeline({ writer, reader, gateway: 'test', room: 'r1', onFatal: (e) => errors.push(e) });
        pipeline.hello(hello('s1'));
        // Number valid events by seq; garbage keeps whatever it is.
        let seq = 0;
        const generated = items.map((item) => (item.valid ? { seq: ++seq, ts: START + seq * 100, ...item.payload } : item.raw));
        // What crosses a wire is JSON: the wire runs judge what the gateway's text says.
        const events = viaWire ? (JSON.parse(JSON.stringify(generated)) as unknown[]) : generated;
        const expectedValid = events.filter((e) => eventProblem(e) === null).length;
        // Half the runs take the production path: frames with their wire text.
        for (let i = 0; i < events.length; i += batchSize) {
          const frame = events.slice(i, i + batchSize);
          const text = JSON.stringify(frame);
          pipeline.events(viaWire ? new WireBatch(text, JSON.parse(text)) : frame, Date.now());
        }
        // A batch that is not an array at all is refused whole, and ingest goes on.
        pipeline.events({ not: 'a batch' }, Date.now());
        await pipeline.drain();
        const key = reader.latestSession()!.key;
        const stored = reader.countEvents(key);
        // Stored exactly as sent, and counted exactly as a clean engine counts the valid known events.
        const validEvents = events.filter((e) => eventProblem(e) === null) as LiveEvent[];
        expect([...reader.eventsAfter(key, 0)].map((row) => JSON.parse(row.body) as unknown)).toEqual(validEvents);
        const clean = new MetricsEngine({ startedAt: START });
        for (const event of validEvents) if (isKnownEventType(event.type)) clean.apply(event);
        expect(pipeline.active!.engine.totals()).toEqual(clean.totals());
        const rejects = reader.rejectCount(key);
        reader.close();
        await writer.close();
        expect(errors).toEqual([]);
        expect(stored).toBe(expectedValid);
        expect(rejects).toBe(events.length - expectedValid + 1);
        expect(pipeline.counters.stored).toBe(expectedValid);
      }),
      { numRuns: 25 },
    );
  });
});
