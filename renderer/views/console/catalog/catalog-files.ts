/** Moving catalog files between the page and the user's disk: base64 for XLSX, a download link to save. */
import type { CatalogFile } from '../../../../shared/api/catalog-api.js';

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

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

/** Hands a file to the browser's (or Electron's) download under this name. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
