/**
 * The newest comments, bounded: the UI gets a window, never the history.
 * Text is clamped here so a hostile comment cannot bloat every snapshot.
 */
import type { CommentView } from '../../../shared/api/contract.js';
import type { EventOf } from '../../../shared/protocol/index.js';

const MAX_TEXT = 300;

/** A comment as a UI shows it; `answered` is the core's to fill in from the session's marks. */
export function describeComment(event: EventOf<'comment'>): CommentView {
  return {
    seq: event.seq,
    id: event.id,
    ts: event.ts,
    userName: event.user.name,
    text: event.text.length > MAX_TEXT ? `${event.text.slice(0, MAX_TEXT)}…` : event.text,
    answered: false,
    intent: 'other',
    question: false,
    productId: null,
  };
}

export class CommentWindow {
  private readonly items: CommentView[] = [];

  constructor(private readonly capacity: number) {}

  add(event: EventOf<'comment'>): void {
    this.items.push(describeComment(event));
    if (this.items.length > this.capacity) this.items.splice(0, this.items.length - this.capacity);
  }

  retract(ids: readonly string[]): void {
    const gone = new Set(ids);
    for (let i = this.items.length - 1; i >= 0; i--) {
      if (gone.has(this.items[i]!.id)) {
        this.items.splice(i, 1);
      }
    }
  }

  list(): CommentView[] {
    return this.items.slice();
  }
}
