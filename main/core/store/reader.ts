import type { Catalog } from '../../../shared/catalog/catalog.js';
import type { CatalogImportEntry } from '../../../shared/catalog/catalog-api.js';
import { readCatalog } from './catalog.js';
import { entriesUndoneWith, readCatalogImports, readCatalogSnapshot } from './catalog-history.js';
import { openReadConnection, type Connection } from './connection.js';
import { readNextPlan, readOverrides, readPlan, readPlanOfSession, readPlans, readSegmentRuns, type StartOverride } from './plans.js';
import type { Plan } from '../../../shared/plan/plan.js';
import { RecapRows, type RecapReads } from './recap-store.js';
import type { SegmentRun } from '../../../shared/plan/rundown.js';
import type { CommentRow, EngineSnapshot, GapRow, MinuteRow, MomentRow, RejectRow, SessionKey, StoredEvent, StoredSession, SuggestionMarkRow } from './types.js';

const SESSION_COLUMNS = `key, gateway, room, room_json AS roomJson, session_id AS sessionId, started_at AS startedAt,
  ended_at AS endedAt, products_json AS productsJson, last_seq AS lastSeq, created_at AS createdAt`;

/** Every read of the store. Column aliases match the returned types, so rows need no mapping. */
const SQL = {
  latestSession: `SELECT ${SESSION_COLUMNS} FROM sessions ORDER BY started_at DESC, key DESC LIMIT 1`,
  sessionByKey: `SELECT ${SESSION_COLUMNS} FROM sessions WHERE key = ?`,
  sessionById: `SELECT ${SESSION_COLUMNS} FROM sessions WHERE session_id = ? ORDER BY started_at DESC, key DESC LIMIT 1`,
  sessionByRoom: `SELECT ${SESSION_COLUMNS} FROM sessions WHERE room = ? AND session_id = ?`,
  latestOpenSession: `SELECT ${SESSION_COLUMNS} FROM sessions WHERE gateway = ? AND room = ? AND ended_at IS NULL
    ORDER BY started_at DESC, key DESC LIMIT 1`,
  listSessions: `SELECT ${SESSION_COLUMNS} FROM sessions ORDER BY started_at DESC, key DESC`,
  eventsAfter: `SELECT seq, ts, type, eid, known, body, retracted FROM events WHERE session = ? AND seq > ? ORDER BY seq`,
  eventIds: 'SELECT eid FROM events WHERE session = ? AND eid IS NOT NULL ORDER BY seq',
  storedSeqs: 'SELECT seq FROM events WHERE session = ? ORDER BY seq',
  countEvents: 'SELECT count(*) FROM events WHERE session = ?',
  rejectCount: 'SELECT count(*) FROM rejects WHERE session = ?',
  rejects: `SELECT seq, reason, raw, received_at AS receivedAt FROM rejects WHERE session = ? ORDER BY id DESC LIMIT ?`,
  gaps: `SELECT from_seq AS fromSeq, to_seq AS toSeq, detected_at AS detectedAt FROM gaps WHERE session = ? ORDER BY from_seq, to_seq`,
  minutes: 'SELECT minute, data FROM minute_metrics WHERE session = ? ORDER BY minute',
  snapshot: 'SELECT seq, state FROM engine_snapshots WHERE session = ?',
  moments: 'SELECT id, at, note FROM moments WHERE session = ? ORDER BY at, id',
  answeredIds: 'SELECT comment_id FROM answered_comments WHERE session = ?',
  suggestionMarks: `SELECT suggestion_id AS suggestionId, kind, line, reason, outcome, at, text FROM suggestion_marks
    WHERE session = ? ORDER BY at, id`,
  // Walks the primary key backwards from `beforeSeq`; comments are a fair share of events, so the scan stays short.
  commentsBefore: `SELECT e.seq, e.body, a.comment_id IS NOT NULL AS answered FROM events e
    LEFT JOIN answered_comments a ON a.session = e.session AND a.comment_id = e.eid
    WHERE e.session = ? AND e.seq < ? AND e.seq > ? AND e.type = 'comment' AND e.retracted = 0 ORDER BY e.seq DESC LIMIT ?`,
} as const;

