import type { Recap, SuggestionMark } from '../../../../shared/api/contract.js';
import { lineIn, reasonIn } from '../../../../shared/copilot/engine/cue-text.js';
import { IMPACT_MINUTES, type PointImpact, type SpanFigures } from '../../../../shared/recap/talking-points.js';
import type { MetricKind } from '../../../metrics/metric-kinds.js';
import { useI18n } from '../../app-context.js';
import { Difference } from './Difference.js';
import { sinceStart } from './recap-text.js';
import { RecapSection } from './RecapSection.js';
import { RecapTable, type Column } from './RecapTable.js';

const figures: readonly { key: keyof SpanFigures; kind: MetricKind; label: 'recap.points.orders' | 'recap.points.gmv' | 'recap.points.clicks' | 'recap.points.online' }[] = [
  { key: 'paidOrders', kind: 'count', label: 'recap.points.orders' },
  { key: 'gmv', kind: 'money', label: 'recap.points.gmv' },
  { key: 'clicks', kind: 'count', label: 'recap.points.clicks' },
  { key: 'online', kind: 'count', label: 'recap.points.online' },
];

/** Each talking point used, the minutes after it next to the minutes before; and the ones the team dismissed. */
export function TalkingPointsSection({ recap }: { recap: Recap }) {
  const i18n = useI18n();
  const { t, fmt } = i18n;
  const start = recap.session.startedAt;
  const dismissed = recap.suggestions.filter((s) => s.outcome === 'dismissed');
  const show = (kind: MetricKind, value: number | null) => (kind === 'money' ? fmt.money(value) : fmt.count(value));
  const used: Column<PointImpact>[] = [
    { key: 'at', label: t('recap.points.at'), cell: (p) => sinceStart(i18n, start, p.at), num: true },
    { key: 'line', label: t('recap.points.line'), cell: (p) => lineIn(p, fmt) },
    ...figures.map(
      (f): Column<PointImpact> => ({
        key: f.key,
        label: t(f.label),
        num: true,
        cell: (p) => (
          <>
            <span className="recap__before-after">
              {show(f.kind, p.before[f.key])} → {show(f.kind, p.after[f.key])}
            </span>
            <Difference kind={f.kind} value={p.after[f.key]} base={p.before[f.key]} />
          </>
        ),
      }),
    ),
  ];
  const dismissedColumns: Column<SuggestionMark>[] = [
    { key: 'at', label: t('recap.points.at'), cell: (s) => sinceStart(i18n, start, s.at), num: true },
    { key: 'line', label: t('recap.points.line'), cell: (s) => lineIn(s, fmt) },
    { key: 'reason', label: t('recap.points.reason'), cell: (s) => reasonIn(s, fmt) },
  ];
  return (
    <RecapSection title={t('recap.points')} testId="recap-points">
      <p className="recap__hint">{t('recap.points.hint', { minutes: IMPACT_MINUTES })}</p>
      {recap.talkingPoints.length === 0 ? <p className="empty">{t('recap.points.none')}</p> : <RecapTable columns={used} rows={recap.talkingPoints} rowKey={(p, i) => `${p.suggestionId}-${i}`} testId="recap-points-used" rowTestId="recap-point" />}
      <h4 className="recap__subtitle">{t('recap.points.dismissed', { count: dismissed.length })}</h4>
      {dismissed.length === 0 ? <p className="recap__hint">{t('recap.points.noneDismissed')}</p> : <RecapTable columns={dismissedColumns} rows={dismissed} rowKey={(s, i) => `${s.suggestionId}-${i}`} testId="recap-points-dismissed" />}
    </RecapSection>
  );
}
