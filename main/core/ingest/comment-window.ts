/**
 * The newest comments, bounded: the UI gets a window, never the history.
 * Text is clamped here so a hostile comment cannot bloat every snapshot.
 * Comments are classified when first asked for, not when they arrive: in
 * a catch-up at hundreds of thousands of events a second most comments
 * scroll out of the window before anyone looks, and the ingest thread
 * should not pay for them.
 */
import type { CommentView } from '../../../shared/api/contract.js';
import { classifyComment, resolveProduct, UNCLEAR_BELOW, type ProductInfo } from '../../../shared/comments/index.js';
import type { EventOf } from '../../../shared/protocol/index.js';

const MAX_TEXT = 300;

export type CommentEvent = Pick<EventOf<'comment'>, 'seq' | 'id' | 'ts' | 'text'> & {
  user: { name: string; id?: string };
  /** The product whose card was on air when the comment arrived: what "这个" meant to its writer. */
  onAir?: string | null;
};

/**
 * A comment as a UI shows it: classified, its product resolved; `answered` is the core's to fill in. An intent read
 * below the model's confidence threshold is unclear, and shown and used as `other`: the co-pilot answers no topic
 * it is not sure was asked.
 */
export function describeComment(event: CommentEvent, products: readonly ProductInfo[]): CommentView {
  const label = classifyComment(event.text);
  return {
    seq: event.seq,
    id: event.id,
    ts: event.ts,
    userName: event.user.name,
    text: event.text.length > MAX_TEXT ? `${event.text.slice(0, MAX_TEXT)}…` : event.text,
    answered: false,
    intent: label.confidence < UNCLEAR_BELOW ? 'other' : label.intent,
    question: label.question,
    productId: resolveProduct(event.text, { products, onAir: event.onAir ?? null }),
  };
}

/**
 * How many windows' worth of readings are kept: comments that scrolled out of the window are still asked for —
 * by the co-pilot, which takes a second's comments at a time, and by a UI filling its log from history after a
 * burst — and each is classified once, not once per asker.
 */
const READINGS_KEPT_PER_WINDOW = 10;

export class CommentWindow {
  private readonly items: CommentEvent[] = [];
  /** Readings of the newest comments by id, oldest first; the window's own and those that scrolled out recently. */
  private readonly readings = new Map<string, CommentView>();
  /** Changes whenever the window does: a snapshot lists it again only then. */
  version = 0;

  constructor(private readonly capacity: number) {}

  add(event: EventOf<'comment'>, onAir: string | null): void {
    const { seq, id, ts, text, user } = event;
    this.items.push({ seq, id, ts, text: text.length > MAX_TEXT ? text.slice(0, MAX_TEXT + 1) : text, user: { name: user.name }, onAir });
    if (this.items.length > this.capacity) this.items.splice(0, this.items.length - this.capacity);
    this.version++;
  }

  retract(ids: readonly string[]): void {
    const gone = new Set(ids);
    for (let i = this.items.length - 1; i >= 0; i--) {
      if (gone.has(this.items[i]!.id)) this.items.splice(i, 1);
    }
    for (const id of ids) this.readings.delete(id);
    this.version++;
  }

  /** Oldest first, each comment classified (against `products`) the first time it is asked for. */
  list(products: readonly ProductInfo[]): CommentView[] {
    return this.items.map((item) => this.describe(item, products));
  }

  /** The comment's reading: the one made when it was first asked for, if it is still kept. */
  describe(event: CommentEvent, products: readonly ProductInfo[]): CommentView {
    let view = this.readings.get(event.id);
    if (view === undefined) {
      view = describeComment(event, products);
      this.readings.set(event.id, view);
      if (this.readings.size > this.capacity * READINGS_KEPT_PER_WINDOW) this.readings.delete(this.readings.keys().next().value!);
    }
    return view;
  }
}

/**
 * New comments since the co-pilot's last tick, bounded: at most `capacity`,
 * the newest kept. Nothing is classified here (the ingest thread only
 * copies a few fields); the co-pilot classifies what it takes, once a second.
 */
export class CommentFeed {
  private items: CommentEvent[] = [];
  private dropped = 0;

  constructor(private readonly capacity: number) {}

  add(event: EventOf<'comment'>, onAir: string | null): void {
    const { seq, id, ts, text, user } = event;
    this.items.push({ seq, id, ts, text: text.length > MAX_TEXT ? text.slice(0, MAX_TEXT + 1) : text, user: { name: user.name, id: user.id }, onAir });
    if (this.items.length > this.capacity * 2) this.trim();
  }

  /** The comments since the last call, oldest first, and how many older ones were dropped. */
  take(): { comments: CommentEvent[]; dropped: number } {
    this.trim();
    const taken = { comments: this.items, dropped: this.dropped };
    this.items = [];
    this.dropped = 0;
    return taken;
  }

  private trim(): void {
    const excess = this.items.length - this.capacity;
    if (excess <= 0) return;
    this.items.splice(0, excess);
    this.dropped += excess;
  }
}
