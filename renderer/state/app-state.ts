import type { StoreApi } from 'zustand/vanilla';
import type { Alert } from './alerts.js';
import type { CommentsSlice } from './slices/comments-slice.js';
import type { LiveSlice } from './slices/live-slice.js';
import type { SettingsSlice } from './slices/settings-slice.js';
import type { UiSlice } from './slices/ui-slice.js';

export interface AlertsState {
  /** Derived from the other slices whenever they change; the same array while the alerts stay the same. */
  alerts: readonly Alert[];
}

export type AppState = LiveSlice & CommentsSlice & SettingsSlice & UiSlice & AlertsState;
export type AppStore = StoreApi<AppState>;
