/**
 * The contract between the ingest pipeline and the store's writer thread.
 * Batches are columnar so crossing the thread boundary copies a few arrays,
 * not thousands of small objects.
 */

/** Integer key of a session in this database (sessions.key). */
export type SessionKey = number;

export interface SessionInfo {
  gateway: string;
  room: string;
  roomJson: string;
  /** The gateway's session id. */
  sessionId: string;
  startedAt: number;
  productsJson: string;
}

export interface OpenedSession {
  key: SessionKey;
  /** Highest seq stored for this session (0 when new): where to resume. */
  lastSeq: number;
  /** The newest metrics-engine snapshot stored for this session, if any. */
  snapshot: EngineSnapshot | null;
}

/** Metrics-engine state as of `seq`; only the newest one per session is kept. */
export interface EngineSnapshot {
  seq: number;
  state: string;
}

export interface RejectRow {
  seq: number | null;
  reason: string;
  raw: string;
  receivedAt: number;
}

export interface MinuteRow {
  /** Epoch minute (Math.floor(ts / 60000)). */
  minute: number;
  /** JSON of the minute's metrics; replaced whole on every update. */
  data: string;
}

export interface MomentRow {
  id: number;
  /** Event time of the live room when the moment was marked. */
  at: number;
  note: string | null;
}

/** A talking point the live team marked used or dismissed. */
export interface SuggestionMarkRow {
  suggestionId: string;
  kind: string;
  line: string;
  reason: string;
  outcome: 'used' | 'dismissed';
  /** Event time of the live room when it was marked. */
  at: number;
  /** JSON of its messages (SuggestionText); null for a mark stored before they were kept. */
  text: string | null;
}

/** A stored comment event, for scrolling back past the live window. */
export interface CommentRow {
  seq: number;
  body: string;
  answered: 0 | 1;
}

export interface GapRow {
  fromSeq: number;
  toSeq: number;
  detectedAt: number;
}

export interface AppendBatch {
  session: SessionKey;
  /** Parallel columns, one entry per event, in seq order. */
  seqs: number[];
  ts: number[];
  types: string[];
  /** The platform's own event id, or null. */
  eids: (string | null)[];
  /** The event as JSON text, exactly what is kept forever. Empty when `wire` is given. */
  bodies: string[];
  /**
   * The wire text of the events array the batch came from, when the source
   * kept it: the writer thread slices each stored event's body out of it
   * (the gateway's exact bytes, no re-serialization on the ingest thread).
   * `keep[i]` is 1 when the array's i-th element is stored; kept elements
   * appear in the columns in array order.
   */
  wire?: { text: string; keep: Uint8Array };
  /** 1 when the event's type is known (counted), 0 when kept for forward compatibility only. */
  known: number[];
  rejects: RejectRow[];
  /** Minute aggregates touched by this batch (upserted). */
  minutes: MinuteRow[];
  gaps: GapRow[];
  /** Comments retracted by this batch's `retract` events: marked in the same transaction. */
  retracts?: RetractTarget[];
  /** Metrics-engine state after this batch's last event, when due. */
  snapshot?: EngineSnapshot;
}

export interface AppendResult {
  /** Highest seq durably stored for the session after this commit: safe to ack. */
  committedSeq: number;
  inserted: number;
  /** Rows the database already had (same session+seq): must be 0 when the pipeline dedups correctly. */
  ignored: number;
}

/** A session as stored, for the reader's queries. */
export interface StoredSession extends SessionInfo {
  key: SessionKey;
  endedAt: number | null;
  /** Highest seq stored (always equal to the events' max seq). */
  lastSeq: number;
  /** When this database first saw the session (epoch ms). */
  createdAt: number;
}

/** One stored event, as the reader streams it back. */
export interface StoredEvent {
  seq: number;
  ts: number;
  type: string;
  eid: string | null;
  known: number;
  body: string;
  /** 1 when the platform retracted this comment (kept, never deleted). */
  retracted: number;
}

/** A comment to mark as retracted: by its seq when the caller knows it, else found by platform id. */
export interface RetractTarget {
  id: string;
  seq?: number;
}
