import { describe, expect, it } from 'vitest';
import type { Language } from '../api/settings.js';
import type { Catalog } from './catalog.js';
import { describeImportProblem, type ImportProblem } from './import-problems.js';
import { parseCsv, toCsv } from '../format/csv.js';
import { catalogTemplateCsv, catalogToCsv, catalogToTables, csvToCatalog, sheetTable, tablesToCatalog, TEMPLATE_CATALOG } from './file-layout.js';

const HEADER = '类型,编号,商品名称,类目,价格（元）,优惠券,卖点,商品编号,人群,场景,痛点,利益点,证据,话术,回答问题,关键词,来源,来源说明,状态';

const catalog: Catalog = {
  products: [
    { id: 'p1', title: '精华, "升级版"', category: 'skincare', price: 12990, coupon: '满199减30, "限时"', sellingPoints: ['5% 烟酰胺', '多行\n卖点'] },
    { id: 'p2', title: '帆布包', category: 'apparel', price: null, coupon: '', sellingPoints: [] },
  ],
  buyingPoints: [
    {
      id: 'b1',
      productId: 'p1',
      audience: '敏感肌',
      scenario: '换季泛红',
      pain: '刺痛',
      benefit: '温和',
      proof: '检测报告',
      line: '敏感肌姐妹先在耳后试一下',
      answers: ['suitability', 'ingredient'],
      keywords: ['敏感肌', '泛红'],
      origin: 'audience',
      originNote: '14 人问过',
      status: 'accepted',
    },
    { ...TEMPLATE_CATALOG.buyingPoints[0]!, id: 'b2', productId: 'p2', line: '全网最低价', status: 'proposed', answers: [], keywords: [] },
  ],
};

const say = (p: ImportProblem | undefined, language: Language = 'en'): string => (p ? describeImportProblem(p, language) : '');

