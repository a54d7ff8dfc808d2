import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { arrayBufferOf, DEFAULT_READ_LIMITS, readWorkbook, WorkbookError, writeWorkbook } from './workbook.js';

const toBuffer = async (workbook: ExcelJS.Workbook): Promise<Buffer> => Buffer.from(await workbook.xlsx.writeBuffer());

describe('workbook', () => {
  it('round-trips text (with XML specials, newlines, a carriage return, control characters) and numbers, sheet by sheet', async () => {
    const file = await writeWorkbook([
      { name: '商品', rows: [['a', 'b & <c>', '"q"'], ['two\nlines', 12.5, ''], ['cr\r\nlf', 'bell\u0007', 'literal _x0041_']] },
      { name: '买点', rows: [['x']] },
    ]);
    expect(await readWorkbook(file)).toEqual(
      new Map([
        ['商品', [['a', 'b & <c>', '"q"'], ['two\nlines', '12.5'], ['cr\r\nlf', 'bell\u0007', 'literal _x0041_']]],
        ['买点', [['x']]],
      ]),
    );
  });

  it('writes the same bytes for the same sheets, whenever it writes them', async () => {
    const sheets = [{ name: 's', rows: [['same', 1]] }];
    const first = await writeWorkbook(sheets);
    // exceljs stamps the time of writing (to the second in the archive): a second later is another stamp.
    await new Promise((resolve) => setTimeout(resolve, 2100));
    expect((await writeWorkbook(sheets)).equals(first)).toBe(true);
  });

  it('writes numbers as numbers and keeps the header row in view', async () => {
    const workbook = new ExcelJS.Workbook();
    const file = await writeWorkbook([{ name: '商品', rows: [['价格（元）'], [129.9], ['=1+1']] }]);
    await workbook.xlsx.load(arrayBufferOf(file));
    const sheet = workbook.getWorksheet('商品');
    expect(sheet?.getCell('A2').value).toBe(129.9);
    // A text that looks like a formula stays a text cell: nothing runs when the file is opened.
    expect(sheet?.getCell('A3').value).toBe('=1+1');
    expect(sheet?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  it('reads what a spreadsheet program writes: rich text, formulas by their result, dates, booleans, errors, links, merged cells, skipped cells and rows', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('商品');
    sheet.getCell('A1').value = '编号';
    sheet.getCell('C1').value = { richText: [{ text: '商品' }, { text: '名称', font: { bold: true } }] };
    sheet.getCell('A4').value = 1001;
    sheet.getCell('B4').value = { formula: 'A4&"x"', result: '1001x' };
    sheet.getCell('C4').value = { formula: 'NOW()' };
    sheet.getCell('D4').value = new Date(Date.UTC(2023, 2, 15));
    sheet.getCell('E4').value = true;
    sheet.getCell('F4').value = { error: '#N/A' };
    sheet.getCell('G4').value = { text: '详情页', hyperlink: 'https://example.com' };
    sheet.getCell('A5').value = '合并';
    sheet.mergeCells('A5:C5');
    expect((await readWorkbook(await toBuffer(workbook))).get('商品')).toEqual([
      ['编号', '', '商品名称'],
      [],
      [],
      ['1001', '1001x', '', '45000', 'TRUE', '#N/A', '详情页'],
      ['合并', '', ''],
    ]);
  });

  it('reads the text of a shared string Excel escaped (a carriage return as _x000D_)', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('商品').addRow(['placeholder']);
    const zip = await JSZip.loadAsync(await toBuffer(workbook));
    const strings = await zip.file('xl/sharedStrings.xml')!.async('string');
    zip.file('xl/sharedStrings.xml', strings.replace('placeholder', 'a_x000D_&amp;b'));
    expect((await readWorkbook(await zip.generateAsync({ type: 'nodebuffer' }))).get('商品')).toEqual([['a\r&b']]);
  });

  it('refuses what is not a workbook, and a workbook past its limits, with a reason', async () => {
    await expect(readWorkbook(Buffer.from('not a zip at all, just some text that is long enough'))).rejects.toThrow(WorkbookError);
    const zip = new JSZip();
    zip.file('a.txt', 'hello');
    await expect(readWorkbook(await zip.generateAsync({ type: 'nodebuffer' }))).rejects.toThrow('xl/workbook.xml is missing');

    const big = await writeWorkbook([{ name: 's', rows: Array.from({ length: 200 }, (_, i) => [`row ${i}`, `${i} `.repeat(100)]) }]);
    await expect(readWorkbook(big, { ...DEFAULT_READ_LIMITS, fileBytes: 1000 })).rejects.toThrow('larger than');
    await expect(readWorkbook(big, { ...DEFAULT_READ_LIMITS, unpackedBytes: 50_000 })).rejects.toThrow('unpacks to more than');
    await expect(readWorkbook(big, { ...DEFAULT_READ_LIMITS, rows: 100 })).rejects.toThrow('the worksheet s has more than 100 rows');
    expect((await readWorkbook(big)).get('s')).toHaveLength(200);
  });
});
