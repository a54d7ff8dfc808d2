/**
 * Alerts the console derives from what it already holds: nothing here needs
 * the host beyond the state stream. Each alert names a message and its
 * parameters; the panel translates them.
 */
import type { CoreSnapshot } from '../../shared/api/contract.js';
import type { CommentIntent } from '../../shared/comments/intents.js';
import type { TransportStatus } from '../bridge/client-bridge.js';
import type { CommentLog } from '../comments/comment-log.js';
import type { MessageKey, MessageParams } from '../i18n/i18n.js';

/** What an alert offers to do about itself: open the question groups, pin the product it concerns. */
export type AlertAction = { kind: 'openQuestionGroups' } | { kind: 'pinProduct'; productId: string };

export interface Alert {
  /** Stable while the condition lasts, so the panel does not re-animate it on every update. */
  id: string;
  severity: 'critical' | 'warning';
  message: MessageKey;
  params: MessageParams;
  actions?: AlertAction[];
}

/** Questions waiting over QUESTION_WAIT_MS, and the product and intent most of them are about. */
export interface WaitingQuestions {
  count: number;
  top: { productId: string | null; intent: CommentIntent } | null;
}

export interface AlertInputs {
  transport: TransportStatus;
  snapshot: CoreSnapshot | null;
  /** Gaps already known at the session's first snapshot here: only later ones are new. */
  gapsAtStart: number;
  rejectedLastMinute: number;
  waitingQuestions: WaitingQuestions;
}

/** Online viewers falling by more than this share within 5 minutes is an alert. */
export const ONLINE_DROP_SHARE = 0.2;
export const QUESTION_WAIT_MS = 60_000;
/** A question older than this is history, not a buyer still waiting: it no longer raises an alert. */
export const QUESTION_STALE_MS = 5 * 60_000;

export function deriveAlerts({ transport, snapshot, gapsAtStart, rejectedLastMinute, waitingQuestions }: AlertInputs): Alert[] {
  const alerts: Alert[] = [];
  if (transport.state === 'disconnected') alerts.push({ id: 'transport', severity: 'critical', message: 'alerts.transport', params: {} });
  if (snapshot === null) return alerts;

  const { connection, ingest, windows } = snapshot;
  if (connection.state === 'reconnecting') {
    alerts.push({ id: 'reconnecting', severity: 'critical', message: 'alerts.reconnecting', params: { attempt: connection.attempt } });
  } else if (connection.state === 'failed') {
    alerts.push({ id: 'failed', severity: 'critical', message: 'alerts.failed', params: { error: connection.error ?? '—' } });
  }

  const newGaps = ingest.gaps.length - gapsAtStart;
  const latestGap = ingest.gaps[ingest.gaps.length - 1];
  if (newGaps > 0 && latestGap) {
    alerts.push({ id: 'gaps', severity: 'warning', message: 'alerts.gaps', params: { count: newGaps, from: latestGap.fromSeq, to: latestGap.toSeq } });
  }
  if (rejectedLastMinute > 0) {
    alerts.push({ id: 'rejected', severity: 'warning', message: 'alerts.rejected', params: { count: rejectedLastMinute } });
  }

  const online = windows.m5.current.onlineViewers;
  const before = windows.m5.previous.onlineViewers;
  if (online !== null && before !== null && before > 0 && online < before * (1 - ONLINE_DROP_SHARE)) {
    // A fraction: the panel writes it as a rate (20.5%), as it writes counts.
    alerts.push({ id: 'online-drop', severity: 'warning', message: 'alerts.onlineDrop', params: { percent: (before - online) / before } });
  }
  const { count, top } = waitingQuestions;
  if (count > 0 && top) {
    const product = top.productId === null ? null : (snapshot.products.find((p) => p.id === top.productId) ?? null);
    const actions: AlertAction[] = [{ kind: 'openQuestionGroups' }];
    // Pinning the product they ask about puts its card in front of the host while the questions are answered.
    if (product && snapshot.onAir?.productId !== product.id) actions.push({ kind: 'pinProduct', productId: product.id });
    alerts.push({
      id: 'waiting-questions',
      severity: 'warning',
      message: product ? 'alerts.waitingQuestionsAbout' : 'alerts.waitingQuestions',
      params: product ? { count, product: product.title, intent: top.intent } : { count },
      actions,
    });
  }
  return alerts;
}

/** Unanswered questions asked between QUESTION_STALE_MS and QUESTION_WAIT_MS before `now` (event time), and their largest group. */
export function countWaitingQuestions(log: CommentLog, now: number): WaitingQuestions {
  let count = 0;
  const groups = new Map<string, { productId: string | null; intent: CommentIntent; n: number }>();
  // The log is in seq order, which is time order: walk back from the newest until questions are stale.
  for (let i = log.size - 1; i >= 0; i--) {
    const comment = log.at(i)!;
    const age = now - comment.ts;
    if (age > QUESTION_STALE_MS) break;
    if (age <= QUESTION_WAIT_MS || !comment.question || comment.answered) continue;
    count++;
    const key = `${comment.productId ?? ''}|${comment.intent}`;
    const group = groups.get(key) ?? { productId: comment.productId, intent: comment.intent, n: 0 };
    group.n++;
    groups.set(key, group);
  }
  let top: WaitingQuestions['top'] = null;
  let most = 0;
  for (const { productId, intent, n } of groups.values()) if (n > most) [top, most] = [{ productId, intent }, n];
  return { count, top };
}

/** Same alerts (ids and parameters) as before: keeps the previous array so subscribers do not re-render. */
export function sameAlerts(a: readonly Alert[], b: readonly Alert[]): boolean {
  return a.length === b.length && a.every((alert, i) => alert.id === b[i]!.id && JSON.stringify(alert.params) === JSON.stringify(b[i]!.params));
}
