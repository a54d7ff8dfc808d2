/**
 * The core's public face: one object every host (CLI, web server, Electron
 * utility process, tests) drives. It wires a source to the ingest pipeline
 * and the store, answers commands and queries, and publishes state.
 */
import { randomUUID } from 'node:crypto';
import {
  apiCommandSchemas,
  CHART_MINUTES,
  COMMENT_WINDOW,
  type ApiCommandInput,
  type ApiCommandName,
  type ApiCommandResult,
  type CommentView,
  type ConnectionView,
  type CoreSnapshot,
  type Moment,
  type ProductView,
  type SuggestionMark,
  type SuggestionOutcome,
} from '../../../shared/api/contract.js';
import type { BuyingPoint, ProductCategory } from '../../../shared/catalog/catalog.js';
import { TalkingPointEngine, type Suggestion } from '../../../shared/copilot/engine/index.js';
import { metricKeys, type MetricValues } from '../../../shared/metrics/index.js';
import type { Command } from '../../../shared/protocol/index.js';
import { eventSchemas } from '../../../shared/protocol/index.js';
import { describeComment, type CommentEvent } from '../ingest/comment-window.js';
import { IngestPipeline, type ActiveSession, type PipelineOptions } from '../ingest/pipeline.js';
import { buildRecap, sessionSummaries, type Recap, type SessionSummary } from '../recap/recap.js';
import { createRecapKeeper } from '../recap/recap-keeper.js';
import { applyAdvice } from '../recap/apply-advice.js';
import type { AppliedAdvice } from '../../../shared/recap/recap-api.js';
import { createGatewaySource } from '../source/gateway-source.js';
import type { ConnectionStatus, LiveSource } from '../source/types.js';
import type { SessionKey } from '../store/types.js';
import { openReader, type StoreReader } from '../store/reader.js';
import { StoreWriter } from '../store/writer.js';
import { SessionAnnotations } from './annotations.js';
import { createCatalogApi, type CatalogApi } from '../catalog/catalog-api.js';
import { createPlanApi, type PlanApi } from '../plan/plan-api.js';
import { createPlanRunner, type LiveSessionFacts } from '../plan/plan-runner.js';
import type { PlanLiveView } from '../../../shared/plan/plan-api.js';
import { RateMeter } from './rate-meter.js';
import { StateHub, type StateListener } from './state-hub.js';

export interface GatewayTarget {
  url: string;
  room: string;
  token: string;
}

export interface CoreOptions {
  dbFile: string;
  gateway: GatewayTarget;
  /** For tests and alternative sources; defaults to the socket.io gateway client. */
  source?: LiveSource;
  onCommitted?: PipelineOptions['onCommitted'];
  onError?: (error: Error) => void;
  /** The catalog's accepted buying points and product categories, read on every co-pilot tick; none by default. */
  buyingPoints?: () => { buyingPoints: BuyingPoint[]; categories: Record<string, ProductCategory> };
  /**
   * The co-pilot ranks once a second of wall time, and whenever the live room's clock passes a second. In a
   * catch-up or a replay that clock runs far ahead of the wall's, so ranking then may take at most one part in
   * this many of the ingest thread's time (COPILOT_CPU_SHARE by default); 0 lifts the limit, so it ranks every
   * live-room second whatever the cost (the scenario tests, which replay minutes of a room in a second).
   */
  copilotCpuShare?: number;
  /** Live-room seconds per planned second of the plan's rundown: N for a rehearsal (彩排) against the demo room at N×; 1 by default. */
  planTimeScale?: number;
  /** A rehearsal (彩排) against the demo room, recorded in a database of its own: the plan's view says so. */
  rehearsal?: boolean;
  /** Categories of products the gateway does not categorise (the demo room's), given to products new to the catalog. */
  productCategories?: Readonly<Record<string, ProductCategory>>;
  /** Called with each ranking the co-pilot makes and the live-room time it was made at. */
  onSuggestions?: (suggestions: Suggestion[], now: number) => void;
}

