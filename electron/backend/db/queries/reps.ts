import type { Rep } from '../../../../shared/domain/model/workspace';
import type { Db } from '../db-types';

export function insertReps(db: Db, reps: readonly (Rep & { cell: number | null })[]): void {
  const insert = db.prepare('INSERT INTO reps (id, name, lat, lon, cell, capacity) VALUES (?, ?, ?, ?, ?, ?)');
  for (const r of reps) insert.run(r.id, r.name, r.lat, r.lon, r.cell, r.capacity);
}

export function listReps(db: Db): Rep[] {
  return db.prepare('SELECT id, name, lat, lon, capacity FROM reps ORDER BY name, id').all() as Rep[];
}

export function repCount(db: Db): number {
  return (db.prepare('SELECT count(*) AS n FROM reps').get() as { n: number }).n;
}
