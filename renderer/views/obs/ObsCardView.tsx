import '../../styles/obs.css';
import { selectOnAirProduct } from '../../state/selectors.js';
import { useAppStore, useI18n } from '../app-context.js';
import { CouponBadge } from '../common/CouponBadge.js';
import { ProductImage } from '../common/ProductImage.js';

/**
 * The product card for an OBS browser source: on a transparent page, the
 * product on air with its price and the merchant's coupon from the catalog
 * (the gateway knows none), or nothing at all.
 */
export function ObsCardView() {
  const { fmt } = useI18n();
  const product = useAppStore(selectOnAirProduct);
  if (product === null) return null;
  return (
    <div className="obs-card" data-testid="on-air" data-product-id={product.id}>
      <ProductImage className="obs-card__image" url={product.image} title={product.title} />
      <div className="obs-card__body">
        <div className="obs-card__title">{product.title}</div>
        <div className="obs-card__price num">{fmt.price(product.price)}</div>
        <CouponBadge className="obs-card__coupon" coupon={product.coupon} />
      </div>
    </div>
  );
}
