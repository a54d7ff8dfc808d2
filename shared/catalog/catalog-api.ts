/**
 * The catalog's bridge requests (商品库): read and edit products and buying
 * points, import and export the whole catalog as CSV or XLSX. Spread into
 * `bridgeRequestSchemas` / `BridgeResponses` of bridge.ts.
 *
 * An import is previewed first (what it adds, changes and removes), then
 * applied with the revision the preview was made against, so nothing the
 * user did not see is removed; every import can be undone from its history.
 */
import { z } from 'zod';
import type { CatalogFormat, ImportProblem } from './file-layout.js';
import { importModes, type CatalogChanges, type ChangeCounts, type ImportMode } from './import.js';
import { buyingPointSchema, catalogProductSchema, productCategories, type BuyingPoint, type Catalog, type CatalogProduct } from './catalog.js';

/** An uploaded file: CSV text, or XLSX as base64 (4/3 of the file). Bounds a 5 MB workbook. */
export const MAX_IMPORT_CHARS = 7_000_000;

const format = z.enum(['csv', 'xlsx']);
const importData = z.string().max(MAX_IMPORT_CHARS);
const importMode = z.enum(importModes).default('merge');
/** The file's name as the user chose it, for the history; never opened by the host. */
const fileName = z.string().max(255).default('');
const revision = z.string().regex(/^[0-9a-f]{16,64}$/);
const importId = z.number().int().positive();

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
  /** What importing a file would do, changing nothing; or what is wrong with it, row by row. */
  previewCatalogImport: z.object({ format, data: importData, mode: importMode }).strict(),
  /**
   * Merges the file into the catalog (the default) or replaces the catalog with it, or changes nothing and says
   * what is wrong. With `revision` (from the preview) it changes nothing if the catalog changed since.
   */
  importCatalog: z.object({ format, data: importData, mode: importMode, fileName, revision: revision.optional() }).strict(),
  /** 导入记录: the last imports and undos, newest first. */
  catalogImports: z.object({}).strict(),
  /** What undoing an entry of the history would do to the catalog as it is now. */
  previewCatalogUndo: z.object({ importId }).strict(),
  /** Restores the catalog as it was before that entry (later entries are undone with it); itself recorded, so it can be undone. */
  undoCatalogImport: z.object({ importId, revision: revision.optional() }).strict(),
  exportCatalog: z.object({ format }).strict(),
  catalogTemplate: z.object({ format }).strict(),
} as const;

export type SaveProductInput = z.output<typeof catalogRequestSchemas.saveProduct>;
export type SaveBuyingPointInput = z.output<typeof catalogRequestSchemas.saveBuyingPoint>;

/** A file that cannot be imported: nothing was changed. `problems` holds the first 500 of `problemCount`. */
export interface CatalogImportRejected {
  imported: false;
  reason: 'problems';
  problemCount: number;
  problems: ImportProblem[];
}

/** The catalog changed after the preview the request was made against (an edit, the live room's products): preview again. */
export interface CatalogChangedSincePreview {
  imported: false;
  reason: 'changed';
}

export type CatalogImportPreview =
  | { ok: true; mode: ImportMode; changes: CatalogChanges; revision: string }
  | (Omit<CatalogImportRejected, 'imported'> & { ok: false });

export type CatalogImportResult = { imported: true; entry: CatalogImportEntry; changes: CatalogChanges } | CatalogImportRejected | CatalogChangedSincePreview;

/** One line of 导入记录. */
export interface CatalogImportEntry {
  id: number;
  at: number;
  kind: 'import' | 'undo';
  /** The file's name for an import; '' for an undo. */
  fileName: string;
  format: CatalogFormat | null;
  mode: ImportMode | null;
  counts: { products: ChangeCounts; buyingPoints: ChangeCounts };
  /** For an undo: the entry it reverted. */
  undoes: number | null;
  /** The undo that reverted this entry, or null while it stands. */
  undoneBy: number | null;
}

export type CatalogUndoPreview = { changes: CatalogChanges; revision: string; alsoUndone: number[] };
export type CatalogUndoResult = { undone: true; entry: CatalogImportEntry; changes: CatalogChanges } | { undone: false; reason: 'changed' };

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
  previewCatalogImport: CatalogImportPreview;
  importCatalog: CatalogImportResult;
  catalogImports: CatalogImportEntry[];
  previewCatalogUndo: CatalogUndoPreview;
  undoCatalogImport: CatalogUndoResult;
  exportCatalog: CatalogFile;
  catalogTemplate: CatalogFile;
}
