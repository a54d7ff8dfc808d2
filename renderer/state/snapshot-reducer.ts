import type { StateUpdate } from '../../shared/api/bridge.js';
import type { CoreSnapshot } from '../../shared/api/contract.js';

/**
 * Applies one state update. A patch replaces only the top-level parts it
 * names, so every other part keeps its identity and selectors on it do not
 * fire. A patch before any snapshot has nothing to apply to (the host always
 * sends a snapshot first) and is dropped.
 */
export function reduceSnapshot(current: CoreSnapshot | null, update: StateUpdate): CoreSnapshot | null {
  if (update.kind === 'snapshot') return update.snapshot;
  if (current === null) return null;
  return { ...current, ...update.patch };
}
