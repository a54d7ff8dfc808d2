import type { Migration } from './migration.js';

/**
 * The web host's devices (设备与访问), their one-time pairing codes and the
 * audit trail of control requests. Tokens and codes are kept as SHA-256
 * digests only: a copy of the database opens nothing.
 */
export const devices: Migration = {
  version: 11,
  name: 'devices',
  up(db) {
    db.exec(`
      CREATE TABLE devices (
        name TEXT PRIMARY KEY,
        role TEXT NOT NULL CHECK (role IN ('view', 'control')),
        token_digest TEXT UNIQUE,
        created_at INTEGER NOT NULL,
        last_seen_at INTEGER,
        revoked_at INTEGER,
        forbidden_count INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE TABLE pairing_codes (
        code_digest TEXT PRIMARY KEY,
        device TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('view', 'control')),
        -- 1: made for a device that exists (\`livecue access add\`), whose token the code replaces.
        rekeys INTEGER NOT NULL DEFAULT 0,
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        used_at INTEGER
      ) STRICT;
      CREATE TABLE device_audit (
        id INTEGER PRIMARY KEY,
        at INTEGER NOT NULL,
        device TEXT NOT NULL,
        request TEXT NOT NULL,
        result TEXT NOT NULL
      ) STRICT;
      CREATE INDEX device_audit_at ON device_audit (at);
    `);
  },
};
