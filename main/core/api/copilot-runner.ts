/**
 * The co-pilot of the session being recorded: one talking-point engine per
 * session, fed the questions among the comments that arrived since its last
 * tick, and asked to rank once a second.
 */
import type { SuggestionOutcome } from '../../../shared/api/contract.js';
import { TalkingPointEngine, type Suggestion } from '../../../shared/copilot/engine/index.js';
import type { CatalogApi, CopilotCatalog } from '../catalog/catalog-api.js';
import type { CommentEvent } from '../ingest/comment-window.js';
import type { ActiveSession, IngestPipeline } from '../ingest/pipeline.js';
import type { PlanRunner } from '../plan/plan-runner.js';
import type { RecapKeeper } from '../recap/recap-keeper.js';
import type { SessionKey } from '../store/types.js';
import type { SessionAnnotations } from './annotations.js';

/**
 * The co-pilot ranks once a second of wall time, and whenever the live room's clock passes a second. In a
 * catch-up or a replay that clock runs far ahead of the wall's, so ranking then may take at most one part in
 * this many of the ingest thread's time: otherwise a fast catch-up would be slowed down by ranking talking
 * points for seconds nobody watches live. A share of 0 lifts the limit, so it ranks every live-room second
 * whatever the cost (the scenario tests, which replay minutes of a room in a second).
 */
const COPILOT_CPU_SHARE = 20;
/**
 * The longest the co-pilot holds the ingest thread at a time: classifying a second's comments can take tens of
 * ms, so it is done in slices and events keep being committed (and acknowledged) in between.
 */
const COPILOT_SLICE_MS = 2;

export interface CopilotRunnerOptions {
  pipeline: IngestPipeline;
  annotations: SessionAnnotations;
  recapKeeper: RecapKeeper;
  planRunner: PlanRunner;
  catalog: CatalogApi;
  buyingPoints?: () => CopilotCatalog;
  /** COPILOT_CPU_SHARE by default. */
  cpuShare?: number;
  onSuggestions?: (suggestions: Suggestion[], now: number) => void;
  onError: (error: Error) => void;
}

export interface CopilotRunner {
  /** The last ranking, less the talking points marked since. */
  suggestions(): Suggestion[];
  /** A batch was committed: ranks if the live room's clock passed a second and the CPU share allows. */
  committed(): void;
  /** The tick under way, then one more for the comments that arrived after it took its share. */
  catchUp(): Promise<void>;
  /** A question of `key`'s session was marked (un)answered; a talking point that answers it has done its job. */
  markAnswered(key: SessionKey, commentId: string, answered: boolean): void;
  /**
   * Takes a shown talking point off the list, with the questions it answers when used (taken before marking
   * settles them); null when it is not shown.
   */
  take(key: SessionKey, suggestionId: string, outcome: SuggestionOutcome, now: number): { suggestion: Suggestion; answers: string[] } | null;
  stop(): void;
}

export function createCopilotRunner(options: CopilotRunnerOptions): CopilotRunner {
  const { pipeline, annotations, recapKeeper, planRunner, catalog, onError } = options;
  const cpuShare = options.cpuShare ?? COPILOT_CPU_SHARE;
  let copilot: { key: SessionKey; engine: TalkingPointEngine } | null = null;
  let suggestions: Suggestion[] = [];
  /** The live room's time of the last ranking. */
  let rankedAt = 0;
  let lastTickWall = 0;
  let lastTickCost = 0;
  /** A finishing session waits for the tick in progress, so the recap sees every question classified. */
  let ticking: Promise<void> | null = null;
  let stopped = false;

  const engineOf = (key: SessionKey) => (copilot?.key === key ? copilot.engine : null);

  const addQuestion = (engine: TalkingPointEngine, event: CommentEvent, active: ActiveSession) => {
    // A comment a UI has listed is classified already; the window keeps that reading.
    const view = pipeline.comments.describe(event, active.products);
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

  const rank = (active: ActiveSession, engine: TalkingPointEngine) => {
    let provided: CopilotCatalog = { buyingPoints: [], categories: {} };
    try {
      provided = options.buyingPoints?.() ?? provided;
    } catch (error) {
      onError(new Error(`the co-pilot could not read buying points: ${error instanceof Error ? error.message : String(error)}`));
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
    rankedAt = active.engine.now();
    options.onSuggestions?.(suggestions, rankedAt);
  };

  const tick = (): Promise<void> => {
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
    const current = new Promise<void>((resolve) => (done = resolve));
    ticking = current;
    let next = 0;
    let spent = 0;
    const slice = () => {
      const started = performance.now();
      let more = false;
      try {
        if (stopped || pipeline.active?.key !== active.key) return;
        while (next < comments.length && performance.now() - started < COPILOT_SLICE_MS) addQuestion(engine, comments[next++]!, active);
        more = next < comments.length;
        if (!more) rank(active, engine);
      } catch (error) {
        onError(error instanceof Error ? error : new Error(String(error)));
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
    slice();
    return current;
  };

  const timer = setInterval(() => void tick(), 1000);
  timer.unref();

  return {
    suggestions: () => suggestions,
    committed() {
      const now = pipeline.active?.engine.now() ?? 0;
      if (now - rankedAt >= 1000 && performance.now() - lastTickWall >= cpuShare * lastTickCost) void tick();
    },
    async catchUp() {
      await ticking;
      await tick();
    },
    markAnswered(key, commentId, answered) {
      engineOf(key)?.markAnswered(commentId, answered);
      if (answered) suggestions = suggestions.filter((s) => !s.sources.includes(commentId));
    },
    take(key, suggestionId, outcome, now) {
      const engine = engineOf(key);
      const answers = outcome === 'used' && engine ? [...engine.answeredBy(suggestionId)] : [];
      const suggestion = engine?.mark(suggestionId, now) ?? suggestions.find((s) => s.id === suggestionId);
      if (!suggestion) return null;
      suggestions = suggestions.filter((s) => s.id !== suggestionId);
      return { suggestion, answers };
    },
    stop() {
      stopped = true;
      clearInterval(timer);
    },
  };
}
