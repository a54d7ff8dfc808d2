/**
 * The merchant's catalog as the core serves it: reads from the store's
 * reader, every write through the writer thread. An import is validated whole
 * before anything is written, previewed, then merged into (or replaces) the
 * catalog in one transaction that keeps the catalog before it for undo.
 */
import { randomUUID } from 'node:crypto';
import type {
  CatalogImportEntry,
  CatalogImportPreview,
  CatalogImportRejected,
  CatalogImportResult,
  CatalogUndoPreview,
  CatalogUndoResult,
  SaveBuyingPointInput,
  SaveProductInput,
} from '../../../shared/catalog/catalog-api.js';
import type { CatalogTextEncoding } from '../../../shared/catalog/catalog-api.js';
import type { CatalogFormat, CatalogParse } from '../../../shared/catalog/file-layout.js';
import { applyImport, diffCatalog, type ImportMode } from '../../../shared/catalog/import.js';
import type { BuyingPoint, Catalog, CatalogProduct, ProductCategory } from '../../../shared/catalog/catalog.js';
import { checkCatalogLine } from '../../../shared/copilot/compliance.js';
import { proposeBuyingPoints } from '../../../shared/catalog/insights/propose.js';
import { exportCatalog, type CatalogFileParse } from './files.js';
import { parseOffThread, PARSE_BUDGET, type ParseBudget } from './parse-off-thread.js';
import { mineAskedQuestions, type MineOptions } from './insights.js';
import type { GatewayProduct } from '../store/catalog.js';
import { catalogRevision } from '../store/catalog-history.js';
import type { StoreReader } from '../store/reader.js';
import type { StoreWriter } from '../store/writer.js';

/** At most this many problems travel back to the UI; the count says how many there were. */
const MAX_PROBLEMS = 500;

/** What the co-pilot ranks talking points from: accepted buying points only, and each product's category. */
export interface CopilotCatalog {
  buyingPoints: BuyingPoint[];
  categories: Record<string, ProductCategory>;
}

export interface CatalogApi {
  get(): Catalog;
  saveProduct(input: SaveProductInput): Promise<CatalogProduct>;
  saveBuyingPoint(input: SaveBuyingPointInput): Promise<BuyingPoint>;
  deleteBuyingPoint(id: string): Promise<{ id: string; deleted: boolean }>;
  /** 买点建议: proposals from category knowledge and past sessions' questions, saved as 'proposed' and returned. */
  proposeBuyingPoints(productId: string): Promise<BuyingPoint[]>;
  /** What importing the file would do to the catalog as it is now; changes nothing. */
  previewImport(format: CatalogFormat, data: Uint8Array, mode: ImportMode): Promise<CatalogImportPreview>;
  importFile(request: ImportFileRequest): Promise<CatalogImportResult>;
  /** 导入记录, newest first. */
  imports(): CatalogImportEntry[];
  previewUndo(importId: number): CatalogUndoPreview;
  undoImport(importId: number, revision?: string): Promise<CatalogUndoResult>;
  exportFile(format: CatalogFormat): Promise<string>;
  /** A session's products (hello / products) join the catalog; the merchant's data on known products is kept. */
  mergeGatewayProducts(products: GatewayProduct[]): Promise<void>;
  /** For the talking-point engine: cached, re-read after every catalog write. */
  copilot(): CopilotCatalog;
  /** The products' coupons by product id, those with one only, for the card on air: cached like copilot(). */
  coupons(): ReadonlyMap<string, string>;
}

export interface ImportFileRequest {
  format: CatalogFormat;
  /** The file's bytes as the user's disk holds them. */
  data: Uint8Array;
  mode: ImportMode;
  fileName: string;
  /** From the preview the user confirmed: the import is refused if the catalog changed since. */
  revision?: string;
}

/** A catalog change the request itself makes impossible (an unknown product, a flagged line set accepted). */
export class CatalogInputError extends Error {}

/** An entry of the import history that is not kept (older than the last ten) or was undone already. */
export class CatalogImportGoneError extends Error {
  constructor(importId: number) {
    super(`import ${importId} is not in the import history, or was undone already`);
  }
}

const rejected = (parsed: Extract<CatalogParse, { ok: false }>, encoding: CatalogTextEncoding | null): CatalogImportRejected => ({
  imported: false,
  reason: 'problems',
  problemCount: parsed.problems.length,
  problems: parsed.problems.slice(0, MAX_PROBLEMS),
  encoding,
});

export interface CatalogApiOptions {
  mining?: MineOptions;
  /** Called after every write to the catalog (what reads it, such as the plan's readiness, is rebuilt). */
  onChanged?: () => void;
  /** What reading one uploaded file may take: PARSE_BUDGET unless a test needs a smaller one. */
  parseBudget?: ParseBudget;
}

