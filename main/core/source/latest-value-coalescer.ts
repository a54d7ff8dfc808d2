/**
 * Passes on only the newest of values pushed in quick succession, once per
 * `delayMs`. Suits messages where a later value supersedes every earlier one
 * (an ack up to seq N covers all acks below N).
 */

export interface LatestValueCoalescer<T> {
  push(value: T): void;
  /** Forgets the pending value. */
  cancel(): void;
}

export function createLatestValueCoalescer<T>(delayMs: number, deliver: (value: T) => void): LatestValueCoalescer<T> {
  let pending: { value: T } | undefined;
  let timer: NodeJS.Timeout | undefined;

  const cancel = () => {
    clearTimeout(timer);
    timer = undefined;
    pending = undefined;
  };

  const flush = () => {
    const due = pending;
    cancel();
    if (due) deliver(due.value);
  };

  return {
    push(value) {
      pending = { value };
      timer ??= setTimeout(flush, delayMs);
    },
    cancel,
  };
}
