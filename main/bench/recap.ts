/**
 * `npm run bench:recap`: the recap of a 4-hour, 10-million-event session.
 * The session is recorded through the real core (validation, the store,
 * the metrics engine, the co-pilot's question tally, snapshots) from a
 * generated source whose events span 4 hours of live-room time; then, on
 * the same database, it times
 *   - the recap's data (buildRecap: restore from the snapshot, read minutes,
 *     tallies and layers)                                     → recapMs10M
 *   - the XLSX workbook of that recap                         → xlsxMs10M
 *   - one full scan of the session's raw events (what a recap
 *     without kept aggregates would have to do at least)      → rawScanMs10M
 * Medians of 3; figures, not pass/fail.
 *
 *   --json      one JSON object on the last line
 *   --events N  a smaller session (a smoke check of the harness)
 *   --keep FILE keep the recorded database at FILE (to profile the recap on it)
 *   --save FILE also write the figures, with the date and machine, to FILE
 *               (docs/figures/recap.json; `node build/figures.mjs` puts them in the docs)
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import type { End, Hello, LiveEvent } from '../../shared/protocol/index.js';
import { startCore } from '../core/api/core.js';
import type { LiveSource, ResumePoint, SourceListener } from '../core/source/types.js';
import { recapWorkbook } from '../core/recap/files.js';
import { buildRecap } from '../core/recap/recap.js';
import { recapTablesOf } from '../core/recap/tables.js';
import { openReader } from '../core/store/reader.js';
import { Rng } from '../simulator/rng.js';
import { commentCorpus } from './comment-corpus.js';
import { median, round } from './stats.js';

const json = process.argv.includes('--json');
const eventsFlag = process.argv.indexOf('--events');
const TOTAL = eventsFlag > 0 ? Number(process.argv[eventsFlag + 1]) : 10_000_000;
const keepFlag = process.argv.indexOf('--keep');
const KEEP = keepFlag > 0 ? process.argv[keepFlag + 1] : undefined;
const saveFlag = process.argv.indexOf('--save');
const SAVE = saveFlag > 0 ? process.argv[saveFlag + 1] : undefined;
const DURATION_MS = 4 * 60 * 60_000;
const START_MS = Date.UTC(2026, 10, 11, 12);
const USERS = 200_000;
const PRODUCTS = 40;
const BATCH = 5_000;
/** Events handed to the core but not yet acknowledged: the gateway's window. */
const WINDOW = 100_000;
const SOURCES = ['feed', 'note', 'search', 'follow', 'group', 'share', 'ad'] as const;

const say = (line: string) => (json ? process.stderr : process.stdout).write(`${line}\n`);

