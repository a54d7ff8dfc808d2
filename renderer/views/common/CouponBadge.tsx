/** The merchant's coupon for the product on air (满199减30), as text; nothing when there is none. */
export function CouponBadge({ coupon, className }: { coupon: string | null; className: string }) {
  if (coupon === null || coupon === '') return null;
  return (
    <div className={`coupon-badge ${className}`} data-testid="coupon">
      {coupon}
    </div>
  );
}
