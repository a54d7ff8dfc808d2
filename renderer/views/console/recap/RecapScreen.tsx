import '../../../styles/recap.css';
import { useEffect, useMemo, useState } from 'react';
import type { Recap, SessionSummary } from '../../../../shared/api/contract.js';
import { goalLabels } from '../../../../shared/plan/labels.js';
import { planGoalKeys, rateGoalKeys, type PlanGoalKey } from '../../../../shared/plan/plan.js';
import { useBridge, useI18n } from '../../app-context.js';
import { StatusPanel } from '../../common/StatusPanel.js';
import { segmentName } from '../../common/use-plan.js';
import { ProductTable } from './ProductTable.js';

type SortKey = 'startedAt' | 'uv' | 'gmv' | 'viewerConversion' | 'peakOnline';
const sortKeys: readonly SortKey[] = ['startedAt', 'uv', 'gmv', 'viewerConversion', 'peakOnline'];
/** The figures the list carries, so a session can be set against the room's last five. */
const headline = ['uv', 'gmv', 'viewerConversion', 'peakOnline'] as const;
const LAST_SESSIONS = 5;

/**
 * 复盘: every stored session, searchable and sortable; one opened shows its
 * headline figures against the plan's goals and the room's last five
 * sessions, and its rundown planned against actual (an empty state when it
 * ran no plan), and every product's funnel, money and time on air.
 */