/** Events of a busy room over 4 hours: entries from every source, comments, likes, clicks, carts, orders, cards every 10 minutes. */
function* generate(total: number): Generator<LiveEvent[]> {
  const rng = new Rng(7);
  const comments = commentCorpus(5_000, 3);
  let batch: LiveEvent[] = [];
  let card = -1;
  for (let seq = 1; seq <= total; seq++) {
    const ts = START_MS + Math.floor((seq / total) * DURATION_MS);
    const userId = `u${rng.below(USERS)}`;
    const user = { id: userId, name: `viewer ${userId}` };
    const productId = `p${rng.below(PRODUCTS)}`;
    const slot = Math.floor((ts - START_MS) / 600_000);
    const roll = rng.below(1000) / 1000;
    if (slot !== card) {
      card = slot;
      batch.push({ seq, ts, type: 'card.shown', productId: `p${slot % PRODUCTS}` });
    } else if (roll < 0.18) batch.push({ seq, ts, type: 'viewer.enter', user, source: SOURCES[rng.below(SOURCES.length)]! });
    else if (roll < 0.3) batch.push({ seq, ts, type: 'viewer.leave', userId });
    else if (roll < 0.5) batch.push({ seq, ts, type: 'like', userId, count: 1 + rng.below(10) });
    else if (roll < 0.7) batch.push({ seq, ts, type: 'comment', id: `c${seq}`, user, text: comments[seq % comments.length]! });
    else if (roll < 0.8) batch.push({ seq, ts, type: 'product.exposure', productId, userId });
    else if (roll < 0.88) batch.push({ seq, ts, type: 'product.click', productId, user });
    else if (roll < 0.92) batch.push({ seq, ts, type: 'cart.add', productId, user, quantity: 1 });
    else if (roll < 0.95) batch.push({ seq, ts, type: 'order.paid', orderId: `o${seq}`, productId, user, quantity: 1, amount: 1_990 + rng.below(20_000) });
    else if (roll < 0.97) batch.push({ seq, ts, type: 'coupon.claimed', couponId: 'coupon-1', user });
    else batch.push({ seq, ts, type: 'online.count', online: 5_000 + rng.below(5_000) });
    if (batch.length === BATCH) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

/** A source that plays the generated session into the core as fast as the core acknowledges it. */
function generatedSource(total: number): LiveSource & { done: Promise<void> } {
  const hello: Hello = {
    protocol: 1,
    room: { id: 'bench-room', title: '大促 4 小时', host: '主播', platform: 'bench' },
    session: { id: 'bench-4h', startedAt: START_MS },
    products: Array.from({ length: PRODUCTS }, (_, i) => ({ id: `p${i}`, title: `商品 ${i}`, price: 9_900 })),
    serverTime: START_MS,
  };
  const batches = generate(total);
  let listener: SourceListener | null = null;
  let emitted = 0;
  let acked = 0;
  let finished = false;
  let resolveDone = () => {};
  const done = new Promise<void>((resolve) => (resolveDone = resolve));
  const pump = () => {
    while (listener && !finished && emitted - acked < WINDOW) {
      const next = batches.next();
      if (next.done) {
        finished = true;
        break;
      }
      emitted += next.value.length;
      listener.events(next.value, Date.now());
    }
    if (finished && acked >= emitted && listener) {
      const end: End = { session: hello.session.id, endedAt: START_MS + DURATION_MS };
      listener.end(end);
      listener.status({ state: 'ended', attempt: 0 });
      listener = null;
      resolveDone();
    }
  };
  return {
    done,
    start(l: SourceListener, _resume: () => ResumePoint | undefined) {
      listener = l;
      l.status({ state: 'live', attempt: 0 });
      l.hello(hello);
      setImmediate(pump);
    },
    ack(_session: string, seq: number) {
      acked = seq;
      setImmediate(pump);
    },
    command: () => Promise.resolve({ ok: true }),
    stop: () => Promise.resolve(),
  };
}

function timed<T>(work: () => T): { ms: number; value: T } {
  const started = performance.now();
  const value = work();
  return { ms: performance.now() - started, value };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'livecue-bench-recap-'));
  try {
    const dbFile = KEEP ?? join(dir, 'recap.db');
    say(`LiveCue recap benchmark — ${new Date().toISOString()}, node ${process.version}`);
    say(`recording a 4-hour session of ${TOTAL.toLocaleString()} events through the core…`);
    const source = generatedSource(TOTAL);
    const recordStarted = performance.now();
    const core = await startCore({ dbFile, gateway: { url: 'generated://bench', room: 'bench-room', token: 'bench' }, source });
    const final = await core.finished();
    await core.stop();
    const recordSeconds = (performance.now() - recordStarted) / 1000;
    if (final.state !== 'ended') throw new Error(`recording ended ${final.state}: ${final.error ?? ''}`);
    say(`  recorded in ${round(recordSeconds)} s (${round(TOTAL / recordSeconds).toLocaleString()} events/s), database ${round(statSync(dbFile).size / 2 ** 20)} MB`);

    const reader = openReader(dbFile);
    try {
      const recapRuns: number[] = [];
      const xlsxRuns: number[] = [];
      const scanRuns: number[] = [];
      let minutes = 0;
      for (let run = 0; run < 3; run++) {
        const recap = timed(() => buildRecap(reader, 'bench-4h'));
        recapRuns.push(recap.ms);
        minutes = recap.value.minutes.length;
        if (recap.value.session.events !== TOTAL) throw new Error(`the recap counts ${recap.value.session.events} events, not ${TOTAL}`);
        const started = performance.now();
        await recapWorkbook(recapTablesOf(recap.value, 'zh-CN'));
        xlsxRuns.push(performance.now() - started);
        const key = reader.sessionById('bench-4h')!.key;
        scanRuns.push(
          timed(() => {
            let paid = 0;
            for (const row of reader.eventsAfter(key, 0)) if (row.type === 'order.paid') paid += (JSON.parse(row.body) as { amount: number }).amount;
            return paid;
          }).ms,
        );
      }
      const figures = {
        recapMs10M: round(median(recapRuns)),
        xlsxMs10M: round(median(xlsxRuns)),
        rawScanMs10M: round(median(scanRuns)),
        recapEvents: TOTAL,
        recapMinutes: minutes,
        recordEventsPerSec10M: round(TOTAL / recordSeconds),
      };
      say(`recap data ready in ${figures.recapMs10M} ms (median of 3; ${minutes} minutes), XLSX in ${figures.xlsxMs10M} ms`);
      say(`a full scan of the session's raw events takes ${figures.rawScanMs10M} ms on the same database: ${round(figures.rawScanMs10M / figures.recapMs10M, 1)}× the recap`);
      if (json) process.stdout.write(`${JSON.stringify(figures)}\n`);
      if (SAVE) {
        const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'cpu'}, ${round(totalmem() / 2 ** 30)} GiB, node ${process.version}`;
        writeFileSync(SAVE, `${JSON.stringify({ measuredAt: new Date().toISOString(), machine, ...figures }, null, 2)}\n`);
      }
    } finally {
      reader.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error('bench failed:', error);
  process.exitCode = 1;
});
