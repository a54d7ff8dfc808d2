import type { Recap } from '../../../../shared/api/contract.js';
import { metricKeys, type MetricKey } from '../../../../shared/metrics/keys.js';
import { planGoalKeys, type PlanGoalKey } from '../../../../shared/plan/plan.js';
import { metricKinds } from '../../../metrics/metric-kinds.js';
import { useI18n } from '../../app-context.js';
import { Difference } from './Difference.js';
import { RecapSection } from './RecapSection.js';

/** The 25 totals in two tables side by side (traffic and engagement, then products and money), so the charts stay near the top. */
const halves = [metricKeys.slice(0, 12), metricKeys.slice(12)];

const isGoalKey = (key: MetricKey): key is PlanGoalKey => (planGoalKeys as readonly string[]).includes(key);

/**
 * Every METRICS.md total of the session, in the table's order: against the
 * plan's goal where it set one, and against the average of the room's
 * previous sessions (up to five) with the difference.
 */
export function SummaryTable({ recap }: { recap: Recap }) {
  const { t, fmt, metricLabel } = useI18n();
  const goals = recap.plan?.goals ?? {};
  const hasGoals = Object.keys(goals).length > 0;
  const baseline = recap.baseline;
  const show = (key: MetricKey, value: number | null | undefined) => (value === undefined ? '—' : fmt.metric(metricKinds[key], value));
  const goalOf = (key: MetricKey) => (isGoalKey(key) ? goals[key] : undefined);
  return (
    <RecapSection title={t('recap.summary')} testId="recap-summary">
      {baseline === null ? <p className="recap__notice">{t('recap.baseline.none')}</p> : null}
      <div className="recap__pair recap__summary-halves">
        {halves.map((keys) => (
          <div key={keys[0]} className="recap__scroll">
            <table className="recap__summary">
              <thead>
                <tr>
                  <th>{t('recap.metric')}</th>
                  <th className="num">{t('recap.actual')}</th>
                  {hasGoals ? <th className="num">{t('recap.goal')}</th> : null}
                  {hasGoals ? <th className="num">{t('recap.reached')}</th> : null}
                  {baseline ? <th className="num">{t('recap.average', { count: baseline.sessions })}</th> : null}
                  {baseline ? <th className="num">{t('recap.vsAverage')}</th> : null}
                </tr>
              </thead>
              <tbody>
                {keys.map((key) => {
                  const value = recap.totals[key];
                  const goal = goalOf(key);
                  return (
                    <tr key={key} data-testid={`recap-summary-${key}`}>
                      <th scope="row">{metricLabel(key)}</th>
                      <td className="num">{show(key, value)}</td>
                      {hasGoals ? <td className="num">{show(key, goal)}</td> : null}
                      {hasGoals ? <td className="num">{goal && value !== null ? fmt.rate(value / goal) : '—'}</td> : null}
                      {baseline ? <td className="num">{show(key, baseline.totals[key])}</td> : null}
                      {baseline ? (
                        <td className="num">
                          <Difference kind={metricKinds[key]} value={value} base={baseline.totals[key]} />
                        </td>
                      ) : null}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        ))}
      </div>
    </RecapSection>
  );
}
