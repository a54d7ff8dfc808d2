import { funnelSteps } from '../../../shared/recap/funnel.js';
import type { MetricValues } from '../../../shared/metrics/keys.js';
import { useAppStore, useI18n } from '../app-context.js';
import { FunnelSteps, type FunnelRow } from '../common/FunnelSteps.js';

/** The live rates: the METRICS.md keys where there is one, the plain ratio of the two steps for viewer → product exposure. */
const liveRates: readonly ((totals: MetricValues) => number | null)[] = [
  () => null,
  (m) => m.impressionViewRate,
  (m) => (m.uv ? (m.exposureUsers ?? 0) / m.uv : null),
  (m) => m.exposureClickRate,
  (m) => m.clickBuyRate,
];

/** 五维四率 of the live session: room impressions → viewers → product exposure → clicks → buyers. */
export function Funnel() {
  const { t } = useI18n();
  const totals = useAppStore((s) => s.snapshot?.totals ?? null);
  const rows: FunnelRow[] = funnelSteps.map((step, i) => ({ step, count: totals?.[step] ?? null, rate: totals ? (liveRates[i]?.(totals) ?? null) : null }));
  return (
    <section className="panel funnel">
      <h3 className="panel__title">{t('funnel.title')}</h3>
      <FunnelSteps rows={rows} testIdPrefix="funnel" />
    </section>
  );
}
