// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import type { RewriteLineResult } from '../../../../shared/api/rewriter-api.js';
import type { BuyingPoint, Catalog } from '../../../../shared/catalog/catalog.js';
import { FakeBridge } from '../../../testing/fake-bridge.js';
import { settingsView } from '../../../testing/fixtures.js';
import { renderView, typeInto } from '../../../testing/render-view.js';


const point: BuyingPoint = {
  id: 'bp-1',
  productId: 'sku-1',
  audience: '敏感肌',
  scenario: '换季泛红',
  pain: '刺痛',
  benefit: '温和',
  proof: '检测报告',
  line: '敏感肌姐妹先在耳后试一下',
  answers: [],
  keywords: [],
  origin: 'merchant',
  originNote: '',
  status: 'accepted',
};
const catalog: Catalog = {
  products: [{ id: 'sku-1', title: '烟酰胺精华', category: 'skincare', price: 12900, coupon: '', sellingPoints: ['5% 烟酰胺'] }],
  buyingPoints: [point],
};

function typeText(field: HTMLTextAreaElement, value: string): void {
  Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!.call(field, value);
  field.dispatchEvent(new Event('input', { bubbles: true }));
}

async function openCatalog(bridge = new FakeBridge()) {
  bridge.handlers.getCatalog = () => ({ ok: true, value: catalog });
  bridge.handlers.saveBuyingPoint = (payload) => ({ ok: true, value: { ...point, ...payload, id: payload.id ?? 'bp-new' } as BuyingPoint });
  const v = await renderView('console', bridge);
  await v.act(() => v.store.getState().showScreen('catalog'));
  return v;
}

