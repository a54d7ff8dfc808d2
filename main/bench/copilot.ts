/**
 * The co-pilot's tick at a busy room: 5,000 events per second of event time,
 * 2,000 of them comments (the most the core hands the co-pilot per tick: its
 * feed keeps the newest 2,000; see below), from a varied synthetic stream
 * (comment-corpus.ts), 50,000 distinct users, 20 products with 3 buying
 * points each, a card on air and moving metric windows. Ten minutes of ticks,
 * timed after the first five (the 5-minute question window is then full).
 *
 * Run twice: 1,000 comments a second (20% of the events, the metrics
 * bench's mix) and 2,000 (the feed's cap, the worst case).
 *
 * Two figures per tick: the engine alone (addComment of the classified
 * questions + tick), and the whole core tick (classifying the 2,000 comments
 * with describeComment as the core does, then the engine). Target: the engine
 * tick ≤ 5 ms. A figure, not a pass/fail test.
 *
 *   npx tsx main/bench/copilot.ts [--json]
 */
import { pathToFileURL } from 'node:url';
import type { BuyingPoint, ProductCategory } from '../../shared/catalog/catalog.js';
import { TalkingPointEngine, type EngineProduct, type TickInput } from '../../shared/copilot/engine/index.js';
import { metricKeys, type MetricValues } from '../../shared/metrics/index.js';
import type { Product } from '../../shared/protocol/index.js';
import { describeComment } from '../core/ingest/comment-window.js';
import { commentCorpus } from './comment-corpus.js';
import { median, percentile, round } from './stats.js';

export interface CopilotBench {
  eventsPerSec: number;
  commentsPerTick: number;
  ticks: number;
  /** Questions in the engine's window at the end. */
  questionsInWindow: number;
  engineMs: { median: number; p99: number; max: number };
  coreTickMs: { median: number; p99: number; max: number };
}

const EVENTS_PER_SECOND = 5_000;
/** The feed's cap (main/core/ingest/pipeline.ts): the most comments a tick classifies. */
const FEED_CAP = 2_000;
const USERS = 50_000;
const PRODUCTS = 20;
const START = Date.UTC(2025, 0, 1, 12);

/** `commentsPerTick`: 1,000 is the metrics bench's mix (20% of 5,000 events/s are comments); 2,000 is the feed's cap, the worst case. */
export function benchCopilot(commentsPerTick = FEED_CAP, seconds = 600, measuredFrom = 300): CopilotBench {
  const COMMENTS_PER_TICK = Math.min(commentsPerTick, FEED_CAP);
  const corpus = commentCorpus(100_000, 7);
  const products: Product[] = Array.from({ length: PRODUCTS }, (_, i) => ({ id: `p${i + 1}`, title: `商品${i + 1}号`, price: 9_900 + i * 1_000, stock: 500 }));
  const categories: Record<string, ProductCategory> = Object.fromEntries(products.map((p) => [p.id, 'skincare' as const]));
  const audiences = [
    { audience: '敏感肌', keywords: ['敏感'], answers: ['suitability'] as const },
    { audience: '油皮', keywords: ['油皮', '油性'], answers: ['suitability', 'efficacy'] as const },
    { audience: '价格', keywords: [], answers: ['price'] as const },
  ];
  const buyingPoints: BuyingPoint[] = products.flatMap((p) =>
    audiences.map((a, j) => ({
      id: `${p.id}-bp${j}`,
      productId: p.id,
      audience: a.audience,
      scenario: '',
      pain: '',
      benefit: '',
      proof: '',
      line: `${a.audience}的朋友看过来，这款${p.title}做过测试`,
      answers: [...a.answers],
      keywords: a.keywords,
      origin: 'merchant' as const,
      originNote: '',
      status: 'accepted' as const,
    })),
  );
  const metrics = (online: number, entries: number, clicks: number): MetricValues =>
    ({ ...Object.fromEntries(metricKeys.map((k) => [k, 0])), onlineViewers: online, entriesPerMinute: entries, clickUsers: clicks, paidOrders: 2, newFollowers: 12 }) as MetricValues;

  const engine = new TalkingPointEngine();
  const engineMs: number[] = [];
  const coreMs: number[] = [];
  let c = 0;
  let sink = 0;
  for (let s = 0; s < seconds; s++) {
    const now = START + (s + 1) * 1000;
    // The comments the feed hands over: the newest 2,000 of the second, as the ingest thread copied them.
    const events = Array.from({ length: COMMENTS_PER_TICK }, (_, i) => {
      c++;
      const user = `u${(c * 7919) % USERS}`;
      return { seq: c, id: `c${c}`, ts: START + s * 1000 + Math.floor((i * 1000) / COMMENTS_PER_TICK), text: corpus[c % corpus.length]!, user: { id: user, name: user } };
    });
    const onAirId = `p${1 + (Math.floor(s / 120) % PRODUCTS)}`;
    const stats: EngineProduct[] = products.map((p) => ({ id: p.id, title: p.title, price: p.price, stock: p.stock, paidOrders: 0 }));
    const input: TickInput = {
      now,
      onAir: { productId: onAirId, since: START + Math.floor(s / 120) * 120_000 },
      products: stats,
      windows: {
        m1: { current: metrics(9_000 + (s % 60) * 20, 300 + (s % 90) * 5, 400), previous: metrics(9_000, 300, 380) },
        m5: { current: metrics(9_200, 310, 1_800), previous: metrics(9_100, 300, 1_700) },
      },
      buyingPoints,
      categories,
    };

    const coreStarted = performance.now();
    const classified = events.map((e) => ({ e, view: describeComment(e, products) }));
    const engineStarted = performance.now();
    for (const { e, view } of classified) {
      if (view.question) engine.addComment({ id: view.id, ts: view.ts, userId: e.user.id, text: view.text, intent: view.intent, question: true, productId: view.productId });
    }
    sink += engine.tick(input).length;
    const done = performance.now();
    if (s >= measuredFrom) {
      engineMs.push(done - engineStarted);
      coreMs.push(done - coreStarted);
    }
  }
  if (sink === 0) throw new Error('the engine never suggested anything');
  const summary = (values: number[]) => ({ median: round(median(values), 3), p99: round(percentile(values, 0.99), 3), max: round(Math.max(...values), 3) });
  return {
    eventsPerSec: EVENTS_PER_SECOND,
    commentsPerTick: COMMENTS_PER_TICK,
    ticks: engineMs.length,
    questionsInWindow: engine.questionsInWindow,
    engineMs: summary(engineMs),
    coreTickMs: summary(coreMs),
  };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const results = [benchCopilot(1_000), benchCopilot(FEED_CAP)];
  if (process.argv.includes('--json')) process.stdout.write(`${JSON.stringify(results)}\n`);
  else
    for (const result of results)
      process.stdout.write(
      `co-pilot tick at ${result.eventsPerSec.toLocaleString('en')} events/s (${result.commentsPerTick.toLocaleString('en')} comments a tick, ` +
        `${result.questionsInWindow.toLocaleString('en')} questions in the 5-minute window), ${result.ticks} ticks:\n` +
        `  engine (addComment + tick): median ${result.engineMs.median} ms, p99 ${result.engineMs.p99} ms, max ${result.engineMs.max} ms\n` +
        `  core tick (classify ${result.commentsPerTick.toLocaleString('en')} comments + engine): median ${result.coreTickMs.median} ms, p99 ${result.coreTickMs.p99} ms, max ${result.coreTickMs.max} ms\n`,
    );
}
