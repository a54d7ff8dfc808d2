import type { Migration } from './migration.js';

/**
 * The merchant's coupon per catalog product (满199减30), shown on the card on
 * air. '' is no coupon, so products stored before it read as having none.
 */
export const productCoupons: Migration = {
  version: 6,
  name: 'product-coupons',
  up(db) {
    db.exec(`ALTER TABLE catalog_products ADD COLUMN coupon TEXT NOT NULL DEFAULT ''`);
  },
};
