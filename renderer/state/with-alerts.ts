import { countWaitingQuestions, deriveAlerts, sameAlerts } from './alerts.js';
import type { AppState } from './app-state.js';

/** Adds the alerts of the state `change` leads to, keeping the old array when they did not change. */
export function withAlerts(state: AppState, change: Partial<AppState>): Partial<AppState> {
  const next = { ...state, ...change };
  const alerts = deriveAlerts({
    transport: next.transport,
    snapshot: next.snapshot,
    gapsAtStart: next.gapsAtStart,
    rejectedLastMinute: next.rejectedLastMinute,
    waitingQuestions: next.snapshot ? countWaitingQuestions(next.commentLog, next.snapshot.now) : { count: 0, top: null },
  });
  return sameAlerts(alerts, state.alerts) ? change : { ...change, alerts };
}
