import { useState } from 'react';
import type { Settings } from '../../../../shared/api/settings.js';
import { useI18n } from '../../app-context.js';
import { Field, SettingsSection } from './SettingsSection.js';
import { useSave } from './use-save.js';

/** Overlay options apply as they change: the host shows them on the overlay at once. */
export function OverlaySettings({ overlay }: { overlay: Settings['overlay'] }) {
  const { t } = useI18n();
  const { save, error } = useSave();
  const [opacity, setOpacity] = useState(overlay.opacity);
  // The slider moves freely; the setting is saved when it is let go, not on every step.
  const commitOpacity = () => {
    if (opacity !== overlay.opacity) void save({ overlay: { opacity } });
  };
  return (
    <SettingsSection title={t('settings.overlay')} error={error} testId="settings-overlay">
      <Field label={`${t('settings.overlay.opacity')} · ${Math.round(opacity * 100)}%`}>
        <input
          className="range"
          type="range"
          min={0.3}
          max={1}
          step={0.01}
          value={opacity}
          onChange={(e) => setOpacity(Number(e.target.value))}
          onPointerUp={commitOpacity}
          onKeyUp={commitOpacity}
          onBlur={commitOpacity}
        />
      </Field>
      <label className="checkbox">
        <input type="checkbox" checked={overlay.clickThrough} onChange={(e) => void save({ overlay: { clickThrough: e.target.checked } })} />
        {t('settings.overlay.clickThrough')}
      </label>
      <label className="checkbox">
        <input type="checkbox" checked={overlay.visible} onChange={(e) => void save({ overlay: { visible: e.target.checked } })} />
        {t('settings.overlay.visible')}
      </label>
    </SettingsSection>
  );
}
