/**
 * CSV text and records, the way spreadsheet programs read and write them
 * (csv-parse and csv-stringify): used by the catalog's file layout and the
 * plan's preheat notes.
 */
import { CsvError, parse, type Options as ParseOptions } from 'csv-parse/sync';
import { stringify, type Options as StringifyOptions } from 'csv-stringify/sync';

const CSV_READ: ParseOptions = {
  bom: true,
  // A line end is CRLF, LF or CR, mixed as a file edited in several programs has them.
  record_delimiter: ['\r\n', '\n', '\r'],
  // Rows as people leave them: shorter or longer than the header, a stray " inside a field kept as text.
  relax_column_count: true,
  relax_quotes: true,
  // csv-parse spends ~20 µs building each empty record (a file padded with a million blank lines took 30 s);
  // they are skipped, and put back below as one shared empty row so row numbers stay those a spreadsheet shows.
  skip_empty_lines: true,
  info: true,
};

const EMPTY_ROW: readonly string[] = Object.freeze(['']);

export type CsvDelimiter = ',' | '\t';

/**
 * Comma, or tab for what Excel saves as "Unicode text" (tab-separated, UTF-16): told by the header line, which
 * holds tabs and no comma in such a file. A comma-separated header has commas; a tab inside one is quoted.
 */
export function csvDelimiterOf(text: string): CsvDelimiter {
  const end = text.search(/[\r\n]/);
  const header = end < 0 ? text : text.slice(0, end);
  return header.includes('\t') && !header.includes(',') ? '\t' : ',';
}

/**
 * Splits CSV text into records (RFC 4180: quoted fields, "" escapes, commas and newlines in quotes, CRLF or LF, a BOM).
 * Read leniently (ragged rows, stray quotes), so the one error left is a quote never closed: `row` is the record
 * it opens in, a row as a spreadsheet shows it (a quoted line break does not start one).
 */
export function parseCsv(text: string, delimiter: CsvDelimiter = ','): { ok: true; records: string[][] } | { ok: false; row: number; message: string } {
  let parsed: { record: string[]; info: { records: number; empty_lines: number } }[];
  try {
    // With `info`, csv-parse returns { record, info } per record; its types describe only the plain records.
    parsed = parse(text, { ...CSV_READ, delimiter }) as unknown as typeof parsed;
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const context = error as CsvError & { empty_lines?: number };
    const row = Number(error.records ?? 0) + Number(context.empty_lines ?? 0) + 1;
    return { ok: false, row, message: error.code === 'CSV_QUOTE_NOT_CLOSED' ? 'a quoted field is never closed (a " is missing)' : error.message };
  }
  const records: string[][] = [];
  for (const { record, info } of parsed) {
    // info counts the records before this one and the blank lines skipped so far: this record's row, 1-based.
    while (records.length < info.records - 1 + info.empty_lines) records.push(EMPTY_ROW as string[]);
    records.push(record.map(fromSpreadsheetText));
  }
  return { ok: true, records };
}

/**
 * A cell starting with = + - @ (or a tab or CR, or the full-width ＝＋－＠
 * some spreadsheet programs read the same) is a formula to a spreadsheet
 * program: a product title or a line mined from viewers' comments could run
 * one (=HYPERLINK…) on the merchant's machine. csv-stringify's
 * escape_formulas writes such a text with a leading apostrophe, which
 * spreadsheets read as "this is text" and hide; it is read back without it.
 */
const FORMULA_ESCAPED = /^'[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
const fromSpreadsheetText = (value: string): string => (FORMULA_ESCAPED.test(value) ? value.slice(1) : value);

const CSV_WRITE: StringifyOptions = {
  // So spreadsheet programs read the file as UTF-8.
  bom: true,
  record_delimiter: 'windows',
  // A line break inside a cell, and a cell's leading or trailing space (a reader may trim it), are quoted.
  quote_record_delimiter: true,
  quoted_match: /^\s|\s$/,
  escape_formulas: true,
};

/** CSV text, with a BOM (so spreadsheet programs read it as UTF-8) and CRLF line ends. */
export function toCsv(records: readonly (readonly string[])[]): string {
  return stringify([...records], CSV_WRITE);
}