describe('catalog CSV', () => {
  it('export then import gives the same catalog, byte for byte on a second export', () => {
    const text = catalogToCsv(catalog);
    expect(text.startsWith(`\uFEFF${HEADER}\r\n`)).toBe(true);
    const back = csvToCatalog(text);
    expect(back).toEqual({ ok: true, catalog, omitted: { products: [], buyingPoints: [] } });
    if (back.ok) expect(catalogToCsv(back.catalog)).toBe(text);
  });

  it('the template is valid and has one example row of each kind', () => {
    const parsed = csvToCatalog(catalogTemplateCsv());
    expect(parsed).toEqual({ ok: true, catalog: TEMPLATE_CATALOG, omitted: { products: [], buyingPoints: [] } });
  });

  it('accepts English keys, ASCII separators and plain values', () => {
    const text = [
      'kind,id,title,category,price_yuan,selling_points,product_id,line,status,answers',
      'product,p1,Serum,skincare,¥1299.5,a|b,,,,',
      'buying_point,b1,,,,,p1,Try it behind the ear,proposed,suitability',
    ].join('\n');
    expect(csvToCatalog(text)).toMatchObject({
      ok: true,
      catalog: {
        products: [{ id: 'p1', title: 'Serum', category: 'skincare', price: 129950, sellingPoints: ['a', 'b'] }],
        buyingPoints: [{ id: 'b1', productId: 'p1', line: 'Try it behind the ear', status: 'proposed', origin: 'merchant', answers: ['suitability'] }],
      },
    });
  });

  it('reports every bad row by spreadsheet row and column header, and imports nothing', () => {
    const text = [
      HEADER,
      '商品,p1,精华,护肤,129.9,,5% 烟酰胺,,,,,,,,,,,,',
      '商品,p2,,护肤,abc,,,,,,,,,,,,,,', // row 3: no title, bad price
      '商品,p1,重复,美妆,1,,,,,,,,,,,,,,', // row 4: duplicate id, unknown category
      '买点,b1,,,,,,p9,人群,,,,,说点什么,,,,,已采用', // row 5: unknown product
      '买点,b2,,,,,,p1,人群,,,,,效果最好的精华,,,,,', // row 6: flagged and (by default) accepted
      '买点,b3,,,,,,p1,,,,,,,,,,,大概', // row 7: no line, unknown status
      '其他,x,,,,,,,,,,,,,,,,,', // row 8: unknown kind
      `商品,p3,面膜,护肤,59,${'满'.repeat(41)},,,,,,,,,,,,,`, // row 9: a coupon too long for the card
    ].join('\r\n');
    const result = csvToCatalog(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const where = result.problems.map((p) => `${p.row}:${p.column}`);
    expect(where).toEqual(['8:类型', '3:价格（元）', '3:商品名称', '4:类目', '4:编号', '9:优惠券', '5:商品编号', '6:话术', '7:状态', '7:话术']);
    expect(result.problems.every((p) => p.sheet === 'CSV')).toBe(true);
    expect(say(result.problems.find((p) => p.row === 6))).toContain('最好');
    expect(result.problems.find((p) => p.row === 9)).toMatchObject({ code: 'tooLong', params: { max: 40 } });
    expect(say(result.problems.find((p) => p.row === 9), 'zh-CN')).toBe('最多 40 个字');
  });

  it('checks an accepted line’s prices against its own product’s price and coupon', () => {
    const text = [
      HEADER,
      '商品,p1,精华,护肤,129,满100减20,,,,,,,,,,,,,',
      '买点,b1,,,,,,p1,人群,,,,,今天到手价129，满100减20，用券109,,,,,已采用', // the product's own figures
      '买点,b2,,,,,,p1,人群,,,,,今天只要99元,,,,,已采用', // row 4: a price nobody set
    ].join('\r\n');
    const result = csvToCatalog(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => `${p.row}:${p.column}`)).toEqual(['4:话术']);
    expect(say(result.problems[0])).toContain('「只要99」');
  });

  it('imports a file from before the 优惠券 column: its products have no coupon', () => {
    const text = catalogToCsv(catalog).replace(/^\uFEFF/, '');
    const records = parseCsv(text);
    if (!records.ok) throw new Error(records.message);
    const couponColumn = records.records[0]!.indexOf('优惠券');
    const withoutCoupons = records.records.map((fields) => fields.filter((_field, i) => i !== couponColumn));
    expect(withoutCoupons[0]).not.toContain('优惠券');
    expect(csvToCatalog(toCsv(withoutCoupons))).toEqual({
      ok: true,
      catalog: { ...catalog, products: catalog.products.map((p) => ({ ...p, coupon: '' })) },
      // A merge keeps the stored coupons: the file says nothing of them.
      omitted: { products: ['coupon'], buyingPoints: [] },
    });
  });

  it('reports unknown and missing columns on the header row', () => {
    const result = csvToCatalog('类型,编号,颜色\n商品,p1,红');
    expect(result).toMatchObject({ ok: false, problems: [{ row: 1, column: '颜色' }] });
    expect(csvToCatalog('类型,编号\n商品,p1\n')).toMatchObject({ ok: false, problems: [{ row: 1, column: '商品名称' }] });
    expect(csvToCatalog('')).toMatchObject({ ok: false, problems: [{ row: 1 }] });
  });
});

describe('catalog workbook tables', () => {
  it('round-trip, with row numbers that skip nothing but blank rows', () => {
    const tables = catalogToTables(catalog);
    expect(tablesToCatalog(sheetTable('商品', tables.products), sheetTable('买点', tables.buyingPoints))).toEqual({ ok: true, catalog, omitted: { products: [], buyingPoints: [] } });
    const bad = [...tables.buyingPoints.map((r) => [...r])];
    bad.splice(1, 0, bad[0]!.map(() => ''));
    bad[2]![1] = 'nope';
    expect(tablesToCatalog(sheetTable('商品', tables.products), sheetTable('买点', bad))).toEqual({
      ok: false,
      problems: [{ sheet: '买点', row: 3, column: '商品编号', code: 'unknownProduct', params: { id: 'nope', sheet: '商品' } }],
    });
  });

  it('a missing sheet is a problem of the workbook', () => {
    const tables = catalogToTables(catalog);
    expect(tablesToCatalog(sheetTable('商品', tables.products), undefined)).toMatchObject({ ok: false, problems: [{ sheet: '买点', row: 0 }] });
  });
});
