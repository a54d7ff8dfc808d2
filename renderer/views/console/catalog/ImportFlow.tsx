/**
 * Importing a catalog file: the host previews what the file would add,
 * change and remove; the user picks 合并 (merge, the default) or 替换 (replace,
 * which names what it deletes and asks once more); the import is applied
 * against the revision previewed, and can be undone at once.
 */
import { useCallback, useState } from 'react';
import type { CatalogImportEntry, CatalogImportRejected, CatalogTextEncoding } from '../../../../shared/catalog/catalog-api.js';
import type { CatalogFormat } from '../../../../shared/catalog/file-layout.js';
import type { CatalogChanges, ImportMode } from '../../../../shared/catalog/import.js';
import { changesNothing, importModes } from '../../../../shared/catalog/import.js';
import { describeImportProblem } from '../../../../shared/catalog/import-problems.js';
import type { ClientBridge } from '../../../bridge/client-bridge.js';
import { hostErrorText } from '../../../i18n/host-error.js';
import { useI18n } from '../../app-context.js';
import { sendCatalogFile } from './catalog-upload.js';
import { ChangeSummary } from './ChangeSummary.js';

export interface PickedFile {
  name: string;
  format: CatalogFormat;
  /** The file's bytes: the host detects how its text is encoded. */
  data: Uint8Array<ArrayBuffer>;
}

type Problems = Pick<CatalogImportRejected, 'problemCount' | 'problems' | 'encoding'>;

export type ImportFlow =
  | { step: 'idle' }
  | { step: 'checking'; file: PickedFile; mode: ImportMode }
  | {
      step: 'preview';
      file: PickedFile;
      mode: ImportMode;
      changes: CatalogChanges;
      revision: string;
      encoding: CatalogTextEncoding | null;
      confirmingReplace: boolean;
      changedSince: boolean;
    }
  | { step: 'problems'; file: PickedFile; mode: ImportMode; result: Problems }
  | { step: 'done'; file: PickedFile; entry: CatalogImportEntry; changes: CatalogChanges }
  | { step: 'error'; error: string };

export function useImportFlow(bridge: ClientBridge, onImported: () => Promise<void>) {
  const [flow, setFlow] = useState<ImportFlow>({ step: 'idle' });
  // A refusal (a view device, too many requests) reads in the user's language, the host's words as the detail.
  const i18n = useI18n();

  const preview = useCallback(
    async (file: PickedFile, mode: ImportMode, changedSince = false) => {
      setFlow({ step: 'checking', file, mode });
      const reply = await sendCatalogFile(bridge, 'previewCatalogImport', { format: file.format, data: file.data, mode });
      if (!reply.ok) return setFlow({ step: 'error', error: hostErrorText(reply.error, i18n) });
      const value = reply.value;
      if (!value.ok) return setFlow({ step: 'problems', file, mode, result: value });
      setFlow({ step: 'preview', file, mode, changes: value.changes, revision: value.revision, encoding: value.encoding, confirmingReplace: false, changedSince });
    },
    [bridge, i18n],
  );

  const apply = useCallback(async () => {
    if (flow.step !== 'preview') return;
    const { file, mode, revision } = flow;
    const reply = await sendCatalogFile(bridge, 'importCatalog', { format: file.format, data: file.data, mode, fileName: file.name, revision });
    if (!reply.ok) return setFlow({ step: 'error', error: hostErrorText(reply.error, i18n) });
    const value = reply.value;
    if (value.imported) {
      setFlow({ step: 'done', file, entry: value.entry, changes: value.changes });
      return onImported();
    }
    if (value.reason === 'changed') return preview(file, mode, true);
    setFlow({ step: 'problems', file, mode, result: value });
  }, [bridge, flow, i18n, onImported, preview]);

  return {
    flow,
    start: (file: PickedFile) => preview(file, 'merge'),
    changeMode: (mode: ImportMode) => (flow.step === 'preview' || flow.step === 'problems' ? preview(flow.file, mode) : undefined),
    askReplace: (confirming: boolean) => setFlow((f) => (f.step === 'preview' ? { ...f, confirmingReplace: confirming } : f)),
    apply,
    fail: (error: string) => setFlow({ step: 'error', error }),
    close: () => setFlow({ step: 'idle' }),
  };
}

