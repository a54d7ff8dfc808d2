/**
 * The co-pilot engine: ranks talking points for the host, every second.
 *
 * Pure and deterministic: time is the live room's event time, passed in.
 * Comments are fed as they are classified (`addComment`); `tick` turns the
 * questions of the last minutes, the product on air, its buying points and
 * the metric windows into a ranked list of suggestions:
 * - question clusters → the buying point that answers them (the count of
 *   distinct askers in the reason);
 * - unanswered questions older than 60 s → a reminder, one per product and
 *   intent (3 people asking 多少钱 are one reminder with 3 askers and every
 *   comment id in `sources`);
 * - viewer surge → welcome, and a hook that asks the newcomers something;
 * - clicks high but orders low → the actual price as anchor, the merchant's
 *   coupon quoted verbatim (none in the catalog → no coupon cue), and the top
 *   objection: the intent most askers asked about the card on air, named
 *   with its count;
 * - online dropping → an interaction hook; sustained (the minute and the five
 *   minutes both down) while the card on air has not sold → switch;
 * - a card on air long without orders → switch; stock low → announce it as the
 *   gateway reports it; many new followers → the group chat.
 *
 * Suggestions that say the same thing about the same product (the same
 * normalised statement: the price line of a price answer, the price anchor and
 * a price objection) are merged into one — the highest priority's line, every
 * reason and source — so the host's 3 are 3 different things. Marking a
 * merged suggestion marks all it merged.
 *
 * 真诚经营: a line is either a merchant's buying point or a template below.
 * No template invents scarcity or a price: stock is only quoted when the
 * gateway reports it, a price only as the product's actual price, a coupon
 * only as the merchant wrote it. Every line passes `checkLine` against the
 * product's facts (price, coupon; the stock line against the gateway's
 * stock); a flagged buying point is reported in `flagged` and never
 * suggested.
 */
import { BuyingPoints } from './buying-points.js';
import { collect } from './candidates.js';
import { metricCues, trackOnAirOrders, type OnAirOrders } from './metric-cues.js';
import { planCues, plannedPoints, preferPlanned } from './plan-cues.js';
import { clusterPoints, onAirPoints } from './point-cues.js';
import { QuestionWindow } from './question-window.js';
import { rank, type Merged, type Timing } from './rank.js';
import { unanswered } from './reminders.js';
import { COPILOT } from './thresholds.js';
import type { EngineComment, FlaggedLine, Suggestion, TickInput } from './types.js';

export { COPILOT, HOST_SUGGESTIONS } from './thresholds.js';
export {
  planCueKinds,
  suggestionKinds,
  type EngineComment,
  type EngineProduct,
  type EngineWindow,
  type FlaggedLine,
  type RundownCue,
  type Suggestion,
  type SuggestionKind,
  type TickInput,
} from './types.js';

export class TalkingPointEngine {
  private readonly questions = new QuestionWindow();
  private readonly points = new BuyingPoints();
  private live = new Map<string, Suggestion>();
  /** Per suggestion shown: the ids merged into it and the comments it answers. */
  private merged = new Map<string, Merged>();
  /** Every candidate id of the last tick (merged or not) → when it appeared and when it expires. */
  private timing = new Map<string, Timing>();
  private readonly coolDown = new Map<string, number>();
  private onAirOrders: OnAirOrders | null = null;
  private lastNow = 0;

  /** Questions the engine is weighing (those of the last 5 minutes): a measure of its load. */
  get questionsInWindow(): number {
    return this.questions.size;
  }

  /** Buying points whose line is flagged: shown to the merchant, never suggested. */
  get flagged(): FlaggedLine[] {
    return this.points.flagged;
  }

  addComment(comment: EngineComment): void {
    this.questions.add(comment);
  }

  /**
   * A comment was answered (or not). Answering one of a merged reminder's comments answers them all — the host
   * said the price once for every asker — and what it was merged with cools down.
   */
  markAnswered(commentId: string, answered = true): void {
    if (!answered) {
      // Un-marked: its reminder may come back.
      this.questions.answered.delete(commentId);
      this.coolDown.delete(`answer:${commentId}`);
      return;
    }
    this.questions.answered.add(commentId);
    for (const [id, group] of this.merged) {
      if (group.comments.includes(commentId)) this.settle(id, this.lastNow);
    }
  }

  /**
   * The host or assistant used or dismissed a suggestion: it leaves and stays away for the cool-down, with
   * everything merged into it; the questions it answered count as answered.
   */
  mark(suggestionId: string, now: number): Suggestion | null {
    let id = suggestionId;
    if (!this.live.has(id)) for (const [winner, group] of this.merged) if (group.ids.includes(suggestionId)) id = winner;
    const suggestion = this.live.get(id) ?? null;
    this.coolDown.set(suggestionId, now + COPILOT.COOL_DOWN_MS);
    this.settle(id, now);
    return suggestion;
  }

  private settle(id: string, now: number): void {
    const group = this.merged.get(id);
    this.live.delete(id);
    this.merged.delete(id);
    this.coolDown.set(id, now + COPILOT.COOL_DOWN_MS);
    if (!group) return;
    for (const other of group.ids) this.coolDown.set(other, now + COPILOT.COOL_DOWN_MS);
    for (const comment of group.comments) this.questions.answered.add(comment);
  }

  /** The comments a shown suggestion answers (every one merged into it): what marking it used marks answered. */
  answeredBy(suggestionId: string): readonly string[] {
    const direct = this.merged.get(suggestionId);
    if (direct) return direct.comments;
    for (const group of this.merged.values()) if (group.ids.includes(suggestionId)) return group.comments;
    return [];
  }

  /** The suggestion with this id as last ranked, if it is still up. */
  get(suggestionId: string): Suggestion | null {
    return this.live.get(suggestionId) ?? null;
  }

  tick(input: TickInput): Suggestion[] {
    const { now } = input;
    this.lastNow = now;
    const products = new Map(input.products.map((p) => [p.id, p]));
    if (this.points.load(input, products)) this.questions.rematch(this.points);
    this.questions.ingest(input.onAir?.productId ?? null, this.points);
    this.questions.expire(now);
    for (const [id, until] of this.coolDown) if (until <= now) this.coolDown.delete(id);
    const { candidates, add } = collect(input, products, this.coolDown);
    const addPoint = preferPlanned(input, add);
    clusterPoints(input, this.questions, this.points, addPoint);
    onAirPoints(input, this.points, addPoint);
    plannedPoints(input, this.points, addPoint);
    planCues(input, add);
    unanswered(input, products, this.questions, this.points, add);
    this.onAirOrders = trackOnAirOrders(this.onAirOrders, input, products);
    metricCues(input, products, this.onAirOrders, this.questions, this.points, add);
    const ranking = rank(candidates, now, this.timing, this.coolDown);
    this.live = ranking.live;
    this.merged = ranking.merged;
    this.timing = ranking.timing;
    return ranking.suggestions;
  }

  /** Event time of the last tick. */
  get now(): number {
    return this.lastNow;
  }
}
