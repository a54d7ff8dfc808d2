/** Catalog files between the page and the user's disk: CSV as text, XLSX as base64 (common/files.ts). */
import type { CatalogFile } from '../../../../shared/catalog/catalog-api.js';
import { base64ToBytes, bytesToBase64, saveBlob } from '../../common/files.js';

/** What to send for an uploaded file, from its name: CSV text or XLSX bytes in base64; null for any other kind. */
export async function readCatalogFile(file: File): Promise<{ format: 'csv' | 'xlsx'; data: string } | null> {
  const name = file.name.toLowerCase();
  if (name.endsWith('.csv')) return { format: 'csv', data: await file.text() };
  if (name.endsWith('.xlsx')) return { format: 'xlsx', data: bytesToBase64(new Uint8Array(await file.arrayBuffer())) };
  return null;
}

/** Saves a file the host produced, through the browser's (or Electron's) download. */
export function downloadCatalogFile(file: CatalogFile, baseName: string): void {
  const blob =
    file.format === 'csv'
      ? new Blob([file.data], { type: 'text/csv;charset=utf-8' })
      : new Blob([base64ToBytes(file.data)], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
  saveBlob(blob, `${baseName}.${file.format}`);
}
