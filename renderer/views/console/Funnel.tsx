import type { MetricKey, MetricValues } from '../../../shared/metrics/keys.js';
import type { I18n } from '../../i18n/i18n.js';
import { useAppStore, useI18n } from '../app-context.js';

const steps = ['impressions', 'uv', 'exposureUsers', 'clickUsers', 'buyers'] as const satisfies readonly MetricKey[];

/**
 * The rate from each step to the next. Three are METRICS.md keys; the
 * viewer → product exposure rate has no key yet, so it is the plain ratio of
 * the two steps shown.
 */
const rates: readonly { label(i18n: I18n): string; value(totals: MetricValues): number | null }[] = [
  { label: (i) => i.metricLabel('impressionViewRate'), value: (m) => m.impressionViewRate },
  { label: (i) => i.t('funnel.exposureRate'), value: (m) => (m.uv ? (m.exposureUsers ?? 0) / m.uv : null) },
  { label: (i) => i.metricLabel('exposureClickRate'), value: (m) => m.exposureClickRate },
  { label: (i) => i.metricLabel('clickBuyRate'), value: (m) => m.clickBuyRate },
];

/** 五维四率: room impressions → viewers → product exposure → clicks → buyers. */
export function Funnel() {
  const i18n = useI18n();
  const { t, fmt, metricLabel } = i18n;
  const totals = useAppStore((s) => s.snapshot?.totals ?? null);
  return (
    <section className="panel funnel">
      <h3 className="panel__title">{t('funnel.title')}</h3>
      <ol className="funnel__steps">
        {steps.map((step, i) => {
          const rate = rates[i];
          return (
            <li key={step} className="funnel__item">
              <div className={`funnel__step funnel__step--${i}`} data-testid={`funnel-${step}`} data-value={totals?.[step] ?? ''}>
                <span className="funnel__label">{metricLabel(step)}</span>
                <span className="funnel__value num">{fmt.count(totals?.[step] ?? null)}</span>
              </div>
              {rate ? (
                <div className="funnel__rate num">
                  <span aria-hidden="true">↓</span>
                  <strong>{fmt.rate(totals ? rate.value(totals) : null)}</strong>
                  <span className="funnel__rate-label">{rate.label(i18n)}</span>
                </div>
              ) : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
