/**
 * The catalog's import history: an import or an undo is one transaction that
 * keeps the catalog as it was before (a snapshot), writes the new one and
 * records what changed. Only the last ten imports are kept (with the undos
 * among them), so the history cannot grow without bound.
 */
import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { CatalogImportEntry } from '../../../shared/catalog/catalog-api.js';
import type { CatalogFormat } from '../../../shared/catalog/file-layout.js';
import { applyImport, diffCatalog, type CatalogChanges, type ImportMode, type IncomingCatalog } from '../../../shared/catalog/import.js';
import type { Catalog } from '../../../shared/catalog/catalog.js';
import { readCatalog, type CatalogWriter } from './catalog.js';
import type { Connection } from './connection.js';

/** How many imports 导入记录 keeps, each with the snapshot to undo it. */
export const KEPT_IMPORTS = 10;

/** A row as read: an entry whose counts are still JSON text. */
type EntryRow = Omit<CatalogImportEntry, 'counts'> & { counts: string };

const SQL = {
  entries: `SELECT id, at, kind, file_name AS fileName, format, mode, counts, undoes, undone_by AS undoneBy FROM catalog_imports ORDER BY id DESC`,
  entry: `SELECT id, at, kind, file_name AS fileName, format, mode, counts, undoes, undone_by AS undoneBy FROM catalog_imports WHERE id = ?`,
  snapshot: `SELECT snapshot FROM catalog_imports WHERE id = ?`,
  standingFrom: `SELECT id FROM catalog_imports WHERE id >= ? AND undone_by IS NULL ORDER BY id`,
  insert: `INSERT INTO catalog_imports (at, kind, file_name, format, mode, counts, undoes, snapshot) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  markUndone: `UPDATE catalog_imports SET undone_by = ? WHERE id >= ? AND undone_by IS NULL AND id < ?`,
  // Undoing an undo is a redo: what that undo had reverted stands again (and can be undone again).
  standAgain: `UPDATE catalog_imports SET undone_by = NULL WHERE undone_by = ?`,
  // Everything older than the KEPT_IMPORTS-th newest import goes, the undos among them too.
  prune: `DELETE FROM catalog_imports WHERE id < (SELECT id FROM catalog_imports WHERE kind = 'import' ORDER BY id DESC LIMIT 1 OFFSET ?)`,
} as const;

/** A catalog's fingerprint: a preview names the one it was made against, so an apply can tell it changed since. */
export function catalogRevision(catalog: Catalog): string {
  return createHash('sha256').update(JSON.stringify(catalog)).digest('hex').slice(0, 32);
}

const toEntry = (row: EntryRow): CatalogImportEntry => ({ ...row, counts: JSON.parse(row.counts) as CatalogImportEntry['counts'] });

export function readCatalogImports(db: Connection): CatalogImportEntry[] {
  return db.prepare<[], EntryRow>(SQL.entries).all().map(toEntry);
}

export function readCatalogImport(db: Connection, id: number): CatalogImportEntry | null {
  const row = db.prepare<[number], EntryRow>(SQL.entry).get(id);
  return row ? toEntry(row) : null;
}

/** The catalog as it was just before entry `id`; null when the entry is not (or no longer) kept. */
export function readCatalogSnapshot(db: Connection, id: number): Catalog | null {
  const row = db.prepare<[number], { snapshot: Buffer }>(SQL.snapshot).get(id);
  return row ? (JSON.parse(gunzipSync(row.snapshot).toString('utf8')) as Catalog) : null;
}

/** The entries undoing `id` reverts: it and every later one still standing. */
export function entriesUndoneWith(db: Connection, id: number): number[] {
  return db
    .prepare<[number], { id: number }>(SQL.standingFrom)
    .all(id)
    .map((r) => r.id);
}

export interface ImportRequest {
  incoming: IncomingCatalog;
  mode: ImportMode;
  format: CatalogFormat;
  fileName: string;
  /** The revision the user's preview was made against; the import is refused when the catalog is no longer it. */
  revision?: string;
}

export type HistoryResult = { applied: true; entry: CatalogImportEntry; changes: CatalogChanges } | { applied: false; reason: 'changed' | 'gone' };

export interface CatalogHistory {
  importCatalog(request: ImportRequest): HistoryResult;
  /** Restores the catalog as it was before entry `id`; 'gone' when it is not kept or was undone already. */
  undo(id: number, revision?: string): HistoryResult;
}

export function createCatalogHistory(db: Connection, catalog: CatalogWriter, now: () => number = Date.now): CatalogHistory {
  const insert = db.prepare(SQL.insert);
  const markUndone = db.prepare(SQL.markUndone);
  const prune = db.prepare(SQL.prune);
  const standAgain = db.prepare(SQL.standAgain);

  /** Writes `next` as the catalog and records the entry, with `current` as its snapshot. */
  const record = (current: Catalog, next: Catalog, entry: Omit<EntryRow, 'id' | 'at' | 'counts' | 'undoneBy'>): HistoryResult => {
    const changes = diffCatalog(current, next);
    catalog.replace(next);
    const counts = JSON.stringify({ products: changes.products.counts, buyingPoints: changes.buyingPoints.counts });
    const snapshot = gzipSync(JSON.stringify(current));
    const id = Number(insert.run(now(), entry.kind, entry.fileName, entry.format, entry.mode, counts, entry.undoes, snapshot).lastInsertRowid);
    if (entry.undoes !== null) {
      standAgain.run(entry.undoes);
      markUndone.run(id, entry.undoes, id);
    }
    prune.run(KEPT_IMPORTS - 1);
    return { applied: true, entry: readCatalogImport(db, id)!, changes };
  };

  const importCatalog = db.transaction((request: ImportRequest): HistoryResult => {
    const current = readCatalog(db);
    if (request.revision !== undefined && catalogRevision(current) !== request.revision) return { applied: false, reason: 'changed' };
    const next = applyImport(current, request.incoming, request.mode);
    return record(current, next, { kind: 'import', fileName: request.fileName, format: request.format, mode: request.mode, undoes: null });
  });

  const undo = db.transaction((id: number, revision?: string): HistoryResult => {
    const target = readCatalogImport(db, id);
    const snapshot = target && target.undoneBy === null ? readCatalogSnapshot(db, id) : null;
    if (!snapshot) return { applied: false, reason: 'gone' };
    const current = readCatalog(db);
    if (revision !== undefined && catalogRevision(current) !== revision) return { applied: false, reason: 'changed' };
    return record(current, snapshot, { kind: 'undo', fileName: '', format: null, mode: null, undoes: id });
  });

  return {
    importCatalog: (request) => importCatalog.immediate(request),
    undo: (id, revision) => undo.immediate(id, revision),
  };
}
