/**
 * The core's public face: one object every host (CLI, web server, Electron
 * utility process, tests) drives. `startCore` wires a source to the ingest
 * pipeline and the store, and around them the co-pilot, the plan's rundown,
 * the recap's tally, the state stream and the API.
 */
import { COMMENT_WINDOW, type CoreSnapshot } from '../../../shared/api/contract.js';
import type { BuyingPoint, ProductCategory } from '../../../shared/catalog/catalog.js';
import type { Suggestion } from '../../../shared/copilot/engine/index.js';
import { createCatalogApi, type CatalogApi } from '../catalog/catalog-api.js';
import { IngestPipeline, type ActiveSession, type PipelineOptions } from '../ingest/pipeline.js';
import { createPlanApi } from '../plan/plan-api.js';
import { createPlanRunner, type LiveSessionFacts } from '../plan/plan-runner.js';
import { createRecapKeeper } from '../recap/recap-keeper.js';
import { createGatewaySource } from '../source/gateway-source.js';
import type { ConnectionStatus, LiveSource, SourceListener } from '../source/types.js';
import { openReader, type StoreReader } from '../store/reader.js';
import { StoreWriter } from '../store/writer.js';
import { SessionAnnotations } from './annotations.js';
import { createCopilotRunner } from './copilot-runner.js';
import { createCoreApi, type CoreApi } from './core-api.js';
import { RateMeter } from './rate-meter.js';
import { snapshotBuilder } from './snapshot.js';
import { StateHub, type StateListener } from './state-hub.js';

export { CoreUnavailableError, SuggestionNotFoundError } from './core-api.js';

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
  /** The co-pilot's share of the ingest thread in a catch-up or a replay (COPILOT_CPU_SHARE in copilot-runner.ts); 0 lifts the limit. */
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

export interface Core extends CoreApi {
  snapshot(): CoreSnapshot;
  subscribe(listener: StateListener): () => void;
  /** Resolves with the final connection state once the source is `ended` or `failed` and everything is stored. */
  finished(): Promise<ConnectionStatus>;
  stop(): Promise<void>;
}

export async function startCore(options: CoreOptions): Promise<Core> {
  const writer = await StoreWriter.open(options.dbFile);
  let reader: StoreReader;
  try {
    reader = openReader(options.dbFile);
  } catch (error) {
    await writer.close();
    throw error;
  }
  const report = (error: Error) => options.onError?.(error);
  // One spelling per gateway, so a restarted recorder finds the session it was recording.
  const gateway = { url: options.gateway.url.replace(/\/+$/, ''), room: options.gateway.room };
  const source = options.source ?? createGatewaySource({ ...gateway, token: options.gateway.token });
  const rate = new RateMeter();
  let status: ConnectionStatus = { state: 'connecting', attempt: 0 };

  const pipeline = new IngestPipeline({
    writer,
    reader,
    gateway: gateway.url,
    room: gateway.room,
    commentWindow: COMMENT_WINDOW,
    onCommitted: (session, result, batch) => {
      rate.add(result.inserted);
      copilot.committed();
      source.ack(session, result.committedSeq);
      options.onCommitted?.(session, result, batch);
    },
    onWarning: (message) => report(new Error(message)),
    onFatal: (error) => {
      // Recording stops where the store stopped; a restart resumes from what is stored.
      status = { state: 'failed', attempt: 0, code: 'store', error: `the store failed: ${error.message}` };
      void source.stop().finally(() => finish(status));
    },
  });
  const annotations = new SessionAnnotations(writer, reader);
  const recapKeeper = createRecapKeeper({ writer, reader, onError: report });
  const catalog = createCatalogApi(writer, reader, { onChanged: () => planRunner.invalidate() });
  const planRunner = createPlanRunner({
    writer,
    reader,
    catalog: () => catalog.get(),
    live: () => liveFacts(pipeline.active),
    onError: (error) => report(new Error(`the plan's rundown could not be stored: ${error.message}`)),
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
  const copilot = createCopilotRunner({
    pipeline,
    annotations,
    recapKeeper,
    planRunner,
    catalog,
    buyingPoints: options.buyingPoints,
    cpuShare: options.copilotCpuShare,
    onSuggestions: options.onSuggestions,
    onError: report,
  });
  const snapshot = snapshotBuilder({ pipeline, annotations, planRunner, catalog, rate, gateway, status: () => status, suggestions: () => copilot.suggestions() });
  // What can change the state: each message from the gateway, each request to the core (and its end, if it is async).
  let revision = 0;
  const touch = () => void revision++;
  const hub = new StateHub(snapshot, () => revision);

  // The rundown's open segment ends with the session, stored before anyone reads the recap.
  const settleSession = () => {
    planRunner.follow();
    return Promise.all([planRunner.settled(), recapKeeper.settle(pipeline.active)]);
  };
  let settle: ((s: ConnectionStatus) => void) | null = null;
  const finished = new Promise<ConnectionStatus>((resolve) => (settle = resolve));
  const finish = (final: ConnectionStatus) =>
    void pipeline
      .drain()
      // Every comment stored is classified: the recap's questions are complete.
      .then(() => copilot.catchUp())
      .then(settleSession)
      .finally(() => settle?.(final));

  const mergeIntoCatalog = (products: Parameters<CatalogApi['mergeGatewayProducts']>[0]) =>
    void catalog.mergeGatewayProducts(products.map((p) => ({ ...p, category: options.productCategories?.[p.id] ?? 'other' }))).catch((error: unknown) => {
      report(new Error(`the catalog could not take the session's products: ${error instanceof Error ? error.message : String(error)}`));
    });
  source.start(
    countingCalls<SourceListener>({
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
      protocolError: (message, detail) => report(new Error(`gateway sent a bad message (${message}): ${detail}`)),
    }, touch),
    () => pipeline.resumePoint(),
  );

  let stopped = false;
  return {
    ...countingCalls(createCoreApi({ source, writer, reader, pipeline, annotations, recapKeeper, copilot, catalog, plans, planRunner }), touch),
    snapshot,
    subscribe: (listener) => hub.subscribe(listener),
    finished: () => finished,
    async stop() {
      if (stopped) return;
      stopped = true;
      copilot.stop();
      hub.stop();
      await source.stop();
      await pipeline.drain();
      await settleSession();
      reader.close();
      await writer.close();
    },
  };
}

/** `target` with each of its functions calling `onCall` when called and, for a promise, again when it settles. */
function countingCalls<T extends object>(target: T, onCall: () => void): T {
  const counted = { ...target } as Record<string, unknown>;
  for (const [name, value] of Object.entries(target)) {
    if (typeof value !== 'function') continue;
    counted[name] = (...args: unknown[]) => {
      onCall();
      const result: unknown = (value as (...a: unknown[]) => unknown).apply(target, args);
      if (result instanceof Promise) void result.finally(onCall).catch(() => {});
      return result;
    };
  }
  return counted as T;
}

/** What the plan's rundown follows of the session being recorded. */
function liveFacts(active: ActiveSession | null): LiveSessionFacts | null {
  if (!active) return null;
  return {
    key: active.key,
    startedAt: active.hello.session.startedAt,
    endedAt: active.endedAt,
    now: active.engine.now(),
    cart: active.products,
    gmvOf: (productId) => active.engine.products().find((p) => p.productId === productId)?.gmv ?? 0,
  };
}
