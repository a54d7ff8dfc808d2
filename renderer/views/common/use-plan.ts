import type { PlanLiveView } from '../../../shared/plan/plan-api.js';
import type { Segment } from '../../../shared/plan/plan.js';
import { segmentKindLabels } from '../../../shared/plan/labels.js';
import { rundownState, scaleRundown, type RundownState } from '../../../shared/plan/rundown.js';
import type { Language } from '../../../shared/api/settings.js';
import { useAppStore } from '../app-context.js';

export interface LivePlan {
  view: PlanLiveView;
  /** The rundown on the live room's clock (scaled in a rehearsal), as shared/plan/rundown.ts reads it. */
  state: RundownState;
  now: number;
}

/** The session's plan and where its rundown is, at the live room's time of the latest state. */
export function useLivePlan(): LivePlan | null {
  const view = useAppStore((s) => s.snapshot?.plan ?? null);
  const now = useAppStore((s) => s.snapshot?.now ?? 0);
  if (!view) return null;
  const startedAt = view.sessionStartedAt ?? now;
  return { view, state: rundownState(scaleRundown(view.plan, view.timeScale), view.runs, startedAt, now), now };
}

export const segmentName = (segment: Segment, language: Language) => segment.title || segmentKindLabels[segment.kind][language === 'zh-CN' ? 'zh' : 'en'];
