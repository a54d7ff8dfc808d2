/**
 * The ingest pipeline: raw `events` payloads in; validated, deduplicated
 * events out to the writer thread and into the metrics engine; acks back to
 * the gateway only for what the writer has committed.
 *
 * It runs on the core's main thread while the writer thread does the SQLite
 * work, so parsing/validation of one batch overlaps the commit of the last.
 * Events are counted (engine.apply) when they are handed to the writer; a
 * crash before the commit loses that in-memory count together with the
 * events, and a restart rebuilds both from the store (restore.ts), so what
 * is counted is always what is stored. A failed write is fatal for the
 * pipeline: it stops acknowledging and taking events (the gateway keeps
 * them), because counting on past a hole would make the count lie.
 */
import type { MetricsEngine } from '../../../shared/metrics/index.js';
import {
  batchProblem,
  describeRaw,
  eventProblem,
  isKnownEventType,
  rejectedSeq,
  type End,
  type Gap,
  type Hello,
  type LiveEvent,
  type Product,
  type UnknownEvent,
} from '../../../shared/protocol/index.js';
import type { StoreReader } from '../store/reader.js';
import type { StoreWriter } from '../store/writer.js';
import type { AppendBatch, AppendResult, SessionKey } from '../store/types.js';
import type { ResumePoint } from '../source/types.js';
import { WireBatch } from '../source/wire-decoder.js';
import { BatchBuilder } from './batch-builder.js';
import { CommentFeed, CommentWindow } from './comment-window.js';
import { IdSet } from './id-set.js';
import { restoreSession } from './restore.js';

/** Take an engine snapshot (for fast restarts and recaps) at most this often. */
const SNAPSHOT_EVERY_EVENTS = 500_000;
const SNAPSHOT_EVERY_MS = 30_000;
const RECENT_COMMENTS = 20_000;
/** Gaps listed in the live state (the store keeps them all; a repeat of an older one is stored once by its key). */
const LIVE_GAPS = 100;
/** Comments the co-pilot classifies per 1 s tick at most (the newest); classifying costs ~µs each, so this bounds the tick. */
const COPILOT_FEED = 2_000;

export interface PipelineOptions {
  writer: StoreWriter;
  reader: StoreReader;
  gateway: string;
  room: string;
  commentWindow?: number;
  /** Engine snapshots (fast restarts and recaps) at most every this many events, and every `snapshotEveryMs`. */
  snapshotEveryEvents?: number;
  snapshotEveryMs?: number;
  /** Called after each commit: the gateway may now drop these events. */
  onCommitted?: (session: string, committed: AppendResult, batch: AppendBatch) => void;
  /** The store failed: nothing more is taken or acknowledged. */
  onFatal?: (error: Error) => void;
  /** Something odd but survivable (e.g. rows the store already had). */
  onWarning?: (message: string) => void;
  now?: () => number;
}

export interface ActiveSession {
  key: SessionKey;
  hello: Hello;
  engine: MetricsEngine;
  products: Product[];
  endedAt: number | null;
}

export interface IngestCounters {
  stored: number;
  rejected: number;
  duplicates: number;
  gaps: Gap[];
  lastEventAt: number | null;
}

export class IngestPipeline {
  private session: ActiveSession | null = null;
  private storedIds = new IdSet();
  /** Highest seq handled in this session (stored or rejected): anything at or below is a repeat. */
  private handledSeq = 0;
  /** Highest seq the writer has committed: the resume point. */
  private committedSeq = 0;
  private builder: BatchBuilder | null = null;
  /** Work that arrived while a session was being opened (or before the first hello), replayed in order. */
  private pending: (() => void)[] = [];
  private opening: Promise<void> | null = null;
  private broken: Error | null = null;
  /** Seqs of recent comments by id, so a retract marks by primary key (moderation acts within seconds). */
  private readonly recentComments = new Map<string, number>();
  private eventsSinceSnapshot = 0;
  private lastSnapshotAt = 0;
  /** Writer requests not yet answered; `drain` waits for them. */
  private readonly inFlight = new Set<Promise<unknown>>();
  readonly comments: CommentWindow;
  /** New comments for the co-pilot, taken once a second (bounded, newest kept). */
  readonly commentFeed = new CommentFeed(COPILOT_FEED);
  readonly counters: IngestCounters = { stored: 0, rejected: 0, duplicates: 0, gaps: [], lastEventAt: null };
  private readonly now: () => number;

  constructor(private readonly options: PipelineOptions) {
    this.comments = new CommentWindow(options.commentWindow ?? 200);
    this.now = options.now ?? Date.now;
  }

