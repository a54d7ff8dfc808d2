import type { Recap } from '../../../../shared/api/contract.js';
import { useI18n } from '../../app-context.js';
import { inMinute, minuteValue, productTitle, recapChartKeys, recapChartLabels, type Overlays } from './chart-model.js';

/**
 * The minute under the cursor (or chosen with ← →), spelled out: its
 * figures, the cards on air in it, the rundown segment, and the talking
 * points and moments that fall in it. Text only.
 */
export function MinuteTooltip({ recap, overlays, times, index }: { recap: Recap; overlays: Overlays; times: readonly number[]; index: number | null }) {
  const { t, fmt } = useI18n();
  const minute = index === null ? undefined : recap.minutes[index];
  const at = index === null ? undefined : times[index];
  if (minute === undefined || at === undefined) {
    return (
      <p className="recap__tooltip recap__tooltip--idle" data-testid="recap-chart-tooltip">
        {t('recap.charts.hint')}
      </p>
    );
  }
  const there = inMinute(overlays, at);
  const onAir = minute.onAir.map((id) => productTitle(recap, id));
  const clock = fmt.clock(minute.minute * 60_000).slice(0, 5);
  return (
    <div className="recap__tooltip" data-testid="recap-chart-tooltip" data-minute={index}>
      <strong className="num">{t('recap.charts.minute', { n: index! + 1, clock, elapsed: fmt.elapsed(Math.max(0, at) * 1000) })}</strong>
      <dl className="recap__figures">
        {recapChartKeys.map((key) => (
          <div key={key}>
            <dt>{t(recapChartLabels[key])}</dt>
            <dd className="num" data-testid={`recap-tooltip-${key}`}>
              {key === 'gmv' ? fmt.money(minuteValue[key](minute)) : fmt.count(minuteValue[key](minute))}
            </dd>
          </div>
        ))}
      </dl>
      <p>
        {t('recap.charts.onAir')}
        {onAir.length > 0 ? onAir.join('、') : '—'}
      </p>
      {there.actual.length > 0 || there.planned.length > 0 ? (
        <p>
          {t('recap.charts.segment', { actual: there.actual.map((b) => b.label).join('、') || '—', planned: there.planned.map((b) => b.label).join('、') || '—' })}
        </p>
      ) : null}
      {there.markers.map((m, i) => (
        <p key={i} className={`recap__marker-note recap__marker-note--${m.kind}`}>
          {t(m.kind === 'point' ? 'recap.charts.pointUsed' : 'recap.charts.moment', { text: m.label || '—' })}
        </p>
      ))}
    </div>
  );
}
