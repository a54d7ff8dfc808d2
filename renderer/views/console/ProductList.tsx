import type { ProductView } from '../../../shared/api/contract.js';
import { MAX_PRODUCT_HOTKEY } from '../../shortcuts/keymap.js';
import { useActions, useAppStore, useI18n } from '../app-context.js';
import { ProductImage } from '../common/ProductImage.js';
import { useOnAir } from '../common/use-on-air.js';

/** The room's products in list order (the order hotkeys 1–9 follow), with live figures and the card controls. */
export function ProductList() {
  const { t } = useI18n();
  const products = useAppStore((s) => s.snapshot?.products ?? null);
  const onAirId = useAppStore((s) => s.snapshot?.onAir?.productId ?? null);
  return (
    <section className="panel products">
      <h3 className="panel__title">{t('products.title')}</h3>
      <OnAirStrip />
      {products === null || products.length === 0 ? (
        <p className="empty">{t('products.empty')}</p>
      ) : (
        <ul className="products__list">
          {products.map((product, index) => (
            <ProductRow key={product.id} product={product} position={index + 1} onAir={product.id === onAirId} />
          ))}
        </ul>
      )}
    </section>
  );
}

function ProductRow({ product, position, onAir }: { product: ProductView; position: number; onAir: boolean }) {
  const { t, fmt } = useI18n();
  const actions = useActions();
  const hotkey = position <= MAX_PRODUCT_HOTKEY ? String(position) : null;
  return (
    <li className={`product ${onAir ? 'product--on-air' : ''}`} data-testid={`product-${product.id}`} aria-current={onAir || undefined}>
      <kbd className="hotkey" aria-label={hotkey ?? undefined}>
        {hotkey ?? ''}
      </kbd>
      <ProductImage className="product__image" url={product.image} title={product.title} />
      <div className="product__main">
        <div className="product__title" title={product.title}>
          {onAir ? <span className="on-air-badge">{t('onAir.badge')}</span> : null}
          {product.title}
        </div>
        <div className="product__meta num">
          {fmt.price(product.price)}
          {product.stock === undefined ? null : <span> · {t('products.stock', { stock: fmt.count(product.stock) })}</span>}
        </div>
      </div>
      <dl className="product__stats num">
        <div>
          <dt>{t('products.clicks')}</dt>
          <dd>{fmt.count(product.clickUsers)}</dd>
        </div>
        <div>
          <dt>{t('products.orders')}</dt>
          <dd>{fmt.count(product.paidOrders)}</dd>
        </div>
        <div>
          <dt>{t('products.gmv')}</dt>
          <dd>{fmt.money(product.gmv)}</dd>
        </div>
      </dl>
      <div className="product__actions">
        <button type="button" className="button button--primary" data-testid={`pin-${product.id}`} onClick={() => void actions.pinProduct(product.id)}>
          {t('products.pin')}
          {hotkey ? <kbd className="button__key">{hotkey}</kbd> : null}
        </button>
      </div>
    </li>
  );
}

/** The card on air now, how long it has been up, and the one button that takes it down. */
function OnAirStrip() {
  const { t, fmt } = useI18n();
  const actions = useActions();
  const onAir = useOnAir();
  if (onAir === null) return <div className="on-air-strip on-air-strip--empty">{t('onAir.none')}</div>;
  return (
    <div className="on-air-strip" data-testid="on-air" data-product-id={onAir.product.id}>
      <span className="on-air-badge">{t('onAir.badge')}</span>
      <span className="on-air-strip__title">{onAir.product.title}</span>
      <span className="on-air-strip__time num">{t('onAir.elapsed', { time: fmt.elapsed(onAir.onAirMs) })}</span>
      <button type="button" className="button" data-testid="unpin" onClick={() => void actions.unpinProduct()}>
        {t('products.unpin')}
        <kbd className="button__key">0</kbd>
      </button>
    </div>
  );
}
