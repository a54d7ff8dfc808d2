import { useState } from 'react';
import type { BackupCheck } from '../../../../shared/api/data-api.js';
import { useBridge, useI18n } from '../../app-context.js';
import { SettingsSection } from './SettingsSection.js';

type Step = { kind: 'idle' } | { kind: 'busy' } | { kind: 'backedUp'; file: string } | { kind: 'confirm'; check: BackupCheck } | { kind: 'restored'; keptAs: string | null };

/**
 * 数据: back up now, restore from a backup. The desktop app only: its own
 * dialog picks the folder and the file (a web page never names a path on the
 * host), and a restore is confirmed after the backup was checked, saying what
 * it replaces.
 */
export function DataSettings({ dataFolder }: { dataFolder: string }) {
  const { t, language } = useI18n();
  const bridge = useBridge();
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const [error, setError] = useState<string | null>(null);

  if (bridge.transport !== 'ipc') {
    return (
      <SettingsSection title={t('data.title')} testId="settings-data">
        <p className="field__hint" data-testid="data-desktop-only">
          {t('data.desktopOnly', { folder: dataFolder })}
        </p>
      </SettingsSection>
    );
  }

  const run = async <T,>(work: () => Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>, done: (value: T) => Step) => {
    setError(null);
    setStep({ kind: 'busy' });
    const reply = await work();
    if (reply.ok) setStep(done(reply.value));
    else {
      setError(reply.error.message);
      setStep({ kind: 'idle' });
    }
  };
  const backUp = () => run(() => bridge.request('backupData', {}), (done) => (done === null ? { kind: 'idle' } : { kind: 'backedUp', file: done.file }));
  const choose = () => run(() => bridge.request('chooseRestore', {}), (check) => (check === null ? { kind: 'idle' } : { kind: 'confirm', check }));
  const restore = () => run(() => bridge.request('restoreData', {}), (done) => ({ kind: 'restored', keptAs: done.previousKeptAs }));
  const busy = step.kind === 'busy';

  return (
    <SettingsSection title={t('data.title')} error={error} testId="settings-data">
      <p className="field__hint">{t('data.hint')}</p>
      <div className="settings__actions">
        <button type="button" className="button button--primary" disabled={busy} data-testid="data-backup" onClick={() => void backUp()}>
          {t('data.backup')}
        </button>
        <button type="button" className="button" disabled={busy} data-testid="data-restore" onClick={() => void choose()}>
          {t('data.restore')}
        </button>
      </div>
      {step.kind === 'backedUp' ? <p role="status">{t('data.backedUp', { file: step.file })}</p> : null}
      {step.kind === 'restored' ? <p role="status">{step.keptAs === null ? t('data.restored') : t('data.restoredKept', { file: step.keptAs })}</p> : null}
      {step.kind === 'confirm' ? (
        <div className="data-restore" role="alertdialog" data-testid="data-restore-confirm">
          <p>
            {t('data.checked', {
              file: step.check.file,
              sessions: step.check.sessions,
              newest: step.check.newestSessionAt === null ? t('data.noSession') : new Date(step.check.newestSessionAt).toLocaleString(language),
            })}
          </p>
          <p className="form-error">{t('data.restoreWarning')}</p>
          <div className="settings__actions">
            <button type="button" className="button button--danger" data-testid="data-restore-go" onClick={() => void restore()}>
              {t('data.restoreConfirm')}
            </button>
            <button type="button" className="button" onClick={() => setStep({ kind: 'idle' })}>
              {t('data.cancel')}
            </button>
          </div>
        </div>
      ) : null}
    </SettingsSection>
  );
}
