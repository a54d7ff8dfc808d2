/** The buyers' questions of the last minutes, in arrival order, and per buying point who asked the questions it matched. */
import type { BuyingPoints } from './buying-points.js';
import { COPILOT } from './thresholds.js';
import type { EngineComment } from './types.js';

export interface QuestionEntry {
  comment: EngineComment;
  /** The product it is about: its own reference, else the card on air when it was processed. */
  productId: string | null;
  /** Buying points it matched (at processing time). */
  points: string[];
  /** The question as the reason quotes it; computed only when it matched a point. */
  key: string;
}

export interface ClusterCount {
  /** Asker → their questions in the window. */
  askers: Map<string, number>;
  /** Question text → how many asked it that way (the reason quotes the most common). */
  texts: Map<string, number>;
}

export const normaliseQuestion = (text: string) => text.trim().replace(/\s+/g, ' ').replace(/[?？!！。.~～]+$/u, '').slice(0, 40);

export class QuestionWindow {
  /** Fed since the last tick: their product and points are resolved when the tick ingests them. */
  private pending: EngineComment[] = [];
  /** In arrival order; the window starts at `head`. */
  readonly entries: QuestionEntry[] = [];
  private start = 0;
  /** Buying point id → the questions in the window that matched it. */
  readonly clusters = new Map<string, ClusterCount>();
  /** Ids of the window's questions that were answered. */
  readonly answered = new Set<string>();

  /** The first entry still in the window. */
  get head(): number {
    return this.start;
  }

  /** Questions in the window (the last COPILOT.QUESTION_WINDOW_MS of the room). */
  get size(): number {
    return this.entries.length - this.start;
  }

  add(comment: EngineComment): void {
    if (!comment.question) return;
    this.pending.push(comment);
    if (comment.answered) this.answered.add(comment.id);
  }

  ingest(onAirProductId: string | null, points: BuyingPoints): void {
    const pending = this.pending;
    this.pending = [];
    for (const comment of pending) {
      const productId = comment.productId ?? onAirProductId;
      const entry: QuestionEntry = { comment, productId, points: points.match(comment, productId), key: '' };
      this.entries.push(entry);
      this.count(entry, 1);
    }
  }

  expire(now: number): void {
    const horizon = now - COPILOT.QUESTION_WINDOW_MS;
    while (this.start < this.entries.length && this.entries[this.start]!.comment.ts < horizon) {
      const entry = this.entries[this.start]!;
      this.count(entry, -1);
      this.answered.delete(entry.comment.id);
      this.start++;
    }
    if (this.start > 4096 && this.start > this.entries.length / 2) {
      this.entries.splice(0, this.start);
      this.start = 0;
    }
  }

  /** The points changed: re-match the questions still in the window. */
  rematch(points: BuyingPoints): void {
    this.clusters.clear();
    for (let i = this.start; i < this.entries.length; i++) {
      const entry = this.entries[i]!;
      entry.points = points.match(entry.comment, entry.productId);
      this.count(entry, 1);
    }
  }

  /** Distinct askers of the questions in the window that matched this buying point. */
  askers(pointId: string): number {
    return this.clusters.get(pointId)?.askers.size ?? 0;
  }

  private count(entry: QuestionEntry, delta: 1 | -1): void {
    if (entry.points.length === 0) return;
    if (entry.key === '') entry.key = normaliseQuestion(entry.comment.text);
    const key = entry.key;
    for (const pointId of entry.points) {
      let cluster = this.clusters.get(pointId);
      if (!cluster) this.clusters.set(pointId, (cluster = { askers: new Map(), texts: new Map() }));
      bump(cluster.askers, entry.comment.userId, delta);
      bump(cluster.texts, key, delta);
      if (cluster.askers.size === 0) this.clusters.delete(pointId);
    }
  }
}

export function bump(map: Map<string, number>, key: string, delta: 1 | -1): void {
  const next = (map.get(key) ?? 0) + delta;
  if (next <= 0) map.delete(key);
  else map.set(key, next);
}
