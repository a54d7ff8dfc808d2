import { useEffect } from 'react';
import { selectLanguage } from '../state/selectors.js';
import { useAppStore } from './app-context.js';
import { ConsoleView } from './console/ConsoleView.js';
import { ObsCardView } from './obs/ObsCardView.js';
import { OverlayView } from './overlay/OverlayView.js';
import type { ViewName } from './view-for-path.js';

export function App({ view }: { view: ViewName }) {
  const upColor = useAppStore((s) => s.upColor);
  const language = useAppStore(selectLanguage);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  return (
    <div className={`app app--${view}`} data-up-color={upColor}>
      {view === 'overlay' ? <OverlayView /> : view === 'obsCard' ? <ObsCardView /> : <ConsoleView />}
    </div>
  );
}
