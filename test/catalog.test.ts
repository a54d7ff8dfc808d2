/**
 * The catalog (商品库) through the app every UI host runs, on a real data
 * folder: the session's products join it, the merchant's edits survive the
 * next session, imports are all or nothing, and an export imports back into
 * the same catalog.
 */
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import type { BridgeReply, BridgeRequest, BridgeRequestName, BridgeResponses } from '../shared/api/bridge.js';
import type { ProductView } from '../shared/api/contract.js';
import type { CatalogImportResult } from '../shared/catalog/catalog-api.js';
import { catalogToCsv, catalogToTables } from '../shared/catalog/file-layout.js';
import { toCsv } from '../shared/format/csv.js';
import { describeImportProblem } from '../shared/catalog/import-problems.js';
import type { Catalog } from '../shared/catalog/catalog.js';
import { startApp, type AppOptions, type LiveCueApp } from '../main/app/app.js';
import { memorySecretStore } from '../main/app/secrets.js';
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

/** A workbook as a spreadsheet program would save it, every cell text, built apart from the app's own writer. */
async function xlsxOf(c: Catalog): Promise<string> {
  const tables = catalogToTables(c);
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('商品').addRows(tables.products);
  workbook.addWorksheet('买点').addRows(tables.buyingPoints);
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
}

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

/** A file's bytes as the bridge carries them, from what an export gives: CSV text, or an XLSX in base64. */
const fileBytes = (format: 'csv' | 'xlsx', data: string): Buffer => (format === 'csv' ? Buffer.from(data) : Buffer.from(data, 'base64'));

const importFile = (app: LiveCueApp, format: 'csv' | 'xlsx', data: string): Promise<CatalogImportResult> =>
  call(app, 'importCatalog', { format, data: fileBytes(format, data), mode: 'replace', fileName: `catalog.${format}` });