describe('catalog editor', () => {
  it('shows products and their buying points as cards', async () => {
    const v = await openCatalog();
    expect(v.byTestId('catalog-products')!.textContent).toContain('烟酰胺精华');
    expect(v.byTestId('bp-card')!.dataset.status).toBe('accepted');
    expect((v.byTestId('bp-line') as HTMLTextAreaElement).value).toBe(point.line);
    expect(v.byTestId('bp-flag')).toBeNull();
  });

  it('flags a line naming the term, and a flagged line cannot be accepted until it is rewritten', async () => {
    const v = await openCatalog();
    await v.act(() => typeText(v.byTestId('bp-line') as HTMLTextAreaElement, '效果最好，三天祛痘'));
    const flags = [...v.container.querySelectorAll('[data-testid="bp-flag"]')].map((f) => f.textContent);
    expect(flags).toEqual(['绝对化用语「最好」', '医疗用语「祛痘」']);
    const save = v.byTestId('bp-save') as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    const status = v.byTestId('bp-status') as HTMLSelectElement;
    expect([...status.options].find((o) => o.value === 'accepted')!.disabled).toBe(true);

    await v.act(() => typeInto(status, 'proposed'));
    expect(save.disabled).toBe(false);
    await v.act(() => save.click());
    expect(v.bridge.requestsNamed('saveBuyingPoint')).toEqual([{ ...point, line: '效果最好，三天祛痘', status: 'proposed' }]);

    await v.act(() => typeText(v.byTestId('bp-line') as HTMLTextAreaElement, '敏感肌换季用着温和'));
    expect(v.byTestId('bp-flag')).toBeNull();
    expect([...status.options].find((o) => o.value === 'accepted')!.disabled).toBe(false);
  });

  it("edits a product's coupon: saved trimmed with the rest of the product, and cleared by emptying the field", async () => {
    const bridge = new FakeBridge();
    bridge.handlers.saveProduct = (payload) => ({ ok: true, value: { ...catalog.products[0]!, ...payload } });
    const v = await openCatalog(bridge);
    const coupon = v.byTestId('product-coupon') as HTMLInputElement;
    expect(coupon.value).toBe('');
    expect(coupon.maxLength).toBe(40);
    // Pressure the co-pilot would never read out is shown as it is typed; the coupon's own figures are fine.
    await v.act(() => typeInto(coupon, '限时满199减30'));
    expect(v.byTestId('coupon-flags')!.textContent).toContain('限时');
    await v.act(() => typeInto(coupon, ' 满199减30 '));
    expect(v.byTestId('coupon-flags')).toBeNull();
    await v.act(() => (v.byTestId('product-save') as HTMLButtonElement).click());
    await v.act(() => typeInto(coupon, ''));
    await v.act(() => (v.byTestId('product-save') as HTMLButtonElement).click());
    expect(bridge.requestsNamed('saveProduct')).toEqual([
      { id: 'sku-1', category: 'skincare', coupon: '满199减30', sellingPoints: ['5% 烟酰胺'] },
      { id: 'sku-1', category: 'skincare', coupon: '', sellingPoints: ['5% 烟酰胺'] },
    ]);
  });

  const pickFile = async (v: Awaited<ReturnType<typeof openCatalog>>, text: string, name = 'catalog.csv') => {
    const input = v.byTestId('catalog-file') as HTMLInputElement;
    Object.defineProperty(input, 'files', { value: [new File([text], name, { type: 'text/csv' })], configurable: true });
    await v.act(() => input.dispatchEvent(new Event('change', { bubbles: true })));
  };

  it('shows a file with problems as a table of rows and columns, worded in the UI language, and imports nothing', async () => {
    const bridge = new FakeBridge('ipc');
    bridge.handlers.previewCatalogImport = () => ({
      ok: true,
      value: {
        ok: false,
        reason: 'problems',
        problemCount: 1,
        problems: [{ sheet: '买点', row: 4, column: '商品编号', code: 'unknownProduct', params: { id: 'sku-9', sheet: '商品' } }],
        encoding: 'GB18030',
      },
    });
    const v = await openCatalog(bridge);
    await pickFile(v, '类型,编号\n');
    await vi.waitFor(() => expect(v.byTestId('catalog-problems')).not.toBeNull());
    expect(v.byTestId('catalog-problems')!.textContent).toContain('「商品」和商品库里都没有商品 sku-9');
    expect(v.byTestId('catalog-import-report')!.textContent).toContain('1 处问题');
    // The file's bytes as picked: the host tells their encoding, and the console says which it found.
    expect(bridge.requestsNamed('previewCatalogImport')).toEqual([{ format: 'csv', data: new TextEncoder().encode('类型,编号\n'), mode: 'merge' }]);
    expect(v.byTestId('catalog-import-encoding')!.textContent).toBe('文件编码：GB18030');
    expect(bridge.requestsNamed('importCatalog')).toEqual([]);
  });

  it('previews a merge first, imports it with the revision previewed, then offers undo', async () => {
    const bridge = new FakeBridge('ipc');
    const none = { added: 0, changed: 0, removed: 0, unchanged: 0 };
    const changes = {
      products: { counts: { ...none, changed: 1 }, added: [], changed: [{ id: 'sku-1', label: '新精华', fields: [{ field: 'price' as const, before: 12900, after: 9900 }] }], removed: [] },
      buyingPoints: { counts: { ...none, unchanged: 1 }, added: [], changed: [], removed: [] },
    };
    const entry = { id: 7, at: 0, kind: 'import' as const, fileName: 'catalog.csv', format: 'csv' as const, mode: 'merge' as const, counts: { products: changes.products.counts, buyingPoints: changes.buyingPoints.counts }, undoes: null, undoneBy: null };
    bridge.handlers.previewCatalogImport = ({ mode }) => ({ ok: true, value: { ok: true, mode: mode ?? 'merge', changes, revision: 'a'.repeat(32), encoding: 'UTF-8' } });
    bridge.handlers.importCatalog = () => ({ ok: true, value: { imported: true, entry, changes, encoding: 'UTF-8' } });
    bridge.handlers.previewCatalogUndo = () => ({ ok: true, value: { changes, revision: 'b'.repeat(32), alsoUndone: [] } });
    const v = await openCatalog(bridge);
    await pickFile(v, 'x');
    await vi.waitFor(() => expect(v.byTestId('catalog-import-preview')).not.toBeNull());
    expect(v.byTestId('changes-products')!.querySelector('[data-count="changed"]')!.textContent).toBe('1');
    const priceChange = v.byTestId('catalog-import-preview')!.querySelector('[data-field="price"]')!;
    expect([priceChange.querySelector('del')!.textContent, priceChange.querySelector('ins')!.textContent]).toEqual(['¥129', '¥99']);
    expect(v.byTestId('catalog-import-encoding')!.textContent).toBe('文件编码：UTF-8');
    await v.act(() => (v.byTestId('catalog-import-apply') as HTMLButtonElement).click());
    expect(bridge.requestsNamed('importCatalog')).toEqual([{ format: 'csv', data: new TextEncoder().encode('x'), mode: 'merge', fileName: 'catalog.csv', revision: 'a'.repeat(32) }]);
    await vi.waitFor(() => expect(v.byTestId('catalog-import-undo')).not.toBeNull());
    expect(v.byTestId('catalog-import-report')!.textContent).toContain('已合并 catalog.csv');
    await v.act(() => (v.byTestId('catalog-import-undo') as HTMLButtonElement).click());
    await vi.waitFor(() => expect(v.byTestId('catalog-undo-confirm')).not.toBeNull());
    expect(bridge.requestsNamed('previewCatalogUndo')).toEqual([{ importId: 7 }]);
  });

  it('asks once more before a replace, naming what it deletes', async () => {
    const bridge = new FakeBridge('ipc');
    const none = { added: 0, changed: 0, removed: 0, unchanged: 0 };
    const changes = {
      products: { counts: { ...none, removed: 1, unchanged: 1 }, added: [], changed: [], removed: [{ id: 'sku-2', label: '通勤托特包' }] },
      buyingPoints: { counts: { ...none, removed: 1 }, added: [], changed: [], removed: [{ id: 'bp-1', label: '敏感肌姐妹先在耳后试一下', productId: 'sku-1' }] },
    };
    bridge.handlers.previewCatalogImport = ({ mode }) => ({ ok: true, value: { ok: true, mode: mode ?? 'merge', changes, revision: 'c'.repeat(32), encoding: 'UTF-8' } });
    const v = await openCatalog(bridge);
    await pickFile(v, 'x');
    await vi.waitFor(() => expect(v.byTestId('catalog-import-mode-replace')).not.toBeNull());
    await v.act(() => (v.byTestId('catalog-import-mode-replace') as HTMLInputElement).click());
    await vi.waitFor(() => expect(bridge.requestsNamed('previewCatalogImport')).toHaveLength(2));
    await v.act(() => (v.byTestId('catalog-import-apply') as HTMLButtonElement).click());
    expect(bridge.requestsNamed('importCatalog')).toEqual([]);
    expect(v.byTestId('catalog-replace-confirm')!.textContent).toContain('替换将删除 1 个商品和 1 个买点');
    expect(v.byTestId('catalog-replace-removed')!.textContent).toContain('通勤托特包');
  });

  it('proposes buying points on request and shows each with its origin; accept and reject set the status', async () => {
    const proposal: BuyingPoint = {
      ...point,
      id: 'bp-proposed',
      audience: '孕期 / 哺乳期妈妈',
      keywords: ['孕妇'],
      line: '好多准妈妈问「孕妇能用吗」，成分表在详情页',
      origin: 'audience',
      originNote: '过去 2 场直播里 5 位观众问过「孕妇能用吗」',
      status: 'proposed',
    };
    const bridge = new FakeBridge();
    let proposed = false;
    bridge.handlers.proposeBuyingPoints = () => {
      proposed = true;
      return { ok: true, value: [proposal] };
    };
    const v = await openCatalog(bridge);
    bridge.handlers.getCatalog = () => ({ ok: true, value: { ...catalog, buyingPoints: proposed ? [point, proposal] : [point] } });
    await v.act(() => (v.byTestId('bp-propose') as HTMLButtonElement).click());
    await vi.waitFor(() => expect(v.container.querySelectorAll('[data-testid="bp-card"]')).toHaveLength(2));
    expect(bridge.requestsNamed('proposeBuyingPoints')).toEqual([{ productId: 'sku-1' }]);
    expect(v.byTestId('bp-propose-note')!.textContent).toBe('新增 1 条买点建议，请逐条确认');
    const card = v.container.querySelector('[data-origin="audience"]') as HTMLElement;
    expect(card.querySelector('[data-testid="bp-origin"]')!.textContent).toBe('观众提问过去 2 场直播里 5 位观众问过「孕妇能用吗」');
    // The merchant's own accepted point has no origin badge and no accept/reject.
    expect(v.container.querySelectorAll('[data-testid="bp-origin"]')).toHaveLength(1);
    expect(v.container.querySelectorAll('[data-testid="bp-accept"]')).toHaveLength(1);

    await v.act(() => (card.querySelector('[data-testid="bp-accept"]') as HTMLButtonElement).click());
    await v.act(() => (card.querySelector('[data-testid="bp-reject"]') as HTMLButtonElement).click());
    expect((bridge.requestsNamed('saveBuyingPoint') as BuyingPoint[]).map((p) => [p.id, p.status])).toEqual([
      ['bp-proposed', 'accepted'],
      ['bp-proposed', 'rejected'],
    ]);
  });

  it('cannot accept a proposal whose line is flagged', async () => {
    const flaggedProposal: BuyingPoint = { ...point, id: 'bp-c', line: '效果最好', origin: 'category', originNote: '护肤品类常见场景：熬夜加班', status: 'proposed' };
    const bridge = new FakeBridge();
    const v = await openCatalog(bridge);
    bridge.handlers.getCatalog = () => ({ ok: true, value: { ...catalog, buyingPoints: [flaggedProposal] } });
    bridge.handlers.proposeBuyingPoints = () => ({ ok: true, value: [] });
    await v.act(() => (v.byTestId('bp-propose') as HTMLButtonElement).click());
    await vi.waitFor(() => expect(v.byTestId('bp-accept')).not.toBeNull());
    expect(v.byTestId('bp-propose-note')!.textContent).toBe('暂无新的买点建议：常见场景和观众问题都已覆盖');
    expect(v.byTestId('bp-origin')!.textContent).toContain('品类经验');
    expect((v.byTestId('bp-accept') as HTMLButtonElement).disabled).toBe(true);
    expect((v.byTestId('bp-reject') as HTMLButtonElement).disabled).toBe(false);
  });
});

