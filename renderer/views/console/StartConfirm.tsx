import { useState } from 'react';
import { useActions, useAppStore, useI18n } from '../app-context.js';
import { itemTitle } from '../common/Readiness.js';

const WHO_KEY = 'livecue.startConfirmedBy';

/**
 * The room went live with critical checklist items open: the console asks the
 * assistant to confirm, and records who did and when (kept for the recap).
 */
export function StartConfirm() {
  const { t, language } = useI18n();
  const actions = useActions();
  const view = useAppStore((s) => (s.snapshot?.plan?.needsConfirmation ? s.snapshot.plan : null));
  const [who, setWho] = useState(() => localStorage.getItem(WHO_KEY) ?? '');
  const [later, setLater] = useState(false);
  if (!view || later) return null;
  const confirm = () => {
    const by = who.trim();
    if (by === '') return;
    localStorage.setItem(WHO_KEY, by);
    void actions.confirmStart(by);
  };
  return (
    <div className="dialog-backdrop">
      <form
        className="dialog panel"
        role="alertdialog"
        aria-labelledby="start-confirm-title"
        data-testid="start-confirm"
        onSubmit={(e) => {
          e.preventDefault();
          confirm();
        }}
        onKeyDown={(e) => {
          if (e.key === 'Escape') setLater(true);
        }}
      >
        <h2 id="start-confirm-title" className="dialog__title">
          {t('startConfirm.title', { count: view.readiness.blockers.length })}
        </h2>
        <ul className="dialog__list">
          {view.readiness.blockers.map((b) => (
            <li key={b.item.id}>{itemTitle(b, language)}</li>
          ))}
        </ul>
        <label className="field">
          <span className="field__label">{t('startConfirm.who')}</span>
          <input className="input" autoFocus data-testid="start-confirm-who" value={who} maxLength={40} onChange={(e) => setWho(e.target.value)} />
        </label>
        <div className="dialog__actions">
          <button type="button" className="button button--ghost" onClick={() => setLater(true)}>
            {t('startConfirm.later')}
          </button>
          <button type="submit" className="button button--danger" data-testid="start-confirm-go" disabled={who.trim() === ''}>
            {t('startConfirm.go')}
          </button>
        </div>
      </form>
    </div>
  );
}
