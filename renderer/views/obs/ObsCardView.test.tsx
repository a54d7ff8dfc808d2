// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { product, snapshot, T0 } from '../../testing/fixtures.js';
import { renderView } from '../../testing/render-view.js';

let view: Awaited<ReturnType<typeof renderView>> | null = null;

describe('OBS product card', () => {
  it('draws nothing when no product is on air, and the card when one is', async () => {
    view = await renderView('obsCard');
    await view.push({ kind: 'snapshot', snapshot: snapshot({ products: [product('p1', { title: '羊绒围巾' })] }) });
    expect(view.container.textContent).toBe('');
    await view.push({ kind: 'patch', patch: { onAir: { productId: 'p1', since: T0 } } });
    expect(view.byTestId('on-air')!.textContent).toContain('羊绒围巾');
  });

  it("shows the catalog's coupon under the price, as text, and no badge when there is none", async () => {
    view = await renderView('obsCard');
    const scarf = product('p1', { title: '羊绒围巾', price: 29_900, coupon: '满199减30 <b>券</b>' });
    await view.push({ kind: 'snapshot', snapshot: snapshot({ products: [scarf, product('p2')], onAir: { productId: 'p1', since: T0 } }) });
    const card = view.byTestId('on-air')!;
    const coupon = view.byTestId('coupon')!;
    expect(coupon.textContent).toBe('满199减30 <b>券</b>');
    expect(coupon.querySelector('b')).toBeNull();
    expect(card.querySelector('.obs-card__price')!.nextElementSibling).toBe(coupon);
    await view.push({ kind: 'patch', patch: { onAir: { productId: 'p2', since: T0 } } });
    expect(view.byTestId('on-air')!.dataset.productId).toBe('p2');
    expect(view.byTestId('coupon')).toBeNull();
  });

  it('loads a product image only from an http(s) URL', async () => {
    view = await renderView('obsCard');
    const sneaky = product('p1', { title: '围巾', image: 'javascript:alert(1)' });
    await view.push({ kind: 'snapshot', snapshot: snapshot({ products: [sneaky], onAir: { productId: 'p1', since: T0 } }) });
    expect(view.byTestId('on-air')).not.toBeNull();
    expect(view.container.querySelector('img')).toBeNull();
  });
});
