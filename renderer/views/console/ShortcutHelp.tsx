import { shortcutHelp } from '../../shortcuts/keymap.js';
import { useAppStore, useI18n } from '../app-context.js';

export function ShortcutHelp() {
  const { t } = useI18n();
  const open = useAppStore((s) => s.helpOpen);
  const setHelpOpen = useAppStore((s) => s.setHelpOpen);
  if (!open) return null;
  return (
    <div className="modal-backdrop" onClick={() => setHelpOpen(false)}>
      <div className="modal" role="dialog" aria-modal="true" aria-labelledby="shortcut-help-title" data-testid="shortcut-help" onClick={(e) => e.stopPropagation()}>
        <h2 id="shortcut-help-title" className="modal__title">
          {t('shortcuts.title')}
        </h2>
        <dl className="shortcut-list">
          {shortcutHelp.map(({ keys, label }) => (
            <div key={keys} className="shortcut-list__item">
              <dt>
                <kbd className="hotkey hotkey--wide">{keys}</kbd>
              </dt>
              <dd>{t(label)}</dd>
            </div>
          ))}
        </dl>
        <p className="modal__note">{t('shortcuts.note')}</p>
        <button type="button" className="button" onClick={() => setHelpOpen(false)}>
          {t('shortcuts.close')} <kbd className="button__key">Esc</kbd>
        </button>
      </div>
    </div>
  );
}
