/**
 * Catalog files between the page and the user's disk: an upload as its bytes (the host detects the text's
 * encoding), a download as the host made it, CSV text or XLSX in base64 (common/files.ts).
 */
import type { CatalogFile } from '../../../../shared/catalog/catalog-api.js';
import type { CatalogFormat } from '../../../../shared/catalog/file-layout.js';
import { base64ToBytes, saveBlob } from '../../common/files.js';

/** The import's format from the file's name: .csv, or .txt for Excel's tab-separated "Unicode text"; null for any other kind. */
export function catalogFormatOf(fileName: string): CatalogFormat | null {
  const name = fileName.toLowerCase();
  if (name.endsWith('.csv') || name.endsWith('.txt')) return 'csv';
  if (name.endsWith('.xlsx')) return 'xlsx';
  return null;
}

/** What to send for an uploaded file: its format and its bytes; null for a kind that cannot be imported. */
export async function readCatalogFile(file: File): Promise<{ format: CatalogFormat; data: Uint8Array<ArrayBuffer> } | null> {
  const format = catalogFormatOf(file.name);
  return format === null ? null : { format, data: new Uint8Array(await file.arrayBuffer()) };
}

/** Saves a file the host produced, through the browser's (or Electron's) download. */
export function downloadCatalogFile(file: CatalogFile, baseName: string): void {
  const blob =
    file.format === 'csv'
      ? new Blob([file.data], { type: 'text/csv;charset=utf-8' })
      : new Blob([base64ToBytes(file.data)], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
  saveBlob(blob, `${baseName}.${file.format}`);
}
