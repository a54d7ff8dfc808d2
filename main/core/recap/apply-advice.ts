/**
 * A suggestion for next time, made a change of the next plan (the plan
 * marked for the next session): a checklist task to write the missing
 * buying point, or a segment lengthened with the ones after it moved on
 * (the plan's length grows when the rundown would run past it). The change
 * goes through the plan API, so it is checked like any edit.
 */
import type { AppliedAdvice } from '../../../shared/recap/recap-api.js';
import type { Recap } from '../../../shared/api/contract.js';
import { describePlanProblem } from '../../../shared/plan/check.js';
import type { PlanBody } from '../../../shared/plan/plan.js';
import { reflow } from '../../../shared/plan/rundown.js';
import { bodyOf, PlanInputError, PlanNotFoundError, type PlanApi } from '../plan/plan-api.js';
import type { StoreReader } from '../store/reader.js';

export async function applyAdvice(recap: Recap, adviceId: string, reader: StoreReader, plans: PlanApi): Promise<AppliedAdvice> {
  const advice = recap.advice.find((a) => a.id === adviceId);
  if (!advice) throw new PlanInputError(`the recap of ${recap.session.id} has no suggestion ${adviceId}`);
  const change = advice.action;
  if (!change) throw new PlanInputError('this suggestion changes no plan');
  const next = reader.nextPlan();
  if (!next) throw new PlanNotFoundError('no plan is marked for the next session: choose one in 直播计划 first');
  const body: PlanBody = bodyOf(next);
  if (change.kind === 'addChecklistItem') {
    if (!body.checklist.some((item) => item.title === change.title)) {
      const ids = new Set(body.checklist.map((item) => item.id));
      let n = body.checklist.length + 1;
      while (ids.has(`advice-${n}`)) n++;
      body.checklist = [...body.checklist, { id: `advice-${n}`, title: change.title, critical: false, owner: '', dueBeforeMin: 24 * 60, auto: null, value: '', done: false, doneAt: null }];
    }
  } else {
    const index = body.segments.findIndex((s) => s.kind === change.segmentKind && s.title === change.segmentTitle);
    const target = index >= 0 ? index : body.segments.findIndex((s) => s.kind === change.segmentKind);
    if (target < 0) throw new PlanNotFoundError(`the next plan "${next.title}" has no segment like "${change.segmentTitle}"`);
    const lengthened = body.segments.map((s, i) => (i === target ? { ...s, plannedDurationSec: s.plannedDurationSec + change.bySec } : s));
    body.segments = reflow(lengthened);
    const endSec = Math.max(...body.segments.map((s) => s.plannedStartSec + s.plannedDurationSec));
    body.durationMin = Math.max(body.durationMin, Math.ceil(endSec / 60));
  }
  const saved = await plans.save(next.id, body);
  if (!saved.saved) throw new PlanInputError(`the next plan refused the change: ${saved.problems.map((p) => describePlanProblem(p, 'en')).join('; ')}`);
  return { planId: next.id, planTitle: next.title, change };
}
