/**
 * The catalog as a file the merchant downloads or uploads: CSV text or an
 * XLSX workbook (base64 on the bridge). The layout is documented in
 * shared/catalog/file-layout.ts; validation happens there, so both formats
 * report problems the same way.
 */
import { MAX_IMPORT_CHARS } from '../../../shared/catalog/catalog-api.js';
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
import { DEFAULT_READ_LIMITS, readWorkbook, WorkbookError, writeWorkbook, type CellValue } from './workbook.js';

const PRICE_HEADER = '价格（元）';

/**
 * The largest workbook the bridge lets through (its base64 is at most MAX_IMPORT_CHARS).
 * The command line reads files itself, so the bound is checked again here.
 */
const MAX_XLSX_BYTES = (MAX_IMPORT_CHARS / 4) * 3;

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
    sheets = await readWorkbook(file, { ...DEFAULT_READ_LIMITS, fileBytes: MAX_XLSX_BYTES });
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

/** Reads an uploaded file: every problem found, or the whole catalog it holds. */
export async function parseCatalogFile(format: CatalogFormat, data: string, context: ParseContext = {}): Promise<CatalogParse> {
  if (format === 'csv') return csvToCatalog(data, context);
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(data.replace(/\s+/g, ''))) return { ok: false, problems: [problem('', 0, '', 'notBase64', {})] };
  return parseCatalogXlsx(Buffer.from(data, 'base64'), context);
}
