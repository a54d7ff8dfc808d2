import type { Connection } from './connection.js';
import type { StoreReader } from './reader.js';
import type { MomentRow, OpenedSession, SessionInfo, SessionKey, SuggestionMarkRow } from './types.js';

/** Every write to the sessions table outside appends. */
const SQL = {
  insertSession: `INSERT INTO sessions (gateway, room, room_json, session_id, started_at, products_json)
    VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (room, session_id) DO NOTHING`,
  updateProducts: 'UPDATE sessions SET products_json = ? WHERE key = ?',
  endSession: 'UPDATE sessions SET ended_at = ? WHERE key = ?',
  addMoment: 'INSERT INTO moments (session, at, note) VALUES (?, ?, ?) RETURNING id, at, note',
  markAnswered: 'INSERT OR IGNORE INTO answered_comments (session, comment_id, answered_at) VALUES (?, ?, ?)',
  unmarkAnswered: 'DELETE FROM answered_comments WHERE session = ? AND comment_id = ?',
  markSuggestion: 'INSERT INTO suggestion_marks (session, suggestion_id, kind, line, reason, outcome, at, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
} as const;

export interface SessionWriter {
  /** Inserts the session, or finds it when (room, sessionId) is already stored: a reconnect or a restart. */
  open(info: SessionInfo): OpenedSession;
  updateProducts(key: SessionKey, productsJson: string): void;
  end(key: SessionKey, endedAt: number): void;
  addMoment(key: SessionKey, at: number, note: string | null): MomentRow;
  markAnswered(key: SessionKey, commentId: string, answered: boolean, at: number): void;
  markSuggestion(key: SessionKey, mark: SuggestionMarkRow): void;
}

export function createSessionWriter(db: Connection, reader: StoreReader): SessionWriter {
  const insertSession = db.prepare(SQL.insertSession);
  const updateProducts = db.prepare(SQL.updateProducts);
  const endSession = db.prepare(SQL.endSession);
  const addMoment = db.prepare<[SessionKey, number, string | null], MomentRow>(SQL.addMoment);
  const markAnswered = db.prepare(SQL.markAnswered);
  const unmarkAnswered = db.prepare(SQL.unmarkAnswered);
  const markSuggestion = db.prepare(SQL.markSuggestion);

  const updateExisting = (key: SessionKey, change: () => number): void => {
    if (change() === 0) throw new Error(`no session with key ${key}`);
  };

  return {
    open(info) {
      insertSession.run(info.gateway, info.room, info.roomJson, info.sessionId, info.startedAt, info.productsJson);
      const stored = reader.sessionByRoom(info.room, info.sessionId);
      if (!stored) throw new Error(`session ${info.sessionId} of room ${info.room} vanished right after being stored`);
      return { key: stored.key, lastSeq: stored.lastSeq, snapshot: reader.snapshot(stored.key) };
    },
    updateProducts(key, productsJson) {
      updateExisting(key, () => updateProducts.run(productsJson, key).changes);
    },
    end(key, endedAt) {
      updateExisting(key, () => endSession.run(endedAt, key).changes);
    },
    addMoment(key, at, note) {
      const row = addMoment.get(key, at, note);
      if (!row) throw new Error(`moment of session ${key} was not stored`);
      return row;
    },
    markAnswered(key, commentId, answered, at) {
      if (answered) markAnswered.run(key, commentId, at);
      else unmarkAnswered.run(key, commentId);
    },
    markSuggestion(key, mark) {
      markSuggestion.run(key, mark.suggestionId, mark.kind, mark.line, mark.reason, mark.outcome, mark.at, mark.text);
    },
  };
}
