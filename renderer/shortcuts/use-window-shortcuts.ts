import { useEffect } from 'react';
import { useActions, useStoreApi } from '../views/app-context.js';
import { shortcutFor, type ShortcutAction } from './keymap.js';

/** Every single-key shortcut: the console's. */
export const ALL_SHORTCUTS: ReadonlySet<ShortcutAction['kind']> = new Set(['pinProduct', 'unpin', 'markMoment', 'markSuggestion', 'advanceSegment', 'toggleHelp', 'closeHelp']);
/** The host's overlay: only the talking point (pinning is the assistant's, or the global hotkeys'). */
export const OVERLAY_SHORTCUTS: ReadonlySet<ShortcutAction['kind']> = new Set(['markSuggestion']);

/** Binds the single-key shortcuts of `kinds` to the window while the view is shown. */
export function useWindowShortcuts(kinds: ReadonlySet<ShortcutAction['kind']>): void {
  const actions = useActions();
  const store = useStoreApi();
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const action = shortcutFor(event);
      const state = store.getState();
      // Escape belongs to whatever has focus unless there is a help to close.
      if (action === null || !kinds.has(action.kind) || (action.kind === 'closeHelp' && !state.helpOpen)) return;
      event.preventDefault();
      switch (action.kind) {
        case 'pinProduct':
          return void actions.pinProductAt(action.position);
        case 'unpin':
          return void actions.unpinProduct();
        case 'markMoment':
          return void actions.markMoment();
        case 'markSuggestion':
          return void actions.markTopSuggestion(action.outcome);
        case 'advanceSegment':
          return void actions.advanceSegment();
        case 'toggleHelp':
          return state.setHelpOpen(!state.helpOpen);
        case 'closeHelp':
          return state.setHelpOpen(false);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [actions, store, kinds]);
}
