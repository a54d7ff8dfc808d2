/**
 * Command replies and their idempotency: a client retries a command with
 * the same `id` after a timeout or a reconnect, and must get the first
 * answer back without the effect happening twice.
 */
import type { Command, CommandReply } from '../../shared/protocol/index.js';

export function commandRejection(code: string, message: string): CommandReply {
  return { ok: false, error: { code, message } };
}

export const commandAccepted: CommandReply = { ok: true };

/** Remembers the reply to each command id; the oldest ids are forgotten beyond `capacity`. */
export class CommandLedger {
  private readonly replies = new Map<string, CommandReply>();

  constructor(private readonly capacity = 10_000) {}

  /** The recorded reply for a repeated id, or the result of `execute` run once for a new one. */
  handle(command: Command, execute: (command: Command) => CommandReply): { reply: CommandReply; repeated: boolean } {
    const known = this.replies.get(command.id);
    if (known) return { reply: known, repeated: true };
    const reply = execute(command);
    this.replies.set(command.id, reply);
    if (this.replies.size > this.capacity) {
      const oldest = this.replies.keys().next();
      if (!oldest.done) this.replies.delete(oldest.value);
    }
    return { reply, repeated: false };
  }
}