  get active(): ActiveSession | null {
    return this.session;
  }

  /** Where a (re)connection should resume: after the last stored seq of the current session. */
  resumePoint(): ResumePoint | undefined {
    if (this.session) return { session: this.session.hello.session.id, afterSeq: this.committedSeq };
    const latest = this.options.reader.latestOpenSession(this.options.gateway, this.options.room);
    return latest ? { session: latest.sessionId, afterSeq: latest.lastSeq } : undefined;
  }

  hello(hello: Hello): void {
    if (this.broken) return;
    // A hello while a session is being opened (a quick reconnect) waits for
    // that open, then is judged against the session it produced.
    if (this.opening) {
      this.pending.push(() => this.hello(hello));
      return;
    }
    if (this.session?.hello.session.id === hello.session.id) {
      this.session.hello = hello;
      this.setProducts(hello.products);
      return;
    }
    this.flush();
    this.session = null;
    this.opening = this.open(hello);
  }

  private async open(hello: Hello): Promise<void> {
    const { writer, reader } = this.options;
    try {
      const opened = await writer.openSession({
        gateway: this.options.gateway,
        room: hello.room.id,
        roomJson: JSON.stringify(hello.room),
        sessionId: hello.session.id,
        startedAt: hello.session.startedAt,
        productsJson: JSON.stringify(hello.products),
      });
      const restored = restoreSession(reader, opened.key, {
        startedAt: hello.session.startedAt,
        products: hello.products,
        snapshot: opened.snapshot,
        onWarning: (message) => this.options.onWarning?.(message),
      });
      this.session = { key: opened.key, hello, engine: restored.engine, products: hello.products, endedAt: null };
      this.storedIds = restored.storedIds;
      this.recentComments.clear();
      this.handledSeq = opened.lastSeq;
      this.committedSeq = opened.lastSeq;
      this.counters.stored = restored.storedCount;
      this.counters.gaps = [];
      this.builder = new BatchBuilder(opened.key);
      this.lastSnapshotAt = this.now();
    } catch (error) {
      this.breakDown(error);
    } finally {
      this.opening = null;
    }
    const queued = this.pending;
    this.pending = [];
    for (const work of queued) work();
  }

  /** Runs `work` now, or after the session being opened is ready; never once the store failed. */
  private whenOpen(work: () => void): void {
    if (this.broken) return;
    if (this.opening || !this.session) this.pending.push(work);
    else work();
  }

  events(payload: unknown, receivedAt: number): void {
    this.whenOpen(() => this.ingest(payload, receivedAt));
  }

  private ingest(payload: unknown, receivedAt: number): void {
    const session = this.session!;
    const builder = this.builder!;
    const wire = payload instanceof WireBatch ? payload : null;
    const events = wire ? wire.events : payload;
    if (!builder.isEmpty) this.flush();
    const refused = batchProblem(events);
    if (refused !== null) {
      this.counters.rejected++;
      builder.reject({ seq: null, reason: refused, raw: describeRaw(wire ? wire.text : events), receivedAt });
      this.flush();
      return;
    }
    const list = events as unknown[];
    builder.startFrame(wire ? { text: wire.text, count: list.length } : null);
    const { engine } = session;
    for (let index = 0; index < list.length; index++) {
      const raw = list[index];
      const problem = eventProblem(raw);
      if (problem !== null) {
        const seq = rejectedSeq(raw);
        if (seq !== null && seq <= this.handledSeq) {
          this.counters.duplicates++;
          continue;
        }
        if (seq !== null) this.handledSeq = seq;
        this.counters.rejected++;
        builder.reject({ seq, reason: problem, raw: describeRaw(raw), receivedAt });
        continue;
      }
      const event = raw as LiveEvent | UnknownEvent;
      if (event.seq <= this.handledSeq || (event.id !== undefined && this.storedIds.has(event.id))) {
        this.counters.duplicates++;
        continue;
      }
      this.handledSeq = event.seq;
      if (event.id !== undefined) this.storedIds.add(event.id);
      const known = isKnownEventType(event.type);
      builder.add(event, known, index);
      if (known) this.count(engine, builder, event as LiveEvent);
    }
    this.counters.lastEventAt = receivedAt;
    this.flush();
  }

  private count(engine: MetricsEngine, builder: BatchBuilder, event: LiveEvent): void {
    engine.apply(event);
    this.eventsSinceSnapshot++;
    if (event.type === 'comment') {
      const onAir = engine.onAir()?.productId ?? null;
      this.comments.add(event, onAir);
      this.commentFeed.add(event, onAir);
      this.rememberComment(event.id, event.seq);
    } else if (event.type === 'retract') {
      this.comments.retract(event.ids);
      for (const id of event.ids) builder.retract({ id, seq: this.recentComments.get(id) });
    }
  }

