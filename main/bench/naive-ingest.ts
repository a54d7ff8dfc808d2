/**
 * The baseline the ingest is compared with: a deliberately ordinary
 * pipeline, what a typical implementation does, on one thread. It hears the
 * same gateway through the same socket.io client and protocol code as the
 * core (so the comparison is of what happens to a frame, not of the
 * transport), then parses each frame with JSON.parse, validates each event
 * with zod, JSON.stringifies it again for storage, inserts in transactions
 * of 500 rows into the same schema (a database made by LiveCue's own
 * migrations), and counts it with the same metrics engine.
 */
import { MetricsEngine } from '../../shared/metrics/index.js';
import { liveEventSchema, type LiveEvent } from '../../shared/protocol/index.js';
import { openWriteConnection } from '../core/store/connection.js';
import { StoreReader } from '../core/store/reader.js';
import { createSessionWriter } from '../core/store/sessions.js';
import { createGatewaySource } from '../core/source/gateway-source.js';
import { WireBatch } from '../core/source/wire-decoder.js';

const TRANSACTION_ROWS = 500;

/** Events per second through the ordinary pipeline from the gateway until its `end`, and the CPU an event cost; `file` is a new database. */
export async function naiveIngest(file: string, gateway: { url: string; room: string; token: string }, start: () => void): Promise<{ eventsPerSec: number; cpuUsPerEvent: number }> {
  const db = await openWriteConnection(file);
  const source = createGatewaySource(gateway);
  try {
    const { key } = createSessionWriter(db, new StoreReader(db)).open({ gateway: 'naive', room: 'naive', roomJson: '{}', sessionId: 'naive', startedAt: 0, productsJson: '[]' });
    const insert = db.prepare('INSERT INTO events (session, seq, ts, type, eid, known, body) VALUES (?, ?, ?, ?, ?, 1, ?)');
    const insertAll = db.transaction((rows: LiveEvent[]) => {
      for (const event of rows) insert.run(key, event.seq, event.ts, event.type, 'id' in event && typeof event.id === 'string' ? event.id : null, JSON.stringify(event));
    });
    const engine = new MetricsEngine();
    let pending: LiveEvent[] = [];
    let count = 0;
    let started = 0;
    let cpuBefore = process.cpuUsage();
    const ended = new Promise<void>((resolve, reject) => {
      let sessionId = '';
      source.start(
        {
          hello: (hello) => {
            sessionId = hello.session.id;
          },
          events: (payload) => {
            if (count === 0) {
              started = performance.now();
              cpuBefore = process.cpuUsage();
            }
            const frame = payload instanceof WireBatch ? payload.text : JSON.stringify(payload);
            let last = 0;
            for (const raw of JSON.parse(frame) as unknown[]) {
              const parsed = liveEventSchema.safeParse(raw);
              if (!parsed.success) continue;
              pending.push(parsed.data);
              engine.apply(parsed.data);
              last = parsed.data.seq;
              count++;
              if (pending.length === TRANSACTION_ROWS) {
                insertAll(pending);
                pending = [];
              }
            }
            if (pending.length > 0) insertAll(pending);
            pending = [];
            if (last > 0) source.ack(sessionId, last);
          },
          products: () => {},
          gap: () => {},
          end: () => resolve(),
          serverTime: () => {},
          status: (status) => {
            if (status.state === 'failed') reject(new Error(`the naive pipeline's gateway connection failed: ${status.error ?? ''}`));
          },
          protocolError: () => {},
        },
        () => undefined,
      );
    });
    start();
    await ended;
    const cpu = process.cpuUsage(cpuBefore);
    return { eventsPerSec: count / ((performance.now() - started) / 1000), cpuUsPerEvent: (cpu.user + cpu.system) / count };
  } finally {
    await source.stop();
    db.close();
  }
}
