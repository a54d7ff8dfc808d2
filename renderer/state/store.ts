import { createStore } from 'zustand/vanilla';
import type { AppState, AppStore } from './app-state.js';
import { createCommentsSlice } from './slices/comments-slice.js';
import { createLiveSlice } from './slices/live-slice.js';
import { createSettingsSlice } from './slices/settings-slice.js';
import { createUiSlice } from './slices/ui-slice.js';
import { loadUpColor } from './ui-prefs.js';

export type { AppState, AppStore } from './app-state.js';

/** One store per page. `storage` keeps the page's own preferences (tests pass none). */
export function createAppStore(storage: Storage | undefined = globalThis.localStorage): AppStore {
  return createStore<AppState>()((...a) => ({
    ...createLiveSlice(...a),
    ...createCommentsSlice(...a),
    ...createSettingsSlice(...a),
    ...createUiSlice(storage, loadUpColor(storage))(...a),
    alerts: [],
  }));
}
