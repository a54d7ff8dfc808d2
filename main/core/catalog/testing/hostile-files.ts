/**
 * The catalog files an outside probe froze the web host with (issue 14), made
 * from the template workbook: each is tiny on the wire and was quadratic or
 * long for the readers of the time.
 */
import JSZip from 'jszip';
import { TEMPLATE_CATALOG } from '../../../../shared/catalog/file-layout.js';
import type { CatalogFormat } from '../../../../shared/catalog/file-layout.js';
import { catalogXlsx } from '../files.js';

export interface HostileFile {
  name: string;
  format: CatalogFormat;
  bytes: Buffer;
}

async function templateWith(part: string, edit: (xml: string) => string): Promise<Buffer> {
  const archive = await JSZip.loadAsync(await catalogXlsx(TEMPLATE_CATALOG));
  const xml = await archive.file(part)!.async('string');
  archive.file(part, edit(xml));
  return archive.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

export async function hostileFiles(): Promise<HostileFile[]> {
  const sheet = 'xl/worksheets/sheet1.xml';
  return [
    // 200,000 characters in one attribute of <sheet …>: a ~1 KB file.
    { name: 'long-sheet-attribute.xlsx', format: 'xlsx', bytes: await templateWith('xl/workbook.xml', (xml) => xml.replace('<sheet ', `<sheet x="${'a'.repeat(200_000)}" `)) },
    { name: 'unclosed-row.xlsx', format: 'xlsx', bytes: await templateWith(sheet, (xml) => xml.replace('</sheetData>', `<row r="9">${'a'.repeat(200_000)}`)) },
    { name: 'unclosed-cell.xlsx', format: 'xlsx', bytes: await templateWith(sheet, (xml) => xml.replace('</sheetData>', `<row r="9"><c r="A9" ${'b'.repeat(200_000)}`)) },
    { name: 'seven-million-newlines.csv', format: 'csv', bytes: Buffer.from(`类型,编号,商品名称\n${'\n'.repeat(7_000_000)}`) },
  ];
}
