import type { StateCreator } from 'zustand/vanilla';
import type { MessageKey, MessageParams } from '../../i18n/i18n.js';
import type { AppState } from '../app-state.js';
import { saveUpColor, type UpColor } from '../ui-prefs.js';

export type ConsoleScreen = 'live' | 'plan' | 'recap' | 'catalog' | 'settings';

/** A short message after an action; `error` is the host's (or gateway's) own reason, shown as text. */
export interface Notice {
  id: number;
  tone: 'info' | 'error';
  message: MessageKey;
  params: MessageParams;
  error?: { code: string; message: string };
}

export interface UiSlice {
  screen: ConsoleScreen;
  helpOpen: boolean;
  upColor: UpColor;
  notice: Notice | null;
  showScreen(screen: ConsoleScreen): void;
  setHelpOpen(open: boolean): void;
  setUpColor(color: UpColor): void;
  showNotice(notice: Omit<Notice, 'id'>): void;
  dismissNotice(id: number): void;
}

export function createUiSlice(storage: Storage | undefined, upColor: UpColor): StateCreator<AppState, [], [], UiSlice> {
  let nextNoticeId = 1;
  return (set) => ({
    screen: 'live',
    helpOpen: false,
    upColor,
    notice: null,
    showScreen: (screen) => set({ screen }),
    setHelpOpen: (helpOpen) => set({ helpOpen }),
    setUpColor(color) {
      saveUpColor(storage, color);
      set({ upColor: color });
    },
    showNotice: (notice) => set({ notice: { ...notice, id: nextNoticeId++ } }),
    dismissNotice: (id) => set((state) => (state.notice?.id === id ? { notice: null } : {})),
  });
}
