import type { FunnelStep } from '../../../shared/recap/funnel.js';
import type { I18n } from '../../i18n/i18n.js';
import { useI18n } from '../app-context.js';

/** One step of 五维四率 and the rate from the step before it (null for the first). */
export interface FunnelRow {
  step: FunnelStep;
  count: number | null;
  rate: number | null;
}

/**
 * The names of the four rates. Three are METRICS.md keys; the viewer →
 * product exposure rate has no key, so it has its own label.
 */
const rateLabels: readonly ((i18n: I18n) => string)[] = [
  (i) => i.metricLabel('impressionViewRate'),
  (i) => i.t('funnel.exposureRate'),
  (i) => i.metricLabel('exposureClickRate'),
  (i) => i.metricLabel('clickBuyRate'),
];

/** 五维四率 drawn as a funnel: room impressions → viewers → product exposure → clicks → buyers, each rate between two steps. */
export function FunnelSteps({ rows, testIdPrefix, rateLabel }: { rows: readonly FunnelRow[]; testIdPrefix: string; /** The name of the rate into row i (i ≥ 1); the METRICS.md rates' names by default. */ rateLabel?(i: number): string }) {
  const i18n = useI18n();
  const { fmt, metricLabel } = i18n;
  return (
    <ol className="funnel__steps">
      {rows.map((row, i) => (
        <li key={row.step} className="funnel__item">
          {i > 0 ? (
            <div className="funnel__rate num" data-testid={`${testIdPrefix}-rate-${row.step}`}>
              <span aria-hidden="true">↓</span>
              <strong>{fmt.rate(row.rate)}</strong>
              <span className="funnel__rate-label">{rateLabel ? rateLabel(i) : rateLabels[i - 1]?.(i18n)}</span>
            </div>
          ) : null}
          <div className={`funnel__step funnel__step--${i}`} data-testid={`${testIdPrefix}-${row.step}`} data-value={row.count ?? ''}>
            <span className="funnel__label">{metricLabel(row.step)}</span>
            <span className="funnel__value num">{fmt.count(row.count)}</span>
          </div>
        </li>
      ))}
    </ol>
  );
}
