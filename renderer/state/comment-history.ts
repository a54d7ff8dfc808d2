/**
 * Fills the comment log from the host's history wherever the live windows
 * may have left comments out:
 * - on start, behind the first window (it holds only the newest 200);
 * - after a reconnect, between the newest comment held and the new window;
 * - when more than 200 comments arrive between two updates, so that a full
 *   window no longer reaches back to the newest comment held.
 * Each such range is a hole. Holes are filled one at a time, newest first,
 * paging backwards through `commentHistory` until the page reaches the
 * hole's lower end, the session's first comment, or the limit.
 */
import type { StateUpdate } from '../../shared/api/bridge.js';
import { COMMENT_WINDOW } from '../../shared/api/contract.js';
import type { ClientBridge } from '../bridge/client-bridge.js';
import type { AppStore } from './app-state.js';

export const HISTORY_PAGE_SIZE = 1_000;
/** At most this many comments per hole: enough for the stream's recent past; older ones belong in the recap. */
export const HISTORY_LIMIT = 5_000;

/** Comments with `after < seq < before` may be missing; `before` null means "up to the newest". */
interface Hole {
  sessionId: string;
  after: number;
  before: number | null;
}

/** What the page held before an update: compared with what it holds after, it tells where a hole opened. */
export interface HeldBefore {
  sessionId: string | null;
  newestSeq: number | null;
}

export class CommentBackfill {
  private holes: Hole[] = [];
  private running = false;

  constructor(
    private readonly store: AppStore,
    private readonly bridge: ClientBridge,
  ) {}

  held(): HeldBefore {
    const state = this.store.getState();
    return { sessionId: state.snapshot?.session?.id ?? null, newestSeq: state.commentLog.newestSeq };
  }

  /** Called after each update is applied, with what was held before it. */
  noteUpdate(update: StateUpdate, before: HeldBefore): void {
    const sessionId = this.store.getState().snapshot?.session?.id ?? null;
    if (sessionId === null) return;
    const window = update.kind === 'snapshot' ? update.snapshot.comments : update.patch.comments;
    const oldestInWindow = window?.[0]?.seq ?? null;
    if (sessionId !== before.sessionId) {
      // Another session: its log started empty, and the old session's holes are moot.
      this.holes = [{ sessionId, after: 0, before: oldestInWindow }];
    } else if (update.kind === 'snapshot') {
      this.holes.push({ sessionId, after: before.newestSeq ?? 0, before: oldestInWindow });
    } else if (window && window.length >= COMMENT_WINDOW && before.newestSeq !== null && oldestInWindow! > before.newestSeq) {
      this.holes.push({ sessionId, after: before.newestSeq, before: oldestInWindow });
    } else {
      return;
    }
    if (!this.running) void this.run();
  }

  private async run(): Promise<void> {
    this.running = true;
    for (let hole = this.holes.pop(); hole !== undefined; hole = this.holes.pop()) await this.fill(hole);
    this.running = false;
  }

  private async fill(hole: Hole): Promise<void> {
    let beforeSeq = hole.before;
    let fetched = 0;
    while (fetched < HISTORY_LIMIT) {
      const limit = Math.min(HISTORY_PAGE_SIZE, HISTORY_LIMIT - fetched);
      // Only the hole: at a thousand comments a second one opens with every update, a few hundred comments wide.
      const reply = await this.bridge.request('commentHistory', { ...(beforeSeq === null ? {} : { beforeSeq }), afterSeq: hole.after, limit });
      // Another session began meanwhile: this page belongs to neither log.
      if (!reply.ok || this.store.getState().snapshot?.session?.id !== hole.sessionId) return;
      const page = reply.value;
      this.store.getState().addCommentHistory(page);
      fetched += page.length;
      const oldest = page[page.length - 1];
      if (oldest === undefined || oldest.seq <= hole.after || page.length < limit) return;
      beforeSeq = oldest.seq;
    }
  }
}
