import type { FormEvent, ReactNode } from 'react';
import { useI18n } from '../../app-context.js';

interface SettingsSectionProps {
  title: string;
  children: ReactNode;
  /** With a submit handler the section is a form with a Save button and the host's error under it. */
  onSubmit?: () => void;
  saving?: boolean;
  error?: string | null;
  testId?: string;
}

export function SettingsSection({ title, children, onSubmit, saving = false, error = null, testId }: SettingsSectionProps) {
  const { t } = useI18n();
  const body = (
    <>
      <h3 className="panel__title">{title}</h3>
      <div className="settings__fields">{children}</div>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
    </>
  );
  if (!onSubmit) {
    return (
      <section className="panel settings__section" data-testid={testId}>
        {body}
      </section>
    );
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <form className="panel settings__section" onSubmit={submit} data-testid={testId}>
      {body}
      <div className="settings__actions">
        <button type="submit" className="button button--primary" disabled={saving}>
          {t('settings.save')}
        </button>
      </div>
    </form>
  );
}

export function Field({ label, hint, children }: { label: string; hint?: string; children: ReactNode }) {
  return (
    <label className="field">
      <span className="field__label">{label}</span>
      {children}
      {hint ? <span className="field__hint">{hint}</span> : null}
    </label>
  );
}
