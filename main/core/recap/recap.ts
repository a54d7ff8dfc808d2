/**
 * The recap (复盘) of one stored session, from what was kept as events
 * arrived — never a rescan of the raw events: totals, activity, card stints
 * and traffic from the session's stored results once it has ended (from its
 * metrics engine, restored from the snapshot, while it has not),
 * per-minute rows from minute_metrics, questions from the tally the co-pilot
 * kept, layers from the user histories. The analysis is shared/recap/, pure.
 */
import type { Recap, RecapLayers, RecapMinute, RecapPlan, RecapQuestions, SessionSummary } from '../../../shared/api/contract.js';
import { commentIntents, type CommentIntent } from '../../../shared/comments/intents.js';
import { storedSuggestionText } from '../../../shared/copilot/engine/cue-text.js';
import { metricKeys, type CardStint, type MetricValues, type MinuteActivity } from '../../../shared/metrics/index.js';
import type { Product, Room } from '../../../shared/protocol/index.js';
import { adviseNextTime } from '../../../shared/recap/advice.js';
import { funnelOf } from '../../../shared/recap/funnel.js';
import { findPeaks } from '../../../shared/recap/peaks.js';
import { QuestionTally, type QuestionCluster } from '../../../shared/recap/questions.js';
import { pointImpacts } from '../../../shared/recap/talking-points.js';
import type { StoreReader } from '../store/reader.js';
import type { SessionKey, StoredSession } from '../store/types.js';
import { figuresOf, type SessionFigures } from './session-figures.js';

export type { Recap, SessionSummary };

export class SessionNotFoundError extends Error {}

const BASELINE_SESSIONS = 5;
const TOP_QUESTIONS = 20;
const LAYER_TREND_SESSIONS = 10;

export function buildRecap(reader: StoreReader, sessionId?: string): Recap {
  const row = sessionId ? reader.sessionById(sessionId) : reader.latestSession();
  if (!row) {
    throw new SessionNotFoundError(sessionId ? `no session ${sessionId} in this database` : 'this database holds no session yet');
  }
  const figures = figuresOf(reader, row);
  const products = JSON.parse(row.productsJson) as Product[];
  const byId = new Map(products.map((p) => [p.id, p]));
  const room = JSON.parse(row.roomJson) as Room;
  const { totals, cards } = figures;
  const productStats = figures.products.map((p) => ({ ...p, title: byId.get(p.productId)?.title ?? p.title, price: byId.get(p.productId)?.price ?? p.price }));
  const stored = reader.recap.questions(row.key);
  const tally = stored ? QuestionTally.fromJSON(stored) : null;
  const now = figures.now;
  const minutes = recapMinutes(reader, row.key, figures.activity, cards, now, tally);
  const plan = planOfRecap(reader, row.key, minutes);
  const marks = reader.suggestionMarks(row.key).map((m) => ({ ...m, text: storedSuggestionText(m.text) }));
  const moments = reader.moments(row.key);
  const questions = tally ? questionsOf(tally.list(), tally.questions, (id) => byId.get(id)?.title ?? null) : null;
  const durationMs = (row.endedAt ?? now) - row.startedAt;
  return {
    session: {
      id: row.sessionId,
      room,
      gateway: row.gateway,
      startedAt: row.startedAt,
      endedAt: row.endedAt,
      events: figures.events,
      lastSeq: row.lastSeq,
    },
    totals,
    counters: figures.counters,
    baseline: baselineOf(reader, row),
    minutes,
    cards,
    products: productStats,
    funnel: funnelOf(totals),
    traffic: figures.traffic,
    peaks: findPeaks({
      minutes,
      cards,
      titles: new Map(productStats.map((p) => [p.productId, p.title])),
      segments: (plan?.segments ?? []).flatMap((s) => (s.actualStartedAt === null ? [] : [{ title: s.title, startedAt: s.actualStartedAt }])),
      pointsUsed: marks.filter((m) => m.outcome === 'used'),
      questions: tally?.perMinute() ?? [],
      coupons: minutes,
      moments,
    }),
    questions,
    talkingPoints: pointImpacts(marks.filter((m) => m.outcome === 'used'), minutes, figures.activity),
    layers: layersOf(reader, row, figures),
    advice: adviseNextTime({
      totals,
      durationMs,
      products: productStats,
      questions: tally?.list() ?? [],
      segments: (plan?.segments ?? []).flatMap((s) =>
        s.actualStartedAt === null ? [] : [{ kind: s.kind, title: s.title, ranMs: (s.actualEndedAt ?? row.endedAt ?? now) - s.actualStartedAt, gmv: s.gmv }],
      ),
      hasNextPlan: reader.nextPlan() !== null,
    }),
    rejects: reader.rejectCount(row.key),
    gaps: reader.gaps(row.key).map((g) => ({ fromSeq: g.fromSeq, toSeq: g.toSeq })),
    moments,
    suggestions: marks,
    plan,
  };
}

