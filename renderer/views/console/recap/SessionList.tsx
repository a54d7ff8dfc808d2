import { useMemo } from 'react';
import type { SessionSummary } from '../../../../shared/api/contract.js';
import { metricKinds } from '../../../metrics/metric-kinds.js';
import { useI18n } from '../../app-context.js';

export type SortKey = 'startedAt' | 'uv' | 'gmv' | 'viewerConversion' | 'peakOnline';
const sortKeys: readonly SortKey[] = ['startedAt', 'uv', 'gmv', 'viewerConversion', 'peakOnline'];
/** The figures the list carries. */
const headline = ['uv', 'gmv', 'viewerConversion', 'peakOnline'] as const;

export interface ListState {
  query: string;
  sort: { key: SortKey; descending: boolean };
  /** Ids picked for comparing, at most two, in the order picked. */
  picked: string[];
}

export const initialListState: ListState = { query: '', sort: { key: 'startedAt', descending: true }, picked: [] };

export const sessionDate = (startedAt: number, language: string) => new Date(startedAt).toLocaleString(language, { month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' });

/** Every stored session, searchable by room, id and plan, sortable by start and the headline figures; two can be picked to compare. */
export function SessionList({ sessions, list, onList, onOpen, onCompare }: { sessions: SessionSummary[]; list: ListState; onList(list: ListState): void; onOpen(session: SessionSummary): void; onCompare(): void }) {
  const { t, fmt, language } = useI18n();
  const { query, sort, picked } = list;
  const listed = useMemo(() => {
    const needle = query.trim().toLowerCase();
    const found = sessions.filter((s) => needle === '' || [s.id, s.room, s.plan ?? ''].some((text) => text.toLowerCase().includes(needle)));
    const value = (s: SessionSummary) => s[sort.key] ?? -Infinity;
    return [...found].sort((a, b) => (sort.descending ? value(b) - value(a) : value(a) - value(b)));
  }, [sessions, query, sort]);
  const toggleSort = (key: SortKey) => onList({ ...list, sort: { key, descending: sort.key === key ? !sort.descending : true } });
  const togglePick = (id: string) => onList({ ...list, picked: picked.includes(id) ? picked.filter((p) => p !== id) : [...picked, id].slice(-2) });

  return (
    <section className="panel recap__list" data-testid="recap-list">
      <div className="recap__list-head">
        <input className="input" type="search" aria-label={t('recap.search')} placeholder={t('recap.search')} data-testid="recap-search" value={query} onChange={(e) => onList({ ...list, query: e.target.value })} />
        <button type="button" className="button button--primary" disabled={picked.length !== 2} onClick={onCompare} data-testid="recap-compare">
          {t('recap.compare.button', { count: picked.length })}
        </button>
      </div>
      <p className="recap__hint">{t('recap.compare.hint')}</p>
      <div className="recap__scroll">
        <table className="recap__table">
          <thead>
            <tr>
              <th>
                <span className="recap__sr-only">{t('recap.compare.pick')}</span>
              </th>
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
              <tr key={`${s.id}-${s.startedAt}`} className={picked.includes(s.id) ? 'recap__row--picked' : ''} data-testid="recap-session" data-session-id={s.id}>
                <td>
                  <input
                    type="checkbox"
                    checked={picked.includes(s.id)}
                    onChange={() => togglePick(s.id)}
                    aria-label={t('recap.compare.pickOne', { room: s.room, date: sessionDate(s.startedAt, language) })}
                    data-testid="recap-pick"
                  />
                </td>
                <td>
                  <button type="button" className="recap__open" data-testid="recap-open" onClick={() => onOpen(s)}>
                    {s.room}
                  </button>
                  {s.plan !== null ? <span className="recap__plan-badge">{s.plan}</span> : null}
                </td>
                <td className="num">{sessionDate(s.startedAt, language)}</td>
                {headline.map((key) => (
                  <td key={key} className="num">
                    {fmt.metric(metricKinds[key], s[key])}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {listed.length === 0 ? <p className="empty">{t('recap.noMatch')}</p> : null}
    </section>
  );
}