export interface Core {
  snapshot(): CoreSnapshot;
  subscribe(listener: StateListener): () => void;
  command<N extends ApiCommandName>(name: N, input: unknown): Promise<ApiCommandResult>;
  recap(sessionId?: string): Recap;
  /** Every stored session, newest first, with its headline figures. */
  sessions(): SessionSummary[];
  /** Makes the change a recap's suggestion proposes to the plan marked for the next session. */
  applyAdvice(sessionId: string, adviceId: string): Promise<AppliedAdvice>;
  /** Marks a moment at the live room's current time; fails when no session is being recorded. */
  markMoment(note: string | null): Promise<Moment>;
  markComment(commentId: string, answered: boolean): Promise<void>;
  /** Marks a talking point used or dismissed: it leaves the list, cools down, and is stored for the recap. */
  markSuggestion(suggestionId: string, outcome: SuggestionOutcome): Promise<SuggestionMark>;
  /** Stored comments of the current session before `beforeSeq` (default: all), newest first. */
  commentHistory(beforeSeq: number | undefined, limit: number): CommentView[];
  /** The merchant's catalog (商品库): products and buying points, import and export. A method, so a stand-in core can refuse it. */
  catalog(): CatalogApi;
  /** The live plans (直播计划): editing, templates, files, the checklist. */
  plan(): PlanApi;
  /** The assistant moves the rundown on to the next segment. */
  advanceSegment(): Promise<PlanLiveView>;
  /** Records who started the stream with critical checklist items open. */
  confirmStart(by: string): Promise<PlanLiveView>;
  /** Resolves with the final connection state once the source is `ended` or `failed` and everything is stored. */
  finished(): Promise<ConnectionStatus>;
  stop(): Promise<void>;
}

const emptyMetrics = (): MetricValues => Object.fromEntries(metricKeys.map((k) => [k, null])) as MetricValues;

