/**
 * Passes on the newest of values pushed in quick succession, at most once per
 * `delayMs`: the first value goes out at once (an idle gateway waiting for an
 * ack should not wait a timer), later ones within the interval collapse into
 * one trailing delivery. Suits messages where a later value supersedes every
 * earlier one (an ack up to seq N covers all acks below N).
 */

export interface LatestValueCoalescer<T> {
  push(value: T): void;
  /** Forgets the pending value. */
  cancel(): void;
}

export function createLatestValueCoalescer<T>(
  delayMs: number,
  deliver: (value: T) => void,
  now: () => number = () => performance.now(),
): LatestValueCoalescer<T> {
  let pending: { value: T } | undefined;
  let timer: NodeJS.Timeout | undefined;
  let lastDelivery = -Infinity;

  const send = (value: T) => {
    lastDelivery = now();
    deliver(value);
  };

  const flush = () => {
    timer = undefined;
    const due = pending;
    pending = undefined;
    if (due) send(due.value);
  };

  return {
    push(value) {
      if (timer === undefined && now() - lastDelivery >= delayMs) {
        send(value);
        return;
      }
      pending = { value };
      timer ??= setTimeout(flush, Math.max(0, lastDelivery + delayMs - now()));
    },
    cancel() {
      clearTimeout(timer);
      timer = undefined;
      pending = undefined;
    },
  };
}
