/**
 * The catalog as a file the merchant downloads or uploads: CSV or an XLSX
 * workbook. Exports travel as CSV text or base64; an upload arrives as the
 * file's bytes. The layout is documented in shared/catalog/file-layout.ts;
 * validation happens there, so both formats report problems the same way.
 * Reading an upload is slow work on untrusted input: the core runs it in a
 * worker thread (parse-off-thread.ts), never on the thread that serves.
 */
import { MAX_IMPORT_BYTES, type CatalogTextEncoding } from '../../../shared/catalog/catalog-api.js';
import type { Catalog } from '../../../shared/catalog/catalog.js';
import {
  catalogToCsv,
  catalogToTables,
  csvToCatalog,
  SHEET_NAMES,
  sheetTable,
  tablesToCatalog,
  TEMPLATE_CATALOG,
  type CatalogFormat,
  type CatalogParse,
  type ParseContext,
} from '../../../shared/catalog/file-layout.js';
import { problem } from '../../../shared/catalog/import-problems.js';
import { decodeCatalogText } from './decode-text.js';
import { DEFAULT_READ_LIMITS, readWorkbook, WorkbookError, writeWorkbook, type CellValue } from './workbook.js';

const PRICE_HEADER = '价格（元）';

/** Prices go into a workbook as numbers, so a spreadsheet can sum and sort them. */
function withNumbers(rows: string[][]): CellValue[][] {
  const priceColumn = rows[0]?.indexOf(PRICE_HEADER) ?? -1;
  return rows.map((row, r) => row.map((cell, c) => (r > 0 && c === priceColumn && cell !== '' ? Number(cell) : cell)));
}

export function catalogXlsx(catalog: Catalog): Promise<Buffer> {
  const tables = catalogToTables(catalog);
  return writeWorkbook([
    { name: SHEET_NAMES.products, rows: withNumbers(tables.products) },
    { name: SHEET_NAMES.buyingPoints, rows: tables.buyingPoints },
  ]);
}

/** The file's content as the bridge carries it: CSV text, or an XLSX file in base64. */
export async function exportCatalog(catalog: Catalog, format: CatalogFormat): Promise<string> {
  return format === 'csv' ? catalogToCsv(catalog) : (await catalogXlsx(catalog)).toString('base64');
}

export const catalogTemplate = (format: CatalogFormat): Promise<string> => exportCatalog(TEMPLATE_CATALOG, format);

export async function parseCatalogXlsx(file: Buffer, context: ParseContext = {}): Promise<CatalogParse> {
  let sheets: Map<string, string[][]>;
  try {
    sheets = await readWorkbook(file, { ...DEFAULT_READ_LIMITS, fileBytes: MAX_IMPORT_BYTES });
  } catch (error) {
    if (error instanceof WorkbookError) return { ok: false, problems: [problem('', 0, '', 'badWorkbook', { detail: error.message })] };
    throw error;
  }
  const table = (name: string) => {
    const rows = sheets.get(name);
    return rows ? sheetTable(name, rows) : undefined;
  };
  return tablesToCatalog(table(SHEET_NAMES.products), table(SHEET_NAMES.buyingPoints), context);
}

/** An uploaded file read: every problem found or the whole catalog it holds, and how its text was decoded. */
export interface CatalogFileParse {
  parse: CatalogParse;
  /** null for a workbook (its XML names its own encoding). */
  encoding: CatalogTextEncoding | null;
}

/** Reads an uploaded file's bytes. Synchronous work that grows with the file: call it off the serving thread. */
export async function parseCatalogBytes(format: CatalogFormat, bytes: Uint8Array, context: ParseContext = {}): Promise<CatalogFileParse> {
  if (format === 'xlsx') return { parse: await parseCatalogXlsx(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), context), encoding: null };
  const { text, encoding } = decodeCatalogText(bytes);
  return { parse: csvToCatalog(text, context), encoding };
}
