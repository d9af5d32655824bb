import type { Db } from '../db-types';

/**
 * Imports: the postal code an account or rep was located by (kept exactly as in the
 * file), and the column mappings users saved so the next file of the same layout maps
 * itself.
 */
export function up(db: Db): void {
  db.exec(`
    ALTER TABLE accounts ADD COLUMN postal_code TEXT;
    ALTER TABLE reps ADD COLUMN postal_code TEXT;

    CREATE TABLE import_mappings (
      name       TEXT PRIMARY KEY,
      kind       TEXT NOT NULL CHECK (kind IN ('accounts', 'reps', 'alignment')),
      signature  TEXT NOT NULL,
      mapping    TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) WITHOUT ROWID;
    CREATE INDEX import_mappings_layout ON import_mappings(kind, signature);
  `);
}
