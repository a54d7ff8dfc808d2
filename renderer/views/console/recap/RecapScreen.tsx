import '../../../styles/recap.css';
import { useState } from 'react';
import type { SessionSummary } from '../../../../shared/api/contract.js';
import { useI18n } from '../../app-context.js';
import { StatusPanel } from '../../common/StatusPanel.js';
import { CompareView } from './CompareView.js';
import { RecapDetail } from './RecapDetail.js';
import { initialListState, SessionList, type ListState } from './SessionList.js';
import { useReply } from './use-reply.js';

type View = { kind: 'list' } | { kind: 'open'; session: SessionSummary } | { kind: 'compare'; sessions: [SessionSummary, SessionSummary] };

/**
 * 复盘: every stored session, searchable and sortable; one opened shows its
 * whole recap, two picked are compared side by side. The list keeps its
 * search, order and picks while a recap is open.
 */
export function RecapScreen() {
  const { t } = useI18n();
  const sessions = useReply('listSessions', {});
  const [list, setList] = useState<ListState>(initialListState);
  const [view, setView] = useState<View>({ kind: 'list' });
  const back = () => setView({ kind: 'list' });

  if (sessions.state === 'loading') return <StatusPanel tone="neutral" title={t('recap.loading')} />;
  if (sessions.state === 'failed') {
    return (
      <StatusPanel tone="critical" title={t('recap.loadFailed', { error: sessions.error })}>
        <button type="button" className="button" data-testid="recap-retry" onClick={sessions.retry}>
          {t('recap.retry')}
        </button>
      </StatusPanel>
    );
  }
  if (sessions.value.length === 0) {
    return (
      <main className="recap">
        <StatusPanel tone="neutral" title={t('recap.none')}>
          <p>{t('recap.none.body')}</p>
        </StatusPanel>
      </main>
    );
  }
  const all = sessions.value;
  const compare = () => {
    const picked = list.picked.map((id) => all.find((s) => s.id === id)).filter((s): s is SessionSummary => s !== undefined);
    if (picked.length === 2) setView({ kind: 'compare', sessions: [picked[0]!, picked[1]!] });
  };
  return (
    <main className="recap" data-testid="recap-screen">
      {view.kind === 'open' ? (
        <RecapDetail session={view.session} onBack={back} />
      ) : view.kind === 'compare' ? (
        <CompareView sessions={view.sessions} onBack={back} />
      ) : (
        <SessionList sessions={all} list={list} onList={setList} onOpen={(session) => setView({ kind: 'open', session })} onCompare={compare} />
      )}
    </main>
  );
}