describe('catalog', () => {
  it("takes the session's products, and keeps the merchant's category, coupon and selling points in the next session", async () => {
    const folder = tmp.file('merge');
    const first = await withApp(async (app) => (await pollCatalog(app, (c) => c.products.length > 0)).products, folder, fastDemo);
    // The demo's products come in their own category (the gateway carries none); the merchant may change it.
    expect(first.every((p) => p.category === 'skincare' && p.price !== null && p.coupon === '')).toBe(true);
    const target = first[0]!;

    await withApp(async (app) => {
      expect(await call(app, 'saveProduct', { id: target.id, category: 'makeup', coupon: ' 满199减30 ', sellingPoints: ['商家写的卖点'] })).toMatchObject({
        id: target.id,
        title: target.title,
        category: 'makeup',
        coupon: '满199减30',
      });
    }, folder, fastDemo);
    await withApp(async (app) => {
      // The new session's hello merges its products again; give it the time to.
      await new Promise((resolve) => setTimeout(resolve, 500));
      const after = await pollCatalog(app, (c) => c.products.length >= first.length);
      expect(after.products.find((p) => p.id === target.id)).toMatchObject({ category: 'makeup', coupon: '满199减30', sellingPoints: ['商家写的卖点'], title: target.title });
      expect(after.products.filter((p) => p.id !== target.id).every((p) => p.category === 'skincare')).toBe(true);
      // The live state carries the coupon to the card on air (the overlay, the OBS card); the other products have none.
      const live = await pollProducts(app, (products) => products.some((p) => p.id === target.id));
      expect(live.find((p) => p.id === target.id)?.coupon).toBe('满199减30');
      expect(live.filter((p) => p.id !== target.id).every((p) => p.coupon === null)).toBe(true);
    }, folder, fastDemo);
  });

  it('imports a valid CSV and a valid XLSX; an export imports back into the same catalog, byte for byte', async () => {
    await withApp(async (app) => {
      expect(await importFile(app, 'csv', catalogToCsv(catalog))).toMatchObject({ imported: true, entry: { counts: { products: { added: 2 }, buyingPoints: { added: 2 } } } });
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
      expect(await importFile(app, 'xlsx', await xlsxOf(catalog))).toMatchObject({ imported: true, entry: { counts: { products: { added: 2 }, buyingPoints: { added: 2 } } } });
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
      if (csvResult.imported || csvResult.reason !== 'problems') throw new Error('the import was not refused for its problems');
      expect(csvResult.problems.map((p) => [p.sheet, p.row, p.column])).toEqual([
        ['CSV', 2, '价格（元）'],
        ['CSV', 4, '价格（元）'],
        ['CSV', 7, '商品编号'],
        ['CSV', 8, '话术'],
      ]);
      expect(describeImportProblem(csvResult.problems[3]!, 'zh-CN')).toMatch(/最好.*祛痘/);
      // The Chinese console words a problem in Chinese; '九十九' is not a price in either language.
      expect(describeImportProblem(csvResult.problems[1]!, 'zh-CN')).toBe('「九十九」不是以元为单位的价格（例如 129.9）');
      expect(describeImportProblem(csvResult.problems[1]!, 'en')).toBe('"九十九" is not a price in yuan (e.g. 129.9)');

      const xlsxResult = await importFile(app, 'xlsx', await xlsxOf(bad));
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
      expect(await app.handle('importCatalog', { format: 'pdf', data: new Uint8Array(0) })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
      expect(await app.handle('saveProduct', { id: 'nope', category: 'skincare' })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
      expect(await app.handle('saveProduct', { id: 'nope', title: '新品', coupon: '券'.repeat(41) })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    });
  });
});

describe('catalog import: preview, merge, replace, undo', () => {
  const retitled = { ...catalog.products[0]!, title: '烟酰胺精华 新版' };
  const oneProductCsv = catalogToCsv({ products: [retitled], buyingPoints: [] });
  const counts = (c: { added: number; changed: number; removed: number; unchanged: number }) => [c.added, c.changed, c.removed, c.unchanged];

  it('a one-product file merged keeps every other product and buying point; replace removes them only as previewed; undo restores exactly', async () => {
    await withApp(async (app) => {
      await importFile(app, 'csv', catalogToCsv(catalog));
      // Buying points just generated for one product (买点建议) are the merchant's work too.
      const proposals = await call(app, 'proposeBuyingPoints', { productId: 'sku-1' });
      expect(proposals.length).toBeGreaterThan(0);
      const full = await call(app, 'getCatalog', {});

      const merge = await call(app, 'previewCatalogImport', { format: 'csv', data: fileBytes('csv', oneProductCsv), mode: 'merge' });
      if (!merge.ok) throw new Error('the merge preview found problems');
      expect(counts(merge.changes.products.counts)).toEqual([0, 1, 0, 1]);
      expect(merge.changes.products.changed).toEqual([{ id: 'sku-1', label: '烟酰胺精华 新版', fields: [{ field: 'title', before: '烟酰胺精华, 30ml', after: '烟酰胺精华 新版' }] }]);
      expect(counts(merge.changes.buyingPoints.counts)).toEqual([0, 0, 0, full.buyingPoints.length]);
      // A preview changes nothing.
      expect(await call(app, 'getCatalog', {})).toEqual(full);

      const merged = await call(app, 'importCatalog', { format: 'csv', data: fileBytes('csv', oneProductCsv), mode: 'merge', fileName: 'one.csv', revision: merge.revision });
      expect(merged).toMatchObject({ imported: true, entry: { kind: 'import', fileName: 'one.csv', mode: 'merge', undoneBy: null } });
      const afterMerge = await call(app, 'getCatalog', {});
      expect(afterMerge.products.map((p) => [p.id, p.title])).toEqual([
        ['sku-1', '烟酰胺精华 新版'],
        ['sku-2', '通勤托特包'],
      ]);
      expect(afterMerge.buyingPoints).toEqual(full.buyingPoints);

      const replace = await call(app, 'previewCatalogImport', { format: 'csv', data: fileBytes('csv', oneProductCsv), mode: 'replace' });
      if (!replace.ok) throw new Error('the replace preview found problems');
      expect(replace.changes.products.removed).toEqual([{ id: 'sku-2', label: '通勤托特包' }]);
      expect(replace.changes.buyingPoints.counts.removed).toBe(full.buyingPoints.length);

      // The catalog changes after the preview (an edit): the replace the user confirmed is not the one that would run.
      await call(app, 'saveProduct', { id: 'sku-2', coupon: '满300减50' });
      const edited = await call(app, 'getCatalog', {});
      expect(await call(app, 'importCatalog', { format: 'csv', data: fileBytes('csv', oneProductCsv), mode: 'replace', fileName: 'one.csv', revision: replace.revision })).toEqual({
        imported: false,
        reason: 'changed',
      });
      expect(await call(app, 'getCatalog', {})).toEqual(edited);

      const again = await call(app, 'previewCatalogImport', { format: 'csv', data: fileBytes('csv', oneProductCsv), mode: 'replace' });
      if (!again.ok) throw new Error('the replace preview found problems');
      const replaced = await call(app, 'importCatalog', { format: 'csv', data: fileBytes('csv', oneProductCsv), mode: 'replace', fileName: 'one.csv', revision: again.revision });
      if (!replaced.imported) throw new Error('the replace was refused');
      expect(await call(app, 'getCatalog', {})).toEqual({ products: [retitled], buyingPoints: [] });

      const undoPreview = await call(app, 'previewCatalogUndo', { importId: replaced.entry.id });
      expect(undoPreview.alsoUndone).toEqual([]);
      expect(undoPreview.changes.products.added).toEqual([{ id: 'sku-2', label: '通勤托特包' }]);
      const undone = await call(app, 'undoCatalogImport', { importId: replaced.entry.id, revision: undoPreview.revision });
      expect(undone).toMatchObject({ undone: true, entry: { kind: 'undo', undoes: replaced.entry.id } });
      expect(await call(app, 'getCatalog', {})).toEqual(edited);

      const history = await call(app, 'catalogImports', {});
      expect(history.map((e) => [e.kind, e.fileName, e.mode, e.undoneBy !== null])).toEqual([
        ['undo', '', null, false],
        ['import', 'one.csv', 'replace', true],
        ['import', 'one.csv', 'merge', false],
        ['import', 'catalog.csv', 'replace', false],
      ]);
      // An undone entry cannot be undone twice; the undo itself can (a redo).
      expect(await app.handle('undoCatalogImport', { importId: replaced.entry.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
      if (!undone.undone) throw new Error('unreachable');
      await call(app, 'undoCatalogImport', { importId: undone.entry.id });
      expect(await call(app, 'getCatalog', {})).toEqual({ products: [retitled], buyingPoints: [] });
      expect((await call(app, 'catalogImports', {})).find((e) => e.id === replaced.entry.id)?.undoneBy).toBeNull();
    });
  });

  it('a merge keeps the stored value of a column the file lacks, and a buying point may name a product only the catalog has', async () => {
    await withApp(async (app) => {
      await importFile(app, 'csv', catalogToCsv(catalog));
      const header = ['类型', '编号', '商品名称', '价格（元）', '商品编号', '话术', '状态'];
      const older = toCsv([header, ['商品', 'sku-1', '烟酰胺精华 二代', '129.9', '', '', ''], ['买点', 'bp-9', '', '', 'sku-2', '装得下 14 寸电脑', '已采用']]);
      const preview = await call(app, 'previewCatalogImport', { format: 'csv', data: fileBytes('csv', older), mode: 'merge' });
      if (!preview.ok) throw new Error(`problems: ${JSON.stringify(preview.problems)}`);
      expect(preview.changes.products.changed[0]!.fields.map((f) => f.field)).toEqual(['title']);
      await call(app, 'importCatalog', { format: 'csv', data: fileBytes('csv', older), mode: 'merge', fileName: 'older.csv' });
      const after = await call(app, 'getCatalog', {});
      expect(after.products[0]).toEqual({ ...catalog.products[0]!, title: '烟酰胺精华 二代' });
      expect(after.buyingPoints.map((b) => [b.id, b.productId])).toEqual([
        ['bp-1', 'sku-1'],
        ['bp-2', 'sku-2'],
        ['bp-9', 'sku-2'],
      ]);
      // Replaced, the same file has no sku-2 for bp-9 to belong to.
      const asReplace = await call(app, 'previewCatalogImport', { format: 'csv', data: fileBytes('csv', older), mode: 'replace' });
      expect(asReplace).toMatchObject({ ok: false, problems: [{ row: 3, column: '商品编号', code: 'unknownProduct' }] });
    });
  });

  it('keeps the last 10 imports in the history', async () => {
    await withApp(async (app) => {
      for (let i = 1; i <= 12; i++) {
        const csv = catalogToCsv({ products: [{ ...catalog.products[1]!, title: `通勤托特包 ${i}` }], buyingPoints: [] });
        await call(app, 'importCatalog', { format: 'csv', data: fileBytes('csv', csv), mode: 'merge', fileName: `v${i}.csv` });
      }
      const history = await call(app, 'catalogImports', {});
      expect(history.map((e) => e.fileName)).toEqual(Array.from({ length: 10 }, (_, i) => `v${12 - i}.csv`));
      // Undoing the oldest kept import takes back the nine after it too, and says so first.
      const oldest = history.at(-1)!;
      expect((await call(app, 'previewCatalogUndo', { importId: oldest.id })).alsoUndone).toHaveLength(9);
      await call(app, 'undoCatalogImport', { importId: oldest.id });
      expect((await call(app, 'getCatalog', {})).products[0]!.title).toBe('通勤托特包 2');
    });
  });
});
