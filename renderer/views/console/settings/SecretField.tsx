import { useI18n } from '../../app-context.js';
import { Field } from './SettingsSection.js';

interface SecretFieldProps {
  label: string;
  /** Whether the host keeps one: the secret itself is never sent back. */
  isSet: boolean;
  value: string;
  onChange(value: string): void;
  /** Shown while one is kept, e.g. "enter a new token to replace it". */
  replacePlaceholder: string;
  forgetLabel: string;
  onForget(): void;
  saving: boolean;
  inputTestId: string;
  stateTestId: string;
}

/**
 * A write-only secret (the gateway token, the rewriter's API key): the field
 * starts empty, a chip says whether one is kept, and a button forgets it.
 */
export function SecretField({ label, isSet, value, onChange, replacePlaceholder, forgetLabel, onForget, saving, inputTestId, stateTestId }: SecretFieldProps) {
  const { t } = useI18n();
  return (
    <Field label={label}>
      <div className="token-row">
        <input
          className="input"
          type="password"
          autoComplete="off"
          value={value}
          data-testid={inputTestId}
          placeholder={isSet ? replacePlaceholder : ''}
          onChange={(e) => onChange(e.target.value)}
        />
        <span className={`chip ${isSet ? 'chip--ok' : ''}`} data-testid={stateTestId}>
          {isSet ? t('settings.token.saved') : t('settings.token.none')}
        </span>
        {isSet ? (
          <button type="button" className="button button--ghost" disabled={saving} onClick={onForget}>
            {forgetLabel}
          </button>
        ) : null}
      </div>
    </Field>
  );
}
