import type { MetricKey } from '../../../shared/metrics/keys.js';
import { metricKinds } from '../../metrics/metric-kinds.js';
import { selectTimeOnAir } from '../../state/selectors.js';
import { useAppStore, useI18n } from '../app-context.js';

const headline: readonly MetricKey[] = ['gmv', 'paidOrders', 'buyers', 'uv', 'peakOnline', 'viewerConversion'];

/** The session's final figures, once the stream has ended. */
export function EndedSummary() {
  const { t, fmt, metricLabel } = useI18n();
  const totals = useAppStore((s) => s.snapshot?.totals ?? null);
  const duration = useAppStore(selectTimeOnAir);
  return (
    <section className="panel ended" data-testid="ended-summary">
      <div className="ended__head">
        <h2 className="ended__title">{t('state.ended.title')}</h2>
        {duration !== null ? <span className="ended__duration num">{t('state.ended.duration', { duration: fmt.elapsed(duration) })}</span> : null}
      </div>
      <dl className="ended__figures">
        {headline.map((key) => (
          <div key={key} className="ended__figure">
            <dt>{metricLabel(key)}</dt>
            <dd className="num">{fmt.metric(metricKinds[key], totals?.[key] ?? null)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
