/**
 * The catalog's bridge requests (商品库): read and edit products and buying
 * points, import and export the whole catalog as CSV or XLSX. Spread into
 * `bridgeRequestSchemas` / `BridgeResponses` of bridge.ts.
 */
import { z } from 'zod';
import type { CatalogFormat, ImportProblem } from '../copilot/catalog-csv.js';
import { buyingPointSchema, catalogProductSchema, productCategories, type BuyingPoint, type Catalog, type CatalogProduct } from '../copilot/catalog.js';

/** An uploaded file: CSV text, or XLSX as base64 (4/3 of the file). Bounds a 5 MB workbook. */
export const MAX_IMPORT_CHARS = 7_000_000;

const format = z.enum(['csv', 'xlsx']);

export const catalogRequestSchemas = {
  getCatalog: z.object({}).strict(),
  /** Edits a product's category, coupon, selling points (and title, price); adds it when a title is given for an unknown id. */
  saveProduct: z
    .object({
      id: catalogProductSchema.shape.id,
      title: catalogProductSchema.shape.title.optional(),
      category: z.enum(productCategories).optional(),
      price: catalogProductSchema.shape.price.optional(),
      // Without its default: an edit that leaves the coupon out keeps the stored one instead of clearing it.
      coupon: catalogProductSchema.shape.coupon.unwrap().optional(),
      sellingPoints: catalogProductSchema.shape.sellingPoints.optional(),
    })
    .strict(),
  /** Adds (no id) or replaces a buying point; an accepted point's line must pass the 真诚经营 check. */
  saveBuyingPoint: buyingPointSchema.extend({ id: buyingPointSchema.shape.id.optional() }).strict(),
  deleteBuyingPoint: z.object({ id: buyingPointSchema.shape.id }).strict(),
  /** 买点建议: proposes buying points for a product (category knowledge, past questions), saves them as 'proposed'. */
  proposeBuyingPoints: z.object({ productId: catalogProductSchema.shape.id }).strict(),
  /** Replaces the whole catalog with a file's, or changes nothing and says what is wrong, row by row. */
  importCatalog: z.object({ format, data: z.string().max(MAX_IMPORT_CHARS), mode: z.literal('replace').default('replace') }).strict(),
  exportCatalog: z.object({ format }).strict(),
  catalogTemplate: z.object({ format }).strict(),
} as const;

export type SaveProductInput = z.output<typeof catalogRequestSchemas.saveProduct>;
export type SaveBuyingPointInput = z.output<typeof catalogRequestSchemas.saveBuyingPoint>;

export type CatalogImportResult =
  | { imported: true; counts: { products: number; buyingPoints: number } }
  /** Nothing was changed. `problems` holds the first 500 of `problemCount`. */
  | { imported: false; problemCount: number; problems: ImportProblem[] };

/** A file to save: CSV text, or XLSX as base64. */
export interface CatalogFile {
  format: CatalogFormat;
  data: string;
}

export interface CatalogResponses {
  getCatalog: Catalog;
  saveProduct: CatalogProduct;
  saveBuyingPoint: BuyingPoint;
  deleteBuyingPoint: { id: string; deleted: boolean };
  /** The proposals made and saved (none when every rule is already covered). */
  proposeBuyingPoints: BuyingPoint[];
  importCatalog: CatalogImportResult;
  exportCatalog: CatalogFile;
  catalogTemplate: CatalogFile;
}
