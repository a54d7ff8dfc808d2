import type { StateCreator } from 'zustand/vanilla';
import type { StateUpdate } from '../../../shared/api/bridge.js';
import type { CoreSnapshot } from '../../../shared/api/contract.js';
import type { TransportStatus } from '../../bridge/client-bridge.js';
import type { AppState } from '../app-state.js';
import { emptySeries, MinuteSampler, type MinuteSeries } from '../minute-series.js';
import { RecentRise } from '../recent-rise.js';
import { reduceSnapshot } from '../snapshot-reducer.js';
import { withAlerts } from '../with-alerts.js';

const REJECTED_SPAN_MS = 60_000;

/** The live session as the host streams it, and what the page derives over time from it. */
export interface LiveSlice {
  snapshot: CoreSnapshot | null;
  transport: TransportStatus;
  /** Per-minute chart data; charts read it through store.subscribe, not React renders. */
  series: MinuteSeries;
  /** Gaps the session already had when this page first saw it. */
  gapsAtStart: number;
  rejectedLastMinute: number;
  applyUpdate(update: StateUpdate): void;
  setTransport(status: TransportStatus): void;
}

export const createLiveSlice: StateCreator<AppState, [], [], LiveSlice> = (set, get) => {
  const sampler = new MinuteSampler();
  const rejected = new RecentRise(REJECTED_SPAN_MS);

  return {
    snapshot: null,
    transport: { state: 'connecting' },
    series: emptySeries(),
    gapsAtStart: 0,
    rejectedLastMinute: 0,

    applyUpdate(update) {
      const previous = get().snapshot;
      const snapshot = reduceSnapshot(previous, update);
      if (snapshot === null) return;
      let gapsAtStart = get().gapsAtStart;
      if (previous === null || (previous.session?.id ?? null) !== (snapshot.session?.id ?? null)) {
        // Another session: its comments, series and counters start from nothing here.
        sampler.reset();
        rejected.reset();
        get().clearComments();
        gapsAtStart = snapshot.ingest.gaps.length;
      }
      const window = update.kind === 'snapshot' ? update.snapshot.comments : update.patch.comments;
      if (window) get().syncCommentWindow(window);
      sampler.record(snapshot);
      rejected.record(snapshot.now, snapshot.ingest.rejected);
      const series = sampler.build(get().commentLog, snapshot);
      set((state) => withAlerts(state, { snapshot, series, gapsAtStart, rejectedLastMinute: rejected.rise() }));
    },

    setTransport(transport) {
      set((state) => withAlerts(state, { transport }));
    },
  };
};
