import type { StateCreator } from 'zustand/vanilla';
import type { SettingsView } from '../../../shared/api/settings.js';
import type { AppState } from '../app-state.js';

export type SettingsLoad = { state: 'loading' } | { state: 'ready' } | { state: 'failed'; error: string };

/** The host's settings as this page last read or saved them. */
export interface SettingsSlice {
  settings: SettingsView | null;
  settingsLoad: SettingsLoad;
  setSettings(settings: SettingsView): void;
  setSettingsLoad(load: SettingsLoad): void;
}

export const createSettingsSlice: StateCreator<AppState, [], [], SettingsSlice> = (set) => ({
  settings: null,
  settingsLoad: { state: 'loading' },
  setSettings: (settings) => set({ settings, settingsLoad: { state: 'ready' } }),
  setSettingsLoad: (settingsLoad) => set({ settingsLoad }),
});
