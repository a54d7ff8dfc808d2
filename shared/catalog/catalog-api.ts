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

/**
 * The largest catalog file an import reads, in bytes (CSV or XLSX as the user's disk holds it). The web host
 * refuses a larger upload before it has read it all; the core refuses one from any other way in.
 */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
/** How long reading one file may take (off the serving thread); past it the reader is stopped and the file refused. */
export const IMPORT_PARSE_MS = 2_000;
/**
 * The web host's path for the two requests that carry a file, `${CATALOG_UPLOAD_PATH}previewCatalogImport` and
 * `…importCatalog`: a POST whose body is the file's bytes and whose query is the rest of the request.
 */
export const CATALOG_UPLOAD_PATH = '/api/catalog/';
export const catalogUploadRequests = ['previewCatalogImport', 'importCatalog'] as const;
export type CatalogUploadRequest = (typeof catalogUploadRequests)[number];

/**
 * How a CSV file's text was decoded: a byte-order mark says so, else the bytes are valid UTF-8, else they are
 * taken for GB18030 (what Excel on a Chinese Windows saves a CSV in). A workbook's XML says its own: null.
 */
export const catalogTextEncodings = ['UTF-8', 'UTF-8 BOM', 'UTF-16LE BOM', 'UTF-16BE BOM', 'GB18030'] as const;
export type CatalogTextEncoding = (typeof catalogTextEncodings)[number];

const format = z.enum(['csv', 'xlsx']);
/** The file's bytes: the host detects the text's encoding itself (a CSV is not always UTF-8). */
const importData = z
  .custom<Uint8Array>((value) => value instanceof Uint8Array, "the file's bytes")
  .refine((bytes) => bytes.byteLength <= MAX_IMPORT_BYTES, `at most ${MAX_IMPORT_BYTES} bytes`);
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
  /** How the file's text was read (null for a workbook, or a file refused before it was decoded). */
  encoding: CatalogTextEncoding | null;
}

/** The catalog changed after the preview the request was made against (an edit, the live room's products): preview again. */
export interface CatalogChangedSincePreview {
  imported: false;
  reason: 'changed';
}

export type CatalogImportPreview =
  | { ok: true; mode: ImportMode; changes: CatalogChanges; revision: string; encoding: CatalogTextEncoding | null }
  | (Omit<CatalogImportRejected, 'imported'> & { ok: false });

export type CatalogImportResult =
  | { imported: true; entry: CatalogImportEntry; changes: CatalogChanges; encoding: CatalogTextEncoding | null }
  | CatalogImportRejected
  | CatalogChangedSincePreview;

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
