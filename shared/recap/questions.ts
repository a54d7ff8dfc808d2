/**
 * Buyers' questions of one session, tallied as the co-pilot classifies them,
 * so the recap never reads the comments again: per intent, and clustered by
 * what was asked (the same intent, product and normalised wording is one
 * question asked N times), with whether and how it was answered.
 *
 * Memory is bounded: at most MAX_CLUSTERS clusters (when full, a question
 * asked once is dropped before any asked more), and the comment ids kept
 * for matching answers are the newest MAX_TRACKED_COMMENTS — the live team
 * answers within minutes, not hours.
 */
import { z } from 'zod';
import { commentIntents, normalise, type CommentIntent } from '../comments/index.js';

const MAX_CLUSTERS = 2_000;
const MAX_TRACKED_COMMENTS = 20_000;

export interface AskedQuestion {
  id: string;
  ts: number;
  userId: string;
  text: string;
  intent: CommentIntent;
  productId: string | null;
}

/** What answered a question: a talking point the host used (its line), or a mark by hand (null line). */
export interface Answer {
  line: string | null;
}

const clusterSchema = z.object({
  intent: z.enum(commentIntents),
  productId: z.string().nullable(),
  /** The first wording seen, as typed (shown as text only). */
  text: z.string(),
  asked: z.number().int().nonnegative(),
  askers: z.number().int().nonnegative(),
  answered: z.number().int().nonnegative(),
  /** The line of the talking point that answered it last, when one did. */
  answeredBy: z.string().nullable(),
  firstAt: z.number(),
  lastAt: z.number(),
});
export type QuestionCluster = z.infer<typeof clusterSchema>;

export const questionTallySchema = z.object({
  questions: z.number().int().nonnegative(),
  clusters: z.array(z.tuple([z.string(), clusterSchema])),
  /** [comment id, cluster key], oldest first. */
  recent: z.array(z.tuple([z.string(), z.string()])),
  /** cluster key → user ids who asked, capped per cluster. */
  askerIds: z.array(z.tuple([z.string(), z.array(z.string())])),
  answeredIds: z.array(z.string()),
  /** [epoch minute, questions of each intent in commentIntents order]. */
  minutes: z.array(z.tuple([z.number().int(), z.array(z.number().int().nonnegative())])),
});
export type QuestionTallyState = z.infer<typeof questionTallySchema>;

/** Distinct askers are counted exactly up to this many per question; beyond it "asked" still counts every time. */
const MAX_ASKERS_PER_CLUSTER = 200;

export class QuestionTally {
  questions = 0;
  private readonly clusters = new Map<string, QuestionCluster>();
  private readonly recent = new Map<string, string>();
  private readonly askers = new Map<string, Set<string>>();
  private readonly answeredIds = new Set<string>();
  private readonly minutes = new Map<number, number[]>();

  add(question: AskedQuestion): void {
    if (this.recent.has(question.id)) return;
    this.questions++;
    this.countMinute(question);
    const key = `${question.intent}|${question.productId ?? ''}|${normalise(question.text)}`;
    let cluster = this.clusters.get(key);
    if (cluster === undefined) {
      if (this.clusters.size >= MAX_CLUSTERS && !this.dropOneOff()) return;
      cluster = { intent: question.intent, productId: question.productId, text: question.text, asked: 0, askers: 0, answered: 0, answeredBy: null, firstAt: question.ts, lastAt: question.ts };
      this.clusters.set(key, cluster);
    }
    cluster.asked++;
    cluster.lastAt = Math.max(cluster.lastAt, question.ts);
    let askers = this.askers.get(key);
    if (askers === undefined) this.askers.set(key, (askers = new Set()));
    if (!askers.has(question.userId)) {
      cluster.askers++;
      if (askers.size < MAX_ASKERS_PER_CLUSTER) askers.add(question.userId);
    }
    this.recent.set(question.id, key);
    if (this.recent.size > MAX_TRACKED_COMMENTS) {
      const oldest = this.recent.keys().next().value!;
      this.recent.delete(oldest);
      this.answeredIds.delete(oldest);
    }
  }

  /** These comments were answered; each counts once, whatever answered it. */
  answered(commentIds: readonly string[], answer: Answer): void {
    for (const id of commentIds) {
      const key = this.recent.get(id);
      if (key === undefined || this.answeredIds.has(id)) continue;
      const cluster = this.clusters.get(key);
      if (cluster === undefined) continue;
      this.answeredIds.add(id);
      cluster.answered++;
      if (answer.line !== null) cluster.answeredBy = answer.line;
    }
  }

  /** An answer mark taken back. */
  unanswered(commentId: string): void {
    const key = this.recent.get(commentId);
    if (key === undefined || !this.answeredIds.delete(commentId)) return;
    const cluster = this.clusters.get(key);
    if (cluster) cluster.answered--;
  }

  list(): QuestionCluster[] {
    return [...this.clusters.values()].map((cluster) => ({ ...cluster }));
  }

  /** Questions per minute by intent, oldest first (minutes without questions left out). */
  perMinute(): { minute: number; byIntent: Partial<Record<CommentIntent, number>> }[] {
    return [...this.minutes]
      .sort(([a], [b]) => a - b)
      .map(([minute, counts]) => ({
        minute,
        byIntent: Object.fromEntries(commentIntents.flatMap((intent, index) => (counts[index] ? [[intent, counts[index]]] : []))),
      }));
  }

  private countMinute(question: AskedQuestion): void {
    const minute = Math.floor(question.ts / 60_000);
    let counts = this.minutes.get(minute);
    if (counts === undefined) this.minutes.set(minute, (counts = commentIntents.map(() => 0)));
    counts[commentIntents.indexOf(question.intent)]! += 1;
  }

  /** Evicts the oldest question asked only once, making room; false when every question was asked more than once. */
  private dropOneOff(): boolean {
    for (const [key, cluster] of this.clusters) {
      if (cluster.asked > 1) continue;
      this.clusters.delete(key);
      this.askers.delete(key);
      return true;
    }
    return false;
  }

  toJSON(): QuestionTallyState {
    return {
      questions: this.questions,
      clusters: [...this.clusters],
      recent: [...this.recent],
      askerIds: [...this.askers].map(([key, ids]) => [key, [...ids]]),
      answeredIds: [...this.answeredIds],
      minutes: [...this.minutes].map(([minute, counts]) => [minute, [...counts]]),
    };
  }

  static fromJSON(state: QuestionTallyState): QuestionTally {
    const tally = new QuestionTally();
    tally.questions = state.questions;
    for (const [key, cluster] of state.clusters) tally.clusters.set(key, { ...cluster });
    for (const [id, key] of state.recent) tally.recent.set(id, key);
    for (const [key, ids] of state.askerIds) tally.askers.set(key, new Set(ids));
    for (const id of state.answeredIds) tally.answeredIds.add(id);
    for (const [minute, counts] of state.minutes) if (counts.length === commentIntents.length) tally.minutes.set(minute, [...counts]);
    return tally;
  }
}
