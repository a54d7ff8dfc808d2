import { selectTimeOnAir } from '../../state/selectors.js';
import type { ConsoleScreen } from '../../state/slices/ui-slice.js';
import { useActions, useAppStore, useI18n } from '../app-context.js';

const screens: readonly { screen: ConsoleScreen; label: 'nav.live' | 'nav.plan' | 'nav.recap' | 'nav.catalog' | 'nav.settings' }[] = [
  { screen: 'live', label: 'nav.live' },
  { screen: 'plan', label: 'nav.plan' },
  { screen: 'recap', label: 'nav.recap' },
  { screen: 'catalog', label: 'nav.catalog' },
  { screen: 'settings', label: 'nav.settings' },
];

/** HH:MM:SS, hours always shown: a host reads 已开播 01:05:09 at a glance. The wall clock is the banner's 最近事件. */
function hoursMinutesSeconds(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(total / 3600))}:${pad(Math.floor((total % 3600) / 60))}:${pad(total % 60)}`;
}

function TimeOnAir({ ms }: { ms: number }) {
  const { t } = useI18n();
  const ended = useAppStore((s) => s.snapshot?.session?.endedAt != null);
  const time = hoursMinutesSeconds(ms);
  return (
    <span className="console-header__on-air num" data-testid="time-on-air" data-ms={ms} title={t('header.onAir.hint')}>
      {ended ? t('state.ended.duration', { duration: time }) : t('header.onAir', { time })}
    </span>
  );
}

export function ConsoleHeader() {
  const { t } = useI18n();
  const actions = useActions();
  const room = useAppStore((s) => s.snapshot?.session?.room ?? null);
  const now = useAppStore((s) => (s.snapshot?.session ? s.snapshot.now : null));
  const onAirMs = useAppStore(selectTimeOnAir);
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
        {onAirMs !== null ? <TimeOnAir ms={onAirMs} /> : null}
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
