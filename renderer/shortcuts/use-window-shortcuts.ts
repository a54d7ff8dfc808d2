import { useEffect } from 'react';
import { useActions, useStoreApi } from '../views/app-context.js';
import { shortcutFor } from './keymap.js';

/** Binds the console's single-key shortcuts to the window while the console is shown. */
export function useConsoleShortcuts(): void {
  const actions = useActions();
  const store = useStoreApi();
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const action = shortcutFor(event);
      const state = store.getState();
      // Escape belongs to whatever has focus unless there is a help to close.
      if (action === null || (action.kind === 'closeHelp' && !state.helpOpen)) return;
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
        case 'toggleHelp':
          return state.setHelpOpen(!state.helpOpen);
        case 'closeHelp':
          return state.setHelpOpen(false);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [actions, store]);
}
