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
 * is counted is always what is stored.
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
import type { AppendBatch, AppendResult, RetractTarget, SessionKey } from '../store/types.js';
import type { ResumePoint } from '../source/types.js';
import { WireBatch } from '../source/wire-decoder.js';
import { BatchBuilder } from './batch-builder.js';
import { CommentWindow } from './comment-window.js';
import { restoreSession } from './restore.js';

/** Take an engine snapshot (for fast restarts and recaps) at most this often. */
const SNAPSHOT_EVERY_EVENTS = 500_000;
const SNAPSHOT_EVERY_MS = 30_000;
const RECENT_COMMENTS = 100_000;

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
  onError?: (error: Error) => void;
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
  refusedBatches: number;
  lastEventAt: number | null;
}

export class IngestPipeline {
  private session: ActiveSession | null = null;
  private storedIds = new Set<string>();
  /** Highest seq handed to the writer in this session: anything at or below is a repeat. */
  private acceptedSeq = 0;
  /** Highest seq the writer has committed: the resume point. */
  private committedSeq = 0;
  private builder: BatchBuilder | null = null;
  private pendingRetracts: RetractTarget[] = [];
  /** Work that arrived while a session was being opened, replayed in order. */
  private pending: (() => void)[] = [];
  private opening: Promise<void> | null = null;
  /** Seqs of recent comments by id, so a retract marks by primary key (moderation acts within seconds). */
  private readonly recentComments = new Map<string, number>();
  private eventsSinceSnapshot = 0;
  private lastSnapshotAt = 0;
  /** Writer requests not yet answered; `drain` waits for them. */
  private readonly inFlight = new Set<Promise<unknown>>();
  readonly comments: CommentWindow;
  readonly counters: IngestCounters = { stored: 0, rejected: 0, duplicates: 0, gaps: [], refusedBatches: 0, lastEventAt: null };
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
    if (this.session?.hello.session.id === hello.session.id) {
      this.session.hello = hello;
      this.setProducts(hello.products);
      return;
    }
    this.flush();
    this.session = null;
    this.opening = this.open(hello).catch((error: unknown) => this.fail(error));
  }

  private async open(hello: Hello): Promise<void> {
    const { writer, reader } = this.options;
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
    });
    this.session = { key: opened.key, hello, engine: restored.engine, products: hello.products, endedAt: null };
    this.storedIds = restored.storedIds;
    this.recentComments.clear();
    this.pendingRetracts = [];
    this.acceptedSeq = opened.lastSeq;
    this.committedSeq = opened.lastSeq;
    this.counters.stored = restored.storedCount;
    this.builder = new BatchBuilder(opened.key);
    this.lastSnapshotAt = this.now();
    this.opening = null;
    const queued = this.pending;
    this.pending = [];
    for (const work of queued) work();
  }

  /** Runs `work` now, or after the session being opened is ready. */
  private whenOpen(work: () => void): void {
    if (this.opening || !this.session) this.pending.push(work);
    else work();
  }

  events(payload: unknown, receivedAt: number): void {
    this.whenOpen(() => this.ingest(payload, receivedAt));
  }

  private ingest(payload: unknown, receivedAt: number): void {
    const session = this.session!;
    const builder = this.builder!;
    const events = payload instanceof WireBatch ? payload.events : payload;
    const refused = batchProblem(events);
    if (refused !== null) {
      this.counters.refusedBatches++;
      this.counters.rejected++;
      builder.reject({ seq: null, reason: refused, raw: describeRaw(events), receivedAt });
      this.flush();
      return;
    }
    const list = events as unknown[];
    if (!builder.isEmpty) this.flush();
    if (payload instanceof WireBatch) builder.useWireText(payload.text, list.length);
    const { engine } = session;
    for (let index = 0; index < list.length; index++) {
      const raw = list[index];
      const problem = eventProblem(raw);
      if (problem !== null) {
        this.counters.rejected++;
        builder.reject({ seq: rejectedSeq(raw), reason: problem, raw: describeRaw(raw), receivedAt });
        continue;
      }
      const event = raw as LiveEvent | UnknownEvent;
      if (event.seq <= this.acceptedSeq || (event.id !== undefined && this.storedIds.has(event.id))) {
        this.counters.duplicates++;
        continue;
      }
      this.acceptedSeq = event.seq;
      if (event.id !== undefined) this.storedIds.add(event.id);
      const known = isKnownEventType(event.type);
      builder.add(event, known, index);
      if (known) this.count(engine, event as LiveEvent);
    }
    this.counters.lastEventAt = receivedAt;
    this.flush();
  }

  private count(engine: MetricsEngine, event: LiveEvent): void {
    engine.apply(event);
    this.eventsSinceSnapshot++;
    if (event.type === 'comment') {
      this.comments.add(event);
      this.rememberComment(event.id, event.seq);
    } else if (event.type === 'retract') {
      this.comments.retract(event.ids);
      this.pendingRetracts.push(...event.ids.map((id) => ({ id, seq: this.recentComments.get(id) })));
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
      this.counters.gaps.push(gap);
      this.builder!.gap({ fromSeq: gap.fromSeq, toSeq: gap.toSeq, detectedAt: this.now() });
      // What the gateway can no longer send is not waited for: resume after it.
      this.acceptedSeq = Math.max(this.acceptedSeq, gap.toSeq);
      this.flush();
    });
  }

  serverTime(serverTime: number): void {
    this.whenOpen(() => this.session!.engine.advanceTo(serverTime));
  }

  setProducts(products: Product[]): void {
    this.whenOpen(() => {
      const session = this.session!;
      session.products = products;
      session.engine.setProducts(products);
      void this.options.writer.updateProducts(session.key, JSON.stringify(products)).catch((e: unknown) => this.fail(e));
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
    if (!session || !builder) return;
    const snapshotDue =
      forceSnapshot ||
      this.eventsSinceSnapshot >= (this.options.snapshotEveryEvents ?? SNAPSHOT_EVERY_EVENTS) ||
      (this.eventsSinceSnapshot > 0 && this.now() - this.lastSnapshotAt >= (this.options.snapshotEveryMs ?? SNAPSHOT_EVERY_MS));
    if (builder.isEmpty && !snapshotDue) return;
    const batch = builder.take((b) => {
      b.minutes = session.engine.takeDirtyMinutes().map((m) => ({ minute: m.minute, data: JSON.stringify(m.values) }));
      if (snapshotDue) {
        b.snapshot = { seq: this.acceptedSeq, state: JSON.stringify(session.engine.toJSON()) };
        this.eventsSinceSnapshot = 0;
        this.lastSnapshotAt = this.now();
      }
    });
    const sessionId = session.hello.session.id;
    const appended = this.options.writer.append(batch);
    if (this.pendingRetracts.length > 0) {
      const targets = this.pendingRetracts;
      this.pendingRetracts = [];
      this.chain(() => this.options.writer.markRetracted(batch.session, targets));
    }
    appended.then(
      (result) => {
        if (this.session?.key === batch.session) this.committedSeq = Math.max(this.committedSeq, result.committedSeq);
        this.counters.stored += result.inserted;
        this.options.onCommitted?.(sessionId, result, batch);
      },
      (error: unknown) => this.fail(error),
    );
    this.track(appended);
  }

  private chain(work: () => Promise<unknown>): void {
    this.track(work().catch((error: unknown) => this.fail(error)));
  }

  private track(request: Promise<unknown>): void {
    const forget = (): void => void this.inFlight.delete(settled);
    const settled: Promise<void> = request.then(forget, forget);
    this.inFlight.add(settled);
  }

  /** Resolves when everything handed to the writer so far is committed. */
  async drain(): Promise<void> {
    while (this.opening) await this.opening;
    this.flush();
    while (this.inFlight.size > 0) await Promise.all(this.inFlight);
  }

  private fail(error: unknown): void {
    const err = error instanceof Error ? error : new Error(String(error));
    if (this.options.onError) this.options.onError(err);
    else throw err;
  }
}
