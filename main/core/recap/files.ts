/**
 * The recap's tables as files: one XLSX workbook (a sheet per table, numbers
 * as numbers, money in yuan with 2 decimals, rates as percentages, frozen
 * headers) with exceljs, and one CSV per table (UTF-8 with a BOM, so Excel
 * reads Chinese correctly) with csv-stringify. Texts that come from viewers
 * or the live team (questions, lines) never become formulas: XLSX stores
 * them as strings, and CSV writes them with the apostrophe guard.
 */
import ExcelJS from 'exceljs';
import { stringify } from 'csv-stringify/sync';
import { cellText, type Cell, type RecapTable } from './tables.js';

const NUMBER_FORMATS: Record<Cell['kind'], string | undefined> = {
  text: undefined,
  int: '0',
  number: '0.00',
  yuan: '0.00',
  rate: '0.00%',
};

/** What a cell is in a sheet: yuan for fen, the fraction for a rate (the format shows %), blank for undefined. */
function sheetValue(cell: Cell): string | number | null {
  if (cell.value === null || typeof cell.value === 'string') return cell.value;
  return cell.kind === 'yuan' ? Math.round(cell.value) / 100 : cell.value;
}

export async function recapWorkbook(tables: readonly RecapTable[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'LiveCue';
  for (const table of tables) {
    const sheet = workbook.addWorksheet(table.title, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.addRow(table.headers).font = { bold: true };
    for (const row of table.rows) {
      const added = sheet.addRow(row.map(sheetValue));
      row.forEach((cell, index) => {
        const format = NUMBER_FORMATS[cell.kind];
        if (format && typeof cell.value === 'number') added.getCell(index + 1).numFmt = format;
      });
    }
    sheet.columns.forEach((column, index) => {
      const widest = Math.max(table.headers[index]!.length, ...table.rows.slice(0, 200).map((row) => cellText(row[index]!).length));
      column.width = Math.min(60, Math.max(8, widest * 1.6));
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const FORMULA_START = /^[=+\-@\t\r]/;
const asSpreadsheetText = (text: string) => (FORMULA_START.test(text) ? `'${text}` : text);

/** One table as CSV text: BOM, header row, CRLF line ends. */
export function tableCsv(table: RecapTable): string {
  const records = [table.headers, ...table.rows.map((row) => row.map((cell) => (cell.kind === 'text' ? asSpreadsheetText(cellText(cell)) : cellText(cell))))];
  return stringify(records, { bom: true, record_delimiter: 'windows' });
}
