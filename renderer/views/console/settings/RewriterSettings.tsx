import { useState } from 'react';
import type { SettingsView } from '../../../../shared/api/settings.js';
import { useI18n } from '../../app-context.js';
import { SecretField } from './SecretField.js';
import { Field, SettingsSection } from './SettingsSection.js';
import { useSave } from './use-save.js';

/**
 * The optional AI line rewriter (润色 in the catalog editor): an
 * OpenAI-compatible endpoint of the user's choice. The API key is write-only,
 * like the gateway token; the host checks the address (https unless on this
 * machine, no credentials in it) and says why when it refuses.
 */
export function RewriterSettings({ settings }: { settings: SettingsView }) {
  const { t } = useI18n();
  const { save, saving, error } = useSave();
  const [enabled, setEnabled] = useState(settings.rewriter.enabled);
  const [baseUrl, setBaseUrl] = useState(settings.rewriter.baseUrl);
  const [model, setModel] = useState(settings.rewriter.model);
  const [key, setKey] = useState('');

  const submit = () => {
    const rewriter = { enabled, baseUrl: baseUrl.trim(), model: model.trim() };
    void save(key === '' ? { rewriter } : { rewriter, rewriterKey: key });
  };

  return (
    <SettingsSection title={t('settings.rewriter')} onSubmit={submit} saving={saving} error={error} testId="settings-rewriter">
      <label className="checkbox">
        <input type="checkbox" checked={enabled} data-testid="settings-rewriter-enabled" onChange={(e) => setEnabled(e.target.checked)} />
        {t('settings.rewriter.enabled')}
      </label>
      <Field label={t('settings.rewriter.baseUrl')} hint={t('settings.rewriter.baseUrl.hint')}>
        <input className="input" type="url" value={baseUrl} placeholder="https://api.example.com/v1" data-testid="settings-rewriter-url" onChange={(e) => setBaseUrl(e.target.value)} />
      </Field>
      <Field label={t('settings.rewriter.model')}>
        <input className="input" value={model} maxLength={200} placeholder="deepseek-chat / qwen-plus / gpt-4o-mini" data-testid="settings-rewriter-model" onChange={(e) => setModel(e.target.value)} />
      </Field>
      <SecretField
        label={t('settings.rewriter.key')}
        isSet={settings.hasRewriterKey}
        value={key}
        onChange={setKey}
        replacePlaceholder={t('settings.rewriter.key.placeholder')}
        forgetLabel={t('settings.rewriter.key.clear')}
        onForget={() => void save({ rewriterKey: '' })}
        saving={saving}
        inputTestId="settings-rewriter-key"
        stateTestId="rewriter-key-state"
      />
      <p className="field__hint">{t('settings.rewriter.note')}</p>
    </SettingsSection>
  );
}
