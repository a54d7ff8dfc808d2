/**
 * Microbenchmark of MetricsEngine.apply on a realistic event mix: a large
 * room at a peak, ~50,000 distinct users, 5,000 events per second of event
 * time (entries, leaves, likes, comments, exposures, clicks, orders and
 * platform online counts).
 *
 * Events arrive as they do in the core: in batches of 5,000 (the protocol's
 * largest), freshly built (as JSON.parse gives them: new objects, new id
 * strings) just before being applied. Only apply() is timed.
 *
 * Run: npx tsx -e "import('./shared/metrics/engine.bench.ts').then((m) => console.log(m.benchMetricsEngine(2_000_000)))"
 * A figure, not a pass/fail timing.
 */
import type { LiveEvent } from '../protocol/index.js';
import { MetricsEngine } from './engine.js';
import { seededRandom } from './testing/random.js';

const DISTINCT_USERS = 50_000;
const EVENTS_PER_SECOND = 5_000;
const PRODUCTS = 20;
const BATCH_SIZE = 5_000;
const START_MS = Date.UTC(2025, 0, 1, 12);

function buildBatch(firstSeq: number, size: number, next: () => number): LiveEvent[] {
  const batch: LiveEvent[] = [];
  for (let seq = firstSeq; seq < firstSeq + size; seq++) {
    const ts = START_MS + Math.floor((seq * 1000) / EVENTS_PER_SECOND);
    const userId = `u${Math.floor(next() * DISTINCT_USERS)}`;
    const user = { id: userId, name: `viewer ${userId}` };
    const productId = `p${Math.floor(next() * PRODUCTS)}`;
    const roll = next();
    if (roll < 0.2) batch.push({ seq, ts, type: 'viewer.enter', user, source: 'feed' });
    else if (roll < 0.35) batch.push({ seq, ts, type: 'viewer.leave', userId });
    else if (roll < 0.6) batch.push({ seq, ts, type: 'like', userId: next() < 0.5 ? userId : undefined, count: 1 + Math.floor(next() * 20) });
    else if (roll < 0.8) batch.push({ seq, ts, type: 'comment', id: `c${seq}`, user, text: '这个多少钱' });
    else if (roll < 0.86) batch.push({ seq, ts, type: 'product.exposure', productId, userId });
    else if (roll < 0.93) batch.push({ seq, ts, type: 'product.click', productId, user });
    else if (roll < 0.955) batch.push({ seq, ts, type: 'order.created', orderId: `o${seq}`, productId, user, quantity: 1, amount: 9_900 });
    else if (roll < 0.98) batch.push({ seq, ts, type: 'order.paid', orderId: `o${seq}`, productId, user, quantity: 1, amount: 9_900 });
    else batch.push({ seq, ts, type: 'online.count', online: 8_000 + Math.floor(next() * 2_000) });
  }
  return batch;
}

export function benchMetricsEngine(n: number): { eventsPerSec: number } {
  const next = seededRandom(42);
  const engine = new MetricsEngine({ startedAt: START_MS });
  let applied = 0;
  let elapsedMs = 0;
  while (applied < n) {
    const batch = buildBatch(applied + 1, Math.min(BATCH_SIZE, n - applied), next);
    // Date.now() ticks in whole ms, but its error over many batches averages out.
    const startedAt = Date.now();
    for (const event of batch) engine.apply(event);
    elapsedMs += Date.now() - startedAt;
    applied += batch.length;
  }
  return { eventsPerSec: Math.round((applied * 1000) / Math.max(elapsedMs, 1)) };
}