describe('the AI line rewriter in the catalog editor', () => {
  const enabledRewriter = () => settingsView({ rewriter: { enabled: true, baseUrl: 'https://api.example.com/v1', model: 'qwen-plus' }, hasRewriterKey: true });

  async function openWithRewriter(result: RewriteLineResult) {
    const bridge = new FakeBridge();
    bridge.handlers.getSettings = () => ({ ok: true, value: enabledRewriter() });
    bridge.handlers.rewriteLine = () => ({ ok: true, value: result });
    const v = await openCatalog(bridge);
    await vi.waitFor(() => expect(v.byTestId('bp-rewrite')).not.toBeNull());
    return v;
  }
  const lineField = (v: Awaited<ReturnType<typeof openCatalog>>) => v.byTestId('bp-line') as HTMLTextAreaElement;

  it('is not offered while the rewriter is off', async () => {
    const v = await openCatalog();
    expect(v.byTestId('bp-line')).not.toBeNull();
    expect(v.byTestId('bp-rewrite')).toBeNull();
  });

  it('sends the editor’s line and facts, shows the suggestion beside the original with its flags, and Accept only fills the editor', async () => {
    const suggested = '敏感肌姐妹换季泛红别慌，先在耳后试一下，效果最好的一支';
    const v = await openWithRewriter({ rewritten: true, line: suggested, flags: [{ kind: 'absolute', term: '最好' }] });
    await v.act(() => typeText(lineField(v), '敏感肌先试用'));
    await v.act(() => v.byTestId('bp-rewrite')!.click());

    expect(v.bridge.requestsNamed('rewriteLine')).toEqual([
      {
        product: { title: '烟酰胺精华', category: 'skincare', sellingPoints: ['5% 烟酰胺'] },
        point: { audience: '敏感肌', scenario: '换季泛红', pain: '刺痛', benefit: '温和', proof: '检测报告', line: '敏感肌先试用' },
      },
    ]);
    const suggestion = v.byTestId('bp-rewrite-suggestion')!;
    expect(suggestion.textContent).toContain('原话术敏感肌先试用');
    expect(v.byTestId('bp-rewrite-line')!.textContent).toBe(suggested);
    expect([...suggestion.querySelectorAll('[data-testid="bp-flag"]')].map((f) => f.textContent)).toEqual(['绝对化用语「最好」']);

    await v.act(() => v.byTestId('bp-rewrite-accept')!.click());
    expect(lineField(v).value).toBe(suggested);
    expect(v.byTestId('bp-rewrite-suggestion')).toBeNull();
    // The card checks the new line like any typed one, and nothing is saved until the merchant saves.
    expect(v.byTestId('bp-flags')!.textContent).toContain('最好');
    expect(v.bridge.requestsNamed('saveBuyingPoint')).toEqual([]);
  });

  it('Discard keeps the line as it was', async () => {
    const v = await openWithRewriter({ rewritten: true, line: '敏感肌姐妹可以先在耳后试试', flags: [] });
    await v.act(() => v.byTestId('bp-rewrite')!.click());
    await v.act(() => v.byTestId('bp-rewrite-discard')!.click());
    expect(lineField(v).value).toBe(point.line);
    expect(v.byTestId('bp-rewrite-suggestion')).toBeNull();
  });

  it('shows a spinner while it waits, then the host’s reason inline when there is no suggestion', async () => {
    const v = await openWithRewriter({ rewritten: false, failure: { code: 'http_status', status: 401, detail: 'Incorrect API key provided' } });
    let answer!: () => void;
    const answered = new Promise<void>((resolve) => (answer = resolve));
    const fake = v.bridge.handlers.rewriteLine!;
    vi.spyOn(v.bridge, 'request').mockImplementationOnce(async (_name, payload) => {
      await answered;
      return fake(payload as never) as never;
    });
    await v.act(() => v.byTestId('bp-rewrite')!.click());
    const button = v.byTestId('bp-rewrite') as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    expect(button.querySelector('.spinner')).not.toBeNull();
    expect(button.textContent).toBe('润色中…');

    await v.act(() => answer());
    expect(v.byTestId('bp-rewrite-error')!.textContent).toBe('润色接口拒绝了 API 密钥（401），请在设置里检查密钥');
    expect(button.disabled).toBe(false);
    expect(lineField(v).value).toBe(point.line);
  });

  it('words each failure in the page’s language', async () => {
    const v = await openWithRewriter({ rewritten: false, failure: { code: 'timeout', detail: 'no reply within 20 s' } });
    await v.act(() => v.byTestId('bp-rewrite')!.click());
    expect(v.byTestId('bp-rewrite-error')!.textContent).toBe('润色接口 20 秒内没有回应，请稍后再试');
    v.bridge.handlers.rewriteLine = () => ({ ok: true, value: { rewritten: false, failure: { code: 'http_status', status: 500, detail: 'upstream crashed' } } });
    await v.act(() => v.byTestId('bp-rewrite')!.click());
    expect(v.byTestId('bp-rewrite-error')!.textContent).toBe('润色接口返回错误 500：upstream crashed');
    v.bridge.handlers.rewriteLine = () => ({ ok: false, error: { code: 'unavailable', message: 'no reply within 30 s' } });
    await v.act(() => v.byTestId('bp-rewrite')!.click());
    expect(v.byTestId('bp-rewrite-error')!.textContent).toBe('润色失败：no reply within 30 s');
  });
});
