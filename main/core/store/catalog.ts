/**
 * The catalog's rows: reads for any connection, writes for the writer
 * thread's. JSON columns hold arrays of strings; the zod schemas of
 * shared/catalog/catalog.ts checked them before they were written.
 */
import type { BuyingPoint, Catalog, CatalogProduct, ProductCategory } from '../../../shared/catalog/catalog.js';
import type { Connection } from './connection.js';

interface ProductRow {
  id: string;
  title: string;
  category: string;
  price: number | null;
  coupon: string;
  sellingPoints: string;
}

interface BuyingPointRow {
  id: string;
  productId: string;
  audience: string;
  scenario: string;
  pain: string;
  benefit: string;
  proof: string;
  line: string;
  answers: string;
  keywords: string;
  origin: string;
  originNote: string;
  status: string;
}

/** What the gateway says of a product (hello / products). */
export interface GatewayProduct {
  id: string;
  title: string;
  price: number;
  sellingPoints?: string[];
  /** For a product new to the catalog only (the merchant's choice is never overwritten); 'other' when unknown. */
  category?: ProductCategory;
}

const SQL = {
  products: `SELECT id, title, category, price, coupon, selling_points AS sellingPoints FROM catalog_products ORDER BY rowid`,
  buyingPoints: `SELECT id, product_id AS productId, audience, scenario, pain, benefit, proof, line, answers, keywords,
    origin, origin_note AS originNote, status FROM buying_points ORDER BY rowid`,
  upsertProduct: `INSERT INTO catalog_products (id, title, category, price, coupon, selling_points, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (id) DO UPDATE SET title = excluded.title, category = excluded.category, price = excluded.price,
    coupon = excluded.coupon, selling_points = excluded.selling_points, updated_at = excluded.updated_at`,
  mergeProduct: `INSERT INTO catalog_products (id, title, category, price, selling_points, updated_at) VALUES (?, ?, ?, ?, ?, ?)
    ON CONFLICT (id) DO UPDATE SET title = excluded.title, price = excluded.price, updated_at = excluded.updated_at
    WHERE title IS NOT excluded.title OR price IS NOT excluded.price`,
  upsertBuyingPoint: `INSERT INTO buying_points (id, product_id, audience, scenario, pain, benefit, proof, line, answers, keywords,
    origin, origin_note, status, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (id) DO UPDATE SET product_id = excluded.product_id, audience = excluded.audience, scenario = excluded.scenario,
    pain = excluded.pain, benefit = excluded.benefit, proof = excluded.proof, line = excluded.line, answers = excluded.answers,
    keywords = excluded.keywords, origin = excluded.origin, origin_note = excluded.origin_note, status = excluded.status,
    updated_at = excluded.updated_at`,
  deleteBuyingPoint: 'DELETE FROM buying_points WHERE id = ?',
  clearBuyingPoints: 'DELETE FROM buying_points',
  clearProducts: 'DELETE FROM catalog_products',
} as const;

const strings = (json: string): string[] => {
  const value: unknown = JSON.parse(json);
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
};

/** The whole catalog, in the order it was written. */
export function readCatalog(db: Connection): Catalog {
  const products = db
    .prepare<[], ProductRow>(SQL.products)
    .all()
    .map((row): CatalogProduct => ({
      id: row.id,
      title: row.title,
      category: row.category as ProductCategory,
      price: row.price,
      coupon: row.coupon,
      sellingPoints: strings(row.sellingPoints),
    }));
  const buyingPoints = db
    .prepare<[], BuyingPointRow>(SQL.buyingPoints)
    .all()
    .map((row): BuyingPoint => ({
      ...row,
      answers: strings(row.answers) as BuyingPoint['answers'],
      keywords: strings(row.keywords),
      origin: row.origin as BuyingPoint['origin'],
      status: row.status as BuyingPoint['status'],
    }));
  return { products, buyingPoints };
}

export interface CatalogWriter {
  /** Replaces the whole catalog in one transaction: all of it or nothing. */
  replace(catalog: Catalog): { products: number; buyingPoints: number };
  upsertProduct(product: CatalogProduct): void;
  upsertBuyingPoint(point: BuyingPoint): void;
  /** Whether a point was deleted. */
  deleteBuyingPoint(id: string): boolean;
  /**
   * Adds the gateway's products not yet in the catalog (category 'other', no coupon); refreshes title and price
   * of the others. Category, coupon and selling points are the merchant's and stay as they are.
   */
  mergeGatewayProducts(products: readonly GatewayProduct[]): void;
}

export function createCatalogWriter(db: Connection, now: () => number = Date.now): CatalogWriter {
  const upsertProduct = db.prepare(SQL.upsertProduct);
  const mergeProduct = db.prepare(SQL.mergeProduct);
  const upsertBuyingPoint = db.prepare(SQL.upsertBuyingPoint);
  const deleteBuyingPoint = db.prepare(SQL.deleteBuyingPoint);
  const clearBuyingPoints = db.prepare(SQL.clearBuyingPoints);
  const clearProducts = db.prepare(SQL.clearProducts);

  const writeProduct = (p: CatalogProduct, at: number): void => {
    upsertProduct.run(p.id, p.title, p.category, p.price, p.coupon, JSON.stringify(p.sellingPoints), at);
  };
  const writePoint = (b: BuyingPoint, at: number): void => {
    upsertBuyingPoint.run(
      b.id,
      b.productId,
      b.audience,
      b.scenario,
      b.pain,
      b.benefit,
      b.proof,
      b.line,
      JSON.stringify(b.answers),
      JSON.stringify(b.keywords),
      b.origin,
      b.originNote,
      b.status,
      at,
    );
  };

  const replace = db.transaction((catalog: Catalog) => {
    const at = now();
    clearBuyingPoints.run();
    clearProducts.run();
    for (const product of catalog.products) writeProduct(product, at);
    for (const point of catalog.buyingPoints) writePoint(point, at);
    return { products: catalog.products.length, buyingPoints: catalog.buyingPoints.length };
  });
  const merge = db.transaction((products: readonly GatewayProduct[]) => {
    const at = now();
    for (const p of products) {
      const sellingPoints = (p.sellingPoints ?? []).map((s) => s.trim()).filter((s) => s !== '');
      mergeProduct.run(p.id, p.title, p.category ?? 'other', p.price, JSON.stringify(sellingPoints), at);
    }
  });

  return {
    replace: (catalog) => replace.immediate(catalog),
    upsertProduct: (product) => writeProduct(product, now()),
    upsertBuyingPoint: (point) => writePoint(point, now()),
    deleteBuyingPoint: (id) => deleteBuyingPoint.run(id).changes > 0,
    mergeGatewayProducts: (products) => merge.immediate(products),
  };
}
