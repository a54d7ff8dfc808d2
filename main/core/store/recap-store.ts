/**
 * The recap's own rows (migration 9): the session's question tally, and the
 * user layers. Reads for any connection, writes for the writer thread's.
 *
 * Folding a session into the user histories happens once per session, in
 * one transaction: its split at entry and its moves are computed against
 * the histories as they were before it, then the histories move on. A
 * session folded already is left alone, so a repeat cannot count twice.
 */
import { z } from 'zod';
import type { CardStint, MetricValues, MinuteActivity, ProductStats, SessionCounters, SessionUser } from '../../../shared/metrics/index.js';
import type { TrafficShare } from '../../../shared/recap/funnel.js';
import { layerSizes, sessionLayers, withSession, type SessionLayers, type UserHistory, type UserLayer } from '../../../shared/recap/layers.js';
import { questionTallySchema, type QuestionTallyState } from '../../../shared/recap/questions.js';
import type { Connection } from './connection.js';
import type { SessionKey } from './types.js';

const SQL = {
  saveQuestions: `INSERT INTO session_questions (session, state) VALUES (?, ?)
    ON CONFLICT (session) DO UPDATE SET state = excluded.state`,
  questions: 'SELECT state FROM session_questions WHERE session = ?',
  history: `SELECT paid_sessions AS paidSessions, engaged, group_member AS groupMember FROM user_histories WHERE user_id = ?`,
  allHistories: `SELECT paid_sessions AS paidSessions, engaged, group_member AS groupMember FROM user_histories`,
  upsertHistory: `INSERT INTO user_histories (user_id, paid_sessions, engaged, group_member, last_session) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (user_id) DO UPDATE SET paid_sessions = excluded.paid_sessions, engaged = excluded.engaged,
      group_member = excluded.group_member, last_session = excluded.last_session`,
  folded: 'SELECT at_entry AS atEntry, moves, sizes FROM session_layers WHERE session = ?',
  insertFolded: 'INSERT INTO session_layers (session, at_entry, moves, sizes) VALUES (?, ?, ?, ?)',
  // Newest first, by the session's start: the room-level view of the layers over time.
  layerTrend: `SELECT s.session_id AS sessionId, s.started_at AS startedAt, l.sizes, l.at_entry AS atEntry FROM session_layers l
    JOIN sessions s ON s.key = l.session WHERE s.room = ? ORDER BY s.started_at DESC, s.key DESC LIMIT ?`,
  results: 'SELECT data FROM session_results WHERE session = ?',
  insertResults: 'INSERT INTO session_results (session, data) VALUES (?, ?)',
  countEvents: 'SELECT count(*) FROM events WHERE session = ?',
  unfolded: `SELECT key FROM sessions WHERE ended_at IS NOT NULL AND key NOT IN (SELECT session FROM session_layers) ORDER BY started_at, key`,
} as const;

interface HistoryRow {
  paidSessions: number;
  engaged: number;
  groupMember: number;
}

const historyOf = (row: HistoryRow | undefined): UserHistory | undefined =>
  row && { paidSessions: row.paidSessions, engaged: row.engaged === 1, groupMember: row.groupMember === 1 };

/** What an ended session's recap needs of its metrics engine, stored once so no engine has to be restored. */
export interface SessionResults {
  /** The engine's clock at the end. */
  now: number;
  totals: MetricValues;
  counters: SessionCounters;
  products: ProductStats[];
  activity: MinuteActivity[];
  cards: CardStint[];
  traffic: TrafficShare[];
  /** Set by the store when it writes them. */
  events?: number;
}

export interface FoldedLayers extends SessionLayers {
  /** The merchant's users in each layer once this session was folded in. */
  sizes: Record<UserLayer, number>;
}

export interface LayerTrendPoint {
  sessionId: string;
  startedAt: number;
  sizes: Record<UserLayer, number>;
  /** Share of the session's GMV paid by 老客 and 亲密 (at entry); null when it sold nothing. */
  loyalGmvShare: number | null;
}

const foldedSchema = z.object({ atEntry: z.string(), moves: z.string(), sizes: z.string() });

function parseFolded(row: unknown): FoldedLayers | null {
  if (row === undefined) return null;
  const { atEntry, moves, sizes } = foldedSchema.parse(row);
  return { atEntry: JSON.parse(atEntry) as FoldedLayers['atEntry'], moves: JSON.parse(moves) as FoldedLayers['moves'], sizes: JSON.parse(sizes) as FoldedLayers['sizes'] };
}

