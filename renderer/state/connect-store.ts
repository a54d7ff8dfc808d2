import type { StateUpdate } from '../../shared/api/bridge.js';
import type { ClientBridge } from '../bridge/client-bridge.js';
import type { Actions } from './actions.js';
import type { AppStore } from './app-state.js';
import { CommentBackfill } from './comment-history.js';

export interface ConnectOptions {
  /**
   * Only the console shows comments. The overlay and the OBS card, which may
   * run for a whole stream, neither keep them nor ask for their history.
   */
  comments: boolean;
}

/** Feeds the store from the bridge for the page's life; returns the unsubscribe. */
export function connectStore(store: AppStore, bridge: ClientBridge, actions: Actions, options: ConnectOptions): () => void {
  const backfill = new CommentBackfill(store, bridge);
  const offStatus = bridge.onTransportStatus((status) => {
    store.getState().setTransport(status);
    // Requests need the link up; after a reconnect the settings may have changed elsewhere.
    if (status.state === 'connected') void actions.loadSettings();
  });
  const offState = bridge.onState((update) => {
    if (!options.comments) return store.getState().applyUpdate(withoutComments(update));
    const before = backfill.held();
    store.getState().applyUpdate(update);
    backfill.noteUpdate(update, before);
  });
  return () => {
    offStatus();
    offState();
  };
}

function withoutComments(update: StateUpdate): StateUpdate {
  if (update.kind === 'snapshot') return { kind: 'snapshot', snapshot: { ...update.snapshot, comments: [] } };
  const { comments: _comments, ...patch } = update.patch;
  return { kind: 'patch', patch };
}
