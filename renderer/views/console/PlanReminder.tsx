import { useEffect, useState } from 'react';
import { dueReminder, reminderText } from '../../../shared/plan/reminders.js';
import { useAppStore, useBridge, useI18n } from '../app-context.js';

/** The web host's reminders before a planned stream (the desktop host shows system notifications): a banner until dismissed. */
export function PlanReminder() {
  const { t, language } = useI18n();
  const view = useAppStore((s) => (s.snapshot?.plan && s.snapshot.plan.sessionStartedAt === null ? s.snapshot.plan : null));
  const transport = useBridge().transport;
  const [now, setNow] = useState(() => Date.now());
  const [dismissed, setDismissed] = useState<string | null>(null);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  if (!view || view.plan.scheduledStart === null || transport === 'ipc') return null;
  const due = dueReminder(view.plan.scheduledStart, now);
  const key = `${view.plan.id}:${due}`;
  if (due === null || dismissed === key) return null;
  return (
    <div className="plan-reminder" role="status" data-testid="plan-reminder">
      <span>{reminderText(view.plan.title, view.plan.scheduledStart, now, view.readiness, language)}</span>
      <button type="button" className="button button--small button--ghost" onClick={() => setDismissed(key)}>
        {t('planReminder.dismiss')}
      </button>
    </div>
  );
}
