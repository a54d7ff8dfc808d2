import type { Migration } from './migration.js';

/**
 * The catalog's import history (商品库 → 导入记录): every import and every
 * undo, with the catalog as it was just before (gzip'd JSON), so any of the
 * last ten can be taken back. `undone_by` names the undo that reverted an
 * entry; `undoes` names the entry an undo reverted.
 */
export const catalogImports: Migration = {
  version: 7,
  name: 'catalog-imports',
  up(db) {
    db.exec(`
      CREATE TABLE catalog_imports (
        id INTEGER PRIMARY KEY,
        at INTEGER NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('import', 'undo')),
        file_name TEXT NOT NULL,
        format TEXT,
        mode TEXT,
        counts TEXT NOT NULL,
        undoes INTEGER,
        undone_by INTEGER,
        snapshot BLOB NOT NULL
      ) STRICT;
    `);
  },
};
