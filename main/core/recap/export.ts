/**
 * A recap as the file a user asked for: the XLSX workbook, one table as CSV,
 * or the PDF report. The bytes are made in memory; whoever writes them to a
 * disk writes them whole (see writeFileAtomically), so a failed export
 * leaves no half-written file.
 */
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import type { Recap } from '../../../shared/api/contract.js';
import type { RecapFile, RecapFormat, RecapTableName } from '../../../shared/recap/recap-api.js';
import type { Language } from '../../../shared/api/settings.js';
import type { WanDecimals } from '../../../shared/format/numbers.js';
import { recapWorkbook, tableCsv } from './files.js';
import { chromiumPdf, type PdfRenderer } from './pdf.js';
import { recapReportHtml } from './report.js';
import { recapTablesOf } from './tables.js';

export interface RecapExportRequest {
  format: RecapFormat;
  table?: RecapTableName | undefined;
  lang: Language;
  /** The decimals of compact figures in the PDF report (the display setting); 1 when not given. */
  wanDecimals?: WanDecimals | undefined;
}

export interface RecapBytes {
  fileName: string;
  mimeType: string;
  bytes: Buffer;
}

const MIME: Record<RecapFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv;charset=utf-8',
  pdf: 'application/pdf',
};

/** recap-<room>-<date>[-table].<ext>: safe on every file system. */
export function recapFileName(recap: Recap, format: RecapFormat, table?: RecapTableName): string {
  const date = new Date(recap.session.startedAt).toISOString().slice(0, 10);
  const room = recap.session.room.title.replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 40) || recap.session.room.id;
  return `recap-${room}-${date}${table ? `-${table}` : ''}.${format}`;
}

export async function exportRecap(recap: Recap, request: RecapExportRequest, renderPdf: PdfRenderer = chromiumPdf): Promise<RecapBytes> {
  const { format, lang } = request;
  switch (format) {
    case 'xlsx':
      return { fileName: recapFileName(recap, 'xlsx'), mimeType: MIME.xlsx, bytes: await recapWorkbook(recapTablesOf(recap, lang)) };
    case 'csv': {
      const name = request.table ?? 'summary';
      const table = recapTablesOf(recap, lang).find((t) => t.name === name)!;
      return { fileName: recapFileName(recap, 'csv', name), mimeType: MIME.csv, bytes: Buffer.from(tableCsv(table), 'utf8') };
    }
    case 'pdf':
      return { fileName: recapFileName(recap, 'pdf'), mimeType: MIME.pdf, bytes: await renderPdf(recapReportHtml(recap, lang, request.wanDecimals)) };
  }
}

export const asRecapFile = ({ fileName, mimeType, bytes }: RecapBytes): RecapFile => ({ fileName, mimeType, base64: bytes.toString('base64') });

/** Writes beside the target, then renames: the target is either the old file or the whole new one. */
export function writeFileAtomically(path: string, bytes: Buffer | string): void {
  const temporary = `${path}.${process.pid}.partial`;
  try {
    writeFileSync(temporary, bytes);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