  private rememberComment(id: string, seq: number): void {
    this.recentComments.set(id, seq);
    if (this.recentComments.size > RECENT_COMMENTS) {
      this.recentComments.delete(this.recentComments.keys().next().value!);
    }
  }

  gap(gap: Gap): void {
    this.whenOpen(() => {
      if (gap.session !== this.session!.hello.session.id) return;
      // A gateway repeats its gap on every resume until events after it are stored.
      if (this.counters.gaps.some((g) => g.fromSeq === gap.fromSeq && g.toSeq === gap.toSeq)) return;
      this.counters.gaps.push(gap);
      // Every gap is stored; the live list keeps the newest, so a gateway announcing thousands cannot bloat each snapshot.
      if (this.counters.gaps.length > LIVE_GAPS) this.counters.gaps.shift();
      this.builder!.gap({ fromSeq: gap.fromSeq, toSeq: gap.toSeq, detectedAt: this.now() });
      this.flush();
    });
  }

  /** Time passes without events (heartbeats): online viewers' watch time keeps growing. */
  serverTime(serverTime: number): void {
    this.whenOpen(() => this.session!.engine.advanceTo(serverTime));
  }

  setProducts(products: Product[]): void {
    this.whenOpen(() => {
      const session = this.session!;
      session.products = products;
      session.engine.setProducts(products);
      this.chain(() => this.options.writer.updateProducts(session.key, JSON.stringify(products)));
    });
  }

  end(end: End): void {
    this.whenOpen(() => {
      const session = this.session!;
      if (session.hello.session.id !== end.session) return;
      session.endedAt = end.endedAt;
      session.engine.end(end.endedAt);
      this.flush(true);
      const key = session.key;
      this.chain(() => this.options.writer.endSession(key, end.endedAt));
    });
  }

  /** Sends what has been gathered to the writer; acks follow the commit. */
  flush(forceSnapshot = false): void {
    const session = this.session;
    const builder = this.builder;
    if (!session || !builder || this.broken) return;
    const snapshotDue =
      forceSnapshot ||
      this.eventsSinceSnapshot >= (this.options.snapshotEveryEvents ?? SNAPSHOT_EVERY_EVENTS) ||
      (this.eventsSinceSnapshot > 0 && this.now() - this.lastSnapshotAt >= (this.options.snapshotEveryMs ?? SNAPSHOT_EVERY_MS));
    if (builder.isEmpty && !snapshotDue) return;
    const batch = builder.take((b) => {
      b.minutes = session.engine.takeDirtyMinutes().map((m) => ({ minute: m.minute, data: JSON.stringify(m.values) }));
      if (snapshotDue) {
        b.snapshot = { seq: this.handledSeq, state: JSON.stringify(session.engine.toJSON()) };
        this.eventsSinceSnapshot = 0;
        this.lastSnapshotAt = this.now();
      }
    });
    const sessionId = session.hello.session.id;
    const appended = this.options.writer.append(batch).then((result) => {
      // After a failed write nothing is acknowledged: a later commit's seq would cover the lost events.
      if (this.broken || this.session?.key !== batch.session) return;
      this.committedSeq = Math.max(this.committedSeq, result.committedSeq);
      this.counters.stored += result.inserted;
      if (result.ignored > 0) this.options.onWarning?.(`${result.ignored} events were already in the store (session ${sessionId})`);
      this.options.onCommitted?.(sessionId, result, batch);
    });
    this.track(appended.catch((error: unknown) => this.breakDown(error)));
  }

  private chain(work: () => Promise<unknown>): void {
    this.track(work().catch((error: unknown) => this.breakDown(error)));
  }

  private track(request: Promise<unknown>): void {
    const forget = (): void => void this.inFlight.delete(settled);
    const settled: Promise<void> = request.then(forget, forget);
    this.inFlight.add(settled);
  }

  /** Resolves when everything handed to the writer so far is settled. */
  async drain(): Promise<void> {
    while (this.opening) await this.opening;
    this.flush();
    while (this.inFlight.size > 0) await Promise.all(this.inFlight);
  }

  private breakDown(error: unknown): void {
    if (this.broken) return;
    this.broken = error instanceof Error ? error : new Error(String(error));
    this.pending = [];
    this.options.onFatal?.(this.broken);
  }
}
