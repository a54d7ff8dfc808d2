import { useCallback, useMemo, useState } from 'react';
import type { Recap, SessionSummary } from '../../../../shared/api/contract.js';
import { metricKeys } from '../../../../shared/metrics/keys.js';
import { metricKinds } from '../../../metrics/metric-kinds.js';
import { useI18n } from '../../app-context.js';
import type { Range } from './chart-model.js';
import { Difference } from './Difference.js';
import { compareChartOptions } from './recap-chart-options.js';
import { RecapSection } from './RecapSection.js';
import { sessionDate } from './SessionList.js';
import { UPlotChart } from './UPlotChart.js';
import { useReply } from './use-reply.js';

/** Two sessions side by side, the earlier as the reference: every total with the difference, and their curves since each started. */
export function CompareView({ sessions, onBack }: { sessions: [SessionSummary, SessionSummary]; onBack(): void }) {
  const { t, language } = useI18n();
  const [a, b] = [...sessions].sort((x, y) => x.startedAt - y.startedAt) as [SessionSummary, SessionSummary];
  const first = useReply('recap', { sessionId: a.id });
  const second = useReply('recap', { sessionId: b.id });
  const names = useMemo((): [string, string] => [`A · ${sessionDate(a.startedAt, language)}`, `B · ${sessionDate(b.startedAt, language)}`], [a.startedAt, b.startedAt, language]);
  const failed = [first, second].find((r) => r.state === 'failed');
  return (
    <section className="recap__detail" data-testid="recap-compare-view">
      <div className="recap__detail-head">
        <button type="button" className="button button--ghost" onClick={onBack} data-testid="recap-back">
          ← {t('recap.back')}
        </button>
        <h2 className="recap__title">{t('recap.compare.title', { a: `${a.room} ${names[0]}`, b: `${b.room} ${names[1]}` })}</h2>
      </div>
      {failed?.state === 'failed' ? (
        <p className="recap__error" role="alert">
          {t('recap.loadOneFailed', { error: failed.error })}
        </p>
      ) : first.state !== 'ready' || second.state !== 'ready' ? (
        <p className="empty">{t('recap.loading')}</p>
      ) : (
        <>
          <CompareTotals recaps={[first.value, second.value]} names={names} />
          <CompareChart recaps={[first.value, second.value]} names={names} />
        </>
      )}
    </section>
  );
}

function CompareTotals({ recaps: [a, b], names }: { recaps: [Recap, Recap]; names: [string, string] }) {
  const { t, fmt, metricLabel } = useI18n();
  return (
    <RecapSection title={t('recap.compare.totals')} testId="recap-compare-totals">
      <div className="recap__scroll">
        <table className="recap__summary">
          <thead>
            <tr>
              <th>{t('recap.metric')}</th>
              <th className="num">{names[0]}</th>
              <th className="num">{names[1]}</th>
              <th className="num">{t('recap.compare.diff')}</th>
            </tr>
          </thead>
          <tbody>
            {metricKeys.map((key) => (
              <tr key={key} data-testid={`recap-compare-${key}`}>
                <th scope="row">{metricLabel(key)}</th>
                <td className="num">{fmt.metric(metricKinds[key], a.totals[key])}</td>
                <td className="num">{fmt.metric(metricKinds[key], b.totals[key])}</td>
                <td className="num">
                  <Difference kind={metricKinds[key]} value={b.totals[key]} base={a.totals[key]} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </RecapSection>
  );
}

function CompareChart({ recaps, names }: { recaps: [Recap, Recap]; names: [string, string] }) {
  const { t, fmt } = useI18n();
  const [range, setRange] = useState<Range | null>(null);
  const length = Math.max(recaps[0].minutes.length, recaps[1].minutes.length);
  const times = useMemo(() => Array.from({ length }, (_, i) => i * 60), [length]);
  const series = useMemo(() => {
    // Minute i since each session started; a shorter session has no value past its end.
    const pad = (recap: Recap, value: (m: Recap['minutes'][number]) => number | null) =>
      times.map((_, i) => {
        const minute = recap.minutes[i];
        return minute ? value(minute) : null;
      });
    return [pad(recaps[0], (m) => m.onlineViewers), pad(recaps[1], (m) => m.onlineViewers), pad(recaps[0], (m) => m.gmv), pad(recaps[1], (m) => m.gmv)];
  }, [recaps, times]);
  const labels = useMemo(() => ({ online: t('charts.online'), gmv: t('charts.gmv') }), [t]);
  const options = useCallback(
    (width: number, container: HTMLElement) => compareChartOptions({ names, formatCount: fmt.count, formatMoney: fmt.money }, width, container, fmt, labels),
    [names, fmt, labels],
  );
  return (
    <RecapSection
      title={t('recap.compare.chart')}
      testId="recap-compare-chart"
      actions={
        <button type="button" className="button button--small" disabled={range === null} onClick={() => setRange(null)}>
          {t('recap.zoom.reset')}
        </button>
      }
    >
      <p className="recap__hint">{t('recap.compare.chartHint')}</p>
      <UPlotChart options={options} times={times} series={series} height={260} range={range} onZoom={setRange} label={t('recap.compare.chart')} testId="recap-compare-plot" />
    </RecapSection>
  );
}
