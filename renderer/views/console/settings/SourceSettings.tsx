import { useState } from 'react';
import { demoScenarios, type SettingsView, type SourceSettings as Source } from '../../../../shared/api/settings.js';
import { useI18n } from '../../app-context.js';
import { SecretField } from './SecretField.js';
import { Field, SettingsSection } from './SettingsSection.js';
import { useSave } from './use-save.js';

type DemoScenario = (typeof demoScenarios)[number];

/**
 * Where the live data comes from. The gateway token is write-only: the host
 * never sends it back, so the field starts empty and "已保存" says one is kept.
 */
export function SourceSettings({ settings }: { settings: SettingsView }) {
  const { t } = useI18n();
  const { save, saving, error } = useSave();
  const current = settings.source;
  const [kind, setKind] = useState<Source['kind']>(current.kind);
  const [scenario, setScenario] = useState<DemoScenario>(current.kind === 'demo' ? current.scenario : demoScenarios[0]);
  const [speed, setSpeed] = useState(String(current.kind === 'demo' ? current.speed : 1));
  const [url, setUrl] = useState(current.kind === 'gateway' ? current.url : '');
  const [room, setRoom] = useState(current.kind === 'gateway' ? current.room : '');
  const [token, setToken] = useState('');

  const submit = () => {
    const source: Source = kind === 'demo' ? { kind, scenario, speed: Number(speed) } : { kind, url: url.trim(), room: room.trim() };
    void save(token === '' ? { source } : { source, gatewayToken: token });
  };

  return (
    <SettingsSection title={t('settings.source')} onSubmit={submit} saving={saving} error={error} testId="settings-source">
      <div className="radio-row">
        {(['demo', 'gateway'] as const).map((k) => (
          <label key={k} className="radio">
            <input type="radio" name="source-kind" checked={kind === k} onChange={() => setKind(k)} />
            {t(`settings.source.${k}`)}
          </label>
        ))}
      </div>
      {kind === 'demo' ? (
        <>
          <Field label={t('settings.scenario')}>
            <select className="input" value={scenario} onChange={(e) => setScenario(e.target.value as DemoScenario)}>
              {demoScenarios.map((s) => (
                <option key={s} value={s}>
                  {t(`scenario.${s}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('settings.speed')}>
            <input className="input num" type="number" min={1} max={1000} step={1} value={speed} onChange={(e) => setSpeed(e.target.value)} />
          </Field>
        </>
      ) : (
        <>
          <Field label={t('settings.gatewayUrl')}>
            <input className="input" type="url" value={url} placeholder="https://" onChange={(e) => setUrl(e.target.value)} />
          </Field>
          <Field label={t('settings.room')}>
            <input className="input" value={room} onChange={(e) => setRoom(e.target.value)} />
          </Field>
          <SecretField
            label={t('settings.token')}
            isSet={settings.hasGatewayToken}
            value={token}
            onChange={setToken}
            replacePlaceholder={t('settings.token.placeholder')}
            forgetLabel={t('settings.token.clear')}
            onForget={() => void save({ gatewayToken: '' })}
            saving={saving}
            inputTestId="settings-token"
            stateTestId="token-state"
          />
        </>
      )}
      <p className="field__hint">{t('settings.source.note')}</p>
    </SettingsSection>
  );
}
