/**
 * What importing a file does to the catalog, worked out before anything is
 * written: the catalog that results (merge or replace) and, item by item and
 * field by field, how it differs from the one there now. The preview, the
 * writer thread and the import history all use these two functions, so what
 * the user is shown is what is written.
 *
 * - merge (合并, the default): the file's products and buying points are added,
 *   or update the ones with the same id; nothing is removed. A column the
 *   file does not have (an older template without 优惠券) keeps what is stored.
 * - replace (替换): the catalog becomes the file; whatever it lacks is removed.
 */
import type { BuyingPoint, Catalog, CatalogProduct } from './catalog.js';

export const importModes = ['merge', 'replace'] as const;
export type ImportMode = (typeof importModes)[number];

export type ProductField = Exclude<keyof CatalogProduct, 'id'>;
export type PointField = Exclude<keyof BuyingPoint, 'id'>;

export const productFields = ['title', 'category', 'price', 'coupon', 'sellingPoints'] as const satisfies readonly ProductField[];
export const pointFields = [
  'productId',
  'audience',
  'scenario',
  'pain',
  'benefit',
  'proof',
  'line',
  'answers',
  'keywords',
  'origin',
  'originNote',
  'status',
] as const satisfies readonly PointField[];

/** A file's catalog, and the fields its columns did not carry (so a merge keeps the stored values). */
export interface IncomingCatalog {
  catalog: Catalog;
  omitted: { products: ProductField[]; buyingPoints: PointField[] };
}

export type FieldValue = string | number | null | readonly string[];

export interface FieldChange {
  field: ProductField | PointField;
  before: FieldValue;
  after: FieldValue;
}

/** An item as a list names it: a product by its title, a buying point by its line and its product. */
export interface ItemRef {
  id: string;
  label: string;
  productId?: string;
}

export interface ItemChange extends ItemRef {
  fields: FieldChange[];
}

export interface ChangeCounts {
  added: number;
  changed: number;
  removed: number;
  unchanged: number;
}

export interface KindChanges {
  counts: ChangeCounts;
  /** The first `DIFF_LIST_LIMIT` of each list; `counts` has the whole numbers. */
  added: ItemRef[];
  changed: ItemChange[];
  removed: ItemRef[];
}

export interface CatalogChanges {
  products: KindChanges;
  buyingPoints: KindChanges;
}

/** How many items of a kind a change list carries to a screen. */
export const DIFF_LIST_LIMIT = 500;

/** The catalog an import leaves behind. */
export function applyImport(current: Catalog, incoming: IncomingCatalog, mode: ImportMode): Catalog {
  if (mode === 'replace') return incoming.catalog;
  return {
    products: mergeById(current.products, incoming.catalog.products, incoming.omitted.products),
    buyingPoints: mergeById(current.buyingPoints, incoming.catalog.buyingPoints, incoming.omitted.buyingPoints),
  };
}

/** Stored items in their order with the file's values laid over them, then the file's new items in its order. */
function mergeById<T extends { id: string }>(stored: readonly T[], file: readonly T[], omitted: readonly Exclude<keyof T, 'id'>[]): T[] {
  const fromFile = new Map(file.map((item) => [item.id, item]));
  const merged = stored.map((item) => {
    const update = fromFile.get(item.id);
    if (!update) return item;
    const next = { ...update };
    for (const field of omitted) next[field] = item[field];
    return next;
  });
  const storedIds = new Set(stored.map((item) => item.id));
  return [...merged, ...file.filter((item) => !storedIds.has(item.id))];
}

/** How `after` differs from `before`, item by item. */
export function diffCatalog(before: Catalog, after: Catalog): CatalogChanges {
  return {
    products: diffKind(before.products, after.products, productFields, (p) => ({ id: p.id, label: p.title })),
    buyingPoints: diffKind(before.buyingPoints, after.buyingPoints, pointFields, (b) => ({ id: b.id, label: b.line, productId: b.productId })),
  };
}

function diffKind<T extends { id: string }, F extends Exclude<keyof T, 'id'> & (ProductField | PointField)>(
  before: readonly T[],
  after: readonly T[],
  fields: readonly F[],
  ref: (item: T) => ItemRef,
): KindChanges {
  const previous = new Map(before.map((item) => [item.id, item]));
  const next = new Set(after.map((item) => item.id));
  const changes: KindChanges = { counts: { added: 0, changed: 0, removed: 0, unchanged: 0 }, added: [], changed: [], removed: [] };
  const keep = <L>(list: L[], item: L) => {
    if (list.length < DIFF_LIST_LIMIT) list.push(item);
  };
  for (const item of after) {
    const old = previous.get(item.id);
    if (!old) {
      changes.counts.added++;
      keep(changes.added, ref(item));
      continue;
    }
    const changed = fields
      .filter((field) => !sameValue(old[field], item[field]))
      .map((field): FieldChange => ({ field, before: old[field] as FieldValue, after: item[field] as FieldValue }));
    if (changed.length === 0) changes.counts.unchanged++;
    else {
      changes.counts.changed++;
      keep(changes.changed, { ...ref(item), fields: changed });
    }
  }
  for (const item of before) {
    if (next.has(item.id)) continue;
    changes.counts.removed++;
    keep(changes.removed, ref(item));
  }
  return changes;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => item === b[i]);
  return a === b;
}

/** Whether an import changes nothing at all. */
export const changesNothing = (changes: CatalogChanges): boolean =>
  [changes.products.counts, changes.buyingPoints.counts].every((c) => c.added === 0 && c.changed === 0 && c.removed === 0);
