import { useAppStore, useI18n } from '../app-context.js';

/** Conditions that need someone's attention now; calm when there are none. */
export function AlertsPanel() {
  const { t } = useI18n();
  const alerts = useAppStore((s) => s.alerts);
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
              {t(alert.message, alert.params)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
