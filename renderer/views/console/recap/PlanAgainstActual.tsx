import type { Recap } from '../../../../shared/api/contract.js';
import { useI18n } from '../../app-context.js';
import { segmentLabel } from './chart-model.js';
import { RecapSection } from './RecapSection.js';

/** The rundown as planned against as it ran, and starts confirmed with critical items open; an empty state when the session ran no plan. */
export function PlanAgainstActual({ recap }: { recap: Recap }) {
  const { t, fmt, language } = useI18n();
  if (!recap.plan) {
    return (
      <RecapSection title={t('recap.plan')} testId="recap-no-plan">
        <p className="recap__no-plan">{t('recap.noPlan')}</p>
      </RecapSection>
    );
  }
  const start = recap.session.startedAt;
  const at = (ms: number | null) => (ms === null ? '—' : fmt.elapsed(Math.max(0, ms - start)));
  return (
    <RecapSection title={t('recap.planTitle', { title: recap.plan.title })} testId="recap-plan">
      <div className="recap__scroll">
        <table className="recap__table">
          <thead>
            <tr>
              <th>{t('recap.segment')}</th>
              <th>{t('recap.planned')}</th>
              <th>{t('recap.ran')}</th>
            </tr>
          </thead>
          <tbody>
            {recap.plan.segments.map((s) => (
              <tr key={s.id} data-testid="recap-plan-segment">
                <td>{segmentLabel(s, language)}</td>
                <td className="num">
                  {fmt.elapsed(s.plannedStartSec * 1000)}–{fmt.elapsed((s.plannedStartSec + s.plannedDurationSec) * 1000)}
                </td>
                <td className="num">{s.actualStartedAt === null ? t('recap.didNotRun') : `${at(s.actualStartedAt)}–${at(s.actualEndedAt)}${s.advancedBy === 'manual' ? ` · ${t('recap.byHand')}` : ''}`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {recap.plan.overrides.map((o) => (
        <p key={o.at} className="recap__override">
          {t('recap.override', { by: o.by, time: at(o.at), items: o.openItems.join('、') })}
        </p>
      ))}
    </RecapSection>
  );
}
