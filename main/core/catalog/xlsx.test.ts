import { describe, expect, it } from 'vitest';
import { TEMPLATE_CATALOG } from '../../../shared/copilot/catalog-csv.js';
import { catalogTemplate, catalogXlsx, parseCatalogFile, parseCatalogXlsx } from './files.js';
import { columnName, readXlsx, writeXlsx } from './xlsx.js';
import { readZip, writeZip } from './zip.js';

describe('zip', () => {
  it('reads back what it writes, and refuses what is not an archive', () => {
    const entries = [
      { name: 'a.txt', data: Buffer.from('hello') },
      { name: '目录/b.xml', data: Buffer.from('<x/>'.repeat(1000)) },
    ];
    const zip = writeZip(entries);
    expect([...readZip(zip, 1e6)].map(([name, data]) => [name, data.toString()])).toEqual(entries.map((e) => [e.name, e.data.toString()]));
    expect(() => readZip(zip, 100)).toThrow('more than 100 bytes');
    expect(() => readZip(Buffer.from('not a zip at all, just some text that is long enough'), 1e6)).toThrow('not a ZIP archive');
  });
});

describe('xlsx', () => {
  it('names columns like a spreadsheet', () => {
    expect([0, 25, 26, 27, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
  });

  it('round-trips text (with XML specials and newlines) and numbers, sheet by sheet', () => {
    const file = writeXlsx([
      { name: '商品', rows: [['a', 'b & <c>', '"q"'], ['two\nlines', 12.5, '']] },
      { name: '买点', rows: [['x']] },
    ]);
    expect(readXlsx(file)).toEqual(
      new Map([
        ['商品', [['a', 'b & <c>', '"q"'], ['two\nlines', '12.5']]],
        ['买点', [['x']]],
      ]),
    );
    expect(writeXlsx([{ name: 's', rows: [['same']] }]).equals(writeXlsx([{ name: 's', rows: [['same']] }]))).toBe(true);
  });

  it('reads what a spreadsheet program writes: shared strings, rich text, skipped cells and rows', () => {
    const xml = (text: string) => Buffer.from(text);
    const file = writeZip([
      {
        name: 'xl/workbook.xml',
        data: xml('<workbook xmlns:r="r"><sheets><sheet name="商品" sheetId="3" r:id="rId7"/></sheets></workbook>'),
      },
      { name: 'xl/_rels/workbook.xml.rels', data: xml('<Relationships><Relationship Target="/xl/worksheets/s.xml" Id="rId7" Type="w"/></Relationships>') },
      {
        name: 'xl/sharedStrings.xml',
        data: xml('<sst><si><t>编号</t></si><si><r><t>商品</t></r><r><t xml:space="preserve">名称</t></r><rPh><t>x</t></rPh></si><si><t>a_x000D_&amp;b</t></si></sst>'),
      },
      {
        name: 'xl/worksheets/s.xml',
        data: xml(
          '<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="s" s="2"><v>1</v></c></row>' +
            '<row r="4"><c r="A4"><v>1001</v></c><c r="B4" t="s"><v>2</v></c><c r="C4" t="str"><v>f</v></c><c r="D4"/></row></sheetData></worksheet>',
        ),
      },
    ]);
    expect(readXlsx(file).get('商品')).toEqual([['编号', '', '商品名称'], [], [], ['1001', 'a\r&b', 'f', '']]);
  });

  it('the catalog template and an export import back into the same catalog, coupons included', () => {
    expect(TEMPLATE_CATALOG.products[0]!.coupon).not.toBe('');
    expect(parseCatalogFile('xlsx', catalogTemplate('xlsx'))).toEqual({ ok: true, catalog: TEMPLATE_CATALOG, omitted: { products: [], buyingPoints: [] } });
    expect(parseCatalogXlsx(catalogXlsx(TEMPLATE_CATALOG))).toEqual({ ok: true, catalog: TEMPLATE_CATALOG, omitted: { products: [], buyingPoints: [] } });
  });

  it('names the cell of a coupon too long for the card', () => {
    const long = { ...TEMPLATE_CATALOG, products: [{ ...TEMPLATE_CATALOG.products[0]!, coupon: '领券立减'.repeat(11) }] };
    expect(parseCatalogXlsx(catalogXlsx(long))).toMatchObject({ ok: false, problems: [{ sheet: '商品', row: 2, column: '优惠券', code: 'tooLong', params: { max: 40 } }] });
  });

  it('a file that is not a workbook is one problem of the file', () => {
    expect(parseCatalogFile('xlsx', Buffer.from('hello').toString('base64'))).toMatchObject({ ok: false, problems: [{ row: 0 }] });
    expect(parseCatalogFile('xlsx', '***')).toMatchObject({ ok: false, problems: [{ row: 0 }] });
    const noSheets = writeXlsx([{ name: 'Sheet1', rows: [['x']] }]);
    expect(parseCatalogXlsx(noSheets)).toMatchObject({ ok: false, problems: [{ sheet: '商品', row: 0 }, { sheet: '买点', row: 0 }] });
  });
});