type FlowControls = ReturnType<typeof useImportFlow>;

/** The panel of the import under way: checking, its preview, its problems, or its outcome with 撤销. */
export function ImportPanel({ controls, onUndo }: { controls: FlowControls; onUndo: (entry: CatalogImportEntry) => void }) {
  const { t } = useI18n();
  const { flow } = controls;
  if (flow.step === 'idle') return null;
  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      if (flow.step === 'preview' && flow.confirmingReplace) controls.askReplace(false);
      else controls.close();
    }
  };
  const tone = flow.step === 'problems' || flow.step === 'error' ? 'failed' : flow.step === 'done' ? 'done' : 'preview';
  return (
    <section className={`panel catalog__report catalog__report--${tone}`} data-testid="catalog-import-report" role="status" onKeyDown={onKeyDown}>
      <div className="catalog__report-head">
        <strong>{headline(flow, t)}</strong>
        <button type="button" className="button button--ghost" data-testid="catalog-import-close" onClick={controls.close}>
          {flow.step === 'preview' ? t('catalog.import.cancel') : t('catalog.close')}
        </button>
      </div>
      {flow.step === 'preview' || flow.step === 'problems' || flow.step === 'checking' ? <ModeChoice mode={flow.mode} controls={controls} disabled={flow.step === 'checking'} /> : null}
      {flow.step === 'preview' ? <Encoding encoding={flow.encoding} /> : null}
      {flow.step === 'problems' ? <Encoding encoding={flow.result.encoding} /> : null}
      {flow.step === 'preview' ? <PreviewBody flow={flow} controls={controls} /> : null}
      {flow.step === 'problems' ? <ProblemTable result={flow.result} /> : null}
      {flow.step === 'done' ? (
        <>
          <ChangeSummary changes={flow.changes} testId="catalog-import-changes" />
          <div className="catalog__report-actions">
            <button type="button" className="button" data-testid="catalog-import-undo" onClick={() => onUndo(flow.entry)}>
              {t('catalog.import.undo')}
            </button>
          </div>
        </>
      ) : null}
    </section>
  );
}

function headline(flow: Exclude<ImportFlow, { step: 'idle' }>, t: ReturnType<typeof useI18n>['t']): string {
  switch (flow.step) {
    case 'checking':
      return t('catalog.import.checking', { file: flow.file.name });
    case 'preview':
      return t('catalog.import.previewTitle', { file: flow.file.name });
    case 'problems':
      return t('catalog.import.failed', { count: flow.result.problemCount });
    case 'done':
      return t(flow.entry.mode === 'replace' ? 'catalog.import.replaced' : 'catalog.import.merged', { file: flow.file.name });
    case 'error':
      return t('catalog.saveFailed', { error: flow.error });
  }
}

function ModeChoice({ mode, controls, disabled }: { mode: ImportMode; controls: FlowControls; disabled: boolean }) {
  const { t } = useI18n();
  return (
    <fieldset className="catalog__modes" data-testid="catalog-import-mode" disabled={disabled}>
      <legend>{t('catalog.import.mode')}</legend>
      {importModes.map((m) => (
        <label key={m} className={`catalog__mode ${m === mode ? 'catalog__mode--active' : ''}`}>
          <input type="radio" name="catalog-import-mode" value={m} checked={m === mode} data-testid={`catalog-import-mode-${m}`} onChange={() => void controls.changeMode(m)} />
          <span className="catalog__mode-name">{t(`catalog.import.mode.${m}`)}</span>
          <span className="catalog__mode-hint">{t(`catalog.import.mode.${m}.hint`)}</span>
        </label>
      ))}
    </fieldset>
  );
}

