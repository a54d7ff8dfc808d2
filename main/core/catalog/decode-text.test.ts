import { describe, expect, it } from 'vitest';
import { csvToCatalog } from '../../../shared/catalog/file-layout.js';
import { decodeCatalogText } from './decode-text.js';
import { parseCatalogBytes } from './files.js';
import { gb18030Of, utf16leOf as utf16le } from './testing/encodings.js';

/** A CSV as a merchant writes it: Chinese headers, a Chinese title and category. */
const CSV = '类型,编号,商品名称,类目,价格（元）\r\n商品,sku-1,烟酰胺精华 30ml,护肤,129.9\r\n';
const TSV = CSV.replaceAll(',', '\t');

const utf16be = (text: string) => utf16le(text).swap16();

describe('a catalog file’s bytes as text', () => {
  it('reads each encoding spreadsheet programs save in, and says which it was', () => {
    expect(decodeCatalogText(Buffer.from(CSV))).toEqual({ text: CSV, encoding: 'UTF-8' });
    expect(decodeCatalogText(Buffer.from(`\uFEFF${CSV}`))).toEqual({ text: CSV, encoding: 'UTF-8 BOM' });
    expect(decodeCatalogText(utf16le(CSV))).toEqual({ text: CSV, encoding: 'UTF-16LE BOM' });
    expect(decodeCatalogText(utf16be(CSV))).toEqual({ text: CSV, encoding: 'UTF-16BE BOM' });
    const gb = gb18030Of(CSV);
    // Not UTF-8 in disguise: the same text takes fewer bytes (two a character, not three).
    expect(gb.length).toBeLessThan(Buffer.byteLength(CSV));
    expect(decodeCatalogText(gb)).toEqual({ text: CSV, encoding: 'GB18030' });
  });

  it('imports a GB18030 CSV as Excel on a Chinese Windows saves it', async () => {
    const { parse, encoding } = await parseCatalogBytes('csv', gb18030Of(CSV));
    expect(encoding).toBe('GB18030');
    expect(parse).toMatchObject({ ok: true, catalog: { products: [{ id: 'sku-1', title: '烟酰胺精华 30ml', category: 'skincare', price: 12990 }] } });
  });

  it('imports Excel’s "Unicode text": UTF-16LE with a BOM, tab-separated', async () => {
    const { parse, encoding } = await parseCatalogBytes('csv', utf16le(TSV));
    expect(encoding).toBe('UTF-16LE BOM');
    expect(parse).toEqual(csvToCatalog(CSV));
    expect(parse).toMatchObject({ ok: true, catalog: { products: [{ id: 'sku-1', title: '烟酰胺精华 30ml' }] } });
  });
});