/**
 * Synchronous queries over one connection. Usable from any thread; open one
 * with `openReader`. The writer thread also uses it on its own connection.
 */
export class StoreReader {
  readonly #db: Connection;
  /** The recap's question tallies and user layers (recap-store.ts). */
  readonly recap: RecapReads;
  readonly #latestSession;
  readonly #sessionByKey;
  readonly #sessionById;
  readonly #sessionByRoom;
  readonly #latestOpenSession;
  readonly #listSessions;
  readonly #countEvents;
  readonly #rejectCount;
  readonly #rejects;
  readonly #gaps;
  readonly #minutes;
  readonly #snapshot;
  readonly #moments;
  readonly #answeredIds;
  readonly #suggestionMarks;
  readonly #commentsBefore;

  constructor(db: Connection) {
    this.#db = db;
    this.recap = new RecapRows(db);
    this.#latestSession = db.prepare<[], StoredSession>(SQL.latestSession);
    this.#sessionByKey = db.prepare<[SessionKey], StoredSession>(SQL.sessionByKey);
    this.#sessionById = db.prepare<[string], StoredSession>(SQL.sessionById);
    this.#sessionByRoom = db.prepare<[string, string], StoredSession>(SQL.sessionByRoom);
    this.#latestOpenSession = db.prepare<[string, string], StoredSession>(SQL.latestOpenSession);
    this.#listSessions = db.prepare<[], StoredSession>(SQL.listSessions);
    this.#countEvents = db.prepare<[SessionKey], number>(SQL.countEvents).pluck();
    this.#rejectCount = db.prepare<[SessionKey], number>(SQL.rejectCount).pluck();
    this.#rejects = db.prepare<[SessionKey, number], RejectRow>(SQL.rejects);
    this.#gaps = db.prepare<[SessionKey], GapRow>(SQL.gaps);
    this.#minutes = db.prepare<[SessionKey], MinuteRow>(SQL.minutes);
    this.#snapshot = db.prepare<[SessionKey], EngineSnapshot>(SQL.snapshot);
    this.#moments = db.prepare<[SessionKey], MomentRow>(SQL.moments);
    this.#answeredIds = db.prepare<[SessionKey], string>(SQL.answeredIds).pluck();
    this.#suggestionMarks = db.prepare<[SessionKey], SuggestionMarkRow>(SQL.suggestionMarks);
    this.#commentsBefore = db.prepare<[SessionKey, number, number, number], CommentRow>(SQL.commentsBefore);
  }

  /** The most recently started session. */
  latestSession(): StoredSession | null {
    return this.#latestSession.get() ?? null;
  }

  sessionByKey(key: SessionKey): StoredSession | null {
    return this.#sessionByKey.get(key) ?? null;
  }

  /** The newest session with this gateway session id (ids are unique per room only). */
  sessionById(sessionId: string): StoredSession | null {
    return this.#sessionById.get(sessionId) ?? null;
  }

  sessionByRoom(room: string, sessionId: string): StoredSession | null {
    return this.#sessionByRoom.get(room, sessionId) ?? null;
  }

  /** The newest session of this gateway and room that has not ended: where a restarted recorder resumes. */
  latestOpenSession(gateway: string, room: string): StoredSession | null {
    return this.#latestOpenSession.get(gateway, room) ?? null;
  }

  /** Newest first. */
  listSessions(): StoredSession[] {
    return this.#listSessions.all();
  }

  /**
   * Streams the events after `afterSeq` in seq order without loading them all.
   * Each call prepares its own statement so several iterations can be open at once.
   */
  eventsAfter(key: SessionKey, afterSeq = 0): IterableIterator<StoredEvent> {
    return this.#db.prepare<[SessionKey, number], StoredEvent>(SQL.eventsAfter).iterate(key, afterSeq);
  }

