import { useAppStore, useI18n } from '../app-context.js';
import type { ViewPhase } from '../../state/selectors.js';
import { StatusPanel } from './StatusPanel.js';

/** What a view shows before there is a live session to show: no link, no token, no session yet. */
export function PhasePanel({ phase }: { phase: Exclude<ViewPhase, 'live' | 'ended'> }) {
  const { t } = useI18n();
  const room = useAppStore((s) => s.snapshot?.connection.room ?? '');
  const failure = useAppStore((s) => (s.snapshot?.connection.state === 'failed' ? (s.snapshot.connection.error ?? '') : null));
  if (phase === 'unauthorized') {
    return (
      <StatusPanel tone="critical" title={t('transport.unauthorized.title')}>
        <p>{t('transport.unauthorized.body')}</p>
      </StatusPanel>
    );
  }
  if (phase === 'loading') return <StatusPanel tone="neutral" title={t('state.loading')} />;
  if (failure !== null) {
    return (
      <StatusPanel tone="critical" title={t('state.failed.title')}>
        <p>{failure}</p>
      </StatusPanel>
    );
  }
  return (
    <StatusPanel tone="neutral" title={t('state.waiting.title')}>
      <p>{t('state.waiting.body', { room })}</p>
    </StatusPanel>
  );
}
