import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_BYTES } from '../../../shared/catalog/catalog-api.js';
import { TEMPLATE_CATALOG } from '../../../shared/catalog/file-layout.js';
import { catalogTemplate, catalogXlsx, parseCatalogBytes, parseCatalogXlsx } from './files.js';
import { writeWorkbook } from './workbook.js';

describe('catalog files', () => {
  it('the catalog template and an export import back into the same catalog, coupons included', async () => {
    expect(TEMPLATE_CATALOG.products[0]!.coupon).not.toBe('');
    const parsed = { ok: true, catalog: TEMPLATE_CATALOG, omitted: { products: [], buyingPoints: [] } };
    expect(await parseCatalogBytes('xlsx', Buffer.from(await catalogTemplate('xlsx'), 'base64'))).toEqual({ parse: parsed, encoding: null });
    expect(await parseCatalogBytes('csv', Buffer.from(await catalogTemplate('csv')))).toEqual({ parse: parsed, encoding: 'UTF-8 BOM' });
    expect(await parseCatalogXlsx(await catalogXlsx(TEMPLATE_CATALOG))).toEqual(parsed);
  });

  it('names the cell of a coupon too long for the card', async () => {
    const long = { ...TEMPLATE_CATALOG, products: [{ ...TEMPLATE_CATALOG.products[0]!, coupon: '领券立减'.repeat(11) }] };
    expect(await parseCatalogXlsx(await catalogXlsx(long))).toMatchObject({ ok: false, problems: [{ sheet: '商品', row: 2, column: '优惠券', code: 'tooLong', params: { max: 40 } }] });
  });

  it('a file that is not a workbook is one problem of the file', async () => {
    expect(await parseCatalogBytes('xlsx', Buffer.from('hello'))).toMatchObject({ parse: { ok: false, problems: [{ row: 0, code: 'badWorkbook' }] } });
    const noSheets = await writeWorkbook([{ name: 'Sheet1', rows: [['x']] }]);
    expect(await parseCatalogXlsx(noSheets)).toMatchObject({ ok: false, problems: [{ sheet: '商品', row: 0 }, { sheet: '买点', row: 0 }] });
  });

  it('refuses a workbook larger than an import reads, before unpacking it', async () => {
    expect(await parseCatalogXlsx(Buffer.alloc(MAX_IMPORT_BYTES + 1))).toMatchObject({ ok: false, problems: [{ row: 0, code: 'badWorkbook', params: { detail: expect.stringContaining('larger than') } }] });
  });
});