  /** Every platform id stored for the session: rebuilds the in-memory dedup set after a restart. */
  eventIds(key: SessionKey): IterableIterator<string> {
    return this.#db.prepare<[SessionKey], string>(SQL.eventIds).pluck().iterate(key);
  }

  storedSeqs(key: SessionKey): IterableIterator<number> {
    return this.#db.prepare<[SessionKey], number>(SQL.storedSeqs).pluck().iterate(key);
  }

  countEvents(key: SessionKey): number {
    return this.#countEvents.get(key) ?? 0;
  }

  rejectCount(key: SessionKey): number {
    return this.#rejectCount.get(key) ?? 0;
  }

  /** The newest `limit` rejects, newest first. */
  rejects(key: SessionKey, limit: number): RejectRow[] {
    return this.#rejects.all(key, limit);
  }

  gaps(key: SessionKey): GapRow[] {
    return this.#gaps.all(key);
  }

  /** Minute aggregates in minute order. */
  minutes(key: SessionKey): MinuteRow[] {
    return this.#minutes.all(key);
  }

  snapshot(key: SessionKey): EngineSnapshot | null {
    return this.#snapshot.get(key) ?? null;
  }

  moments(key: SessionKey): MomentRow[] {
    return this.#moments.all(key);
  }

  answeredCommentIds(key: SessionKey): string[] {
    return this.#answeredIds.all(key);
  }

  /** Talking points marked used or dismissed, in the order they were marked. */
  suggestionMarks(key: SessionKey): SuggestionMarkRow[] {
    return this.#suggestionMarks.all(key);
  }

  /** The session's product-card events (card.shown / card.hidden) in seq order: which product was being presented when. */
  cardEvents(key: SessionKey): { seq: number; type: string; body: string }[] {
    return this.#db
      .prepare<[SessionKey], { seq: number; type: string; body: string }>(`SELECT seq, type, body FROM events WHERE session = ? AND type IN ('card.shown', 'card.hidden') ORDER BY seq`)
      .all(key);
  }

  /** Up to `limit` stored comments before `beforeSeq`, newest first, each with its answered mark. */
  commentsBefore(key: SessionKey, beforeSeq: number, limit: number, afterSeq = 0): CommentRow[] {
    return this.#commentsBefore.all(key, beforeSeq, afterSeq, limit);
  }

  /** The merchant's catalog (products and buying points), in the order it was written. */
  catalog(): Catalog {
    return readCatalog(this.#db);
  }

  /** 导入记录: the catalog's imports and undos, newest first. */
  catalogImports(): CatalogImportEntry[] {
    return readCatalogImports(this.#db);
  }

  /** The catalog as it was just before an entry of the history; null when it is not kept. */
  catalogSnapshot(importId: number): Catalog | null {
    return readCatalogSnapshot(this.#db, importId);
  }

  /** The entries that undoing `importId` reverts with it (it included), oldest first. */
  catalogEntriesUndoneWith(importId: number): number[] {
    return entriesUndoneWith(this.#db, importId);
  }

  /** Every plan and saved template: templates last, plans newest first. */
  plans(): Plan[] {
    return readPlans(this.#db);
  }

  plan(id: number): Plan | null {
    return readPlan(this.#db, id);
  }

  planOfSession(key: SessionKey): Plan | null {
    return readPlanOfSession(this.#db, key);
  }

  nextPlan(): Plan | null {
    return readNextPlan(this.#db);
  }

  /** The real boundaries of the plan's segments in a session, in the order they ran. */
  segmentRuns(key: SessionKey): SegmentRun[] {
    return readSegmentRuns(this.#db, key);
  }

  /** Starts confirmed with critical checklist items open. */
  planOverrides(planId: number): StartOverride[] {
    return readOverrides(this.#db, planId);
  }

  close(): void {
    this.#db.close();
  }
}

/** Opens a read-only reader on an existing store; throws `cannot open database FILE: why` otherwise. */
export function openReader(file: string): StoreReader {
  return new StoreReader(openReadConnection(file));
}
