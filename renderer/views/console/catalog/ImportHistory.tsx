/**
 * 商品库 → 导入记录: the last imports and undos, and undoing one. An undo is
 * previewed like an import (what it will add back, change and delete) and is
 * itself an entry, so it can be undone in turn.
 */
import { useCallback, useEffect, useState } from 'react';
import type { CatalogImportEntry, CatalogUndoPreview } from '../../../../shared/catalog/catalog-api.js';
import type { CatalogChanges } from '../../../../shared/catalog/import.js';
import type { ClientBridge } from '../../../bridge/client-bridge.js';
import type { I18n } from '../../../i18n/i18n.js';
import { useI18n } from '../../app-context.js';
import { ChangeSummary } from './ChangeSummary.js';

type Undo =
  | { step: 'idle' }
  | { step: 'confirm'; entry: CatalogImportEntry; label: string; preview: CatalogUndoPreview; changedSince: boolean }
  | { step: 'done'; entry: CatalogImportEntry; label: string; changes: CatalogChanges }
  | { step: 'error'; message: string };

export function useUndo(bridge: ClientBridge, onUndone: () => Promise<void>) {
  const [undo, setUndo] = useState<Undo>({ step: 'idle' });
  const ask = useCallback(
    /** `label` names the entry as the history does (describeEntry). */
    async (entry: CatalogImportEntry, label: string, changedSince = false) => {
      const reply = await bridge.request('previewCatalogUndo', { importId: entry.id });
      if (!reply.ok) return setUndo({ step: 'error', message: reply.error.code === 'not_found' ? '' : reply.error.message });
      setUndo({ step: 'confirm', entry, label, preview: reply.value, changedSince });
    },
    [bridge],
  );
  const confirm = useCallback(async () => {
    if (undo.step !== 'confirm') return;
    const reply = await bridge.request('undoCatalogImport', { importId: undo.entry.id, revision: undo.preview.revision });
    if (!reply.ok) return setUndo({ step: 'error', message: reply.error.code === 'not_found' ? '' : reply.error.message });
    if (!reply.value.undone) return ask(undo.entry, undo.label, true);
    setUndo({ step: 'done', entry: undo.entry, label: undo.label, changes: reply.value.changes });
    await onUndone();
  }, [ask, bridge, onUndone, undo]);
  return { undo, ask, confirm, close: () => setUndo({ step: 'idle' }) };
}

type UndoControls = ReturnType<typeof useUndo>;

/** What an entry was, as a line of the history names it. */
export function describeEntry(entry: CatalogImportEntry, all: readonly CatalogImportEntry[], i18n: Pick<I18n, 't'>): string {
  const { t } = i18n;
  if (entry.kind === 'import') {
    return t('catalog.history.import', { file: entry.fileName || t('catalog.history.noFile'), mode: t(`catalog.history.mode.${entry.mode ?? 'merge'}`) });
  }
  const target = all.find((e) => e.id === entry.undoes);
  return t('catalog.history.undoOf', { what: target ? describeEntry(target, all, i18n) : `#${entry.undoes ?? ''}` });
}

export function UndoPanel({ controls }: { controls: UndoControls }) {
  const { t } = useI18n();
  const { undo } = controls;
  if (undo.step === 'idle') return null;
  const what = undo.step === 'error' ? '' : undo.label;
  return (
    <section
      className={`panel catalog__report catalog__report--${undo.step === 'error' ? 'failed' : 'preview'}`}
      data-testid="catalog-undo"
      role="status"
      onKeyDown={(e) => {
        if (e.key === 'Escape') controls.close();
      }}
    >
      <div className="catalog__report-head">
        <strong>
          {undo.step === 'confirm'
            ? t('catalog.undo.title', { what })
            : undo.step === 'done'
              ? t('catalog.undo.done', { what })
              : undo.message === ''
                ? t('catalog.undo.gone')
                : t('catalog.saveFailed', { error: undo.message })}
        </strong>
        <button type="button" className="button button--ghost" onClick={controls.close}>
          {undo.step === 'confirm' ? t('catalog.import.cancel') : t('catalog.close')}
        </button>
      </div>
      {undo.step === 'confirm' ? (
        <>
          {undo.changedSince ? (
            <p className="catalog__notice" role="alert">
              {t('catalog.import.changedSince')}
            </p>
          ) : null}
          <p className="catalog__notice">{t('catalog.undo.hint')}</p>
          {undo.preview.alsoUndone.length > 0 ? (
            <p className="catalog__notice catalog__notice--warning" data-testid="catalog-undo-also">
              {t('catalog.undo.alsoUndone', { count: undo.preview.alsoUndone.length })}
            </p>
          ) : null}
          <ChangeSummary changes={undo.preview.changes} testId="catalog-undo-preview" />
          <div className="catalog__report-actions">
            <button type="button" className="button button--primary" autoFocus data-testid="catalog-undo-confirm" onClick={() => void controls.confirm()}>
              {t('catalog.undo.confirm')}
            </button>
          </div>
        </>
      ) : null}
      {undo.step === 'done' ? <ChangeSummary changes={undo.changes} testId="catalog-undo-changes" /> : null}
    </section>
  );
}

/** The history panel: fetched when opened and after every import or undo (`version` changes). */
export function ImportHistory({ bridge, version, onUndo }: { bridge: ClientBridge; version: number; onUndo: (entry: CatalogImportEntry, label: string) => void }) {
  const i18n = useI18n();
  const { t, fmt } = i18n;
  const [entries, setEntries] = useState<CatalogImportEntry[] | { error: string } | null>(null);
  useEffect(() => {
    let mounted = true;
    void bridge.request('catalogImports', {}).then((reply) => {
      if (mounted) setEntries(reply.ok ? reply.value : { error: reply.error.message });
    });
    return () => {
      mounted = false;
    };
  }, [bridge, version]);
  if (entries === null) return null;
  if (!Array.isArray(entries)) return <p className="form-error">{t('catalog.saveFailed', { error: entries.error })}</p>;
  return (
    <section className="panel catalog__history" data-testid="catalog-history">
      <h3 className="panel__title">{t('catalog.history.title')}</h3>
      {entries.length === 0 ? (
        <p className="catalog__notice">{t('catalog.history.empty')}</p>
      ) : (
        <table className="catalog__problems">
          <thead>
            <tr>
              <th>{t('catalog.history.time')}</th>
              <th>{t('catalog.history.what')}</th>
              <th>{t('catalog.history.counts')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.id} data-testid="catalog-history-entry" data-entry-id={entry.id} data-undone={entry.undoneBy !== null}>
                <td className="num">
                  {new Date(entry.at).toLocaleDateString(i18n.language)} {fmt.clock(entry.at)}
                </td>
                <td>{describeEntry(entry, entries, i18n)}</td>
                <td>
                  {t('catalog.history.countsText', {
                    pa: entry.counts.products.added,
                    pc: entry.counts.products.changed,
                    pr: entry.counts.products.removed,
                    ba: entry.counts.buyingPoints.added,
                    bc: entry.counts.buyingPoints.changed,
                    br: entry.counts.buyingPoints.removed,
                  })}
                </td>
                <td>
                  {entry.undoneBy !== null ? (
                    <span className="catalog__undone">{t('catalog.history.undone')}</span>
                  ) : (
                    <button type="button" className="button button--small" data-testid="catalog-history-undo" onClick={() => onUndo(entry, describeEntry(entry, entries, i18n))}>
                      {t('catalog.import.undo')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
