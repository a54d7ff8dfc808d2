import type { ConnectionStateName } from '../../../shared/api/contract.js';
import type { I18n } from '../../i18n/i18n.js';
import { useAppStore, useI18n } from '../app-context.js';

type BannerState = ConnectionStateName | 'transport-lost' | 'unauthorized';

const tones: Record<BannerState, 'ok' | 'neutral' | 'warning' | 'critical'> = {
  live: 'ok',
  connecting: 'neutral',
  ended: 'neutral',
  reconnecting: 'warning',
  failed: 'critical',
  'transport-lost': 'critical',
  unauthorized: 'critical',
};

/**
 * The link from the live room to LiveCue, and from LiveCue to this page, in
 * one line: quiet when all is well, loud when it is not.
 */
export function ConnectionBanner() {
  const { t, fmt } = useI18n();
  const transport = useAppStore((s) => s.transport);
  const connection = useAppStore((s) => s.snapshot?.connection ?? null);
  const gaps = useAppStore((s) => s.snapshot?.ingest.gaps.length ?? 0);
  const eventsPerSec = useAppStore((s) => s.snapshot?.ingest.eventsPerSec ?? 0);

  const state: BannerState =
    transport.state === 'unauthorized' ? 'unauthorized' : transport.state === 'disconnected' ? 'transport-lost' : (connection?.state ?? 'connecting');

  return (
    <div
      className={`banner banner--${tones[state]}`}
      data-testid="connection-banner"
      data-state={state}
      data-last-event-at={connection?.lastEventAt ?? ''}
      role="status"
    >
      <span className="banner__dot" aria-hidden="true" />
      <strong className="banner__state">{bannerTitle(state, transport.state === 'connecting', t)}</strong>
      {transport.state === 'disconnected' ? (
        <span className="banner__item">
          {transport.attempt > 0 ? t('transport.attempt', { attempt: transport.attempt }) : null}
          {transport.error ? ` · ${transport.error}` : null}
        </span>
      ) : null}
      {connection ? (
        <>
          <span className="banner__item">{connection.room}</span>
          <span className="banner__item num">
            {connection.lastEventAt === null ? t('banner.noEvents') : t('banner.lastEvent', { time: fmt.clock(connection.lastEventAt) })}
          </span>
          <span className={`banner__item num ${gaps > 0 ? 'banner__item--warn' : ''}`}>
            {gaps > 0 ? t('banner.gaps', { count: fmt.count(gaps) }) : t('banner.noGaps')}
          </span>
          {connection.state === 'reconnecting' ? <span className="banner__item num">{t('banner.attempt', { attempt: connection.attempt })}</span> : null}
          {state === 'live' ? <span className="banner__item num">{t('banner.rate', { rate: fmt.count(eventsPerSec) })}</span> : null}
          {connection.error ? <span className="banner__error">{connection.error}</span> : null}
        </>
      ) : null}
    </div>
  );
}

function bannerTitle(state: BannerState, pageConnecting: boolean, t: I18n['t']): string {
  if (state === 'unauthorized') return t('transport.unauthorized.title');
  if (state === 'transport-lost') return t('transport.disconnected');
  if (pageConnecting) return t('transport.connecting');
  return t(`connection.${state}`);
}
