import { useState } from 'react';
import { defaultHeadlineMetrics, MAX_HEADLINE_METRICS } from '../../../../shared/api/settings.js';
import { metricKeys, type MetricKey } from '../../../../shared/metrics/keys.js';
import { useI18n } from '../../app-context.js';
import { SettingsSection } from './SettingsSection.js';
import { useSave } from './use-save.js';

/**
 * Which figures the live screen shows large above the products. A tick adds a
 * figure at the end, so the headline reads in the order chosen; the last one
 * cannot be unticked and a ninth cannot be ticked (the schema's limits).
 * Saved as it changes, like the overlay's options: the ticks move at once and
 * go back if the host refuses.
 */
export function HeadlineSettings({ headline: saved }: { headline: readonly MetricKey[] }) {
  const { t, metricLabel } = useI18n();
  const { save, saving, error } = useSave();
  const [headline, setHeadline] = useState(saved);
  const change = async (next: readonly MetricKey[]) => {
    setHeadline(next);
    if ((await save({ headlineMetrics: [...next] })) !== null) setHeadline(saved);
  };
  const chosen = new Set(headline);
  const full = headline.length >= MAX_HEADLINE_METRICS;
  const isDefault = headline.join() === defaultHeadlineMetrics.join();
  const toggle = (key: MetricKey, on: boolean) => void change(on ? [...headline, key] : headline.filter((k) => k !== key));
  return (
    <SettingsSection title={t('settings.headline')} error={error} testId="settings-headline">
      <p className="field__hint">{t('settings.headline.hint', { max: MAX_HEADLINE_METRICS })}</p>
      <div className="headline-settings__bar">
        <span className="chip" data-testid="settings-headline-count">
          {t('settings.headline.count', { count: headline.length, max: MAX_HEADLINE_METRICS })}
        </span>
        <button
          type="button"
          className="button button--small"
          disabled={saving || isDefault}
          onClick={() => void change(defaultHeadlineMetrics)}
        >
          {t('settings.headline.reset')}
        </button>
      </div>
      <ul className="headline-settings__list">
        {metricKeys.map((key) => {
          const on = chosen.has(key);
          const position = headline.indexOf(key) + 1;
          return (
            <li key={key}>
              <label className="checkbox headline-settings__item">
                <input
                  type="checkbox"
                  checked={on}
                  disabled={saving || (on ? headline.length <= 1 : full)}
                  data-testid={`settings-headline-${key}`}
                  onChange={(e) => toggle(key, e.target.checked)}
                />
                <span className="headline-settings__label">{metricLabel(key)}</span>
                {on ? <span className="headline-settings__position num">{position}</span> : null}
              </label>
            </li>
          );
        })}
      </ul>
    </SettingsSection>
  );
}
