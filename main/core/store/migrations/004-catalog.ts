import type { Migration } from './migration.js';

/**
 * The merchant's catalog: products (the gateway's, merged with the
 * merchant's category and selling points) and their buying points (买点,
 * scenario cards). One catalog per database, not per session. Rows are read
 * in rowid order, so a catalog reads back in the order it was written.
 */
export const catalog: Migration = {
  version: 4,
  name: 'catalog',
  up(db) {
    db.exec(`
      CREATE TABLE catalog_products (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        category TEXT NOT NULL,
        price INTEGER,
        selling_points TEXT NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE buying_points (
        id TEXT PRIMARY KEY,
        product_id TEXT NOT NULL REFERENCES catalog_products (id) ON DELETE CASCADE,
        audience TEXT NOT NULL,
        scenario TEXT NOT NULL,
        pain TEXT NOT NULL,
        benefit TEXT NOT NULL,
        proof TEXT NOT NULL,
        line TEXT NOT NULL,
        answers TEXT NOT NULL,
        keywords TEXT NOT NULL,
        origin TEXT NOT NULL,
        origin_note TEXT NOT NULL,
        status TEXT NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX buying_points_by_product ON buying_points (product_id);
    `);
  },
};
