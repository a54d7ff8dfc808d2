import { metricKeys, type MetricKey } from '../../../shared/metrics/keys.js';
import { metricKinds } from '../../metrics/metric-kinds.js';
import { windowChange } from '../../metrics/window-change.js';
import { useAppStore, useI18n } from '../app-context.js';
import { ChangeBadge } from '../common/ChangeBadge.js';

/** Every METRICS.md figure for the session, with the last 5 minutes against the 5 before. */
export function MetricTiles() {
  const { t } = useI18n();
  return (
    <section className="panel tiles" aria-label={t('metrics.title')}>
      {metricKeys.map((key) => (
        <MetricTile key={key} metric={key} />
      ))}
    </section>
  );
}

function MetricTile({ metric }: { metric: MetricKey }) {
  const { t, fmt, metricLabel } = useI18n();
  const value = useAppStore((s) => s.snapshot?.totals[metric] ?? null);
  const recent = useAppStore((s) => s.snapshot?.windows.m5.current[metric] ?? null);
  const before = useAppStore((s) => s.snapshot?.windows.m5.previous[metric] ?? null);
  const kind = metricKinds[metric];
  return (
    <div className="tile" data-testid={`metric-${metric}`} data-value={value ?? ''} title={t('metrics.changeHint')}>
      <div className="tile__label">{metricLabel(metric)}</div>
      <div className="tile__value num">{fmt.metric(kind, value)}</div>
      <div className="tile__foot num">
        <span className="tile__recent">{t('metrics.recent', { value: fmt.metric(kind, recent) })}</span>
        <ChangeBadge change={windowChange(kind, recent, before)} />
      </div>
    </div>
  );
}
