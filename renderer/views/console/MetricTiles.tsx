import { useId, useState } from 'react';
import { defaultHeadlineMetrics } from '../../../shared/api/settings.js';
import { metricKeys, type MetricKey } from '../../../shared/metrics/keys.js';
import { metricKinds } from '../../metrics/metric-kinds.js';
import { windowChange } from '../../metrics/window-change.js';
import type { AppState } from '../../state/app-state.js';
import { useAppStore, useI18n } from '../app-context.js';
import { ChangeBadge } from '../common/ChangeBadge.js';

/** The user's headline figures (settings), the default six until the host's settings have arrived. */
const selectHeadline = (s: AppState): readonly MetricKey[] => s.settings?.headlineMetrics ?? defaultHeadlineMetrics;

/** The figures the user chose as headline, large, above the products; each with the last 5 minutes against the 5 before. */
export function HeadlineFigures() {
  const { t } = useI18n();
  const headline = useAppStore(selectHeadline);
  return (
    <section className="panel headline" aria-label={t('metrics.headline')} data-testid="headline-figures">
      {headline.map((key) => (
        <MetricTile key={key} metric={key} className="tile--headline" />
      ))}
    </section>
  );
}

/**
 * Every other METRICS.md figure, folded under 全部指标 until asked for: closed,
 * its tiles are not rendered at all, so they cost the live screen nothing.
 */
export function AllMetrics() {
  const { t } = useI18n();
  const headline = useAppStore(selectHeadline);
  const showScreen = useAppStore((s) => s.showScreen);
  const [open, setOpen] = useState(false);
  const gridId = useId();
  const rest = metricKeys.filter((key) => !headline.includes(key));
  return (
    <section className="panel all-metrics" aria-label={t('metrics.all')}>
      <div className="all-metrics__head">
        <button type="button" className="all-metrics__toggle" aria-expanded={open} aria-controls={gridId} data-testid="all-metrics-toggle" onClick={() => setOpen(!open)}>
          <span className="all-metrics__chevron" aria-hidden="true">
            {open ? '▾' : '▸'}
          </span>
          {t('metrics.all')}
          <span className="all-metrics__count">{t('metrics.allCount', { count: rest.length })}</span>
        </button>
        <button type="button" className="button button--ghost button--small" onClick={() => showScreen('settings')}>
          {t('metrics.chooseHeadline')}
        </button>
      </div>
      {open ? (
        <div className="tiles" id={gridId} data-testid="all-metrics">
          {rest.map((key) => (
            <MetricTile key={key} metric={key} />
          ))}
        </div>
      ) : null}
    </section>
  );
}

function MetricTile({ metric, className = '' }: { metric: MetricKey; className?: string }) {
  const { t, fmt, metricLabel } = useI18n();
  const value = useAppStore((s) => s.snapshot?.totals[metric] ?? null);
  const recent = useAppStore((s) => s.snapshot?.windows.m5.current[metric] ?? null);
  const before = useAppStore((s) => s.snapshot?.windows.m5.previous[metric] ?? null);
  const kind = metricKinds[metric];
  return (
    <div className={`tile ${className}`} data-testid={`metric-${metric}`} data-value={value ?? ''} data-kind={kind} title={t('metrics.changeHint')}>
      <div className="tile__label">{metricLabel(metric)}</div>
      <div className="tile__value num">{fmt.metric(kind, value)}</div>
      <div className="tile__foot num">
        <span className="tile__recent">{t('metrics.recent', { value: fmt.metric(kind, recent) })}</span>
        <ChangeBadge change={windowChange(kind, recent, before)} />
      </div>
    </div>
  );
}
