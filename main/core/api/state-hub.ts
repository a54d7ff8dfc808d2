/**
 * Turns the core's state into a stream a UI can afford: a full snapshot on
 * subscribe, then only the top-level parts that changed, at most
 * MAX_STATE_HZ times a second — never one update per event.
 *
 * Building a snapshot and comparing its parts costs; an idle room must cost
 * nothing. `revision` counts what can change the state (each message from
 * the gateway, each request to the core): while it stands still the
 * snapshot is rebuilt only once every QUIET_REFRESH_MS, for what moves on
 * its own (the co-pilot's tick, the rate meter winding down, the plan's
 * clock). A part the builder hands back as the very object it handed last
 * time is taken as unchanged without serialising it: a builder that keeps a
 * part makes a new object when the part changes.
 */
import { MAX_STATE_HZ, type CorePatch, type CoreSnapshot } from '../../../shared/api/contract.js';

export type StateUpdate = { kind: 'snapshot'; snapshot: CoreSnapshot } | { kind: 'patch'; patch: CorePatch };
export type StateListener = (update: StateUpdate) => void;

/** With nothing new from the gateway or a UI, the state is looked at this often. */
export const QUIET_REFRESH_MS = 1_000;

export class StateHub {
  private readonly listeners = new Set<StateListener>();
  private last = new Map<keyof CoreSnapshot, { value: unknown; text: string }>();
  private timer: NodeJS.Timeout | null = null;
  private builtRevision = Number.NaN;
  private builtAt = 0;

  constructor(
    private readonly build: () => CoreSnapshot,
    private readonly revision: () => number,
    private readonly hz = MAX_STATE_HZ,
  ) {}

  subscribe(listener: StateListener): () => void {
    const snapshot = this.build();
    // The first subscriber's snapshot is the baseline patches are measured from.
    if (this.listeners.size === 0) this.remember(snapshot);
    listener({ kind: 'snapshot', snapshot });
    this.listeners.add(listener);
    this.ensureTimer();
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.stop();
    };
  }

  private ensureTimer(): void {
    if (this.timer) return;
    this.timer = setInterval(() => this.tick(), Math.ceil(1000 / Math.min(this.hz, MAX_STATE_HZ)));
    this.timer.unref();
  }

  /** Sends what changed since the last tick; public so tests and shutdown can force one. */
  tick(): void {
    const revision = this.revision();
    const now = Date.now();
    if (revision === this.builtRevision && now - this.builtAt < QUIET_REFRESH_MS) return;
    this.builtRevision = revision;
    this.builtAt = now;
    const patch = this.remember(this.build());
    if (Object.keys(patch).length === 0) return;
    for (const listener of this.listeners) listener({ kind: 'patch', patch });
  }

  /** Records `snapshot` as the latest sent state and returns the parts that differ from the previous one. */
  private remember(snapshot: CoreSnapshot): CorePatch {
    const patch: Record<string, unknown> = {};
    for (const key of Object.keys(snapshot) as (keyof CoreSnapshot)[]) {
      const value: unknown = snapshot[key];
      const sent = this.last.get(key);
      // A part the builder kept (the same object as last time) has not changed: no need to serialise it to know.
      if (sent?.value === value) continue;
      const text = JSON.stringify(value);
      this.last.set(key, { value, text });
      if (sent?.text !== text) patch[key] = value;
    }
    return patch as CorePatch;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
