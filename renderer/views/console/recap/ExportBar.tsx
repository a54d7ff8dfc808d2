import { useState } from 'react';
import { recapTables, type RecapFormat, type RecapTableName } from '../../../../shared/recap/recap-api.js';
import { useBridge, useI18n } from '../../app-context.js';
import { base64ToBytes, saveBlob } from '../../common/files.js';

type Exporting = { state: 'idle' } | { state: 'running'; format: RecapFormat } | { state: 'saved'; fileName: string } | { state: 'failed'; error: string };

/** The recap as a file the host makes: the whole workbook (XLSX), one table as CSV, or the PDF report, in the UI's language. */
export function ExportBar({ sessionId }: { sessionId: string }) {
  const { t, language } = useI18n();
  const bridge = useBridge();
  const [table, setTable] = useState<RecapTableName>('summary');
  const [exporting, setExporting] = useState<Exporting>({ state: 'idle' });
  const run = async (format: RecapFormat) => {
    setExporting({ state: 'running', format });
    const reply = await bridge.request('exportRecap', { sessionId, format, lang: language, ...(format === 'csv' ? { table } : {}) });
    if (!reply.ok) return setExporting({ state: 'failed', error: reply.error.message });
    const file = reply.value;
    saveBlob(new Blob([base64ToBytes(file.base64)], { type: file.mimeType }), file.fileName);
    setExporting({ state: 'saved', fileName: file.fileName });
  };
  const busy = exporting.state === 'running';
  return (
    <div className="recap__export" role="group" aria-label={t('recap.export')} data-testid="recap-export">
      <button type="button" className="button button--small" disabled={busy} onClick={() => void run('xlsx')} data-testid="recap-export-xlsx">
        {t('recap.export.xlsx')}
      </button>
      <select className="input recap__export-table" aria-label={t('recap.export.table')} value={table} disabled={busy} onChange={(e) => setTable(e.target.value as RecapTableName)} data-testid="recap-export-table">
        {recapTables.map((name) => (
          <option key={name} value={name}>
            {t(`recap.table.${name}`)}
          </option>
        ))}
      </select>
      <button type="button" className="button button--small" disabled={busy} onClick={() => void run('csv')} data-testid="recap-export-csv">
        {t('recap.export.csv')}
      </button>
      <button type="button" className="button button--small" disabled={busy} onClick={() => void run('pdf')} data-testid="recap-export-pdf">
        {t('recap.export.pdf')}
      </button>
      <span className="recap__export-status" aria-live="polite" data-testid="recap-export-status">
        {exporting.state === 'running' ? t('recap.export.running', { format: exporting.format.toUpperCase() }) : exporting.state === 'saved' ? t('recap.export.saved', { file: exporting.fileName }) : null}
      </span>
      {exporting.state === 'failed' ? (
        <p className="recap__error" role="alert" data-testid="recap-export-error">
          {t('recap.export.failed', { error: exporting.error })}
        </p>
      ) : null}
    </div>
  );
}
