// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BuyingPoint, Catalog } from '../../shared/copilot/catalog.js';
import { FakeBridge } from '../testing/fake-bridge.js';
import { renderView, typeInto } from '../testing/render-view.js';

vi.mock('uplot', () => ({
  default: class {
    static paths = { bars: () => () => null };
    setData() {}
    setSize() {}
    destroy() {}
  },
}));

let view: Awaited<ReturnType<typeof renderView>> | null = null;
afterEach(() => {
  view?.unmount();
  view = null;
});

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
  products: [{ id: 'sku-1', title: '烟酰胺精华', category: 'skincare', price: 12900, sellingPoints: ['5% 烟酰胺'] }],
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
  view = v;
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

  it('shows an import that failed as a table of row and column problems', async () => {
    const bridge = new FakeBridge();
    bridge.handlers.importCatalog = () => ({
      ok: true,
      value: { imported: false, problemCount: 1, problems: [{ sheet: '买点', row: 4, column: '商品编号', message: 'no product sku-9 in 商品' }] },
    });
    const v = await openCatalog(bridge);
    const input = v.byTestId('catalog-file') as HTMLInputElement;
    const file = new File(['类型,编号\n'], 'catalog.csv', { type: 'text/csv' });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    await v.act(() => input.dispatchEvent(new Event('change', { bubbles: true })));
    await vi.waitFor(() => expect(v.byTestId('catalog-problems')).not.toBeNull());
    expect(v.byTestId('catalog-problems')!.textContent).toContain('商品编号');
    expect(v.byTestId('catalog-import-report')!.textContent).toContain('1 处问题');
    expect(bridge.requestsNamed('importCatalog')).toEqual([{ format: 'csv', data: '类型,编号\n', mode: 'replace' }]);
  });
});