/** How the host read the file's text (a CSV saved on a Chinese Windows is GB18030): garbled titles have their cause in view. */
function Encoding({ encoding }: { encoding: CatalogTextEncoding | null }) {
  const { t } = useI18n();
  if (encoding === null) return null;
  return (
    <p className="catalog__encoding" data-testid="catalog-import-encoding">
      {t('catalog.import.encoding', { encoding })}
    </p>
  );
}

function PreviewBody({ flow, controls }: { flow: Extract<ImportFlow, { step: 'preview' }>; controls: FlowControls }) {
  const { t } = useI18n();
  const removed = { products: flow.changes.products.counts.removed, points: flow.changes.buyingPoints.counts.removed };
  const nothing = changesNothing(flow.changes);
  return (
    <>
      {flow.changedSince ? (
        <p className="catalog__notice" role="alert" data-testid="catalog-import-changed-since">
          {t('catalog.import.changedSince')}
        </p>
      ) : null}
      <ChangeSummary changes={flow.changes} testId="catalog-import-preview" />
      {nothing ? <p className="catalog__notice">{t('catalog.import.nothing')}</p> : null}
      {flow.confirmingReplace ? (
        <div className="catalog__confirm" role="alertdialog" aria-labelledby="replace-warning" data-testid="catalog-replace-confirm">
          <p id="replace-warning" className="catalog__confirm-text">
            {removed.products + removed.points > 0 ? t('catalog.import.replace.warning', removed) : t('catalog.import.replace.nothingRemoved')}
          </p>
          <RemovedList changes={flow.changes} />
          <div className="catalog__report-actions">
            <button type="button" className="button button--danger" autoFocus data-testid="catalog-replace-confirm-button" onClick={() => void controls.apply()}>
              {t('catalog.import.replace.confirm')}
            </button>
            <button type="button" className="button" onClick={() => controls.askReplace(false)}>
              {t('catalog.import.back')}
            </button>
          </div>
        </div>
      ) : (
        <div className="catalog__report-actions">
          <button
            type="button"
            className="button button--primary"
            autoFocus
            disabled={nothing}
            data-testid="catalog-import-apply"
            onClick={() => (flow.mode === 'replace' ? controls.askReplace(true) : void controls.apply())}
          >
            {t(`catalog.import.confirm.${flow.mode}`)}
          </button>
        </div>
      )}
    </>
  );
}

/** Replace names what it deletes before it is confirmed. */
function RemovedList({ changes }: { changes: CatalogChanges }) {
  const { t } = useI18n();
  const items = [
    ...changes.products.removed.map((r) => ({ ...r, kind: t('catalog.changes.products') })),
    ...changes.buyingPoints.removed.map((r) => ({ ...r, kind: t('catalog.changes.buyingPoints') })),
  ];
  if (items.length === 0) return null;
  const unlisted = changes.products.counts.removed + changes.buyingPoints.counts.removed - items.length;
  return (
    <ul className="catalog__removed" data-testid="catalog-replace-removed">
      {items.map((item) => (
        <li key={`${item.kind}-${item.id}`}>
          <span className="catalog__removed-kind">{item.kind}</span> {item.label} <span className="changes__id">{item.id}</span>
        </li>
      ))}
      {unlisted > 0 ? <li>{t('catalog.changes.more', { count: unlisted })}</li> : null}
    </ul>
  );
}

function ProblemTable({ result }: { result: Problems }) {
  const { t, language } = useI18n();
  return (
    <table className="catalog__problems" data-testid="catalog-problems">
      <thead>
        <tr>
          <th>{t('catalog.problem.sheet')}</th>
          <th>{t('catalog.problem.row')}</th>
          <th>{t('catalog.problem.column')}</th>
          <th>{t('catalog.problem.message')}</th>
        </tr>
      </thead>
      <tbody>
        {result.problems.map((p, i) => (
          <tr key={i} data-code={p.code}>
            <td>{p.sheet}</td>
            <td className="num">{p.row === 0 ? '' : p.row}</td>
            <td>{p.column}</td>
            <td>{describeImportProblem(p, language)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
