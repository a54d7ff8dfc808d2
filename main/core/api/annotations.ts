/**
 * The live team's marks on the session being recorded: moments and answered
 * comments. Kept in the store (through the writer thread, the only writer)
 * and mirrored here so every snapshot can show them without a query.
 */
import type { Moment } from '../../../shared/api/contract.js';
import type { StoreReader } from '../store/reader.js';
import type { SessionKey } from '../store/types.js';
import type { StoreWriter } from '../store/writer.js';

export class SessionAnnotations {
  private key: SessionKey | null = null;
  private moments: Moment[] = [];
  private answered = new Set<string>();
  /** Changes whenever the marks do: a snapshot shows them again only then. */
  version = 0;

  constructor(
    private readonly writer: StoreWriter,
    private readonly reader: StoreReader,
  ) {}

  /** Switches to `key`'s marks, loading those an earlier run stored. */
  follow(key: SessionKey | null): void {
    if (key === this.key) return;
    this.key = key;
    this.version++;
    this.moments = key === null ? [] : this.reader.moments(key);
    this.answered = new Set(key === null ? [] : this.reader.answeredCommentIds(key));
  }

  list(): Moment[] {
    return this.moments;
  }

  isAnswered(commentId: string): boolean {
    return this.answered.has(commentId);
  }

  async markMoment(key: SessionKey, at: number, note: string | null): Promise<Moment> {
    const moment = await this.writer.addMoment(key, at, note);
    if (key === this.key) {
      this.moments = [...this.moments, moment];
      this.version++;
    }
    return moment;
  }

  async markAnswered(key: SessionKey, commentId: string, answered: boolean, at: number): Promise<void> {
    await this.writer.markAnswered(key, commentId, answered, at);
    if (key !== this.key) return;
    if (answered) this.answered.add(commentId);
    else this.answered.delete(commentId);
    this.version++;
  }
}
