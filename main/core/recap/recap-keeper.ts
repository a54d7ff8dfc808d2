/**
 * Keeps, while a session records, what its recap will need that the metrics
 * engine does not: the buyers' questions the co-pilot classified (tallied,
 * stored every SAVE_EVERY_MS and when the session changes or the core
 * stops), and, once the session has ended, its users folded into the user
 * layers (五层用户资产). At start it folds any ended session that never was
 * (a crash at the end, or a database from before the recap store), oldest
 * first, so every layer is computed against the sessions before it.
 */
import type { MetricsEngine } from '../../../shared/metrics/index.js';
import { QuestionTally, type Answer, type AskedQuestion } from '../../../shared/recap/questions.js';
import type { StoreReader } from '../store/reader.js';
import type { SessionKey } from '../store/types.js';
import type { StoreWriter } from '../store/writer.js';
import { restoredEngine, resultsOf } from './session-figures.js';

const SAVE_EVERY_MS = 30_000;

export interface RecordingSession {
  key: SessionKey;
  endedAt: number | null;
  engine: MetricsEngine;
}

export interface RecapKeeper {
  /** The tally of the session being recorded (loaded from the store when the core restarts mid-session). */
  question(session: RecordingSession, question: AskedQuestion): void;
  answered(session: RecordingSession, commentIds: readonly string[], answer: Answer): void;
  unanswered(session: RecordingSession, commentId: string): void;
  /** Called about once a second: saves the tally when due, folds the session once it has ended. */
  follow(session: RecordingSession | null): void;
  /** Everything kept is stored (the core is stopping, or the source has finished). */
  settle(session: RecordingSession | null): Promise<void>;
}

export function createRecapKeeper(options: {
  writer: StoreWriter;
  reader: StoreReader;
  onError: (error: Error) => void;
  now?: () => number;
}): RecapKeeper {
  const { writer, reader, onError } = options;
  const now = options.now ?? Date.now;
  let current: { key: SessionKey; tally: QuestionTally; dirty: boolean; savedAt: number } | null = null;
  const folding = new Map<SessionKey, Promise<unknown>>();
  const pending = new Set<Promise<unknown>>();
  const track = (work: Promise<unknown>, what: string) => {
    const guarded = work.catch((error: unknown) => onError(new Error(`${what}: ${error instanceof Error ? error.message : String(error)}`)));
    pending.add(guarded);
    void guarded.finally(() => pending.delete(guarded));
    return guarded;
  };

  const save = () => {
    if (!current?.dirty) return;
    current.dirty = false;
    current.savedAt = now();
    track(writer.saveQuestions(current.key, current.tally.toJSON()), "the session's questions could not be stored");
  };

  const tallyOf = (session: RecordingSession) => {
    if (current?.key !== session.key) {
      save();
      const stored = reader.recap.questions(session.key);
      current = { key: session.key, tally: stored ? QuestionTally.fromJSON(stored) : new QuestionTally(), dirty: false, savedAt: now() };
    }
    current.dirty = true;
    return current.tally;
  };

  const fold = (key: SessionKey, engine: () => MetricsEngine) => {
    if (folding.has(key) || reader.recap.folded(key)) return;
    const ended = engine();
    folding.set(key, track(writer.foldLayers(key, ended.sessionUsers(), resultsOf(ended)), "the session's users could not be folded into the user layers"));
  };

  // Catch up in start order; the writer thread runs them one after another.
  for (const key of reader.recap.unfoldedSessions()) {
    const row = reader.sessionByKey(key);
    if (row) fold(key, () => restoredEngine(reader, row));
  }

  return {
    question: (session, question) => tallyOf(session).add(question),
    answered: (session, commentIds, answer) => tallyOf(session).answered(commentIds, answer),
    unanswered: (session, commentId) => tallyOf(session).unanswered(commentId),
    follow(session) {
      if (current && (session?.key !== current.key || now() - current.savedAt >= SAVE_EVERY_MS)) save();
      if (session && session.endedAt !== null) {
        save();
        fold(session.key, () => session.engine);
      }
    },
    async settle(session) {
      this.follow(session);
      save();
      await Promise.all([...pending]);
    },
  };
}
