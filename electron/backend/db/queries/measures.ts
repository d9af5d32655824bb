import type { Measure } from '../../../../shared/domain/model/workspace';
import type { Db } from '../db-types';

export function insertMeasures(db: Db, measures: readonly Measure[]): void {
  const insert = db.prepare('INSERT INTO measures (key, label, unit, position) VALUES (?, ?, ?, ?)');
  for (const m of measures) insert.run(m.key, m.label, m.unit, m.position);
}

export function listMeasures(db: Db): Measure[] {
  return db.prepare('SELECT key, label, unit, position FROM measures ORDER BY position, key').all() as Measure[];
}
