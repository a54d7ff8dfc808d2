import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { catalogToCsv } from '../../../shared/catalog/file-layout.js';
import type { BuyingPoint } from '../../../shared/catalog/catalog.js';
import { openReader, type StoreReader } from '../store/reader.js';
import { tempFolder } from '../store/testing/temp-files.js';
import { StoreWriter } from '../store/writer.js';
import { buyingPoint } from '../../../shared/catalog/testing/buying-point.js';
import { createCatalogApi, type CatalogApi } from './catalog-api.js';

let folder: ReturnType<typeof tempFolder>;
let writer: StoreWriter;
let reader: StoreReader;
let api: CatalogApi;
beforeEach(async () => {
  folder = tempFolder();
  writer = await StoreWriter.open(folder.path('catalog.db'));
  reader = openReader(folder.path('catalog.db'));
  api = createCatalogApi(writer, reader);
});
afterEach(async () => {
  reader.close();
  await writer.close();
  folder.remove();
});

const point = (id: string, line: string, status: BuyingPoint['status']): BuyingPoint => buyingPoint(id, 'p1', line, { status });

describe('catalog api', () => {
  it('gives the co-pilot accepted, unflagged buying points and every category, re-read after each write', async () => {
    const csv = catalogToCsv({
      products: [{ id: 'p1', title: '精华', category: 'apparel', price: 100, coupon: '', sellingPoints: [] }],
      buyingPoints: [point('a', '穿着显瘦', 'accepted'), point('b', '通勤好搭', 'proposed'), point('c', '祛痘', 'accepted')],
    });
    expect(await api.importFile({ format: 'csv', data: Buffer.from(csv), mode: 'replace', fileName: 'catalog.csv' })).toMatchObject({ imported: true });
    expect(api.copilot()).toEqual({ buyingPoints: [point('a', '穿着显瘦', 'accepted'), point('c', '祛痘', 'accepted')], categories: { p1: 'apparel' } });
    // As skincare, 祛痘 is a medical claim: the accepted point stays stored but is no longer suggested.
    await api.saveProduct({ id: 'p1', category: 'skincare' });
    expect(api.copilot()).toEqual({ buyingPoints: [point('a', '穿着显瘦', 'accepted')], categories: { p1: 'skincare' } });
  });

  it("merges the gateway's products: new ones as 其他 with their selling points, known ones keep the merchant's data", async () => {
    await api.mergeGatewayProducts([{ id: 'p1', title: '精华', price: 100, sellingPoints: ['  烟酰胺 ', ''] }]);
    await api.saveProduct({ id: 'p1', category: 'skincare', coupon: '满199减30', sellingPoints: ['商家卖点'] });
    await api.mergeGatewayProducts([
      { id: 'p1', title: '精华 2.0', price: 90, sellingPoints: ['网关卖点'] },
      { id: 'p2', title: '面膜', price: 50 },
    ]);
    expect(api.get().products).toEqual([
      { id: 'p1', title: '精华 2.0', category: 'skincare', price: 90, coupon: '满199减30', sellingPoints: ['商家卖点'] },
      { id: 'p2', title: '面膜', category: 'other', price: 50, coupon: '', sellingPoints: [] },
    ]);
  });

  it('stores a coupon and reads it back; an edit without one keeps it, an empty one clears it; coupons() lists those set', async () => {
    await api.saveProduct({ id: 'p1', title: '精华', category: 'skincare', coupon: '领券立减20元' });
    await api.saveProduct({ id: 'p2', title: '面膜' });
    expect(api.coupons()).toEqual(new Map([['p1', '领券立减20元']]));
    await api.saveProduct({ id: 'p1', sellingPoints: ['5% 烟酰胺'] });
    expect(api.get().products[0]).toEqual({ id: 'p1', title: '精华', category: 'skincare', price: null, coupon: '领券立减20元', sellingPoints: ['5% 烟酰胺'] });
    await api.saveProduct({ id: 'p1', coupon: '' });
    expect(api.get().products.map((p) => p.coupon)).toEqual(['', '']);
    expect(api.coupons()).toEqual(new Map());
  });
});