/** Every stored minute with the activity, questions and cards of that minute beside its metrics. */
function recapMinutes(reader: StoreReader, key: SessionKey, activitySeries: readonly MinuteActivity[], cards: readonly CardStint[], now: number, tally: QuestionTally | null): RecapMinute[] {
  const activity = new Map(activitySeries.map((a) => [a.minute, a]));
  const questions = new Map((tally?.perMinute() ?? []).map((q) => [q.minute, Object.values(q.byIntent).reduce((sum, n) => sum + (n ?? 0), 0)]));
  return reader.minutes(key).map((m) => {
    const from = m.minute * 60_000;
    const to = from + 60_000;
    const a = activity.get(m.minute);
    return {
      minute: m.minute,
      startsAt: new Date(from).toISOString(),
      ...(JSON.parse(m.data) as MetricValues),
      comments: a?.comments ?? 0,
      clicks: a?.clicks ?? 0,
      cartAdds: a?.cartAdds ?? 0,
      couponClaims: a?.couponClaims ?? 0,
      questions: questions.get(m.minute) ?? 0,
      onAir: [...new Set(cards.filter((c) => c.from < to && (c.to ?? now) > from).map((c) => c.productId))],
    };
  });
}

/** The plan the session ran, each segment with its planned times, the real boundaries and what it sold; null when it ran none. */
function planOfRecap(reader: StoreReader, key: SessionKey, minutes: readonly RecapMinute[]): RecapPlan | null {
  const plan = reader.planOfSession(key);
  if (!plan) return null;
  const runs = new Map(reader.segmentRuns(key).map((r) => [r.segmentId, r]));
  const lastMinuteEnd = (minutes.at(-1)?.minute ?? 0) * 60_000 + 60_000;
  // The store keeps minutes, not events: a minute's orders and GMV are shared among the segments in force during it,
  // by the time each was (a segment from 10:00:30 to 10:02:00 gets half of 10:00 and all of 10:01).
  const soldIn = (from: number | null, to: number | null) => {
    if (from === null) return { paidOrders: 0, gmv: 0 };
    const end = to ?? lastMinuteEnd;
    let paidOrders = 0;
    let gmv = 0;
    for (const m of minutes) {
      const share = Math.max(0, Math.min(end, m.minute * 60_000 + 60_000) - Math.max(from, m.minute * 60_000)) / 60_000;
      paidOrders += share * (m.paidOrders ?? 0);
      gmv += share * (m.gmv ?? 0);
    }
    return { paidOrders: Math.round(paidOrders * 100) / 100, gmv: Math.round(gmv) };
  };
  return {
    id: plan.id,
    title: plan.title,
    goals: plan.goals,
    segments: plan.segments.map((s) => {
      const run = runs.get(s.id);
      return {
        id: s.id,
        kind: s.kind,
        title: s.title,
        plannedStartSec: s.plannedStartSec,
        plannedDurationSec: s.plannedDurationSec,
        actualStartedAt: run?.startedAt ?? null,
        actualEndedAt: run?.endedAt ?? null,
        advancedBy: run?.by ?? null,
        ...soldIn(run?.startedAt ?? null, run?.endedAt ?? null),
      };
    }),
    overrides: reader.planOverrides(plan.id).filter((o) => o.session === key).map(({ at, by, openItems }) => ({ at, by, openItems })),
  };
}

