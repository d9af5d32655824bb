import type { SavedMapping } from '../../../../shared/contract/import-api';
import type { ImportKind, ImportMapping } from '../../../../shared/domain/import/types';
import type { Db } from '../db-types';

interface Row {
  name: string;
  kind: ImportKind;
  signature: string;
  mapping: string;
  updated_at: string;
}

const fromRow = (r: Row): SavedMapping => ({
  name: r.name,
  kind: r.kind,
  signature: r.signature,
  mapping: JSON.parse(r.mapping) as ImportMapping,
  updatedAt: r.updated_at,
});

/** Saves (or replaces) a mapping under its name. Call inside a transaction. */
export function saveMapping(db: Db, m: Omit<SavedMapping, 'updatedAt'>, now: string): void {
  db.prepare('INSERT OR REPLACE INTO import_mappings (name, kind, signature, mapping, updated_at) VALUES (?, ?, ?, ?, ?)').run(
    m.name,
    m.kind,
    m.signature,
    JSON.stringify(m.mapping),
    now,
  );
}

export function listMappings(db: Db): SavedMapping[] {
  return (db.prepare('SELECT * FROM import_mappings ORDER BY updated_at DESC, name').all() as Row[]).map(fromRow);
}

/** The most recently saved mapping of this kind for a file layout, if any. */
export function mappingForLayout(db: Db, kind: ImportKind, signature: string): SavedMapping | null {
  const row = db.prepare('SELECT * FROM import_mappings WHERE kind = ? AND signature = ? ORDER BY updated_at DESC, name LIMIT 1').get(kind, signature) as
    | Row
    | undefined;
  return row ? fromRow(row) : null;
}

export function mappingByName(db: Db, name: string): SavedMapping | null {
  const row = db.prepare('SELECT * FROM import_mappings WHERE name = ?').get(name) as Row | undefined;
  return row ? fromRow(row) : null;
}
