import { languages, type Language } from '../../../../shared/api/settings.js';
import type { WanDecimals } from '../../../../shared/format/numbers.js';
import { selectWanDecimals } from '../../../state/selectors.js';
import type { UpColor } from '../../../state/ui-prefs.js';
import { useAppStore, useI18n } from '../../app-context.js';
import { Field, SettingsSection } from './SettingsSection.js';
import { useSave } from './use-save.js';

const languageNames: Record<Language, string> = { 'zh-CN': '简体中文', en: 'English' };
const upColors: readonly UpColor[] = ['red', 'green'];
const wanDecimalChoices: readonly WanDecimals[] = [1, 2];

/** Language and the decimals of large figures (the host's settings: they switch every view live), and this page's colour convention. */
export function GeneralSettings({ language }: { language: Language }) {
  const { t } = useI18n();
  const { save, error } = useSave();
  const upColor = useAppStore((s) => s.upColor);
  const setUpColor = useAppStore((s) => s.setUpColor);
  const wanDecimals = useAppStore(selectWanDecimals);
  return (
    <SettingsSection title={t('settings.display')} error={error}>
      <Field label={t('settings.language')}>
        <select className="input" value={language} data-testid="settings-language" onChange={(e) => void save({ language: e.target.value as Language })}>
          {languages.map((l) => (
            <option key={l} value={l}>
              {languageNames[l]}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('settings.wanDecimals')}>
        <select className="input" value={wanDecimals} data-testid="settings-wan-decimals" onChange={(e) => void save({ wanDecimals: Number(e.target.value) === 2 ? 2 : 1 })}>
          {wanDecimalChoices.map((d) => (
            <option key={d} value={d}>
              {t(`settings.wanDecimals.${d}`)}
            </option>
          ))}
        </select>
      </Field>
      <fieldset className="field">
        <legend className="field__label">{t('settings.upColor')}</legend>
        <div className="radio-row">
          {upColors.map((color) => (
            <label key={color} className="radio">
              <input type="radio" name="up-color" checked={upColor === color} onChange={() => setUpColor(color)} />
              <span className={`swatch swatch--${color}`} aria-hidden="true" />
              {t(`settings.upColor.${color}`)}
            </label>
          ))}
        </div>
      </fieldset>
    </SettingsSection>
  );
}