function questionsOf(clusters: readonly QuestionCluster[], total: number, titleOf: (productId: string) => string | null): RecapQuestions {
  const byIntent = commentIntents
    .map((intent) => {
      const of = clusters.filter((c) => c.intent === intent);
      return { intent, asked: of.reduce((sum, c) => sum + c.asked, 0), answered: of.reduce((sum, c) => sum + c.answered, 0) };
    })
    .filter((row) => row.asked > 0)
    .sort((a, b) => b.asked - a.asked);
  const products = new Map<string | null, { asked: number; answered: number; intents: Map<CommentIntent, number> }>();
  for (const c of clusters) {
    const entry = products.get(c.productId) ?? { asked: 0, answered: 0, intents: new Map() };
    entry.asked += c.asked;
    entry.answered += c.answered;
    entry.intents.set(c.intent, (entry.intents.get(c.intent) ?? 0) + c.asked);
    products.set(c.productId, entry);
  }
  return {
    total,
    answered: clusters.reduce((sum, c) => sum + c.answered, 0),
    byIntent,
    top: [...clusters].sort((a, b) => b.asked - a.asked || a.firstAt - b.firstAt).slice(0, TOP_QUESTIONS),
    byProduct: [...products]
      .map(([productId, e]) => ({
        productId,
        title: productId === null ? null : titleOf(productId),
        asked: e.asked,
        answered: e.answered,
        topIntent: [...e.intents].sort((a, b) => b[1] - a[1])[0]![0],
      }))
      .sort((a, b) => b.asked - a.asked),
  };
}

function layersOf(reader: StoreReader, row: StoredSession, figures: SessionFigures): RecapLayers {
  const trend = reader.recap.layerTrend(row.room, LAYER_TREND_SESSIONS).reverse();
  const folded = reader.recap.folded(row.key);
  if (folded) return { provisional: false, atEntry: folded.atEntry, moves: folded.moves, sizes: folded.sizes, trend };
  const layers = reader.recap.provisionalLayers(figures.users?.() ?? []);
  return { provisional: true, ...layers, sizes: null, trend };
}

/** The average of each total over the room's sessions before this one (up to BASELINE_SESSIONS); figures that are null everywhere stay null. */
function baselineOf(reader: StoreReader, row: StoredSession): Recap['baseline'] {
  const earlier = reader
    .listSessions()
    .filter((s) => s.room === row.room && s.key !== row.key && s.startedAt < row.startedAt)
    .slice(0, BASELINE_SESSIONS);
  if (earlier.length === 0) return null;
  const all = earlier.map((s) => figuresOf(reader, s).totals);
  const totals = Object.fromEntries(
    metricKeys.map((key) => {
      const values = all.map((t) => t[key]).filter((v): v is number => v !== null);
      return [key, values.length ? values.reduce((a, b) => a + b, 0) / values.length : null];
    }),
  ) as MetricValues;
  return { sessions: earlier.length, totals };
}

/** Every stored session, newest first. */
export function sessionSummaries(reader: StoreReader): SessionSummary[] {
  return reader.listSessions().map((row) => {
    const { totals } = figuresOf(reader, row);
    return {
      id: row.sessionId,
      room: (JSON.parse(row.roomJson) as Room).title,
      startedAt: row.startedAt,
      endedAt: row.endedAt,
      uv: totals.uv,
      gmv: totals.gmv,
      viewerConversion: totals.viewerConversion,
      peakOnline: totals.peakOnline,
      plan: reader.planOfSession(row.key)?.title ?? null,
    };
  });
}
