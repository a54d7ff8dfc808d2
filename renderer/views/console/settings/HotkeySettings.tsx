import { useState, type KeyboardEvent } from 'react';
import type { Hotkeys } from '../../../../shared/api/settings.js';
import type { MessageKey } from '../../../i18n/i18n.js';
import { acceleratorFromKey, acceleratorLabel } from '../../../shortcuts/accelerator.js';
import { useI18n } from '../../app-context.js';
import { Field, SettingsSection } from './SettingsSection.js';
import { useSave } from './use-save.js';

const hotkeyLabels: Record<keyof Hotkeys, MessageKey> = {
  pinProductPrefix: 'hotkey.pinProductPrefix',
  unpin: 'hotkey.unpin',
  markMoment: 'hotkey.markMoment',
  toggleOverlay: 'hotkey.toggleOverlay',
  toggleClickThrough: 'hotkey.toggleClickThrough',
  suggestionUsed: 'hotkey.suggestionUsed',
  suggestionDismissed: 'hotkey.suggestionDismissed',
  advanceSegment: 'hotkey.advanceSegment',
};
const hotkeyNames = Object.keys(hotkeyLabels) as (keyof Hotkeys)[];

/** The host's global hotkeys (they work while another app has focus), recorded from a key press. */
export function HotkeySettings({ hotkeys }: { hotkeys: Hotkeys }) {
  const { t } = useI18n();
  const { save, saving, error } = useSave();
  const [draft, setDraft] = useState(hotkeys);
  return (
    <SettingsSection title={t('settings.hotkeys')} onSubmit={() => void save({ hotkeys: draft })} saving={saving} error={error} testId="settings-hotkeys">
      <p className="field__hint">{t('settings.hotkeys.hint')}</p>
      {hotkeyNames.map((name) => (
        <Field key={name} label={t(hotkeyLabels[name])}>
          <AcceleratorInput
            value={draft[name]}
            modifiersOnly={name === 'pinProductPrefix'}
            onChange={(accelerator) => setDraft((d) => ({ ...d, [name]: accelerator }))}
          />
        </Field>
      ))}
    </SettingsSection>
  );
}

function AcceleratorInput({ value, modifiersOnly, onChange }: { value: string; modifiersOnly: boolean; onChange(accelerator: string): void }) {
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const plain = !event.ctrlKey && !event.metaKey && !event.altKey && !event.shiftKey;
    if (plain && event.key === 'Tab') return;
    event.preventDefault();
    if (plain && (event.key === 'Backspace' || event.key === 'Delete')) return onChange('');
    if (plain && event.key === 'Escape') return event.currentTarget.blur();
    const accelerator = acceleratorFromKey(event, modifiersOnly);
    if (accelerator !== null) onChange(accelerator);
  };
  const shown = acceleratorLabel(value);
  return <input className="input input--accelerator num" readOnly value={modifiersOnly && value !== '' ? `${shown} + 1…9` : shown} onKeyDown={onKeyDown} />;
}