export function createCatalogApi(writer: StoreWriter, reader: StoreReader, { mining = {}, onChanged, parseBudget = PARSE_BUDGET }: CatalogApiOptions = {}): CatalogApi {
  // What the live session reads many times a second (every co-pilot tick, every state update) is derived once per catalog write.
  let cached: { copilot: CopilotCatalog; coupons: ReadonlyMap<string, string> } | null = null;
  const changed = <T>(result: T): T => {
    cached = null;
    onChanged?.();
    return result;
  };
  const product = (id: string) => reader.catalog().products.find((p) => p.id === id);

  return {
    get: () => reader.catalog(),
    async saveProduct(input) {
      const existing = product(input.id);
      const title = input.title ?? existing?.title;
      if (title === undefined) throw new CatalogInputError(`no product ${input.id} in the catalog, and no title to add it with`);
      const saved: CatalogProduct = {
        id: input.id,
        title,
        category: input.category ?? existing?.category ?? 'other',
        price: input.price !== undefined ? input.price : (existing?.price ?? null),
        coupon: input.coupon ?? existing?.coupon ?? '',
        sellingPoints: input.sellingPoints ?? existing?.sellingPoints ?? [],
      };
      await writer.upsertProduct(saved);
      return changed(saved);
    },
    async saveBuyingPoint(input) {
      const owner = product(input.productId);
      if (!owner) throw new CatalogInputError(`no product ${input.productId} in the catalog`);
      const point: BuyingPoint = { ...input, id: input.id ?? `bp-${randomUUID()}` };
      const flags = checkCatalogLine(point.line, owner);
      if (point.status === 'accepted' && flags.length > 0) {
        throw new CatalogInputError(`the line says ${flags.map((f) => `"${f.term}"`).join(', ')}: a flagged line cannot be accepted; rewrite it first`);
      }
      await writer.upsertBuyingPoint(point);
      return changed(point);
    },
    async deleteBuyingPoint(id) {
      return changed({ id, deleted: await writer.deleteBuyingPoint(id) });
    },
    async proposeBuyingPoints(productId) {
      const owner = product(productId);
      if (!owner) throw new CatalogInputError(`no product ${productId} in the catalog`);
      const existing = reader.catalog().buyingPoints.filter((b) => b.productId === productId);
      const proposals = proposeBuyingPoints({ product: owner, existing, askedQuestions: mineAskedQuestions(reader, productId, mining) });
      for (const point of proposals) await writer.upsertBuyingPoint(point);
      return changed(proposals);
    },
    async previewImport(format, data, mode) {
      const current = reader.catalog();
      const { parse: parsed, encoding } = await parse(format, data, mode, current);
      if (!parsed.ok) {
        const { imported: _imported, ...problems } = rejected(parsed, encoding);
        return { ok: false, ...problems };
      }
      return { ok: true, mode, changes: diffCatalog(current, applyImport(current, parsed, mode)), revision: catalogRevision(current), encoding };
    },
    async importFile({ format, data, mode, fileName, revision }) {
      const { parse: parsed, encoding } = await parse(format, data, mode, reader.catalog());
      if (!parsed.ok) return rejected(parsed, encoding);
      const { catalog: incoming, omitted } = parsed;
      const result = await writer.importCatalog({ incoming: { catalog: incoming, omitted }, mode, format, fileName, ...(revision === undefined ? {} : { revision }) });
      if (!result.applied) return { imported: false, reason: 'changed' };
      return changed({ imported: true, entry: result.entry, changes: result.changes, encoding });
    },
    imports: () => reader.catalogImports(),
    previewUndo(importId) {
      const entry = reader.catalogImports().find((e) => e.id === importId);
      const snapshot = entry && entry.undoneBy === null ? reader.catalogSnapshot(importId) : null;
      if (!snapshot) throw new CatalogImportGoneError(importId);
      const current = reader.catalog();
      return { changes: diffCatalog(current, snapshot), revision: catalogRevision(current), alsoUndone: reader.catalogEntriesUndoneWith(importId).filter((id) => id !== importId) };
    },
    async undoImport(importId, revision) {
      const result = await writer.undoCatalogImport(importId, revision);
      if (!result.applied && result.reason === 'gone') throw new CatalogImportGoneError(importId);
      if (!result.applied) return { undone: false, reason: 'changed' };
      return changed({ undone: true, entry: result.entry, changes: result.changes });
    },
    exportFile: (format) => exportCatalog(reader.catalog(), format),
    async mergeGatewayProducts(products) {
      await writer.mergeGatewayProducts(products);
      changed(null);
    },
    copilot: () => derived().copilot,
    coupons: () => derived().coupons,
  };

  /** A merge reads the file against the stored products (a buying point may belong to one the file does not list). */
  function parse(format: CatalogFormat, data: Uint8Array, mode: ImportMode, current: Catalog): Promise<CatalogFileParse> {
    return parseOffThread(format, data, mode === 'merge' ? { knownProducts: current.products } : {}, parseBudget);
  }

  function derived(): NonNullable<typeof cached> {
    if (!cached) {
      const catalog = reader.catalog();
      const products = new Map(catalog.products.map((p) => [p.id, p]));
      const unflagged = (b: BuyingPoint) => {
        const owner = products.get(b.productId);
        return owner !== undefined && checkCatalogLine(b.line, owner).length === 0;
      };
      cached = {
        copilot: {
          // A line flagged since it was accepted (its product's category, price or coupon changed) is not suggested either.
          buyingPoints: catalog.buyingPoints.filter((b) => b.status === 'accepted' && unflagged(b)),
          categories: Object.fromEntries(catalog.products.map((p) => [p.id, p.category])),
        },
        coupons: new Map(catalog.products.filter((p) => p.coupon !== '').map((p) => [p.id, p.coupon])),
      };
    }
    return cached;
  }
}