export function RecapScreen() {
  const { t, fmt, language } = useI18n();
  const bridge = useBridge();
  const [sessions, setSessions] = useState<SessionSummary[] | { error: string } | null>(null);
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({ key: 'startedAt', descending: true });
  const [open, setOpen] = useState<SessionSummary | null>(null);
  const [recap, setRecap] = useState<Recap | { error: string } | null>(null);

  useEffect(() => {
    let mounted = true;
    void bridge.request('listSessions', {}).then((reply) => {
      if (mounted) setSessions(reply.ok ? reply.value : { error: reply.error.message });
    });
    return () => {
      mounted = false;
    };
  }, [bridge]);
  useEffect(() => {
    if (!open) return;
    let mounted = true;
    void bridge.request('recap', { sessionId: open.id }).then((reply) => {
      if (mounted) setRecap(reply.ok ? reply.value : { error: reply.error.message });
    });
    return () => {
      mounted = false;
    };
  }, [bridge, open]);

  const listed = useMemo(() => {
    if (!Array.isArray(sessions)) return [];
    const needle = query.trim().toLowerCase();
    const found = sessions.filter((s) => needle === '' || [s.id, s.room, s.plan ?? ''].some((text) => text.toLowerCase().includes(needle)));
    const value = (s: SessionSummary) => s[sort.key] ?? -Infinity;
    return [...found].sort((a, b) => (sort.descending ? value(b) - value(a) : value(a) - value(b)));
  }, [sessions, query, sort]);

  if (sessions === null) return <StatusPanel tone="neutral" title={t('recap.loading')} />;
  if (!Array.isArray(sessions)) return <StatusPanel tone="critical" title={t('recap.loadFailed', { error: sessions.error })} />;
  if (sessions.length === 0) {
    return (
      <main className="recap">
        <StatusPanel tone="neutral" title={t('recap.none')}>
          <p>{t('recap.none.body')}</p>
        </StatusPanel>
      </main>
    );
  }
  const format = (key: (typeof headline)[number] | PlanGoalKey, value: number | null | undefined) =>
    value === undefined ? '—' : key === 'gmv' ? fmt.money(value) : rateGoalKeys.has(key as PlanGoalKey) ? fmt.rate(value) : fmt.count(value);
  const toggleSort = (key: SortKey) => setSort((s) => ({ key, descending: s.key === key ? !s.descending : true }));

  return (
    <main className="recap" data-testid="recap-screen">
      <div className="recap__body">
        <section className="panel recap__list">
          <input className="input" type="search" aria-label={t('recap.search')} placeholder={t('recap.search')} data-testid="recap-search" value={query} onChange={(e) => setQuery(e.target.value)} />
          <table className="recap__table">
            <thead>
              <tr>
                <th>{t('recap.col.room')}</th>
                {sortKeys.map((key) => (
                  <th key={key} aria-sort={sort.key === key ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
                    <button type="button" className="recap__sort" data-testid={`recap-sort-${key}`} onClick={() => toggleSort(key)}>
                      {t(`recap.col.${key}`)}
                      {sort.key === key ? (sort.descending ? ' ↓' : ' ↑') : ''}
                    </button>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {listed.map((s) => (
                <tr key={`${s.id}-${s.startedAt}`} className={open?.id === s.id ? 'recap__row--open' : ''} data-testid="recap-session" data-session-id={s.id}>
                  <td>
                    <button
                      type="button"
                      className="recap__open"
                      data-testid="recap-open"
                      onClick={() => {
                        setRecap(null);
                        setOpen(s);
                      }}
                    >
                      {s.room}
                    </button>
                    {s.plan !== null ? <span className="recap__plan-badge">{s.plan}</span> : null}
                  </td>
                  <td className="num">{new Date(s.startedAt).toLocaleString(language, { month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' })}</td>
                  {headline.map((key) => (
                    <td key={key} className="num">
                      {format(key, s[key])}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          {listed.length === 0 ? <p className="empty">{t('recap.noMatch')}</p> : null}
        </section>
        {open ? (
          <section className="panel recap__detail" data-testid="recap-detail">
            <h2 className="recap__title">
              {open.room} · <span className="num">{new Date(open.startedAt).toLocaleString(language, { hour12: false })}</span>
            </h2>
            <Summary session={open} sessions={sessions} format={format} recap={recap} />
            {recap === null ? (
              <p className="empty">{t('recap.loading')}</p>
            ) : 'error' in recap ? (
              <p className="recap__error">{recap.error}</p>
            ) : (
              <>
                <PlanAgainstActual recap={recap} />
                <h3 className="panel__title">{t('recap.products')}</h3>
                <ProductTable products={recap.products} />
              </>
            )}
          </section>
        ) : (
          <p className="empty recap__pick">{t('recap.pick')}</p>
        )}
      </div>
    </main>
  );
}

function Summary({
  session,
  sessions,
  recap,
  format,
}: {
  session: SessionSummary;
  sessions: SessionSummary[];
  recap: Recap | { error: string } | null;
  format(key: string, value: number | null | undefined): string;
}) {
  const { t, language } = useI18n();
  // The room's sessions before this one, newest first.
  const earlier = sessions.filter((s) => s.room === session.room && s.startedAt < session.startedAt).slice(0, LAST_SESSIONS);
  const average = (key: (typeof headline)[number]) => {
    const values = earlier.map((s) => s[key]).filter((v): v is number => v !== null);
    return values.length === 0 ? undefined : values.reduce((a, b) => a + b, 0) / values.length;
  };
  const goals = recap && !('error' in recap) ? recap.plan?.goals : undefined;
  return (
    <table className="recap__summary" data-testid="recap-summary">
      <thead>
        <tr>
          <th />
          <th>{t('recap.actual')}</th>
          <th>{t('recap.goal')}</th>
          <th>{t('recap.average', { count: earlier.length })}</th>
        </tr>
      </thead>
      <tbody>
        {headline.map((key) => (
          <tr key={key} data-testid={`recap-summary-${key}`}>
            <th>{planGoalKeys.includes(key) ? goalLabels[key][language === 'zh-CN' ? 'zh' : 'en'] : key}</th>
            <td className="num">{format(key, session[key])}</td>
            <td className="num">{format(key, goals?.[key])}</td>
            <td className="num">{format(key, average(key))}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function PlanAgainstActual({ recap }: { recap: Recap }) {
  const { t, fmt, language } = useI18n();
  if (!recap.plan) {
    return (
      <div className="recap__no-plan" data-testid="recap-no-plan">
        <h3 className="panel__title">{t('recap.plan')}</h3>
        <p>{t('recap.noPlan')}</p>
      </div>
    );
  }
  const start = recap.session.startedAt;
  const at = (ms: number | null) => (ms === null ? '—' : fmt.elapsed(Math.max(0, ms - start)));
  return (
    <div data-testid="recap-plan">
      <h3 className="panel__title">{t('recap.planTitle', { title: recap.plan.title })}</h3>
      <table className="recap__table">
        <thead>
          <tr>
            <th>{t('recap.segment')}</th>
            <th>{t('recap.planned')}</th>
            <th>{t('recap.ran')}</th>
          </tr>
        </thead>
        <tbody>
          {recap.plan.segments.map((s) => (
            <tr key={s.id} data-testid="recap-plan-segment">
              <td>{segmentName({ ...s, productIds: [], buyingPointIds: [], note: '' }, language)}</td>
              <td className="num">
                {fmt.elapsed(s.plannedStartSec * 1000)}–{fmt.elapsed((s.plannedStartSec + s.plannedDurationSec) * 1000)}
              </td>
              <td className="num">{s.actualStartedAt === null ? t('recap.didNotRun') : `${at(s.actualStartedAt)}–${at(s.actualEndedAt)}${s.advancedBy === 'manual' ? ` · ${t('recap.byHand')}` : ''}`}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {recap.plan.overrides.map((o) => (
        <p key={o.at} className="recap__override">
          {t('recap.override', { by: o.by, time: at(o.at), items: o.openItems.join('、') })}
        </p>
      ))}
    </div>
  );
}
