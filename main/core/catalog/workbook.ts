/**
 * Workbooks of text and number cells, on exceljs: write worksheets (the
 * first row of each a header, kept in view while scrolling), and read every
 * worksheet of an uploaded .xlsx back as rows of cell text, within limits.
 */
import ExcelJS, { type CellValue as ExcelValue } from 'exceljs';
import JSZip from 'jszip';

export type CellValue = string | number;

export interface Worksheet {
  name: string;
  rows: readonly (readonly CellValue[])[];
}

/** The file cannot be read as a workbook: the message says why, in words for the user. */
export class WorkbookError extends Error {}

export interface ReadLimits {
  /** The .xlsx file itself. */
  fileBytes: number;
  /** Everything it unpacks to: a small hostile file must not unpack to gigabytes. */
  unpackedBytes: number;
  /** Rows of one worksheet. */
  rows: number;
}

export const DEFAULT_READ_LIMITS: ReadLimits = { fileBytes: 8 * 1024 * 1024, unpackedBytes: 64 * 1024 * 1024, rows: 100_000 };

/** Cells right of this column are not read (a stray value far out would make every row that long). */
const MAX_COLUMNS = 1000;

/**
 * The date in the file's properties and on every part of the archive: exceljs
 * stamps both with the time of writing, so the same catalog would give
 * different bytes each export. 1980-01-01 is the earliest date a ZIP holds.
 */
const FIXED_DATE = new Date(Date.UTC(1980, 0, 1));

/**
 * Excel's escape for characters XML cannot carry as they are (ECMA-376
 * ST_Xstring), which exceljs reads back in shared strings but does not write:
 * `_x000D_` is a carriage return (an XML parser turns a bare one into a line
 * feed), `_x0007_` a control character exceljs would drop. A literal
 * `_x0041_` is written with its underscore escaped, so it reads back as written.
 */
// eslint-disable-next-line no-control-regex
const NEEDS_ESCAPE = /_(?=x[0-9A-Fa-f]{4}_)|[\r\u0000-\u0008\u000B\u000C\u000E-\u001F]/g;
const escapeText = (text: string): string => text.replace(NEEDS_ESCAPE, (ch) => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`);

/** An .xlsx file holding these worksheets, in order. Same input, same bytes. */
export async function writeWorkbook(sheets: readonly Worksheet[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'LiveCue';
  workbook.lastModifiedBy = 'LiveCue';
  workbook.created = FIXED_DATE;
  workbook.modified = FIXED_DATE;
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    // An empty text is no cell at all, as a spreadsheet program leaves it.
    for (const row of sheet.rows) worksheet.addRow(row.map((value) => (value === '' ? null : typeof value === 'string' ? escapeText(value) : value)));
  }
  const archive = await JSZip.loadAsync(Buffer.from(await workbook.xlsx.writeBuffer()));
  archive.forEach((_path, entry) => {
    entry.date = FIXED_DATE;
  });
  return archive.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Every worksheet of an .xlsx file by name, each as rows of cell text (row i is the sheet's row i + 1). */
export async function readWorkbook(file: Buffer, limits: ReadLimits = DEFAULT_READ_LIMITS): Promise<Map<string, string[][]>> {
  if (file.length > limits.fileBytes) throw new WorkbookError(`the file is larger than ${megabytes(limits.fileBytes)}`);
  let archive: JSZip;
  try {
    archive = await JSZip.loadAsync(file);
  } catch {
    // jszip's own words point the reader to its documentation: of no use to a merchant.
    throw new WorkbookError('not a readable .xlsx file: not a ZIP archive');
  }
  if (!archive.file('xl/workbook.xml')) throw new WorkbookError('not an .xlsx workbook (xl/workbook.xml is missing)');
  // exceljs unpacks every part into memory: measure them first, stopping at the limit.
  if (!(await unpacksWithin(archive, limits.unpackedBytes))) throw new WorkbookError(`the file unpacks to more than ${megabytes(limits.unpackedBytes)}`);

  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(arrayBufferOf(file));
  } catch (error) {
    throw new WorkbookError(`not a readable .xlsx file: ${messageOf(error)}`);
  }
  const date1904 = workbook.properties.date1904;
  const sheets = new Map<string, string[][]>();
  for (const worksheet of workbook.worksheets) {
    if (worksheet.rowCount > limits.rows) throw new WorkbookError(`the worksheet ${worksheet.name} has more than ${limits.rows} rows`);
    const rows: string[][] = [];
    worksheet.eachRow((row, rowNumber) => {
      const cells: string[] = [];
      row.eachCell((cell, column) => {
        if (column > MAX_COLUMNS) return;
        while (cells.length < column - 1) cells.push('');
        // A merged range holds its value in its first cell; the others read empty, as they are in the file.
        cells[column - 1] = cell.type === ExcelJS.ValueType.Merge ? '' : cellText(cell.value, date1904);
      });
      while (rows.length < rowNumber - 1) rows.push([]);
      rows[rowNumber - 1] = cells;
    });
    sheets.set(worksheet.name, rows);
  }
  return sheets;
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** Day 0 of Excel's 1900 date system (so that 1900-03-01 is day 61), and how much later the 1904 system starts. */
const EXCEL_EPOCH_DAYS = 25569;
const DAYS_1900_TO_1904 = 1462;

/**
 * A cell as the text a spreadsheet stores for it: rich text joined, a
 * formula's last result, TRUE or FALSE, an error's code. A date is a number
 * formatted as a date: it reads as that number (the catalog has no date
 * column, and a price Excel took for a date should say what it holds).
 */
export function cellText(value: ExcelValue, date1904 = false): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) {
    const serial = value.getTime() / DAY_MS + EXCEL_EPOCH_DAYS - (date1904 ? DAYS_1900_TO_1904 : 0);
    // exceljs rounded the stored number to a millisecond: round off the float noise of undoing that.
    return String(Number(serial.toFixed(8)));
  }
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('error' in value) return value.error;
  if ('hyperlink' in value) return value.text;
  return cellText(value.result ?? null, date1904);
}

/** Whether all parts of the archive together unpack to at most `limit` bytes; stops unpacking once past it. */
async function unpacksWithin(archive: JSZip, limit: number): Promise<boolean> {
  let total = 0;
  for (const entry of Object.values(archive.files)) {
    if (entry.dir) continue;
    const within = await new Promise<boolean>((resolve, reject) => {
      const stream = entry.nodeStream('nodebuffer');
      stream.on('data', (chunk: Buffer) => {
        total += chunk.length;
        if (total <= limit) return;
        // Paused and unread, the stream stops asking the inflater for more.
        stream.pause();
        stream.removeAllListeners('data');
        resolve(false);
      });
      stream.on('end', () => resolve(true));
      stream.on('error', (error: Error) => reject(new WorkbookError(`not a readable .xlsx file: ${entry.name}: ${error.message}`)));
    });
    if (!within) return false;
  }
  return true;
}

/** exceljs types its input as an ArrayBuffer: a copy of exactly the file's bytes (a Buffer may be a view into a larger pool). */
export function arrayBufferOf(bytes: Uint8Array): ArrayBuffer {
  const copy = new ArrayBuffer(bytes.byteLength);
  new Uint8Array(copy).set(bytes);
  return copy;
}

const megabytes = (bytes: number): string => `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
