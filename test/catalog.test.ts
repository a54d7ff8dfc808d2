/**
 * The catalog (商品库) through the app every UI host runs, on a real data
 * folder: the session's products join it, the merchant's edits survive the
 * next session, imports are all or nothing, and an export imports back into
 * the same catalog.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { BridgeReply, BridgeRequest, BridgeRequestName, BridgeResponses } from '../shared/api/bridge.js';
import type { ProductView } from '../shared/api/contract.js';
import type { CatalogImportResult } from '../shared/api/catalog-api.js';
import { catalogToCsv, catalogToTables } from '../shared/copilot/catalog-csv.js';
import type { Catalog } from '../shared/copilot/catalog.js';
import { startApp, type AppOptions, type LiveCueApp } from '../main/app/app.js';
import { memorySecretStore } from '../main/app/secrets.js';
import { writeXlsx } from '../main/core/catalog/xlsx.js';
import { tempDir } from './helpers.js';

const tmp = tempDir('livecue-catalog-');
afterAll(() => tmp.remove());

const fastDemo = { kind: 'demo', scenario: 'skincare', speed: 200 } as const;
let folders = 0;

/** A gateway nobody listens on: no session, so no products join the catalog while a test compares it. */
const offline = { kind: 'gateway', url: 'http://127.0.0.1:9', room: 'offline' } as const;

async function withApp<T>(use: (app: LiveCueApp) => Promise<T>, dataFolder = tmp.file(`data-${++folders}`), source: AppOptions['sourceOverride'] = offline): Promise<T> {
  const app = await startApp({ dataFolder, secrets: memorySecretStore(), sourceOverride: source });
  try {
    return await use(app);
  } finally {
    await app.stop();
  }
}

async function call<N extends BridgeRequestName>(app: LiveCueApp, name: N, payload: BridgeRequest<N>): Promise<BridgeResponses[N]> {
  const reply = (await app.handle(name, payload)) as BridgeReply<N>;
  if (!reply.ok) throw new Error(`${name} failed: ${reply.error.code} ${reply.error.message}`);
  return reply.value;
}

const catalog: Catalog = {
  products: [
    { id: 'sku-1', title: '烟酰胺精华, 30ml', category: 'skincare', price: 12990, coupon: '满199减30', sellingPoints: ['5% 烟酰胺', '积雪草'] },
    { id: 'sku-2', title: '通勤托特包', category: 'apparel', price: 25900, coupon: '', sellingPoints: ['能放 14 寸电脑'] },
  ],
  buyingPoints: [
    {
      id: 'bp-1',
      productId: 'sku-1',
      audience: '敏感肌',
      scenario: '换季泛红',
      pain: '用了刺痛',
      benefit: '温和不刺激',
      proof: '第三方检测报告',
      line: '敏感肌姐妹换季泛红，先在耳后试一下，\n我们有检测报告',
      answers: ['suitability'],
      keywords: ['敏感肌'],
      origin: 'merchant',
      originNote: '',
      status: 'accepted',
    },
    {
      id: 'bp-2',
      productId: 'sku-2',
      audience: '通勤白领',
      scenario: '早八地铁',
      pain: '包小装不下',
      benefit: '电脑水杯都能放',
      proof: '实测 14 寸',
      line: '全网最能装的通勤包',
      answers: [],
      keywords: [],
      origin: 'audience',
      originNote: '12 人问能不能放电脑',
      status: 'proposed',
    },
  ],
};

const xlsxOf = (c: Catalog): string => {
  const tables = catalogToTables(c);
  return writeXlsx([
    { name: '商品', rows: tables.products },
    { name: '买点', rows: tables.buyingPoints },
  ]).toString('base64');
};

async function pollCatalog(app: LiveCueApp, ready: (c: Catalog) => boolean, timeoutMs = 20_000): Promise<Catalog> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const got = await call(app, 'getCatalog', {});
    if (ready(got)) return got;
    if (Date.now() > deadline) throw new Error(`catalog never ready: ${JSON.stringify(got)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Waits until the products of the app's state stream, as a UI holding it sees them, are `ready`. */
async function pollProducts(app: LiveCueApp, ready: (products: ProductView[]) => boolean, timeoutMs = 20_000): Promise<ProductView[]> {
  let products: ProductView[] = [];
  const unsubscribe = app.onState((update) => {
    products = (update.kind === 'snapshot' ? update.snapshot.products : update.patch.products) ?? products;
  });
  try {
    const deadline = Date.now() + timeoutMs;
    while (!ready(products)) {
      if (Date.now() > deadline) throw new Error(`products never ready: ${JSON.stringify(products)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return products;
  } finally {
    unsubscribe();
  }
}