export async function startCore(options: CoreOptions): Promise<Core> {
  const writer = await StoreWriter.open(options.dbFile);
  let reader: StoreReader;
  try {
    reader = openReader(options.dbFile);
  } catch (error) {
    await writer.close();
    throw error;
  }
  // One spelling per gateway, so a restarted recorder finds the session it was recording.
  const gatewayUrl = options.gateway.url.replace(/\/+$/, '');
  const source = options.source ?? createGatewaySource({ url: gatewayUrl, room: options.gateway.room, token: options.gateway.token });
  const rate = new RateMeter();
  let status: ConnectionStatus = { state: 'connecting', attempt: 0 };
  let settle: ((s: ConnectionStatus) => void) | null = null;
  const finished = new Promise<ConnectionStatus>((resolve) => (settle = resolve));
  const finish = (final: ConnectionStatus) =>
    void pipeline
      .drain()
      // The rundown's open segment ends with the session, stored before anyone reads the recap.
      // The tick under way, then one more for the comments that arrived after it took its share: the recap's questions are complete.
      .then(() => ticking)
      .then(() => runCopilot())
      .then(() => {
        planRunner.follow();
        return Promise.all([planRunner.settled(), recapKeeper.settle(pipeline.active)]);
      })
      .finally(() => settle?.(final));

  const pipeline = new IngestPipeline({
    writer,
    reader,
    gateway: gatewayUrl,
    room: options.gateway.room,
    commentWindow: COMMENT_WINDOW,
    onCommitted: (session, result, batch) => {
      rate.add(result.inserted);
      copilotOnCommit();
      source.ack(session, result.committedSeq);
      options.onCommitted?.(session, result, batch);
    },
    onWarning: (message) => options.onError?.(new Error(message)),
    onFatal: (error) => {
      // Recording stops where the store stopped; a restart resumes from what is stored.
      status = { state: 'failed', attempt: 0, code: 'store', error: `the store failed: ${error.message}` };
      void source.stop().finally(() => finish(status));
    },
  });

  const connectionView = (): ConnectionView => ({
    state: status.state,
    attempt: status.attempt,
    ...(status.error ? { error: status.error } : {}),
    lastEventAt: pipeline.counters.lastEventAt,
    gateway: gatewayUrl,
    room: options.gateway.room,
  });

  const annotations = new SessionAnnotations(writer, reader);
  const recapKeeper = createRecapKeeper({ writer, reader, onError: (error) => options.onError?.(error) });
  const catalog = createCatalogApi(writer, reader, { onChanged: () => planRunner.invalidate() });
  const liveFacts = (): LiveSessionFacts | null => {
    const active = pipeline.active;
    if (!active) return null;
    return {
      key: active.key,
      startedAt: active.hello.session.startedAt,
      endedAt: active.endedAt,
      now: active.engine.now(),
      cart: active.products,
      gmvOf: (productId) => active.engine.products().find((p) => p.productId === productId)?.gmv ?? 0,
    };
  };
  const planRunner = createPlanRunner({
    writer,
    reader,
    catalog: () => catalog.get(),
    live: liveFacts,
    onError: (error) => options.onError?.(new Error(`the plan's rundown could not be stored: ${error.message}`)),
    timeScale: options.planTimeScale ?? 1,
    rehearsal: options.rehearsal ?? false,
  });
  const plans = createPlanApi({
    writer,
    reader,
    catalog: () => catalog.get(),
    cart: () => pipeline.active?.products ?? null,
    onChanged: () => planRunner.invalidate(),
  });
  const mergeIntoCatalog = (products: Parameters<CatalogApi['mergeGatewayProducts']>[0]) =>
    void catalog.mergeGatewayProducts(products.map((p) => ({ ...p, category: options.productCategories?.[p.id] ?? 'other' }))).catch((error: unknown) => {
      options.onError?.(new Error(`the catalog could not take the session's products: ${error instanceof Error ? error.message : String(error)}`));
    });
  const withMark = (comment: CommentView): CommentView => (annotations.isAnswered(comment.id) ? { ...comment, answered: true } : comment);
  const activeSession = () => {
    const active = pipeline.active;
    if (!active) throw new CoreUnavailableError('no live session is being recorded yet');
    return active;
  };

  // The co-pilot: one engine per recorded session, ticked once a second with the comments that arrived since.
  let copilot: { key: SessionKey; engine: TalkingPointEngine } | null = null;
  let suggestions: Suggestion[] = [];
  let copilotTickedAt = 0;
  const addQuestion = (engine: TalkingPointEngine, event: CommentEvent, active: ActiveSession) => {
    // A comment a UI has listed is classified already; the window keeps that reading.
    const view = pipeline.comments.described(event.id) ?? describeComment(event, active.products);
    if (!view.question) return;
    const userId = event.user.id ?? event.user.name;
    recapKeeper.question(active, { id: view.id, ts: view.ts, userId, text: view.text, intent: view.intent, productId: view.productId });
    engine.addComment({
      id: view.id,
      ts: view.ts,
      userId,
      text: view.text,
      intent: view.intent,
      question: true,
      productId: view.productId,
      answered: annotations.isAnswered(view.id),
    });
  };
  const rankTalkingPoints = (active: ActiveSession, engine: TalkingPointEngine) => {
    let provided: ReturnType<NonNullable<CoreOptions['buyingPoints']>> = { buyingPoints: [], categories: {} };
    try {
      provided = options.buyingPoints?.() ?? provided;
    } catch (error) {
      options.onError?.(new Error(`the co-pilot could not read buying points: ${error instanceof Error ? error.message : String(error)}`));
    }
    const orders = new Map(active.engine.products().map((p) => [p.productId, p.paidOrders]));
    planRunner.follow();
    const coupons = catalog.coupons();
    suggestions = engine.tick({
      now: active.engine.now(),
      onAir: active.engine.onAir(),
      products: active.products.map((p) => ({
        id: p.id,
        title: p.title,
        price: p.price,
        stock: p.stock,
        paidOrders: orders.get(p.id) ?? 0,
        coupon: coupons.get(p.id) ?? null,
      })),
      windows: { m1: active.engine.window(1), m5: active.engine.window(5) },
      buyingPoints: provided.buyingPoints,
      categories: provided.categories,
      rundown: planRunner.cue(),
    });
    copilotTickedAt = active.engine.now();
    options.onSuggestions?.(suggestions, copilotTickedAt);
  };
  // A replay or a catch-up runs the live room's clock faster than the wall's: rank once per live-room second then
  // too — but never spend more than 1/COPILOT_CPU_SHARE of the ingest thread on it, or a fast catch-up would be
  // slowed down by ranking talking points for seconds nobody watches live.
  const cpuShare = options.copilotCpuShare ?? COPILOT_CPU_SHARE;
  let lastTickWall = 0;
  let lastTickCost = 0;
  /** The tick in progress, if any: a finishing session waits for it, so the recap sees every question classified. */
  let ticking: Promise<void> | null = null;
  const copilotOnCommit = () => {
    const now = pipeline.active?.engine.now() ?? 0;
    if (now - copilotTickedAt >= 1000 && performance.now() - lastTickWall >= cpuShare * lastTickCost) void runCopilot();
  };
  // Classifying a second's comments can take tens of ms; it is done in slices, so events keep being committed
  // (and acknowledged) in between instead of waiting behind the whole tick.
  const runCopilot = (): Promise<void> => {
    if (ticking) return ticking;
    const active = pipeline.active;
    const { comments } = pipeline.commentFeed.take();
    recapKeeper.follow(active);
    if (!active) {
      suggestions = [];
      return Promise.resolve();
    }
    if (copilot?.key !== active.key) copilot = { key: active.key, engine: new TalkingPointEngine() };
    annotations.follow(active.key);
    const { engine } = copilot;
    let done = () => {};
    ticking = new Promise<void>((resolve) => (done = resolve));
    let next = 0;
    let spent = 0;
    const slice = () => {
      const started = performance.now();
      let more = false;
      try {
        if (stopped || pipeline.active?.key !== active.key) return;
        while (next < comments.length && performance.now() - started < COPILOT_SLICE_MS) addQuestion(engine, comments[next++]!, active);
        more = next < comments.length;
        if (!more) rankTalkingPoints(active, engine);
      } catch (error) {
        options.onError?.(error instanceof Error ? error : new Error(String(error)));
      } finally {
        lastTickWall = performance.now();
        spent += lastTickWall - started;
        if (more) setImmediate(slice);
        else {
          lastTickCost = spent;
          ticking = null;
          done();
        }
      }
    };
    const tick = ticking;
    slice();
    return tick;
  };
  const copilotTimer = setInterval(() => void runCopilot(), 1000);
  copilotTimer.unref();

  const build = (): CoreSnapshot => {
    const active = pipeline.active;
    annotations.follow(active?.key ?? null);
    planRunner.follow();
    const engine = active?.engine;
    const stats = new Map((engine?.products() ?? []).map((p) => [p.productId, p]));
    // The gateway knows no coupons: the card on air shows the merchant's, from the catalog.
    const coupons = catalog.coupons();
    const products: ProductView[] = (active?.products ?? []).map((p) => {
      const s = stats.get(p.id);
      return {
        ...p,
        coupon: coupons.get(p.id) ?? null,
        exposureUsers: s?.exposureUsers ?? 0,
        clickUsers: s?.clickUsers ?? 0,
        paidOrders: s?.paidOrders ?? 0,
        buyers: s?.buyers ?? 0,
        gmv: s?.gmv ?? 0,
      };
    });
    const window = (m: 1 | 5) => engine?.window(m) ?? { current: emptyMetrics(), previous: emptyMetrics() };
    return {
      connection: connectionView(),
      session: active
        ? { id: active.hello.session.id, room: active.hello.room, startedAt: active.hello.session.startedAt, endedAt: active.endedAt }
        : null,
      now: engine?.now() ?? 0,
      totals: engine?.totals() ?? emptyMetrics(),
      windows: { m1: window(1), m5: window(5) },
      onAir: engine?.onAir() ?? null,
      products,
      ingest: {
        stored: pipeline.counters.stored,
        rejected: pipeline.counters.rejected,
        duplicates: pipeline.counters.duplicates,
        gaps: [...pipeline.counters.gaps],
        eventsPerSec: rate.perSecond(),
      },
      comments: pipeline.comments.list(active?.products ?? []).map(withMark),
      moments: annotations.list(),
      minutes: engine?.minuteSeries(CHART_MINUTES) ?? [],
      suggestions,
      plan: planRunner.view(),
    };
  };
  const hub = new StateHub(build);

  source.start(
    {
      hello: (hello) => {
        pipeline.hello(hello);
        mergeIntoCatalog(hello.products);
      },
      events: (payload, receivedAt) => pipeline.events(payload, receivedAt),
      products: (products) => {
        pipeline.setProducts(products);
        mergeIntoCatalog(products);
      },
      gap: (gap) => pipeline.gap(gap),
      end: (end) => pipeline.end(end),
      serverTime: (t) => pipeline.serverTime(t),
      status: (next) => {
        if (status.code === 'store') return;
        status = next;
        if (next.state === 'ended' || next.state === 'failed') finish(next);
      },
      protocolError: (message, detail) => options.onError?.(new Error(`gateway sent a bad message (${message}): ${detail}`)),
    },
    () => pipeline.resumePoint(),
  );

  let stopped = false;
  return {
    snapshot: build,
    subscribe: (listener) => hub.subscribe(listener),
    async command(name, input) {
      const schema = apiCommandSchemas[name];
      const parsed = schema?.safeParse(input);
      if (!parsed?.success) {
        return { ok: false, error: { code: 'bad_input', message: parsed?.error.issues[0]?.message ?? `unknown command ${name}` } };
      }
      // parsed.data is exactly ApiCommandInput<N>; TypeScript cannot relate the lookup to N.
      const convert = toGatewayCommand[name] as (input: unknown, id: string) => Command;
      return source.command(convert(parsed.data, randomUUID()));
    },
    recap: (sessionId) => buildRecap(reader, sessionId),
    sessions: () => sessionSummaries(reader),
    applyAdvice: (sessionId, adviceId) => applyAdvice(buildRecap(reader, sessionId), adviceId, reader, plans),
    async markMoment(note) {
      const active = activeSession();
      annotations.follow(active.key);
      return annotations.markMoment(active.key, active.engine.now(), note);
    },
    async markComment(commentId, answered) {
      const active = activeSession();
      annotations.follow(active.key);
      await annotations.markAnswered(active.key, commentId, answered, active.engine.now());
      if (copilot?.key === active.key) copilot.engine.markAnswered(commentId, answered);
      if (answered) recapKeeper.answered(active, [commentId], { line: null });
      else recapKeeper.unanswered(active, commentId);
      // A talking point that answers it (a reminder, or one a reminder was merged into) has done its job.
      if (answered) suggestions = suggestions.filter((s) => !s.sources.includes(commentId));
    },
    async markSuggestion(suggestionId, outcome) {
      const active = activeSession();
      const now = active.engine.now();
      // The questions it answers, taken before marking settles them: used, they are answered, and stored as such.
      const answers = outcome === 'used' && copilot?.key === active.key ? [...copilot.engine.answeredBy(suggestionId)] : [];
      const shown = copilot?.key === active.key ? copilot.engine.mark(suggestionId, now) : null;
      const suggestion = shown ?? suggestions.find((s) => s.id === suggestionId);
      if (!suggestion) throw new SuggestionNotFoundError(`no talking point ${suggestionId} is shown`);
      suggestions = suggestions.filter((s) => s.id !== suggestionId);
      const mark: SuggestionMark = { suggestionId, kind: suggestion.kind, line: suggestion.line, reason: suggestion.reason, outcome, at: now, text: suggestion.text };
      await writer.markSuggestion(active.key, { ...mark, text: JSON.stringify(mark.text) });
      if (outcome === 'used') {
        recapKeeper.answered(active, [...suggestion.sources, ...answers], { line: suggestion.line });
        annotations.follow(active.key);
        for (const commentId of answers) await annotations.markAnswered(active.key, commentId, true, now);
      }
      // A planned buying point used is one the overlay no longer lists as still to hit.
      planRunner.invalidate();
      return mark;
    },
    catalog: () => catalog,
    plan: () => plans,
    advanceSegment: () => planRunner.advance(),
    confirmStart: (by) => planRunner.confirmStart(by),
    commentHistory(beforeSeq, limit) {
      const active = pipeline.active;
      if (!active) return [];
      return reader.commentsBefore(active.key, beforeSeq ?? Number.MAX_SAFE_INTEGER, limit).flatMap((row) => {
        // Bodies were validated when stored; a row that no longer parses is skipped, not shown half-read.
        const parsed = eventSchemas.comment.safeParse(JSON.parse(row.body));
        return parsed.success ? [{ ...describeComment({ ...parsed.data, seq: row.seq }, active.products), answered: row.answered === 1 }] : [];
      });
    },
    finished: () => finished,
    async stop() {
      if (stopped) return;
      stopped = true;
      clearInterval(copilotTimer);
      hub.stop();
      await source.stop();
      await pipeline.drain();
      planRunner.follow();
      await Promise.all([planRunner.settled(), recapKeeper.settle(pipeline.active)]);
      reader.close();
      await writer.close();
    },
  };
}

/** Ticks driven by the live room's clock may take at most one part in this many of the ingest thread's time. */
const COPILOT_CPU_SHARE = 20;
/** The longest the co-pilot holds the ingest thread at a time while it classifies a second's comments. */
const COPILOT_SLICE_MS = 2;

/** A request the core cannot serve in its current state (e.g. before the first session). */
export class CoreUnavailableError extends Error {}

/** A talking point that is not (or no longer) shown. */
export class SuggestionNotFoundError extends Error {}

/** Each API command as the gateway command it becomes, with a fresh id (the gateway's idempotency key). */
const toGatewayCommand: { [N in ApiCommandName]: (input: ApiCommandInput<N>, id: string) => Command } = {
  pinProduct: ({ productId }, id) => ({ id, type: 'card.pin', productId }),
  unpinProduct: (_input, id) => ({ id, type: 'card.unpin' }),
  pushCoupon: ({ couponId }, id) => ({ id, type: 'coupon.push', couponId }),
  pinComment: ({ commentId }, id) => ({ id, type: 'comment.pin', commentId }),
};
