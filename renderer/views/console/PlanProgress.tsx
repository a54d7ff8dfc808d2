import { goalLabels } from '../../../shared/plan/labels.js';
import { goalProgress } from '../../../shared/plan/pacing.js';
import { planEndSec, rateGoalKeys } from '../../../shared/plan/plan.js';
import { scaleRundown } from '../../../shared/plan/rundown.js';
import { useActions, useAppStore, useI18n } from '../app-context.js';
import { segmentName, useLivePlan } from '../common/use-plan.js';

/**
 * Plan against actual while the stream runs: every segment's planned and real
 * start and end (over time in words), the current one's countdown with the
 * button (and the N key) that moves on, and each goal's progress against the
 * goal and against the pace the plan needs at this minute.
 */
export function PlanProgress() {
  const { t, fmt, language } = useI18n();
  const actions = useActions();
  const live = useLivePlan();
  const totals = useAppStore((s) => s.snapshot?.totals ?? null);
  if (!live || !totals) return null;
  const { view, state, now } = live;
  const startedAt = view.sessionStartedAt ?? now;
  const timed = scaleRundown(view.plan, view.timeScale);
  const runs = new Map(view.runs.map((r) => [r.segmentId, r]));
  const into = (at: number) => fmt.elapsed(Math.max(0, at - startedAt));
  const progress = goalProgress(view.plan.goals, totals, (now - startedAt) / 1000 / view.timeScale, planEndSec(view.plan));
  const lang = language === 'zh-CN' ? 'zh' : 'en';
  const format = (key: (typeof progress)[number]['key'], value: number | null) => (key === 'gmv' ? fmt.money(value) : rateGoalKeys.has(key) ? fmt.rate(value) : fmt.count(value));
  return (
    <section className="panel plan-progress" data-testid="plan-progress">
      <h3 className="panel__title">
        <span>
          {t('planProgress.title', { title: view.plan.title })}
          {view.rehearsal ? <span className="rehearsal-badge" data-testid="rehearsal-badge">{t('rehearsal.badge', { speed: view.timeScale })}</span> : null}
        </span>
        <button type="button" className="button button--small" data-testid="plan-advance" disabled={state.status !== 'running'} onClick={() => void actions.advanceSegment()}>
          {state.next ? t('planProgress.advance') : t('planProgress.finish')} <kbd className="button__key">N</kbd>
        </button>
      </h3>
      <ol className="plan-progress__segments">
        {timed.segments.map((segment, index) => {
          const run = runs.get(segment.id);
          const plannedStart = startedAt + segment.plannedStartSec * 1000;
          const current = state.currentIndex === index;
          const plannedMs = segment.plannedDurationSec * 1000;
          const ranMs = run ? (run.endedAt ?? now) - run.startedAt : 0;
          const overMs = run && ranMs > plannedMs ? ranMs - plannedMs : 0;
          return (
            <li
              key={segment.id}
              className={`plan-progress__segment ${current ? 'plan-progress__segment--current' : ''} ${run?.endedAt != null ? 'plan-progress__segment--done' : ''}`}
              data-testid="plan-progress-segment"
              data-segment-id={segment.id}
              data-state={current ? 'current' : run ? 'done' : 'planned'}
            >
              <span className="plan-progress__name">{segmentName(view.plan.segments[index]!, language)}</span>
              <span className="plan-progress__times num">
                {t('planProgress.planned', { from: into(plannedStart), to: into(plannedStart + plannedMs) })}
                {run ? ` · ${t('planProgress.actual', { from: into(run.startedAt), to: run.endedAt === null ? t('planProgress.now') : into(run.endedAt) })}` : ''}
              </span>
              {current && state.current ? (
                <span className={`plan-progress__countdown num ${state.current.remainingMs < 0 ? 'plan-progress__countdown--over' : ''}`} data-testid="plan-progress-countdown">
                  {state.current.remainingMs < 0 ? t('rundown.over', { time: fmt.elapsed(-state.current.remainingMs) }) : fmt.elapsed(state.current.remainingMs)}
                </span>
              ) : overMs > 0 ? (
                <span className="plan-progress__over num">{t('rundown.over', { time: fmt.elapsed(overMs) })}</span>
              ) : null}
            </li>
          );
        })}
      </ol>
      {progress.length > 0 ? (
        <ul className="plan-progress__goals">
          {progress.map((g) => (
            <li key={g.key} className="plan-progress__goal" data-testid={`plan-goal-progress-${g.key}`} data-on-track={String(g.onTrack)}>
              <span className="plan-progress__goal-label">
                {goalLabels[g.key][lang]}
                <span className="num">
                  {format(g.key, g.actual)} / {format(g.key, g.goal)}
                </span>
              </span>
              <span className="plan-progress__bar" role="meter" aria-valuemin={0} aria-valuemax={g.goal} aria-valuenow={g.actual ?? 0} aria-label={goalLabels[g.key][lang]}>
                <span className={`plan-progress__fill ${g.onTrack === false ? 'plan-progress__fill--behind' : ''}`} style={{ width: `${Math.min(100, (g.fraction ?? 0) * 100)}%` }} />
                {g.pace !== null && g.goal > 0 ? <span className="plan-progress__pace" style={{ left: `${Math.min(100, (g.pace / g.goal) * 100)}%` }} title={t('planProgress.pace', { value: format(g.key, g.pace) })} /> : null}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