const importFile = (app: LiveCueApp, format: 'csv' | 'xlsx', data: string): Promise<CatalogImportResult> =>
  call(app, 'importCatalog', { format, data, mode: 'replace' });

describe('catalog', () => {
  it("takes the session's products, and keeps the merchant's category, coupon and selling points in the next session", async () => {
    const folder = tmp.file('merge');
    const first = await withApp(async (app) => (await pollCatalog(app, (c) => c.products.length > 0)).products, folder, fastDemo);
    expect(first.every((p) => p.category === 'other' && p.price !== null && p.coupon === '')).toBe(true);
    const target = first[0]!;

    await withApp(async (app) => {
      expect(await call(app, 'saveProduct', { id: target.id, category: 'skincare', coupon: ' 满199减30 ', sellingPoints: ['商家写的卖点'] })).toMatchObject({
        id: target.id,
        title: target.title,
        category: 'skincare',
        coupon: '满199减30',
      });
    }, folder, fastDemo);
    await withApp(async (app) => {
      // The new session's hello merges its products again; give it the time to.
      await new Promise((resolve) => setTimeout(resolve, 500));
      const after = await pollCatalog(app, (c) => c.products.length >= first.length);
      expect(after.products.find((p) => p.id === target.id)).toMatchObject({ category: 'skincare', coupon: '满199减30', sellingPoints: ['商家写的卖点'], title: target.title });
      expect(after.products.filter((p) => p.id !== target.id).every((p) => p.category === 'other')).toBe(true);
      // The live state carries the coupon to the card on air (the overlay, the OBS card); the other products have none.
      const live = await pollProducts(app, (products) => products.some((p) => p.id === target.id));
      expect(live.find((p) => p.id === target.id)?.coupon).toBe('满199减30');
      expect(live.filter((p) => p.id !== target.id).every((p) => p.coupon === null)).toBe(true);
    }, folder, fastDemo);
  });

  it('imports a valid CSV and a valid XLSX; an export imports back into the same catalog, byte for byte', async () => {
    await withApp(async (app) => {
      expect(await importFile(app, 'csv', catalogToCsv(catalog))).toEqual({ imported: true, counts: { products: 2, buyingPoints: 2 } });
      expect(await call(app, 'getCatalog', {})).toEqual(catalog);

      for (const format of ['csv', 'xlsx'] as const) {
        const exported = await call(app, 'exportCatalog', { format });
        await importFile(app, 'csv', catalogToCsv({ products: [], buyingPoints: [] }));
        expect((await call(app, 'getCatalog', {})).products).toEqual([]);
        expect(await importFile(app, format, exported.data)).toMatchObject({ imported: true });
        expect(await call(app, 'getCatalog', {})).toEqual(catalog);
        expect((await call(app, 'exportCatalog', { format })).data).toBe(exported.data);
      }

      await importFile(app, 'csv', catalogToCsv({ products: [], buyingPoints: [] }));
      expect(await importFile(app, 'xlsx', xlsxOf(catalog))).toEqual({ imported: true, counts: { products: 2, buyingPoints: 2 } });
      expect(await call(app, 'getCatalog', {})).toEqual(catalog);
    });
  });

  it('rejects a CSV or XLSX with bad rows, naming row and column, and leaves the catalog unchanged', async () => {
    await withApp(async (app) => {
      await importFile(app, 'csv', catalogToCsv(catalog));
      const before = { csv: await call(app, 'exportCatalog', { format: 'csv' }), xlsx: await call(app, 'exportCatalog', { format: 'xlsx' }) };

      const bad: Catalog = {
        products: [...catalog.products, { ...catalog.products[0]!, id: 'sku-3', title: '新品' }],
        buyingPoints: [
          ...catalog.buyingPoints,
          { ...catalog.buyingPoints[0]!, id: 'bp-3', productId: 'sku-9' },
          { ...catalog.buyingPoints[0]!, id: 'bp-4', line: '效果最好，三天祛痘' },
        ],
      };
      // The CSV with a price that is not one, on the third product (row 4).
      const csv = catalogToCsv(bad).replace('129.90', 'abc').replace(/(\r\n商品,sku-3,新品,护肤,)129\.90/, '$1九十九');
      const csvResult = await importFile(app, 'csv', csv);
      expect(csvResult.imported).toBe(false);
      if (csvResult.imported) return;
      expect(csvResult.problems.map((p) => [p.sheet, p.row, p.column])).toEqual([
        ['CSV', 2, '价格（元）'],
        ['CSV', 4, '价格（元）'],
        ['CSV', 7, '商品编号'],
        ['CSV', 8, '话术'],
      ]);
      expect(csvResult.problems[3]!.message).toMatch(/最好.*祛痘/);

      const xlsxResult = await importFile(app, 'xlsx', xlsxOf(bad));
      expect(xlsxResult).toMatchObject({
        imported: false,
        problemCount: 2,
        problems: [
          { sheet: '买点', row: 4, column: '商品编号' },
          { sheet: '买点', row: 5, column: '话术' },
        ],
      });

      expect(await call(app, 'exportCatalog', { format: 'csv' })).toEqual(before.csv);
      expect(await call(app, 'exportCatalog', { format: 'xlsx' })).toEqual(before.xlsx);
      expect(await call(app, 'getCatalog', {})).toEqual(catalog);
    });
  });

  it('edits buying points: a flagged line cannot be accepted, a point needs a known product', async () => {
    await withApp(async (app) => {
      await importFile(app, 'csv', catalogToCsv(catalog));
      const base = { productId: 'sku-1', audience: '油皮', scenario: '夏天', pain: '出油', benefit: '清爽', proof: '', answers: [], keywords: [], origin: 'merchant' as const };

      const flagged = await app.handle('saveBuyingPoint', { ...base, line: '最好用的控油精华', status: 'accepted' });
      expect(flagged).toMatchObject({ ok: false, error: { code: 'bad_request', message: expect.stringContaining('最好') } });
      const proposed = await call(app, 'saveBuyingPoint', { ...base, line: '最好用的控油精华', status: 'proposed' });
      expect(proposed.id).toMatch(/^bp-/);
      const rewritten = await call(app, 'saveBuyingPoint', { ...proposed, line: '油皮夏天用着清爽', status: 'accepted' });
      expect((await call(app, 'getCatalog', {})).buyingPoints.find((b) => b.id === proposed.id)).toEqual(rewritten);

      expect(await app.handle('saveBuyingPoint', { ...base, productId: 'nope', line: 'x', status: 'proposed' })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
      expect(await call(app, 'deleteBuyingPoint', { id: 'bp-1' })).toEqual({ id: 'bp-1', deleted: true });
      expect(await call(app, 'deleteBuyingPoint', { id: 'bp-1' })).toEqual({ id: 'bp-1', deleted: false });
      expect((await call(app, 'getCatalog', {})).buyingPoints.map((b) => b.id)).toEqual(['bp-2', proposed.id]);
    });
  });

  it('proposes buying points through the bridge (买点建议), saved as proposed, never twice', async () => {
    await withApp(async (app) => {
      await importFile(app, 'csv', catalogToCsv(catalog));
      const proposals = await call(app, 'proposeBuyingPoints', { productId: 'sku-1' });
      expect(proposals.length).toBeGreaterThan(0);
      for (const p of proposals) expect(p).toMatchObject({ productId: 'sku-1', origin: 'category', status: 'proposed', originNote: expect.stringMatching(/^护肤品类常见场景：/) });
      // sku-1 has an accepted 敏感肌 point already: no second one.
      expect(proposals.some((p) => p.keywords.includes('敏感肌'))).toBe(false);
      const stored = (await call(app, 'getCatalog', {})).buyingPoints;
      for (const p of proposals) expect(stored.find((b) => b.id === p.id)).toEqual(p);
      expect(await call(app, 'proposeBuyingPoints', { productId: 'sku-1' })).toEqual([]);
      expect(await app.handle('proposeBuyingPoints', { productId: 'nope' })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    });
  });

  it('serves a template in both formats, and refuses a payload that is not a request', async () => {
    await withApp(async (app) => {
      for (const format of ['csv', 'xlsx'] as const) {
        const template = await call(app, 'catalogTemplate', { format });
        expect(template.format).toBe(format);
        expect(template.data.length).toBeGreaterThan(100);
      }
      expect(await app.handle('importCatalog', { format: 'pdf', data: '' })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
      expect(await app.handle('saveProduct', { id: 'nope', category: 'skincare' })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
      expect(await app.handle('saveProduct', { id: 'nope', title: '新品', coupon: '券'.repeat(41) })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    });
  });
});
