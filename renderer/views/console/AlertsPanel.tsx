import type { Alert } from '../../state/alerts.js';
import { useActions, useAppStore, useI18n } from '../app-context.js';

/** Conditions that need someone's attention now; calm when there are none. */
export function AlertsPanel() {
  const { t, fmt, intentLabel } = useI18n();
  const alerts = useAppStore((s) => s.alerts);
  const message = (alert: Alert) => {
    const { count, percent, intent } = alert.params;
    return t(alert.message, {
      ...alert.params,
      ...(typeof count === 'number' ? { count: fmt.count(count) } : {}),
      ...(typeof percent === 'number' ? { percent: fmt.rate(percent) } : {}),
      ...(typeof intent === 'string' ? { intent: intentLabel(intent as never) } : {}),
    });
  };
  return (
    <section className="panel alerts" aria-live="polite">
      <h3 className="panel__title">
        {t('alerts.title')}
        {alerts.length > 0 ? <span className="count-badge num">{alerts.length}</span> : null}
      </h3>
      {alerts.length === 0 ? (
        <p className="alerts__clear">{t('alerts.none')}</p>
      ) : (
        <ul className="alerts__list">
          {alerts.map((alert) => (
            <li key={alert.id} className={`alert alert--${alert.severity}`} data-testid={`alert-${alert.id}`}>
              <span className="alert__text">{message(alert)}</span>
              {alert.actions?.length ? <AlertActions alert={alert} /> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** An alert's way out: open the question groups, pin the product the questions are about. */
function AlertActions({ alert }: { alert: Alert }) {
  const { t } = useI18n();
  const actions = useActions();
  const setFilter = useAppStore((s) => s.setCommentFilter);
  return (
    <span className="alert__actions">
      {alert.actions!.map((action) =>
        action.kind === 'openQuestionGroups' ? (
          <button key={action.kind} type="button" className="button button--small" data-testid="alert-open-groups" onClick={() => setFilter('groups')}>
            {t('alerts.openGroups')}
          </button>
        ) : (
          <button key={action.kind} type="button" className="button button--small" data-testid="alert-pin" onClick={() => void actions.pinProduct(action.productId)}>
            {t('alerts.pinProduct')}
          </button>
        ),
      )}
    </span>
  );
}
