import type { ConsoleScreen } from '../../state/slices/ui-slice.js';
import { useActions, useAppStore, useI18n } from '../app-context.js';

const screens: readonly { screen: ConsoleScreen; label: 'nav.live' | 'nav.plan' | 'nav.recap' | 'nav.catalog' | 'nav.settings' }[] = [
  { screen: 'live', label: 'nav.live' },
  { screen: 'plan', label: 'nav.plan' },
  { screen: 'recap', label: 'nav.recap' },
  { screen: 'catalog', label: 'nav.catalog' },
  { screen: 'settings', label: 'nav.settings' },
];

export function ConsoleHeader() {
  const { t, fmt } = useI18n();
  const actions = useActions();
  const room = useAppStore((s) => s.snapshot?.session?.room ?? null);
  const now = useAppStore((s) => (s.snapshot?.session ? s.snapshot.now : null));
  const screen = useAppStore((s) => s.screen);
  const showScreen = useAppStore((s) => s.showScreen);
  const setHelpOpen = useAppStore((s) => s.setHelpOpen);
  return (
    <header className="console-header">
      <div className="console-header__brand">LiveCue</div>
      {room ? (
        <div className="console-header__room">
          <span className="console-header__title">{room.title}</span>
          <span className="console-header__host">
            {room.host} · {room.platform}
          </span>
        </div>
      ) : null}
      <nav className="tabs" aria-label="LiveCue">
        {screens.map((s) => (
          <button
            key={s.screen}
            type="button"
            className={`tabs__item ${screen === s.screen ? 'tabs__item--active' : ''}`}
            aria-current={screen === s.screen ? 'page' : undefined}
            onClick={() => showScreen(s.screen)}
          >
            {t(s.label)}
          </button>
        ))}
      </nav>
      <div className="console-header__tools">
        {now !== null ? <span className="console-header__clock num">{t('header.eventTime', { time: fmt.clock(now) })}</span> : null}
        <button type="button" className="button" onClick={() => void actions.markMoment()} disabled={now === null}>
          {t('header.markMoment')} <kbd className="button__key">M</kbd>
        </button>
        <button type="button" className="button button--ghost" onClick={() => setHelpOpen(true)}>
          {t('nav.shortcuts')} <kbd className="button__key">?</kbd>
        </button>
      </div>
    </header>
  );
}