function loyalShare(atEntry: FoldedLayers['atEntry']): number | null {
  const total = atEntry.reduce((sum, share) => sum + share.gmv, 0);
  if (total === 0) return null;
  return atEntry.filter((share) => share.layer === 'returning' || share.layer === 'intimate').reduce((sum, share) => sum + share.gmv, 0) / total;
}

/** The reads, for the reader's connection; the writes go through the writer thread. */
export type RecapReads = Pick<RecapRows, 'questions' | 'folded' | 'results' | 'provisionalLayers' | 'layerTrend' | 'unfoldedSessions'>;

export class RecapRows {
  constructor(private readonly db: Connection) {}

  questions(key: SessionKey): QuestionTallyState | null {
    const state = this.db.prepare<[SessionKey], string>(SQL.questions).pluck().get(key);
    if (state === undefined) return null;
    const parsed = questionTallySchema.safeParse(JSON.parse(state));
    return parsed.success ? parsed.data : null;
  }

  folded(key: SessionKey): FoldedLayers | null {
    return parseFolded(this.db.prepare<[SessionKey]>(SQL.folded).get(key));
  }

  /** An ended session's stored results, with the number of events it stored; null until it is folded. */
  results(key: SessionKey): (SessionResults & { events: number }) | null {
    const data = this.db.prepare<[SessionKey], string>(SQL.results).pluck().get(key);
    return data === undefined ? null : (JSON.parse(data) as SessionResults & { events: number });
  }

  /** The session's layers against the histories as they stand now: for a session not folded yet (still live, or never ended). */
  provisionalLayers(users: readonly SessionUser[]): SessionLayers {
    const history = this.db.prepare<[string], HistoryRow>(SQL.history);
    return sessionLayers(users, (userId) => historyOf(history.get(userId)));
  }

  /** The room's folded sessions, newest first. */
  layerTrend(room: string, limit: number): LayerTrendPoint[] {
    const rows = this.db.prepare<[string, number], { sessionId: string; startedAt: number; sizes: string; atEntry: string }>(SQL.layerTrend).all(room, limit);
    return rows.map((row) => ({
      sessionId: row.sessionId,
      startedAt: row.startedAt,
      sizes: JSON.parse(row.sizes) as Record<UserLayer, number>,
      loyalGmvShare: loyalShare(JSON.parse(row.atEntry) as FoldedLayers['atEntry']),
    }));
  }

  /** Ended sessions never folded into the histories (a crash at the end, or a database from before migration 9), oldest first. */
  unfoldedSessions(): SessionKey[] {
    return this.db.prepare<[], SessionKey>(SQL.unfolded).pluck().all();
  }

  saveQuestions(key: SessionKey, state: QuestionTallyState): void {
    this.db.prepare(SQL.saveQuestions).run(key, JSON.stringify(state));
  }

  /** Folds an ended session's users into the histories and stores its results, once; returns the layers it stored (or had stored). */
  fold(key: SessionKey, users: readonly SessionUser[], results: SessionResults): FoldedLayers {
    return this.db.transaction(() => {
      const already = this.folded(key);
      if (already) return already;
      const history = this.db.prepare<[string], HistoryRow>(SQL.history);
      const upsert = this.db.prepare(SQL.upsertHistory);
      const before = new Map<string, UserHistory | undefined>();
      for (const user of users) before.set(user.userId, historyOf(history.get(user.userId)));
      const layers = sessionLayers(users, (userId) => before.get(userId));
      for (const user of users) {
        const next = withSession(before.get(user.userId), user);
        upsert.run(user.userId, next.paidSessions, next.engaged ? 1 : 0, next.groupMember ? 1 : 0, key);
      }
      const sizes = layerSizes(this.db.prepare<[], HistoryRow>(SQL.allHistories).all().map((row) => historyOf(row)!));
      this.db.prepare(SQL.insertFolded).run(key, JSON.stringify(layers.atEntry), JSON.stringify(layers.moves), JSON.stringify(sizes));
      const events = this.db.prepare<[SessionKey], number>(SQL.countEvents).pluck().get(key) ?? 0;
      this.db.prepare(SQL.insertResults).run(key, JSON.stringify({ ...results, events }));
      return { ...layers, sizes };
    })();
  }
}
