import { describePlanProblem, type PlanProblem } from '../../../../shared/plan/check.js';
import { useI18n } from '../../app-context.js';

/** A part's problems under it, as the user types: errors (refused on save) and warnings (overlaps, unplanned time). */
export function ProblemNote({ problems }: { problems: readonly PlanProblem[] }) {
  const { language } = useI18n();
  if (problems.length === 0) return null;
  return (
    <ul className="plan__problems" data-testid="plan-problems">
      {problems.map((p, i) => (
        <li key={`${p.path}-${p.code}-${i}`} className={p.code === 'overlap' || p.code === 'gap' ? 'plan__problem--warning' : 'plan__problem--error'}>
          {describePlanProblem({ ...p, path: '' }, language)}
        </li>
      ))}
    </ul>
  );
}
